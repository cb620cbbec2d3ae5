"""The database's own guard of closed financial years: the SQLite triggers of migration 0009.

They replace the triggers of 0004, which let three things through (issue 13 §2):
- ``INSERT OR REPLACE`` (and ``UPDATE OR REPLACE``): SQLite deletes the conflicting row without
  firing a delete trigger unless ``recursive_triggers`` is on, which a plain ``sqlite3`` shell never
  sets. So every insert and update trigger also refuses a row whose *key* meets a row of a closed year
  (the row REPLACE would silently delete);
- the opening balance carried into the year after a closed year (only a zero for an account that
  did not exist then may still be added: a later closing writes those);
- what a closed year's reports are made of besides the entries: the categories and accounts it uses
  (name, kind, code), its volunteer allowances, budget and budget lines, its dues amount, and the
  seal itself.

Each trigger is kept here as the exact text SQLite stores in ``sqlite_master``: the seal check
(``core.db.seal``) compares them, so a dropped or rewritten trigger is reported. A later change to
the triggers is a new migration with its own copy (this module is what 0009 installed).
"""
from __future__ import annotations

# The message must contain core.db.year_lock.TRIGGER_MARKER, which turns it into a LockedYearError.
_MARK = "huurdersgroep: closed financial year"
_RAISE = f"SELECT RAISE(ABORT, '{_MARK}');"


def _date_closed(expr: str) -> str:
    # Dates are ISO text by construction (CHECK constraints of 0009), so the year is the first four characters.
    return (f"EXISTS (SELECT 1 FROM financial_year fy WHERE fy.status = 'closed' "
            f"AND fy.year = CAST(substr({expr}, 1, 4) AS INTEGER))")


def _year_closed(expr: str) -> str:
    return f"EXISTS (SELECT 1 FROM financial_year fy WHERE fy.status = 'closed' AND fy.year = {expr})"


def _entry_closed(expr: str) -> str:
    return (f"EXISTS (SELECT 1 FROM entry ce JOIN financial_year fy "
            f"ON fy.year = CAST(substr(ce.booked_on, 1, 4) AS INTEGER) "
            f"WHERE ce.id = {expr} AND fy.status = 'closed')")


def _category_closed(row: str) -> str:
    return (f"(EXISTS (SELECT 1 FROM entry_line cl JOIN entry ce ON ce.id = cl.entry_id JOIN financial_year fy "
            f"ON fy.year = CAST(substr(ce.booked_on, 1, 4) AS INTEGER) "
            f"WHERE cl.category_id = {row}.id AND fy.status = 'closed') "
            f"OR EXISTS (SELECT 1 FROM budget_line cbl JOIN budget cb ON cb.id = cbl.budget_id "
            f"WHERE cbl.category_id = {row}.id AND {_year_closed('cb.year')}))")


def _account_closed(row: str) -> str:
    return (f"(EXISTS (SELECT 1 FROM entry ce WHERE ce.account_id = {row}.id AND {_date_closed('ce.booked_on')}) "
            f"OR EXISTS (SELECT 1 FROM transfer ct WHERE (ct.from_account_id = {row}.id OR ct.to_account_id = "
            f"{row}.id) AND {_date_closed('ct.transferred_on')}) "
            f"OR EXISTS (SELECT 1 FROM opening_balance cob WHERE cob.account_id = {row}.id "
            f"AND ({_year_closed('cob.year')} OR ({_year_closed('cob.year - 1')} AND cob.amount <> 0))))")


def _opening_closed(row: str) -> str:
    # The year itself, or the year after a closed one (its opening is that year's closing balance).
    return f"({_year_closed(f'{row}.year')} OR {_year_closed(f'{row}.year - 1')})"


def _budget_line_closed(row: str) -> str:
    return f"EXISTS (SELECT 1 FROM budget b WHERE b.id = {row}.budget_id AND {_year_closed('b.year')})"


# member_id is left out of the watched entry columns: deleting a member sets it to NULL (SET NULL).
_ENTRY_COLUMNS = ("id, booked_on, account_id, amount, counterparty, counterparty_iban, description, grant_id, "
                  "receipt_number, structured_reference, bank_reference, bank_fingerprint")

