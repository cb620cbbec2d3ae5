"""year seal: ISO dates by construction, triggers that also stop REPLACE and guard what a closed year
is made of, and the seal (digest) of every closed year — years already closed are sealed here.

Revision ID: 0009
Revises: 0010
"""
from datetime import datetime, timezone
import importlib.util
from pathlib import Path

from alembic import op
import sqlalchemy as sa

from huurdersgroep_app.core.db import lock_triggers, seal


revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None


def _checked_columns() -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {}
    for table, column, _nullable in lock_triggers.ISO_DATE_COLUMNS:
        tables.setdefault(table, []).append(column)
    return tables


def upgrade() -> None:
    # Triggers first: rebuilding a table (SQLite's way to add a CHECK) fails while a trigger of another
    # table still names it, and the old triggers are replaced anyway.
    for name in lock_triggers.OLD_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, columns in _checked_columns().items():
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            for column in columns:
                batch_op.create_check_constraint(op.f(f"ck_{table}_{column}_iso"),
                                                 sa.text(lock_triggers.iso_date_check(column)))
    op.create_table('year_seal',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('format', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('sealed_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_year_seal'))
    )
    bind = op.get_bind()
    run = seal.for_connection(bind)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for (year,) in list(run("SELECT year FROM financial_year WHERE status = 'closed' ORDER BY year", ())):
        seal.seal_year(run, year, now)
    for sql in lock_triggers.LOCK_TRIGGERS.values():
        op.execute(sql)


def _triggers_of_0004() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("_finance_0004", Path(__file__).with_name("0004_finance.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.LOCK_TRIGGERS


def downgrade() -> None:
    for name in lock_triggers.LOCK_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('year_seal')
    for table, columns in _checked_columns().items():
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            for column in columns:
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}_iso"), type_="check")
    for sql in _triggers_of_0004():
        op.execute(sql)
