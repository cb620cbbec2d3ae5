"""A closed year refuses every change, by every path: the services, the ORM directly, plain SQL,
and the command line. A correction is a new entry in an open year."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, text, update

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.models.finance import (Entry, EntryLine, FinancialYear, OpeningBalance, Receipt,
                                                      Transfer)
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment
from huurdersgroep_app.core.errors import DomainError, LockedYearError
from huurdersgroep_app.core.services.finance import accounts, entries, receipts, transfers
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

from finance_books import D


@pytest.fixture
def locked(books):
    """2024 holds an entry with a receipt, a transfer, an opening balance and a dues payment; then it is closed."""
    with books.db.transaction() as s:
        member = add_member(s, MemberInput(last_name="Peeters", first_name="An")).id
        accounts.set_opening_balance(s, books.bank, 2024, "250.00")
    entry = books.entry(date(2024, 5, 1), "-12.50", "refreshments", account="cash", description="Koffie")
    dues_entry = books.entry(date(2024, 2, 1), "5.00", "membership_dues", member_id=member)
    with books.db.transaction() as s:
        receipt = receipts.attach_receipt(s, entry, "ticket.pdf", b"%PDF-1.4 ticket").id
        transfer = transfers.add_transfer(s, date(2024, 6, 1), books.cash, books.bank, "50.00").id
    books.close(2024)
    return dict(entry=entry, dues_entry=dues_entry, receipt=receipt, transfer=transfer, books=books)


def _snapshot(db):
    with db.reading() as s:
        return (sorted((e.id, e.booked_on, e.amount, e.description) for e in s.scalars(select(Entry))),
                sorted((line.id, line.entry_id, line.amount,
                        line.category_id) for line in s.scalars(select(EntryLine))),
                sorted((t.id, t.amount, t.transferred_on) for t in s.scalars(select(Transfer))),
                sorted((r.id, r.entry_id) for r in s.scalars(select(Receipt))),
                sorted((o.account_id, o.year, o.amount) for o in s.scalars(select(OpeningBalance))),
                sorted((y.year, y.status) for y in s.scalars(select(FinancialYear))),
                sorted((d.id, d.year) for d in s.scalars(select(DuesPayment))))


SERVICE_CHANGES = {
    "add entry": lambda s, ids, b: entries.add_entry(s, entries.EntryInput(date(2024, 12, 31), b.cash, "-1",
                                                                           b.cat["materials"])),
    "edit entry": lambda s, ids, b: entries.update_entry(s, ids["entry"], entries.entry_input(
        entries.get_entry(s, ids["entry"]), description="changed")),
    "move entry out of the closed year": lambda s, ids, b: entries.update_entry(s, ids["entry"], entries.entry_input(
        entries.get_entry(s, ids["entry"]), booked_on=date(2025, 1, 2))),
    "move entry into the closed year": lambda s, ids, b: entries.update_entry(
        s, entries.add_entry(s, entries.EntryInput(date(2025, 1, 3), b.cash, "-2", b.cat["materials"])).id,
        entries.EntryInput(date(2024, 12, 30), b.cash, "-2", b.cat["materials"])),
    "recategorise": lambda s, ids, b: entries.set_category(s, ids["entry"], b.cat["materials"]),
    "delete entry": lambda s, ids, b: entries.delete_entry(s, ids["entry"]),
    "attach receipt": lambda s, ids, b: receipts.attach_receipt(s, ids["entry"], "x.jpg", b"jpeg"),
    "detach receipt": lambda s, ids, b: receipts.detach_receipt(s, ids["receipt"]),
    "add transfer": lambda s, ids, b: transfers.add_transfer(s, date(2024, 7, 1), b.bank, b.cash, "5"),
    "delete transfer": lambda s, ids, b: transfers.delete_transfer(s, ids["transfer"]),
    "opening balance": lambda s, ids, b: accounts.set_opening_balance(s, b.bank, 2024, "1.00"),
}


@pytest.mark.parametrize("change", SERVICE_CHANGES, ids=list(SERVICE_CHANGES))
def test_services_refuse_every_change_in_a_closed_year(locked, change):
    books = locked["books"]
    before = _snapshot(books.db)
    with pytest.raises(LockedYearError, match="2024"):
        with books.db.transaction() as s:
            SERVICE_CHANGES[change](s, locked, books)
    assert _snapshot(books.db) == before


def test_opening_balance_after_a_closed_year_is_not_typed_by_hand(locked):
    books = locked["books"]
    with pytest.raises(DomainError, match="closing balance of 2024"):
        with books.db.transaction() as s:
            accounts.set_opening_balance(s, books.bank, 2025, "1.00")


ORM_CHANGES = {
    "insert entry": lambda s, ids, b: s.add(Entry(booked_on=date(2024, 3, 3), account_id=b.cash, amount=D("-1"),
                                                  lines=[EntryLine(category_id=None, amount=D("-1"))])),
    "change amount": lambda s, ids, b: setattr(s.get(Entry, ids["entry"]), "amount", D("-99.00")),
    "change date to an open year": lambda s, ids, b: setattr(s.get(Entry, ids["entry"]), "booked_on", date(2025, 1, 1)),
    "change date into the closed year": lambda s, ids, b: setattr(_open_entry(s, b), "booked_on", date(2024, 1, 1)),
    "delete entry": lambda s, ids, b: s.delete(s.get(Entry, ids["entry"])),
    "change line": lambda s, ids, b: setattr(s.get(Entry, ids["entry"]).lines[0], "amount", D("-1.00")),
    "add line": lambda s, ids, b: _add_line(s, ids["entry"]),
    "delete line": lambda s, ids, b: s.delete(s.get(Entry, ids["entry"]).lines[0]),
    "delete receipt": lambda s, ids, b: s.delete(s.get(Receipt, ids["receipt"])),
    "add receipt": lambda s, ids, b: s.add(Receipt(entry_id=ids["entry"], file_name="x", mime="x", size=1, data=b"x")),
    "change transfer": lambda s, ids, b: setattr(s.get(Transfer, ids["transfer"]), "amount", D("1")),
    "delete transfer": lambda s, ids, b: s.delete(s.get(Transfer, ids["transfer"])),
    "change opening balance": lambda s, ids, b: setattr(
        s.scalar(select(OpeningBalance).where(OpeningBalance.year == 2024)), "amount", D("1")),
    "delete dues payment": lambda s, ids, b: s.delete(s.scalar(select(DuesPayment))),
    "reopen the year": lambda s, ids, b: setattr(s.get(FinancialYear, 2024), "status", "open"),
    "delete the year": lambda s, ids, b: s.delete(s.get(FinancialYear, 2024)),
}


def _add_line(s, entry_id):
    entry = s.get(Entry, entry_id)  # held here: the session keeps only weak references
    entry.lines.append(EntryLine(category_id=None, amount=D("0")))
    s.flush()


def _open_entry(s, b):
    entry = Entry(booked_on=date(2025, 2, 2), account_id=b.cash, amount=D("-1"),
                  lines=[EntryLine(category_id=None, amount=D("-1"))])
    s.add(entry)
    s.flush()
    return entry


@pytest.mark.parametrize("change", ORM_CHANGES, ids=list(ORM_CHANGES))
def test_raw_orm_changes_are_refused_at_flush(locked, change):
    books = locked["books"]
    before = _snapshot(books.db)
    with pytest.raises(LockedYearError):
        with books.db.transaction() as s:
            ORM_CHANGES[change](s, locked, books)
    assert _snapshot(books.db) == before


SQL_CHANGES = {
    "update entry": "UPDATE entry SET amount = 1 WHERE id = :entry",
    "delete entry": "DELETE FROM entry WHERE id = :entry",
    "insert entry": "INSERT INTO entry (booked_on, account_id, amount, counterparty, counterparty_iban, description, "
                    "receipt_number, structured_reference, bank_reference, created_at, updated_at) VALUES "
                    "('2024-08-08', 1, -100, '', '', '', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "update line": "UPDATE entry_line SET amount = 1 WHERE entry_id = :entry",
    "delete receipt": "DELETE FROM receipt WHERE id = :receipt",
    "update transfer": "UPDATE transfer SET transferred_on = '2025-01-01' WHERE id = :transfer",
    "update opening balance": "UPDATE opening_balance SET amount = 0 WHERE year = 2024",
    "reopen year": "UPDATE financial_year SET status = 'open' WHERE year = 2024",
    "delete dues payment": "DELETE FROM dues_payment",
}


@pytest.mark.parametrize("change", SQL_CHANGES, ids=list(SQL_CHANGES))
def test_plain_sql_is_refused_by_the_database(locked, change):
    """Even SQL that bypasses the ORM (bulk statements, a script) cannot change a closed year."""
    books = locked["books"]
    before = _snapshot(books.db)
    with pytest.raises(LockedYearError):
        with books.db.transaction() as s:
            s.execute(text(SQL_CHANGES[change]), {k: v for k, v in locked.items() if k != "books"})
    assert _snapshot(books.db) == before


def test_orm_bulk_update_is_refused(locked):
    books = locked["books"]
    with pytest.raises(LockedYearError):
        with books.db.transaction() as s:
            s.execute(update(Entry).values(description="bulk"))
    with pytest.raises(LockedYearError):
        with books.db.transaction() as s:
            s.execute(delete(Transfer))
    assert books.count(Transfer) == 1


def test_open_years_stay_editable_and_a_correction_goes_in_the_open_year(locked):
    books = locked["books"]
    correction = books.entry(date(2025, 1, 10), "2.50", "refreshments", account="cash",
                             description="Correction of entry in 2024")
    with books.db.transaction() as s:
        entries.update_entry(s, correction, entries.entry_input(entries.get_entry(s, correction), description="Fixed"))
    with books.db.reading() as s:
        assert entries.get_entry(s, correction).description == "Fixed"


def test_cli_refuses_changes_in_a_closed_year(locked, db_path, capsys):
    books = locked["books"]
    before = _snapshot(books.db)
    books.db.close()
    code = main(["finance", "add-entry", "--db", str(db_path), "--account", "Kas", "--date", "2024-12-01",
                 "--amount=-3,00", "--category", "materials"])
    out = capsys.readouterr()
    assert code == 1
    assert "2024 is closed" in out.err and "Traceback" not in out.err
    code = main(["finance", "opening-balance", "--db", str(db_path), "--account", "Bank", "--year", "2024",
                 "--amount", "0"])
    assert code == 1
    assert "2024 is closed" in capsys.readouterr().err
    from huurdersgroep_app.core.db.engine import Database

    with Database(db_path, backup_on_close=False) as again:
        assert _snapshot(again) == before
