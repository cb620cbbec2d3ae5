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
from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.i18n import N_, _, ngettext


revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None


def _checked_columns() -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {}
    for table, column, _nullable in lock_triggers.ISO_DATE_COLUMNS:
        tables.setdefault(table, []).append(column)
    return tables


# What a user calls the rows whose date is checked, for the message that names them.
_ROW_LABELS = {"entry": N_("booking"), "transfer": N_("transfer"), "volunteer_allowance": N_("volunteer allowance"),
               "financial_year": N_("financial year"), "bank_statement": N_("bank statement")}


def _refuse_dates_that_are_not_dates(bind) -> None:
    """A date that is not a real ISO day ('02025-06-01', '2025-02-30': only ever written outside the
    program) makes the rebuild below fail with SQLite's bare 'CHECK constraint failed'. Name the rows
    instead, so the person helping the group knows what to correct; the upgrade then changes nothing."""
    bad = []
    for table, column, _nullable in lock_triggers.ISO_DATE_COLUMNS:
        rows = bind.exec_driver_sql(
            f"SELECT rowid, {column} FROM {table} WHERE NOT ({lock_triggers.iso_date_check(column)}) ORDER BY rowid")
        bad += [(table, row_id, value) for row_id, value in rows]
    if bad:
        shown = "; ".join(_("{row} {id}: '{value}'").format(row=_(_ROW_LABELS[table]), id=row_id, value=value)
                          for table, row_id, value in bad[:5])
        raise DatabaseError(ngettext(
            "{count} date in this file is not a real date ({rows}). The program never writes such a date, so the "
            "file was changed outside it: have that date corrected with a database tool, then open the file again.",
            "{count} dates in this file are not real dates ({rows}). The program never writes such a date, so the "
            "file was changed outside it: have those dates corrected with a database tool, then open the file again.",
            len(bad)).format(count=len(bad), rows=shown + ("; …" if len(bad) > 5 else "")))


def upgrade() -> None:
    _refuse_dates_that_are_not_dates(op.get_bind())
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
