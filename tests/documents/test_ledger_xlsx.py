"""The ledger spreadsheet read back with openpyxl: printable (title row repeated, landscape, one page
wide), frozen header, columns as wide as their content, dates and amounts as typed cells, totals."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx
from huurdersgroep_app.core.services.finance import accounts, categories, entries, transfers

LONG = "Zaalhuur buurtcentrum De Lijnzaad voor de jaarvergadering"


@pytest.fixture
def group(db):
    """Seven ledger lines summing to € 1.367,55, one with a long description, and a transfer."""
    with db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        bank = accounts.add_account(s, "Bank", "bank", "BE68 5390 0754 7034").id
        cat = {c.code: c.id for c in categories.list_categories(s)}
        accounts.set_opening_balance(s, bank, 2025, "1000")
        for code, amount, text in (("landlord_budget", "740.40", ""), ("municipal_subsidy", "750", ""),
                                   ("meeting_rooms", "-45", LONG), ("meeting_rooms", "-45", ""),
                                   ("refreshments", "-18.35", ""), ("bank_costs", "-2.50", "")):
            entries.add_entry(s, entries.EntryInput(date(2025, 3, 3), bank, amount, cat[code],
                                                    counterparty="Partij " + code, description=text))
        entries.add_entry(s, entries.EntryInput(date(2025, 4, 4), cash, "-12.00", cat["printing"],
                                                counterparty="Copyshop", receipt_number="R-7"))
        transfers.add_transfer(s, date(2025, 5, 2), bank, cash, "50")


def _book(db, tmp_path):
    path = tmp_path / "ledger.xlsx"
    with db.reading() as s:
        write_ledger_xlsx(s, path, 2025)
    return load_workbook(path)


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_on_every_page(db, group, tmp_path):
    book = _book(db, tmp_path)
    assert len(book.worksheets) == 3
    for sheet in book.worksheets:
        assert sheet.print_title_rows in ("1:1", "$1:$1")
        assert sheet.freeze_panes == "A2"
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)


def test_every_printed_page_names_the_group_and_the_sheet_and_is_numbered(db, group, tmp_path):
    # Printed, the ledger's pages said neither whose books they were nor in which order they go.
    book = _book(db, tmp_path)
    for sheet in book.worksheets:
        assert sheet.oddHeader.left.text == "Huurdersgroep De Linde"
        assert sheet.oddHeader.right.text == sheet.title
        assert sheet.oddFooter.right.text == "Page &P of &N"


def _shown_length(value) -> int:
    if isinstance(value, (date, datetime)):
        return 10
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return len(f"€ {value:,.2f}")
    return len(str(value or ""))


def test_columns_are_as_wide_as_their_longest_value_and_no_wider(db, group, tmp_path):
    for sheet in _book(db, tmp_path).worksheets:
        for column in sheet.iter_cols(max_row=sheet.max_row - 1):
            longest = max(_shown_length(c.value) for c in column)
            width = sheet.column_dimensions[column[0].column_letter].width
            assert longest <= width <= max(longest, 6) + 4, (sheet.title, column[0].value, longest, width)


def test_dates_and_amounts_are_typed_cells_and_a_totals_row_sums_the_amounts(db, group, tmp_path):
    sheet = _book(db, tmp_path).worksheets[0]
    header = [c.value for c in sheet[1]]
    date_col, amount_col = header.index("Date") + 1, header.index("Amount") + 1
    data = list(sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1))
    assert len(data) == 7
    for row in data:
        assert isinstance(row[date_col - 1].value, (date, datetime)) and row[date_col - 1].is_date
        assert isinstance(row[amount_col - 1].value, (int, float, Decimal))
        assert "€" in row[amount_col - 1].number_format and "0.00" in row[amount_col - 1].number_format
    total = list(sheet[sheet.max_row])
    assert total[0].value == "Total" and total[0].font.bold
    letter = sheet.cell(1, amount_col).column_letter
    assert total[amount_col - 1].value == f"=SUM({letter}2:{letter}{sheet.max_row - 1})"
    assert sum(Decimal(str(row[amount_col - 1].value)) for row in data) == Decimal("1367.55")
    balances = _book(db, tmp_path)["Balances"]
    last = list(balances[balances.max_row])
    assert last[0].value == "Total" and str(last[-1].value).startswith("=SUM(")
