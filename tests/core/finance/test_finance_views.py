"""The money pages' readers (core/services/finance/views.py): what they return, and that nothing they
return is a database object, so the window can use it after the reading session is gone."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from huurdersgroep_app.core.services.finance import budget, dues, transfers, views
from huurdersgroep_app.core.services.finance.entries import EntryInput
from orm_walk import orm_objects

YEAR = 2025


def test_the_orm_walk_finds_a_database_object(db, books):
    from huurdersgroep_app.core.services.finance import accounts

    with db.reading() as s:
        assert orm_objects(([1], {"a": accounts.list_accounts(s)})) != []


def _fill(db, books) -> int:
    entry = books.entry(date(YEAR, 3, 1), "-12.50", "bank_costs")
    books.entry(date(YEAR, 3, 2), "40.00", None, account="cash")
    with db.transaction() as s:
        transfers.add_transfer(s, date(YEAR, 3, 5), books.cash, books.bank, "20.00", "Kas naar bank")
        dues.set_dues_amount(s, YEAR, "5,00")
        budget.set_budget_line(s, YEAR, books.cat["bank_costs"], "100", "Kosten")
    return entry


def test_every_reader_returns_plain_data(db, books):
    entry = _fill(db, books)
    with db.reading() as s:
        results = [views.read_cash_book(s, YEAR), views.read_accounts(s, YEAR), views.read_dues(s, YEAR),
                   views.read_budget(s, YEAR, date(YEAR, 1, 1), date(YEAR, 12, 31)), views.read_allowances(s, YEAR),
                   views.year_choices(s), views.account_rows(s), views.account_view(s, books.bank),
                   views.category_choices(s), views.preview_names(s),
                   views.load_choices(s, entry, EntryInput(date(YEAR, 1, 1), books.bank, ""))]
    assert orm_objects(results) == []


def test_the_readers_say_what_the_books_hold(db, books):
    entry = _fill(db, books)
    with db.reading() as s:
        book = views.read_cash_book(s, YEAR)
        money = views.read_accounts(s, YEAR)
        owed = views.read_dues(s, YEAR)
        plan = views.read_budget(s, YEAR, date(YEAR, 1, 1), date(YEAR, 12, 31))
        choices = views.load_choices(s, entry, EntryInput(date(YEAR, 1, 1), books.bank, ""))
    assert sorted(r.amount for r in book.entries) == [Decimal("-12.50"), Decimal("40.00")]
    assert sorted(book.accounts) == sorted([(books.cash, "Kas"), (books.bank, "Bank")])
    assert [(a.name, a.kind, a.active) for a in money.accounts] == [("Kas", "cash", True), ("Bank", "bank", True)]
    closing = {b.name: b.closing for b in money.balances}
    assert closing == {"Kas": Decimal("20.00"), "Bank": Decimal("7.50")}
    assert [t.amount for t in money.transfers] == [Decimal("20.00")]
    assert money.previous_closed is False
    assert owed.amount == Decimal("5.00")
    assert [(line.category_id, line.amount) for line in plan.lines] == [(books.cat["bank_costs"], Decimal("100.00"))]
    assert plan.approval == "Not yet approved."
    assert plan.figures.year == YEAR
    assert choices.data.amount == Decimal("-12.50") and choices.closed == frozenset()


def test_an_entry_of_a_closed_year_is_marked_in_its_choices(db, books):
    entry = books.entry(date(YEAR, 3, 1), "-12.50", "bank_costs")
    books.close(YEAR)
    with db.reading() as s:
        choices = views.load_choices(s, entry, EntryInput(date(YEAR, 1, 1), books.bank, ""))
        accounts_next = views.read_accounts(s, YEAR + 1)
    assert YEAR in choices.closed
    assert accounts_next.previous_closed is True
