"""The ledger as a spreadsheet, for whoever checks the books in Excel or LibreOffice.

Amounts are written as exact numbers (Decimal, two decimals), never through float arithmetic in
our code; a 'Transfers' sheet lists the movements between own accounts, 'Balances' the accounts."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import check_target
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.ledger import ledger_lines
from huurdersgroep_app.core.services.finance.transfers import list_transfers
from huurdersgroep_app.core.services.finance.years import seal_warning
from huurdersgroep_app.i18n import _

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"


def _sheet(workbook: Workbook, title: str, headers: list[str], rows, money_columns: set[int],
           date_columns: set[int]):
    sheet = workbook.create_sheet(title[:31])
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for col in money_columns | date_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = MONEY_FORMAT if col in money_columns else DATE_FORMAT
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, len(header) + 2)
    return sheet


def write_ledger_xlsx(session: Session, target: Path, year: int) -> int:
    """Write the ledger of ``year``; returns the number of ledger rows."""
    check_target(target)
    workbook = Workbook()
    workbook.remove(workbook.active)
    warning = seal_warning(session, year)
    if warning:  # the first sheet a reader sees, so the ledger of altered closed books never looks sound
        workbook.create_sheet(_("Warning")).cell(1, 1, warning)
    lines = ledger_lines(session, year)
    _sheet(workbook, _("Ledger {year}").format(year=year),
           [_("No."), _("Date"), _("Account"), _("Counterparty"), _("Description"), _("Category"), _("Amount"),
            _("Entry amount"), _("Member"), _("Grant"), _("Receipt no."), _("Receipts")],
           ([l.number, l.booked_on, l.account, l.counterparty, l.description, l.category, l.amount, l.entry_amount,
             l.member, l.grant, l.receipt_number, l.receipts] for l in lines), {7, 8}, {2})
    _sheet(workbook, _("Transfers"), [_("Date"), _("From (account)"), _("To (account)"), _("Amount"), _("Description")],
           ([t.transferred_on, t.from_account, t.to_account, t.amount, t.description]
            for t in list_transfers(session, year)), {4}, {1})
    _sheet(workbook, _("Balances"), [_("Account"), _("IBAN"), _("Opening"), _("Income"), _("Expenses"),
                                     _("Transfers"), _("Closing")],
           ([b.name, b.iban, b.opening, b.income, b.expense, b.transfers_net, b.closing]
            for b in account_balances(session, year)), {3, 4, 5, 6, 7}, set())
    workbook.save(str(target))
    return len(lines)
