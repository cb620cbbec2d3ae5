"""Year closing: the checks, the lock, and the opening balances of the next year."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.models.finance import OpeningBalance
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance import accounts, entries, receipts, years
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.bank_import import import_statements
from huurdersgroep_app.core.services.finance.closing import (ConfirmationNeededError, YearNotReadyError, close_year,
                                                             closing_checks)
from huurdersgroep_app.core.services.finance.search import UNCATEGORISED, EntryFilter, search_entries

from finance_books import D, statement, tx

AFTER = date(2025, 2, 1)


@pytest.fixture
def year_2024(books):
    with books.db.transaction() as s:
        accounts.set_opening_balance(s, books.bank, 2024, "100.00")
        accounts.set_opening_balance(s, books.cash, 2024, "20.00")
        import_statements(s, accounts.get_account(s, books.bank), [statement(
            tx(date(2024, 3, 1), "-10.00", "Bank", text="kosten"),
            tx(date(2024, 6, 1), "500.00", "Woonmaatschappij", text="werkingsmiddelen"),
            opening="100.00", statement_id="2024-1")], dry_run=False)
    books.entry(date(2024, 4, 4), "-8.00", "refreshments", account="cash")
    return books


def _categorise_bank_lines(books):
    with books.db.transaction() as s:
        for row in search_entries(s, EntryFilter(category_id=UNCATEGORISED)):
            code = "bank_costs" if row.amount < 0 else "landlord_budget"
            entries.set_category(s, row.id, books.cat[code])


def test_problems_block_the_closing(year_2024):
    books = year_2024
    with books.db.reading() as s:
        report = closing_checks(s, 2024, today=AFTER)
        assert not report.can_close
        assert any("2 entries have no category" in p for p in report.problems)
        assert [c.ok for c in report.bank_checks] == [True]
        assert any("1 expense has no receipt" in w for w in report.warnings)
        assert any("no budget" in w for w in report.warnings)
        assert any("not ended" in p for p in closing_checks(s, 2024, today=date(2024, 12, 31)).problems)
    with pytest.raises(YearNotReadyError) as refused:
        with books.db.transaction() as s:
            close_year(s, 2024, today=AFTER)
    assert len(refused.value.problems) == 1
    with books.db.reading() as s:
        assert not years.is_closed(s, 2024)


def test_the_bank_balance_must_equal_the_last_statement(year_2024):
    books = year_2024
    _categorise_bank_lines(books)
    stray = books.entry(date(2024, 5, 1), "-5.00", "bank_costs")  # in the books, not at the bank
    with books.db.reading() as s:
        report = closing_checks(s, 2024, today=AFTER)
    [check] = report.bank_checks
    assert (check.statement_balance, check.books_balance, check.ok) == (D("590.00"), D("585.00"), False)
    assert any("590.00" in p and "585.00" in p for p in report.problems)
    with books.db.transaction() as s:
        entries.delete_entry(s, stray)
        assert closing_checks(s, 2024, today=AFTER).can_close
    late = books.entry(date(2024, 12, 1), "-2.50", "bank_costs")  # after the last statement
    with books.db.reading() as s:
        assert any("entries after it" in p for p in closing_checks(s, 2024, today=AFTER).problems)
    with books.db.transaction() as s:
        entries.delete_entry(s, late)


def test_closing_locks_the_year_and_carries_the_balances_forward(year_2024):
    books = year_2024
    _categorise_bank_lines(books)
    with books.db.transaction() as s:
        closing = {row.account_id: row.closing for row in account_balances(s, 2024)}
        # The bank has lines in a few months only: asked, and closed once the user confirms it.
        with pytest.raises(ConfirmationNeededError, match="no bank line in"):
            close_year(s, 2024, today=AFTER)
        report = close_year(s, 2024, today=AFTER, confirmed=True)
        assert report.can_close and report.warnings  # the missing receipt is listed, it does not block
    assert closing == {books.bank: D("590.00"), books.cash: D("12.00")}
    with books.db.reading() as s:
        assert [(r.year, r.status) for r in years.list_years(s)] == [(2024, "closed"), (2025, "open")]
        stored = {(o.account_id, o.year): o.amount for o in s.scalars(select(OpeningBalance))}
        assert stored == {(books.bank, 2024): D("100.00"), (books.cash, 2024): D("20.00"),
                          (books.bank, 2025): D("590.00"), (books.cash, 2025): D("12.00")}
        assert {r.account_id: r.opening for r in account_balances(s, 2025)} == closing
    with pytest.raises(DomainError, match="already closed"):
        with books.db.transaction() as s:
            close_year(s, 2024, today=AFTER)
    with pytest.raises(DomainError):
        with books.db.transaction() as s:
            receipts.attach_receipt(s, search_entries(s)[0].id, "late.pdf", b"%PDF")


def test_years_close_in_order(year_2024):
    books = year_2024
    _categorise_bank_lines(books)
    books.entry(date(2025, 3, 1), "-1.00", "bank_costs")
    with books.db.reading() as s:
        assert any("Close 2024 first" in p for p in closing_checks(s, 2025, today=date(2026, 1, 5)).problems)
