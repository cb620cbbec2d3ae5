"""complex_ranges: a complex's address ranges (a street, first and last house number, all / even / odd
numbers, optionally a postcode), so members can be placed in a complex from their address. A new table;
nothing existing changes: the free-text address of a complex stays as it was written.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complex_range',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complex_id', sa.Integer(), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('first_number', sa.Integer(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.Column('parity', sa.String(length=4), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['complex_id'], ['complex.id'], name=op.f('fk_complex_range_complex_id_complex'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complex_range'))
    )
    op.create_index(op.f('ix_complex_range_complex_id'), 'complex_range', ['complex_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_complex_range_complex_id'), table_name='complex_range')
    op.drop_table('complex_range')