# table: (closed(row alias) -> SQL, unique keys (each a tuple of columns), watched columns on UPDATE or None: all)
_GUARDED = {
    "entry": (lambda r: _date_closed(f"{r}.booked_on"), (("id",), ("bank_fingerprint",)), _ENTRY_COLUMNS),
    "entry_line": (lambda r: _entry_closed(f"{r}.entry_id"), (("id",),), None),
    "receipt": (lambda r: _entry_closed(f"{r}.entry_id"), (("id",),), None),
    "dues_payment": (lambda r: _entry_closed(f"{r}.entry_id"), (("id",), ("entry_id",)), None),
    "transfer": (lambda r: _date_closed(f"{r}.transferred_on"), (("id",), ("bank_fingerprint",)), None),
    "opening_balance": (_opening_closed, (("id",), ("account_id", "year")), None),
    "category": (_category_closed, (("id",), ("code",)), "id, kind, code, name"),
    "account": (_account_closed, (("id",), ("name",)), "id, kind, name"),
    # entry_id is not watched: deleting an open year's entry sets it to NULL (SET NULL).
    "volunteer_allowance": (lambda r: _year_closed(f"{r}.year"), (("id",),),
                            "id, member_id, year, amount, paid_on, description, days"),
    # approval_decision_id is not watched: deleting a decision sets it to NULL (SET NULL).
    "budget": (lambda r: _year_closed(f"{r}.year"), (("id",), ("year",)),
               "id, year, approved_on, approval_reference, notes"),
    "budget_line": (_budget_line_closed, (("id",), ("budget_id", "category_id")), None),
    "dues_year": (lambda r: _year_closed(f"{r}.year"), (("year",),), None),
    "year_seal": (lambda r: _year_closed(f"{r}.year"), (("year",),), None),
}


def _key_match(keys: tuple[tuple[str, ...], ...]) -> str:
    return " OR ".join("(" + " AND ".join(f"x.{c} = NEW.{c}" for c in key) + ")" for key in keys)


def _conflict(table: str, closed, keys, exclude_old: bool) -> str:
    """A row of a closed year that this new row's key would replace."""
    other = " AND x.rowid <> OLD.rowid" if exclude_old else ""
    return f"EXISTS (SELECT 1 FROM {table} x WHERE ({_key_match(keys)}){other} AND {closed('x')})"


def _create(name: str, when: str, table: str, condition: str) -> str:
    return f"CREATE TRIGGER {name} BEFORE {when} ON {table} FOR EACH ROW WHEN {condition} BEGIN {_RAISE} END"


def _build() -> dict[str, str]:
    triggers: dict[str, str] = {}
    for table, (closed, keys, watched) in _GUARDED.items():
        new_closed = closed("NEW")
        if table == "opening_balance":
            # A later closing adds a zero opening for an account that did not exist in the closed year.
            new_closed = f"({_year_closed('NEW.year')} OR ({_year_closed('NEW.year - 1')} AND NEW.amount <> 0))"
        triggers[f"trg_{table}_sealed_insert"] = _create(
            f"trg_{table}_sealed_insert", "INSERT", table, f"{new_closed} OR {_conflict(table, closed, keys, False)}")
        update = f"UPDATE OF {watched}" if watched else "UPDATE"
        triggers[f"trg_{table}_sealed_update"] = _create(
            f"trg_{table}_sealed_update", update, table,
            f"{closed('OLD')} OR {new_closed} OR {_conflict(table, closed, keys, True)}")
        triggers[f"trg_{table}_sealed_delete"] = _create(f"trg_{table}_sealed_delete", "DELETE", table, closed("OLD"))
    # A closed year stays closed, keeps its number and its closing date; REPLACE cannot reopen it.
    year_conflict = ("EXISTS (SELECT 1 FROM financial_year x WHERE x.year = NEW.year AND x.status = 'closed'{other})")
    triggers["trg_financial_year_sealed_insert"] = _create(
        "trg_financial_year_sealed_insert", "INSERT", "financial_year", year_conflict.format(other=""))
    triggers["trg_financial_year_sealed_update"] = _create(
        "trg_financial_year_sealed_update", "UPDATE", "financial_year",
        "(OLD.status = 'closed' AND (NEW.status IS NOT 'closed' OR NEW.year IS NOT OLD.year "
        "OR NEW.closed_on IS NOT OLD.closed_on)) OR "
        + year_conflict.format(other=" AND x.year <> OLD.year"))
    triggers["trg_financial_year_sealed_delete"] = _create(
        "trg_financial_year_sealed_delete", "DELETE", "financial_year", "OLD.status = 'closed'")
    return triggers


LOCK_TRIGGERS: dict[str, str] = _build()

# The triggers of migration 0004, replaced by these.
OLD_TRIGGER_NAMES = tuple(
    [f"trg_{t}_locked_{op}" for t in ("entry", "transfer", "opening_balance", "entry_line", "receipt", "dues_payment")
     for op in ("insert", "update", "delete")]
    + ["trg_financial_year_locked_update", "trg_financial_year_locked_delete"])

# Dates that must be ISO text (YYYY-MM-DD, a real day) by construction: (table, column, nullable).
ISO_DATE_COLUMNS = (("entry", "booked_on", False), ("transfer", "transferred_on", False),
                    ("volunteer_allowance", "paid_on", True), ("financial_year", "closed_on", True),
                    ("bank_statement", "opening_date", True), ("bank_statement", "closing_date", True))


def iso_date_check(column: str) -> str:
    """The CHECK text: SQLite's date() with a modifier normalises (30 February becomes 2 March) and
    returns NULL for anything that is not a date, so only a real ISO day equals its own date()."""
    return f"date({column}, '+0 days') IS {column}"
