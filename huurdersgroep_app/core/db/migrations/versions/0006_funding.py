"""Funding: funders' IBAN, grants with amount kind, status, deadlines and eligible categories;
conditions as data with their evidence; the audit committee; the year plan; allowance days.
Existing funders and grants keep their rows ('government' funders become 'other').

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_committee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_committee')),
    sa.UniqueConstraint('year', name=op.f('uq_audit_committee_year'))
    )
    op.create_table('year_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_year_plan')),
    sa.UniqueConstraint('year', name=op.f('uq_year_plan_year'))
    )
    op.create_table('audit_committee_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['audit_committee.id'], name=op.f('fk_audit_committee_member_committee_id_audit_committee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_audit_committee_member_member_id_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_committee_member')),
    sa.UniqueConstraint('committee_id', 'member_id', name=op.f('uq_audit_committee_member_committee_id'))
    )
    with op.batch_alter_table('audit_committee_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_committee_member_committee_id'), ['committee_id'], unique=False)

    op.create_table('funding_condition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('funder_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('check', sa.String(length=50), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['funder_id'], ['funder.id'], name=op.f('fk_funding_condition_funder_id_funder'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_condition'))
    )
    with op.batch_alter_table('funding_condition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_condition_funder_id'), ['funder_id'], unique=False)

    op.create_table('condition_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('condition_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['condition_id'], ['funding_condition.id'], name=op.f('fk_condition_evidence_condition_id_funding_condition'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_condition_evidence'))
    )
    with op.batch_alter_table('condition_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_condition_evidence_condition_id'), ['condition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_condition_evidence_year'), ['year'], unique=False)

    op.create_table('grant_category',
    sa.Column('grant_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_grant_category_category_id_category'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grant_id'], ['grant.id'], name=op.f('fk_grant_category_grant_id_grant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('grant_id', 'category_id', name=op.f('pk_grant_category'))
    )
    op.create_table('year_plan_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_year_plan_line_category_id_category'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_year_plan_line_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['year_plan.id'], name=op.f('fk_year_plan_line_plan_id_year_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_year_plan_line'))
    )
    with op.batch_alter_table('year_plan_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_year_plan_line_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('funder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('iban', sa.String(length=40), server_default='', nullable=False))

    with op.batch_alter_table('grant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('amount_kind', sa.String(length=20), server_default='lump_sum', nullable=False))
        batch_op.add_column(sa.Column('dwelling_rate', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('dwellings', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=20), server_default='granted', nullable=False))
        batch_op.add_column(sa.Column('application_deadline', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('applied_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('accounted_on', sa.Date(), nullable=True))

    with op.batch_alter_table('volunteer_allowance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('days', sa.Integer(), nullable=True))

    op.execute("UPDATE funder SET kind = 'other', notes = trim(notes || ' (government)') WHERE kind = 'government'")
    op.execute("UPDATE \"grant\" SET status = 'paid' WHERE id IN (SELECT grant_id FROM entry "
               "WHERE grant_id IS NOT NULL AND amount > 0)")


def downgrade() -> None:
    with op.batch_alter_table('volunteer_allowance', schema=None) as batch_op:
        batch_op.drop_column('days')

    with op.batch_alter_table('grant', schema=None) as batch_op:
        batch_op.drop_column('accounted_on')
        batch_op.drop_column('applied_on')
        batch_op.drop_column('application_deadline')
        batch_op.drop_column('status')
        batch_op.drop_column('dwellings')
        batch_op.drop_column('dwelling_rate')
        batch_op.drop_column('amount_kind')

    with op.batch_alter_table('funder', schema=None) as batch_op:
        batch_op.drop_column('iban')

    with op.batch_alter_table('year_plan_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_year_plan_line_plan_id'))

    op.drop_table('year_plan_line')
    op.drop_table('grant_category')
    with op.batch_alter_table('condition_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_condition_evidence_year'))
        batch_op.drop_index(batch_op.f('ix_condition_evidence_condition_id'))

    op.drop_table('condition_evidence')
    with op.batch_alter_table('funding_condition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_condition_funder_id'))

    op.drop_table('funding_condition')
    with op.batch_alter_table('audit_committee_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_committee_member_committee_id'))

    op.drop_table('audit_committee_member')
    op.drop_table('year_plan')
    op.drop_table('audit_committee')
