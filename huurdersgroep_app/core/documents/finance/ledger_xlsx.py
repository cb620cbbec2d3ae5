"""The ledger as a spreadsheet, for whoever checks the books in Excel or LibreOffice.

Amounts are written as exact numbers (Decimal, two decimals), never through float arithmetic in
our code; a 'Transfers' sheet lists the movements between own accounts, 'Balances' the accounts."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import check_target
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.ledger import ledger_lines
from huurdersgroep_app.core.services.finance.transfers import list_transfers
from huurdersgroep_app.core.services.finance.years import seal_warning
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, get_language, pgettext

# Typed cells: a date is a date and an amount a number shown in euros, so the reader's own sums and
# filters work; the separators follow the reader's locale.
MONEY_FORMAT = '"€" #,##0.00;-"€" #,##0.00'
MAX_WIDTH = 60  # wider text wraps in its cell instead of pushing the sheet off the page


def _date_format() -> str:
    return "dd-mm-yyyy" if get_language() == "nl_NL" else "dd/mm/yyyy"


def _shown_length(value) -> int:
    """About how many characters the cell shows, to fit the column to its content."""
    if isinstance(value, date):
        return 10
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return len(f"€ {value:,.2f}")
    return max((len(line) for line in str(value or "").splitlines()), default=0)


def _sheet(workbook: Workbook, title: str, headers: list[str], rows, money_columns: set[int],
           date_columns: set[int], total_columns: set[int], group: str = ""):
    sheet = workbook.create_sheet(title[:31])
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    last = sheet.max_row
    for col in money_columns | date_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = MONEY_FORMAT if col in money_columns else _date_format()
    widths = [max(_shown_length(c.value) for c in column) + 2 for column in sheet.iter_cols()]
    _totals_row(sheet, last, total_columns)
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(width, MAX_WIDTH)
        if width > MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    _print_setup(sheet, group, title)
    return sheet


def _totals_row(sheet, last: int, columns: set[int]) -> None:
    """A formula under each summed column, so the total follows the reader's corrections."""
    row = last + 1
    label = sheet.cell(row, 1, _("Total"))
    label.font = Font(bold=True)
    for col in columns:
        letter = get_column_letter(col)
        cell = sheet.cell(row, col, f"=SUM({letter}2:{letter}{last})" if last >= 2 else 0)
        cell.number_format, cell.font = MONEY_FORMAT, Font(bold=True)
        cell.border = Border(top=Side(style="thin"))


def _print_setup(sheet, group: str, title: str) -> None:
    """On paper: A4 landscape, one page wide, the header row on every page; the group and the sheet's
    title above each page and its number below (printed pages of the ledger said neither whose books
    they were nor in what order they go)."""
    sheet.oddHeader.left.text = group.replace("&", "&&")  # '&' starts a code in a header
    sheet.oddHeader.right.text = title.replace("&", "&&")
    sheet.oddFooter.right.text = _("Page {page} of {total}").format(page="&P", total="&N")
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True


def write_ledger_xlsx(session: Session, target: Path, year: int) -> int:
    """Write the ledger of ``year``; returns the number of ledger rows."""
    check_target(target)
    workbook = Workbook()
    workbook.remove(workbook.active)
    warning = seal_warning(session, year)
    if warning:  # the first sheet a reader sees, so the ledger of altered closed books never looks sound
        workbook.create_sheet(_("Warning")).cell(1, 1, warning)
    lines = ledger_lines(session, year)
    group = get_organisation(session).name
    _sheet(workbook, _("Ledger {year}").format(year=year),
           [_("No."), _("Date"), _("Account"), _("Counterparty"), _("Description"), _("Category"), _("Amount"),
            _("Entry amount"), _("Member"), _("Grant"), _("Receipt no."), _("Receipts")],
           ([x.number, x.booked_on, x.account, x.counterparty, x.description, x.category, x.amount, x.entry_amount,
             x.member, x.grant, x.receipt_number, x.receipts] for x in lines), {7, 8}, {2}, {7}, group)
    _sheet(workbook, _("Transfers"), [_("Date"), _("From (account)"), _("To (account)"), _("Amount"), _("Description")],
           ([t.transferred_on, t.from_account, t.to_account, t.amount, t.description]
            for t in list_transfers(session, year)), {4}, {1}, {4}, group)
    _sheet(workbook, _("Balances"), [_("Account"), _("IBAN"), _("Opening"), _("Income"), _("Expenses"),
                                     _("Transfers"),
                                     # TRANSLATORS: column of an account's balance at the end of the year
                                     pgettext("balance", "Closing")],
           ([b.name, b.iban, b.opening, b.income, b.expense, b.transfers_net, b.closing]
            for b in account_balances(session, year)), {3, 4, 5, 6, 7}, set(), {3, 4, 5, 6, 7}, group)
    workbook.save(str(target))
    return len(lines)
