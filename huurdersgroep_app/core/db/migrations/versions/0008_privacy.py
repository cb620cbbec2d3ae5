"""privacy: the versioned privacy statement, the consent log, the log of anonymisations and erasures.

A member's registration consent recorded before (member.consent_on / consent_how) becomes the
first entry of their consent log, so nothing recorded is lost.

Revision ID: 0008
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('privacy_statement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_statement')),
    sa.UniqueConstraint('version', name=op.f('uq_privacy_statement_version'))
    )
    op.create_table('privacy_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('subject_kind', sa.String(length=10), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_action'))
    )
    with op.batch_alter_table('privacy_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_action_done_on'), ['done_on'], unique=False)

    op.create_table('consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=30), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('how', sa.String(length=20), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_consent_member_id_member'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['privacy_statement.id'],
                            name=op.f('fk_consent_statement_id_privacy_statement'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_member_id'), ['member_id'], unique=False)

    op.execute("INSERT INTO consent (member_id, purpose, given_on, how, notes) "
               "SELECT id, 'registration', consent_on, 'other', consent_how FROM member "
               "WHERE consent_on IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_member_id'))
    op.drop_table('consent')
    with op.batch_alter_table('privacy_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_privacy_action_done_on'))
    op.drop_table('privacy_action')
    op.drop_table('privacy_statement')
