"""Money that tells the truth at the year's end. A year with only the March statement (number 3)
could be closed as if all was in order, the 1 March balance silently standing in for 1 January's:
now the missing statements, the months without a bank line and the borrowed opening balance are each
named and each blocks the closing until the user confirms it; a cash box below zero is a warning."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from benchmarks.camt_file import CamtLine, write_camt053
from huurdersgroep_app.core.importers.bank import parse_bank_file
from huurdersgroep_app.core.services.finance import accounts, categories, entries, years
from huurdersgroep_app.core.services.finance.bank_import import book_preview, import_statements
from huurdersgroep_app.core.services.finance.closing import ConfirmationNeededError, close_year, closing_checks
from huurdersgroep_app.core.services.finance.closing_gaps import statement_number
from huurdersgroep_app.core.services.finance.entries import EntryInput

D = Decimal
IBAN = "BE68539007547034"
AFTER = date(2026, 1, 20)


def _import(db, tmp_path, lines, number, opening="250.00", name=None):
    path = write_camt053(tmp_path / (name or f"st{number}.xml"), IBAN, lines, opening=D(opening),
                         statement_id=str(number))
    with db.transaction() as s:
        account, _created = accounts.resolve_account(s, IBAN, create=True)
        preview = import_statements(s, account, parse_bank_file(path), dry_run=True)
        costs = categories.category_by_code(s, "bank_costs").id
        for line in preview.new_lines:
            line.category_id = costs
        warnings = list(preview.warnings)
        book_preview(s, preview)
    return warnings


def _march_only(db, tmp_path):
    return _import(db, tmp_path, [CamtLine(date(2025, 3, 1), D("-2.00"), "KBC", text="kosten maart"),
                                  CamtLine(date(2025, 3, 31), D("-2.00"), "KBC", text="kosten")], 3)


def test_the_borrowed_opening_balance_is_said_in_the_preview_before_anything_is_booked(db, tmp_path):
    warnings = _march_only(db, tmp_path)
    assert any("starts on 1 Mar 2025, not on 1 January" in w and "€250.00" in w for w in warnings), warnings


def test_only_the_march_statement_asks_three_confirmations_and_closes_once_confirmed(db, tmp_path):
    _march_only(db, tmp_path)
    with db.reading() as s:
        report = closing_checks(s, 2025, today=AFTER)
    assert report.can_close  # nothing is wrong in what is there …
    account = "Bank BE68 5390 0754 7034"
    assert report.confirmations == [  # … but this is not proven by it
        f"'{account}': statements 1–2 of 2025 were not imported. Import them, or confirm that they do not exist.",
        f"'{account}' has no bank line in 11 months of 2025: January, February, April, May, June, July, August, "
        "September, October, November, December. Confirm that nothing moved on the account in those months.",
        f"'{account}': the balance on 1 January 2025, €250.00, was taken from the statement that starts on "
        "1 Mar 2025. Confirm it with the bank's balance on 1 January, or set the opening balance by hand."]
    with pytest.raises(ConfirmationNeededError) as refused:
        with db.transaction() as s:
            close_year(s, 2025, today=AFTER)
    assert refused.value.problems == report.confirmations
    with db.reading() as s:
        assert not years.is_closed(s, 2025)  # refused: nothing changed
    with db.transaction() as s:
        close_year(s, 2025, today=AFTER, confirmed=True)
    with db.reading() as s:
        assert years.is_closed(s, 2025)


def test_a_year_with_every_statement_and_month_asks_nothing(db, tmp_path):
    opening = D("250.00")
    for month in range(1, 13):
        day = date(2025, month, 1) if month > 1 else date(2025, 1, 1)
        _import(db, tmp_path, [CamtLine(day, D("-2.00"), "KBC", text=f"kosten {month}")], month, opening=str(opening))
        opening -= 2
    with db.reading() as s:
        assert closing_checks(s, 2025, today=AFTER).confirmations == []


def test_a_statement_that_numbers_on_from_last_year_is_no_gap(db, tmp_path):
    _import(db, tmp_path, [CamtLine(date(2024, 12, 2), D("-2.00"), "KBC", text="kosten")], 12, name="dec.xml")
    _import(db, tmp_path, [CamtLine(date(2025, 1, 2), D("-2.00"), "KBC", text="kosten")], 13, opening="248.00")
    with db.reading() as s:
        assert not any("were not imported" in c or "was not imported" in c
                       for c in closing_checks(s, 2025, today=AFTER).confirmations)


@pytest.mark.parametrize("text,number", [("3", 3), ("003", 3), ("STMT-12", 12), ("3/1", 3), ("2025-003", 3),
                                         ("20250301", None), ("", None), ("ABC", None)])
def test_statement_numbers(text, number):
    assert statement_number(text) == number


def test_a_cash_box_below_zero_is_a_warning(db):
    with db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash")
        accounts.set_opening_balance(s, cash.id, 2025, "10.00")
        entries.add_entry(s, EntryInput(date(2025, 5, 5), cash.id, "-25.00",
                                        categories.category_by_code(s, "refreshments").id))
    with db.reading() as s:
        report = closing_checks(s, 2025, today=AFTER)
    assert ("The cash box 'Kas' holds -€15.00 on 31 Dec 2025: less than nothing. An income is missing or an "
            "expense was booked on the wrong account.") in report.warnings
