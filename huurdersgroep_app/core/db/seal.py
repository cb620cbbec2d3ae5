"""The seal of a closed financial year: a SHA-256 digest over every row that makes the year.

The triggers (``lock_triggers``) stop every change a program can make through SQLite; nothing stops
a person with a hex editor, or one who drops the triggers first. The seal makes such a change
visible: closing a year stores the digest, and opening the file (the check on open), ``huurdersgroep
check``, the closing checks and every report of that year compute it again and compare.

What is sealed, in a canonical serialisation (one JSON array per row, in a fixed order; amounts in
integer cents and dates as the ISO text SQLite stores, so the digest does not depend on Python's
types): the year's entries (without the member link, which a member's erasure may clear), their
lines, receipts (file name, type, size and the SHA-256 of the file), dues payments, transfers, the
non-zero opening balances of the year and of the next one (the carried-forward closing balance),
the categories and accounts they use (id, kind, code, name), the year's volunteer allowances,
budget with its lines, and its dues amount.

Works on any connection: ``run(sql, params)`` returns rows (see ``for_session`` and ``for_sqlite``),
so the migration, the engine's session and a plain ``sqlite3`` connection share one definition.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable, Iterable

from huurdersgroep_app.core.db.lock_triggers import LOCK_TRIGGERS
from huurdersgroep_app.i18n import _, ngettext

SEAL_FORMAT = 1
Run = Callable[[str, tuple], Iterable[tuple]]

_IN_YEAR = "booked_on BETWEEN ? AND ?"


def _bounds(year: int) -> tuple[str, str]:
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


_ENTRIES_OF_YEAR = f"SELECT id FROM entry WHERE {_IN_YEAR}"
# (name, query, parameters as a function of the year) in the order they are hashed.
_PARTS: tuple[tuple[str, str, Callable[[int], tuple]], ...] = (
    ("entry", "SELECT id, booked_on, account_id, amount, counterparty, counterparty_iban, description, grant_id, "
              f"receipt_number, structured_reference, bank_reference, bank_fingerprint FROM entry WHERE {_IN_YEAR} "
              "ORDER BY id", _bounds),
    ("entry_line", "SELECT id, entry_id, category_id, amount, note FROM entry_line "
                   f"WHERE entry_id IN ({_ENTRIES_OF_YEAR}) ORDER BY id", _bounds),
    ("receipt", "SELECT id, entry_id, file_name, mime, size, data FROM receipt "
                f"WHERE entry_id IN ({_ENTRIES_OF_YEAR}) ORDER BY id", _bounds),
    ("dues_payment", "SELECT id, entry_id, year, amount FROM dues_payment "
                     f"WHERE entry_id IN ({_ENTRIES_OF_YEAR}) ORDER BY id",
     _bounds),
    ("transfer", "SELECT id, transferred_on, from_account_id, to_account_id, amount, description, bank_fingerprint "
                 "FROM transfer WHERE transferred_on BETWEEN ? AND ? ORDER BY id",
     _bounds),
    ("opening_balance", "SELECT account_id, year, amount FROM opening_balance WHERE year IN (?, ?) AND amount <> 0 "
                        "ORDER BY year, account_id", lambda y: (y, y + 1)),
    ("category", "SELECT id, kind, code, name FROM category WHERE id IN (SELECT category_id FROM entry_line "
                 f"WHERE entry_id IN ({_ENTRIES_OF_YEAR})) OR id IN (SELECT bl.category_id FROM budget_line bl "
                 "JOIN budget b ON b.id = bl.budget_id WHERE b.year = ?) ORDER BY id",
     lambda y: (*_bounds(y), y)),
    ("account", "SELECT id, kind, name FROM account WHERE id IN (SELECT account_id FROM entry WHERE "
                f"{_IN_YEAR}) OR id IN (SELECT from_account_id FROM transfer WHERE transferred_on BETWEEN ? AND ?) "
                "OR id IN (SELECT to_account_id FROM transfer WHERE transferred_on BETWEEN ? AND ?) "
                "OR id IN (SELECT account_id FROM opening_balance WHERE year IN (?, ?) AND amount <> 0) ORDER BY id",
     lambda y: _bounds(y) * 3 + (y, y + 1)),
    ("volunteer_allowance", "SELECT id, member_id, year, amount, paid_on, description, {days} FROM volunteer_allowance "
                            "WHERE year = ? ORDER BY id", lambda y: (y,)),
    ("budget", "SELECT id, year, approved_on, approval_reference, notes FROM budget WHERE year = ? ORDER BY id",
     lambda y: (y,)),
    ("budget_line", "SELECT bl.id, bl.budget_id, bl.category_id, bl.amount, bl.justification FROM budget_line bl "
                    "JOIN budget b ON b.id = bl.budget_id WHERE b.year = ? ORDER BY bl.id", lambda y: (y,)),
    ("dues_year", "SELECT year, amount, due_on FROM dues_year WHERE year = ?", lambda y: (y,)),
)


def for_session(session) -> Run:
    """Rows through an ORM session (inside its transaction, so a flush is seen)."""
    return lambda sql, params=(): session.connection().exec_driver_sql(sql, params)


def for_connection(connection) -> Run:
    return lambda sql, params=(): connection.exec_driver_sql(sql, params)


def for_sqlite(con) -> Run:
    return lambda sql, params=(): con.execute(sql, params)


# One encoder for every row: json.dumps with options builds a new encoder per call, which was a third of the
# time of a digest. Its output is exactly json.dumps(row, ensure_ascii=False, separators=(",", ":"),
# sort_keys=True), the serialisation SEAL_FORMAT 1 is defined by.
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _canonical(value):
    if isinstance(value, (bytes, memoryview)):
        return {"sha256": hashlib.sha256(bytes(value)).hexdigest()}
    return value


def year_digest(run: Run, year: int) -> str:
    """The SHA-256 (hex) over the rows that make ``year``, as stored now."""
    digest = hashlib.sha256(json.dumps(["huurdersgroep year seal", SEAL_FORMAT, year]).encode())
    # A backup from before migration 0006 has no allowance days; the upgrade adds them as NULL.
    has_days = any(row[1] == "days" for row in run("PRAGMA table_info(volunteer_allowance)", ()))
    for name, sql, params in _PARTS:
        digest.update(json.dumps([name]).encode() + b"\n")
        binary = name == "receipt"  # the only part with a BLOB (the file, hashed by its SHA-256)
        for row in run(sql.replace("{days}", "days" if has_days else "NULL"), params(year)):
            values = [_canonical(v) for v in row] if binary else list(row)
            digest.update(_ROW_ENCODER.encode(values).encode("utf-8") + b"\n")
    return digest.hexdigest()


def seal_year(run: Run, year: int, sealed_at: str) -> str:
    """Store the seal of ``year`` (before its status becomes 'closed': the triggers refuse a seal for a
    year that is already closed). Returns the digest."""
    value = year_digest(run, year)
    run("INSERT INTO year_seal (year, format, digest, sealed_at) VALUES (?, ?, ?, ?)",
        (year, SEAL_FORMAT, value, sealed_at))
    return value


@dataclass(frozen=True)
class SealProblem:
    year: int | None  # None: the file as a whole (its guards)
    message: str


def _tables(run: Run) -> set[str]:
    return {row[0] for row in run("SELECT name FROM sqlite_master WHERE type = 'table'", ())}


def guard_problems(run: Run) -> list[SealProblem]:
    """The triggers that guard closed years, compared with the exact text this version installed."""
    stored = {name: sql for name, sql in run("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'", ())}
    broken = [name for name, sql in LOCK_TRIGGERS.items() if stored.get(name) != sql]
    if not broken:
        return []
    return [SealProblem(None, ngettext(
        "{count} of the {total} guards that protect closed years in the file is missing or was changed, "
        "so the books of closed years could have been changed without the program noticing.",
        "{count} of the {total} guards that protect closed years in the file are missing or were changed, "
        "so the books of closed years could have been changed without the program noticing.",
        len(broken)).format(count=len(broken), total=len(LOCK_TRIGGERS)))]


def seal_problems(run: Run, years: Iterable[int] | None = None) -> list[SealProblem]:
    """Everything that says the closed books are not as they were sealed; [] when all seals hold.
    ``years`` limits the year checks (the guards are always checked)."""
    if "year_seal" not in _tables(run):
        return []  # a file before migration 0009 is sealed by that migration when it opens
    problems = guard_problems(run)
    closed = {row[0] for row in run("SELECT year FROM financial_year WHERE status = 'closed'", ())}
    seals = {row[0]: (row[1], row[2]) for row in run("SELECT year, format, digest FROM year_seal", ())}
    wanted = set(years) if years is not None else closed | set(seals)
    for year in sorted(wanted):
        if year in closed and year not in seals:
            problems.append(SealProblem(year, _(
                "The financial year {year} is marked closed, but it has no seal: it was not closed by the program, "
                "or its seal was removed. Its books cannot be trusted as closed books.").format(year=year)))
        elif year in seals and year not in closed:
            problems.append(SealProblem(year, _(
                "The financial year {year} was closed and sealed, but the file now marks it open: it was "
                "reopened outside the program.").format(year=year)))
        elif year in seals and (seals[year][0] != SEAL_FORMAT or seals[year][1] != year_digest(run, year)):
            problems.append(SealProblem(year, _(
                "The books of the closed year {year} were changed outside the program: they no longer match "
                "the seal made when the year was closed. Restore a backup from before the change, or ask "
                "the kascommissie to check the year again.").format(year=year)))
    return problems


def year_warning(run: Run, year: int) -> str:
    """One line for a report of ``year`` whose closed books do not match their seal ('' when they do,
    or when the year is open and was never sealed: an open year's report is a draft anyway)."""
    if "year_seal" not in _tables(run):
        return ""
    closed = run("SELECT 1 FROM financial_year WHERE year = ? AND status = 'closed'", (year,))
    sealed = run("SELECT 1 FROM year_seal WHERE year = ?", (year,))
    if not list(closed) and not list(sealed):
        return ""
    if not seal_problems(run, [year]):
        return ""
    return _("Warning: these figures do not match the closed books of {year} as they were sealed. "
             "Run the file check before using this report.").format(year=year)


def closed_year_digests(run: Run) -> dict[int, str]:
    """{closed year: the digest of its books as they are now} — what a backup is compared on."""
    if "financial_year" not in _tables(run):
        return {}
    closed = [row[0] for row in run("SELECT year FROM financial_year WHERE status = 'closed' ORDER BY year", ())]
    return {year: year_digest(run, year) for year in closed}


def _read_only(path):
    import sqlite3

    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def file_seal_problems(path) -> list[str]:
    """The seal check of a file on disk, in its own read-only connection (the check on open runs it
    on a thread; ``huurdersgroep check`` runs it too). One sentence per problem."""
    import sqlite3

    try:
        con = _read_only(path)
        try:
            return [problem.message for problem in seal_problems(for_sqlite(con))]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return [_("The seals of the closed years could not be checked: {error}").format(error=exc)]


def opening_problems(path, years: Iterable[int] = ()) -> list[str]:
    """The check each command line command makes when it opens the file at ``path``: the guards (the
    triggers that stop changes to closed years; removing them is how a closed year is changed through
    SQLite) and the seals of ``years`` only. Every closed year's digest reads every row of those years
    (about 1 s for ten years of 5,000 entries), too much for each command: ``huurdersgroep check`` and
    the window's check on open verify them all, and a report of a closed year verifies its own.
    [] when all is well or the file is not a readable group file (the command then says so itself)."""
    import sqlite3

    try:
        con = _read_only(path)
        try:
            return [problem.message for problem in seal_problems(for_sqlite(con), list(years))]
        finally:
            con.close()
    except sqlite3.Error:
        return []


def restore_changes(backup_path, current_path) -> list[str]:
    """What restoring ``backup_path`` over ``current_path`` would change in closed years, one sentence each;
    [] when every closed year is the same in both (or neither file has any)."""
    import sqlite3

    digests = []
    for path in (backup_path, current_path):
        try:
            con = _read_only(path)
            try:
                digests.append(closed_year_digests(for_sqlite(con)))
            finally:
                con.close()
        except sqlite3.Error as exc:
            return [_("The closed years of the backup could not be compared with this file's: {error}").format(
                error=exc)]
    backup, current = digests
    changes = []
    for year in sorted(set(backup) | set(current)):
        if year not in backup:
            changes.append(_("{year} is closed in this file but open in the backup: its books would be open "
                             "again.").format(year=year))
        elif year not in current:
            changes.append(_("{year} is closed in the backup but open in this file: the entries made in {year} "
                             "since the backup would be lost.").format(year=year))
        elif backup[year] != current[year]:
            changes.append(_("The closed year {year} has other books in the backup than in this file.").format(
                year=year))
    return changes
