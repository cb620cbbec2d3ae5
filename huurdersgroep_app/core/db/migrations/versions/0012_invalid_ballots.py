"""invalid_ballots: an election counts its invalid ballot papers apart from the blank ones, so the
minutes account for every paper handed in (cast = valid + blank + invalid). Existing elections get 0
invalid: what was recorded as 'blank or invalid' stays in the blank count, as it was entered.

Revision ID: 0012
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy): every existing row keeps its data and gets 0.
    op.add_column('election', sa.Column('ballots_invalid', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('election') as batch:
        batch.drop_column('ballots_invalid')
