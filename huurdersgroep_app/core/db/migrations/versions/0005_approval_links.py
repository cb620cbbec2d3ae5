"""Join the meetings, advices and finance branches; link approvals to meeting decisions.

Revision ID: 0005
Revises: 0002, 0003, 0004
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = ('0002', '0003', '0004')
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('advice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approval_decision_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_advice_approval_decision_id_decision'), 'decision',
                                    ['approval_decision_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('budget', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approval_decision_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_budget_approval_decision_id_decision'), 'decision',
                                    ['approval_decision_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('budget', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_budget_approval_decision_id_decision'), type_='foreignkey')
        batch_op.drop_column('approval_decision_id')
    with op.batch_alter_table('advice', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_advice_approval_decision_id_decision'), type_='foreignkey')
        batch_op.drop_column('approval_decision_id')
