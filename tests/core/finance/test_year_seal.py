"""Issue 13 §2: a closed year is sealed. Each attack goes through plain SQL on the file (a second
connection, as a script or the sqlite3 shell would), the way the 22 successful attempts did; the
services are tested for the parts of a closed year that stayed editable through them."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from huurdersgroep_app.core.db import seal
from huurdersgroep_app.core.errors import LockedYearError
from huurdersgroep_app.core.services.finance import (accounts, allowances, budget, categories, closing, dues, receipts,
                                                     transfers)
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

AFTER = date(2025, 2, 1)
TABLES = ("entry", "entry_line", "receipt", "transfer", "opening_balance", "financial_year", "dues_payment",
          "category", "account", "volunteer_allowance", "budget", "budget_line", "dues_year", "year_seal")


@pytest.fixture
def closed(books, db_path):
    """2024 holds entries (one with a receipt, one paying dues), a transfer, opening balances, an allowance,
    a budget and a dues amount, and is closed by the closing itself; 2025 has one open entry."""
    with books.db.transaction() as s:
        member = add_member(s, MemberInput(last_name="Peeters", first_name="An")).id
        accounts.set_opening_balance(s, books.bank, 2024, "250.00")
        accounts.set_opening_balance(s, books.cash, 2024, "40.00")
        budget.set_budget_line(s, 2024, books.cat["refreshments"], "100")
        dues.set_dues_amount(s, 2024, "5.00")
        allowances.add_allowance(s, member, 2024, "50.00", "Vrijwilliger")
    entry = books.entry(date(2024, 5, 1), "-12.50", "refreshments", account="cash", description="Koffie")
    dues_entry = books.entry(date(2024, 2, 1), "5.00", "membership_dues", member_id=member)
    with books.db.transaction() as s:
        receipt = receipts.attach_receipt(s, entry, "ticket.pdf", b"%PDF-1.4 ticket").id
        transfer = transfers.add_transfer(s, date(2024, 6, 1), books.cash, books.bank, "20.00").id
    with books.db.transaction() as s:
        closing.close_year(s, 2024, today=AFTER, confirmed=True)
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM dues_payment").fetchone() == (1,)
    open_entry = books.entry(date(2025, 3, 1), "-3.00", "materials", account="cash", description="Lijm")
    ids = dict(entry=entry, dues_entry=dues_entry, receipt=receipt, transfer=transfer, open_entry=open_entry,
               member=member, cash=books.cash, bank=books.bank, refreshments=books.cat["refreshments"],
               materials=books.cat["materials"])
    return dict(ids=ids, books=books, path=db_path)


def _plain(path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=5)  # foreign keys off, no recursive triggers: sqlite3's defaults


def _snapshot(path) -> dict:
    con = _plain(path)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}
    finally:
        con.close()


def _attempt(path, sql: str, ids: dict) -> str:
    con = _plain(path)
    try:
        for statement in sql.split(";"):
            con.execute(statement, {k: v for k, v in ids.items() if f":{k}" in statement})
        con.commit()
        return "changed"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.rollback()
        con.close()


ISO_ATTACKS = {
    "five-digit year": "INSERT INTO entry (booked_on, account_id, amount, counterparty, counterparty_iban, "
                       "description, receipt_number, structured_reference, bank_reference, created_at, updated_at) "
                       "VALUES ('02024-06-01', :cash, -100, '', '', '', '', '', '', CURRENT_TIMESTAMP, "
                       "CURRENT_TIMESTAMP)",
    "30 February": "UPDATE entry SET booked_on = '2025-02-30' WHERE id = :open_entry",
    "date with a time": "UPDATE entry SET booked_on = '2025-03-01 00:00:00' WHERE id = :open_entry",
    "transfer five-digit year": "UPDATE transfer SET transferred_on = '02024-06-01' WHERE id = :transfer",
    "bank statement date": "INSERT INTO bank_statement (account_id, statement_id, closing_date, transactions, "
                           "file_name, imported_at) VALUES (:bank, 'x', '2024-13-01', 0, '', CURRENT_TIMESTAMP)",
    "allowance paid on": "UPDATE volunteer_allowance SET paid_on = '24-06-01'",
}


@pytest.mark.parametrize("attack", ISO_ATTACKS, ids=list(ISO_ATTACKS))
def test_dates_are_iso_by_construction(closed, attack):
    before = _snapshot(closed["path"])
    outcome = _attempt(closed["path"], ISO_ATTACKS[attack], closed["ids"])
    assert "CHECK constraint failed" in outcome or "closed financial year" in outcome
    assert _snapshot(closed["path"]) == before


_ENTRY_COLUMNS = ("booked_on, account_id, amount, counterparty, counterparty_iban, description, receipt_number, "
                  "structured_reference, bank_reference, created_at, updated_at")
REPLACE_ATTACKS = {
    "entry swapped for an open one": f"INSERT OR REPLACE INTO entry (id, {_ENTRY_COLUMNS}) VALUES (:entry, "
                                     "'2025-01-05', :cash, -1, '', '', '', '', '', '', CURRENT_TIMESTAMP, "
                                     "CURRENT_TIMESTAMP)",
    "open entry renumbered onto a closed one": "UPDATE OR REPLACE entry SET id = :entry WHERE id = :open_entry",
    "line moved to an open entry": "INSERT OR REPLACE INTO entry_line (id, entry_id, category_id, amount, note) "
                                   "SELECT id, :open_entry, category_id, amount, note FROM entry_line "
                                   "WHERE entry_id = :entry",
    "receipt replaced": "REPLACE INTO receipt (id, entry_id, file_name, mime, size, data, created_at) VALUES "
                        "(:receipt, :open_entry, 'x', 'x', 1, x'00', CURRENT_TIMESTAMP)",
    "transfer replaced": "INSERT OR REPLACE INTO transfer (id, transferred_on, from_account_id, to_account_id, "
                         "amount, description, created_at, updated_at) VALUES (:transfer, '2025-01-01', :bank, "
                         ":cash, 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "opening balance replaced": "INSERT OR REPLACE INTO opening_balance (account_id, year, amount) "
                                "VALUES (:bank, 2024, 0)",
    "carried-forward opening replaced": "INSERT OR REPLACE INTO opening_balance (account_id, year, amount) "
                                        "VALUES (:bank, 2025, 0)",
    "year reopened by REPLACE": "INSERT OR REPLACE INTO financial_year (year, status, notes) VALUES (2024, 'open', '')",
    "year renumbered onto a closed one": "INSERT INTO financial_year (year, status, notes) VALUES (2023, 'open', '');"
                                         "UPDATE OR REPLACE financial_year SET year = 2024 WHERE year = 2023",
    "seal replaced": "INSERT OR REPLACE INTO year_seal (year, format, digest, sealed_at) VALUES (2024, 1, 'x', '')",
    "dues amount replaced": "INSERT OR REPLACE INTO dues_year (year, amount) VALUES (2024, 1)",
    "budget replaced": "INSERT OR REPLACE INTO budget (id, year, approval_reference, notes, created_at, updated_at) "
                       "SELECT id, year, 'x', '', created_at, updated_at FROM budget WHERE year = 2024",
    "category replaced by code": "INSERT OR REPLACE INTO category (kind, code, name, active, needs_receipt, position) "
                                 "SELECT 'income', code, 'Other', 1, 0, 0 FROM category WHERE id = :refreshments",
}


@pytest.mark.parametrize("attack", REPLACE_ATTACKS, ids=list(REPLACE_ATTACKS))
def test_replace_cannot_swap_or_reopen_closed_rows(closed, attack):
    before = _snapshot(closed["path"])
    sql = REPLACE_ATTACKS[attack]
    con = _plain(closed["path"])
    try:
        with pytest.raises(sqlite3.DatabaseError, match="closed financial year"):
            for statement in sql.split(";"):
                con.execute(statement, {k: v for k, v in closed["ids"].items() if f":{k}" in statement})
    finally:
        con.rollback()
        con.close()
    assert _snapshot(closed["path"]) == before


GUARDED_ATTACKS = {
    "carried-forward opening changed": "UPDATE opening_balance SET amount = 0 WHERE year = 2025",
    "carried-forward opening deleted": "DELETE FROM opening_balance WHERE year = 2025",
    "carried-forward opening added": "INSERT INTO account (id, kind, name, iban, active, notes, created_at, "
                                     "updated_at) VALUES (99, 'cash', 'Tweede kas', '', 1, '', CURRENT_TIMESTAMP, "
                                     "CURRENT_TIMESTAMP); INSERT INTO opening_balance (account_id, year, amount) "
                                     "VALUES (99, 2025, 100)",
    "category renamed": "UPDATE category SET name = 'Feest' WHERE id = :refreshments",
    "category kind changed": "UPDATE category SET kind = 'income' WHERE id = :refreshments",
    "category deleted": "DELETE FROM category WHERE id = :refreshments",
    "account renamed": "UPDATE account SET name = 'Andere kas' WHERE id = :cash",
    "account kind changed": "UPDATE account SET kind = 'bank' WHERE id = :cash",
    "account deleted": "DELETE FROM account WHERE id = :cash",
    "allowance changed": "UPDATE volunteer_allowance SET amount = 99999 WHERE year = 2024",
    "allowance added": "INSERT INTO volunteer_allowance (member_id, year, amount, description, created_at, updated_at) "
                       "VALUES (:member, 2024, 100, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "budget line changed": "UPDATE budget_line SET amount = 1",
    "budget approval changed": "UPDATE budget SET approval_reference = 'x' WHERE year = 2024",
    "dues amount changed": "UPDATE dues_year SET amount = 1 WHERE year = 2024",
    "seal deleted": "DELETE FROM year_seal WHERE year = 2024",
    "seal changed": "UPDATE year_seal SET digest = 'x' WHERE year = 2024",
}


@pytest.mark.parametrize("attack", GUARDED_ATTACKS, ids=list(GUARDED_ATTACKS))
def test_what_makes_the_closed_year_is_guarded(closed, attack):
    before = _snapshot(closed["path"])
    outcome = _attempt(closed["path"], GUARDED_ATTACKS[attack], closed["ids"])
    assert "closed financial year" in outcome
    assert _snapshot(closed["path"]) == before


SERVICE_CHANGES = {
    "rename a category of the closed year": lambda s, i: categories.rename_category(s, i["refreshments"], "Feest"),
    "rename an account of the closed year": lambda s, i: accounts.update_account(s, i["cash"], "Andere kas"),
    "add an allowance to the closed year": lambda s, i: allowances.add_allowance(s, i["member"], 2024, "10"),
    "change the closed year's budget": lambda s, i: budget.set_budget_line(s, 2024, i["refreshments"], "5"),
    "remove a budget line of the closed year": lambda s, i: budget.remove_budget_line(s, 2024, i["refreshments"]),
    "approve the closed year's budget": lambda s, i: budget.approve_budget(s, 2024, date(2025, 3, 1), "ALV"),
    "change the closed year's dues": lambda s, i: dues.set_dues_amount(s, 2024, "7.00"),
}


@pytest.mark.parametrize("change", SERVICE_CHANGES, ids=list(SERVICE_CHANGES))
def test_services_refuse_the_closed_years_names_allowances_budget_and_dues(closed, change):
    before = _snapshot(closed["path"])
    with pytest.raises(LockedYearError, match="2024"):
        with closed["books"].db.transaction() as s:
            SERVICE_CHANGES[change](s, closed["ids"])
    assert _snapshot(closed["path"]) == before


def test_what_the_closed_year_does_not_use_stays_editable(closed):
    ids, books = closed["ids"], closed["books"]
    with books.db.transaction() as s:
        categories.rename_category(s, ids["materials"], "Knutselmateriaal")  # used in 2025 only
        categories.set_category_active(s, ids["refreshments"], False)  # retiring is not renaming
        accounts.update_account(s, ids["cash"], "Kas", notes="In de kast")  # same name, new note
        dues.set_dues_amount(s, 2025, "6.00")
        budget.set_budget_line(s, 2025, ids["refreshments"], "80")
        new = accounts.add_account(s, "Spaarrekening", "bank", "BE71 0961 2345 6769").id
    with books.db.transaction() as s:
        # adds a zero 2025 opening for the new account
        closing.close_year(s, 2025, today=date(2026, 1, 10), confirmed=True)
    with books.db.reading() as s:
        assert accounts.stored_opening_balance(s, new, 2025) == 0
        assert seal.seal_problems(seal.for_session(s)) == []


def test_closing_stores_a_seal_that_matches_the_books(closed):
    con = _plain(closed["path"])
    try:
        stored = con.execute("SELECT format, digest FROM year_seal WHERE year = 2024").fetchone()
        assert stored == (seal.SEAL_FORMAT, seal.year_digest(seal.for_sqlite(con), 2024))
        assert seal.seal_problems(seal.for_sqlite(con)) == []
    finally:
        con.close()


def _tamper(path, *statements: str) -> None:
    """What someone who removes the guards first can do; the seal must notice."""
    con = _plain(path)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


TAMPERING = {
    "amount changed": "UPDATE entry SET amount = -1251 WHERE booked_on = '2024-05-01'",
    "entry added": f"INSERT INTO entry ({_ENTRY_COLUMNS}) VALUES ('2024-07-07', 1, -100, '', '', '', '', '', '', "
                   "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "line recategorised": "UPDATE entry_line SET category_id = (SELECT max(id) FROM category) "
                          "WHERE entry_id IN (SELECT id FROM entry WHERE booked_on = '2024-05-01')",
    "receipt file swapped": "UPDATE receipt SET data = x'00'",
    "transfer removed": "DELETE FROM transfer",
    "carried-forward opening changed": "UPDATE opening_balance SET amount = amount + 1 WHERE year = 2025",
    "category renamed": "UPDATE category SET name = 'Feest' WHERE code = 'refreshments'",
    "account renamed": "UPDATE account SET name = 'Andere kas' WHERE kind = 'cash'",
    "allowance changed": "UPDATE volunteer_allowance SET amount = 1",
    "dues amount changed": "UPDATE dues_year SET amount = 1 WHERE year = 2024",
}


@pytest.mark.parametrize("change", TAMPERING, ids=list(TAMPERING))
def test_a_change_behind_the_guards_breaks_the_seal(closed, change):
    triggers = [name for (name,) in _plain(closed["path"]).execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    _tamper(closed["path"], *[f"DROP TRIGGER {name}" for name in triggers], TAMPERING[change])
    problems = seal.file_seal_problems(closed["path"])
    assert any("guards that protect closed years" in p for p in problems)
    assert any("closed year 2024 were changed outside the program" in p for p in problems)


def test_missing_guards_alone_are_reported(closed):
    _tamper(closed["path"], "DROP TRIGGER trg_entry_sealed_update")
    assert seal.file_seal_problems(closed["path"]) == [
        "1 of the 42 guards that protect closed years in the file is missing or was changed, so the books of "
        "closed years could have been changed without the program noticing."]


def test_a_guard_rewritten_to_do_nothing_is_reported(closed):
    _tamper(closed["path"], "DROP TRIGGER trg_entry_sealed_delete",
            "CREATE TRIGGER trg_entry_sealed_delete BEFORE DELETE ON entry FOR EACH ROW WHEN 0 BEGIN SELECT 1; END")
    assert any("guards" in p for p in seal.file_seal_problems(closed["path"]))


def test_a_year_reopened_or_closed_behind_the_guards_is_reported(closed):
    _tamper(closed["path"], "DROP TRIGGER trg_financial_year_sealed_update",
            "UPDATE financial_year SET status = 'open' WHERE year = 2024",
            "INSERT INTO financial_year (year, status, notes) VALUES (2023, 'closed', '')")
    problems = seal.file_seal_problems(closed["path"])
    assert any("2024 was closed and sealed, but the file now marks it open" in p for p in problems)
    assert any("2023 is marked closed, but it has no seal" in p for p in problems)


def test_closing_checks_report_a_broken_seal(closed):
    _tamper(closed["path"], "DROP TRIGGER trg_entry_sealed_update",
            "UPDATE entry SET description = 'Taart' WHERE booked_on = '2024-05-01'")
    books = closed["books"]
    with books.db.reading() as s:
        report = closing.closing_checks(s, 2024, today=AFTER)
        later = closing.closing_checks(s, 2025, today=date(2026, 1, 10))
    assert any("closed year 2024 were changed" in p for p in report.problems)
    assert any("closed year 2024 were changed" in p for p in later.problems) and not later.can_close
