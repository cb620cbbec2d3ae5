"""Find amounts in a file that the app would never have written: beyond ± MAX_AMOUNT in one row,
not integer cents, or sums (an account's year) beyond ± MAX_TOTAL or past SQLite's 64-bit
integers. Such rows can only come from plain SQL or an altered file; `huurdersgroep check` reports
them in plain words, because balances, closing checks and reports cannot be trusted with them."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from huurdersgroep_app.core.amounts import MAX_CENTS, MAX_TOTAL_CENTS
from huurdersgroep_app.i18n import _


def money_columns() -> list[tuple[str, str]]:
    """(table, column) of every Money column in the schema."""
    from huurdersgroep_app.core.db.models import Base
    from huurdersgroep_app.core.db.money import Money

    return sorted((table.name, column.name) for table in Base.metadata.tables.values()
                  for column in table.columns if isinstance(column.type, Money))


def amount_problems(path: Path, limit: int = 20) -> list[str]:
    """One translated line per table column holding out-of-range amounts, and per account year whose
    sum is out of range; an empty list means every amount is within the books' bounds."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        problems = []
        for table, column in money_columns():
            if table not in present:
                continue
            rows = con.execute(
                f'SELECT rowid FROM "{table}" WHERE "{column}" IS NOT NULL AND (typeof("{column}") != \'integer\' '
                f'OR "{column}" > ? OR "{column}" < ?) LIMIT ?', (MAX_CENTS, -MAX_CENTS, limit)).fetchall()
            if rows:
                problems.append(_("Table {table}, column {column}: rows {rows} hold an amount the books cannot "
                                  "hold (more than 999.999.999,99 or not in cents). Restore a backup from "
                                  "before the change.").format(table=table, column=column,
                                                              rows=", ".join(str(r[0]) for r in rows)))
        if "entry" in present:
            problems += _year_sums(con)
        return problems[:limit]
    except sqlite3.DatabaseError as exc:
        return [_("The database file is damaged: {error}").format(error=exc)]
    finally:
        con.close()


def _year_sums(con: sqlite3.Connection) -> list[str]:
    problem = _("The entries of account {account} in {year} add up to more than the books can hold. "
                "Restore a backup from before the change.")
    pairs = con.execute("SELECT DISTINCT account_id, substr(booked_on, 1, 4) FROM entry").fetchall()
    found = []
    for account, year in pairs:
        try:
            # SQLite's sum() stops with 'integer overflow' past 64 bits: that is the finding, not a crash.
            (total,) = con.execute("SELECT sum(amount) FROM entry WHERE account_id = ? AND substr(booked_on, 1, 4) = ?",
                                   (account, year)).fetchone()
        except sqlite3.OperationalError:
            total = None
        if total is None or not isinstance(total, int) or abs(total) > MAX_TOTAL_CENTS:
            found.append(problem.format(account=account, year=year))
    return found
