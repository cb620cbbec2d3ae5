"""The accountability per grant: received, spent per category (ineligible spending flagged), the
balance to carry over or pay back, overspending that needs the funder's consent, and the
receipts index of the expenses charged to the grant. PDF (drawn on the canvas: the receipts
index can be long) and XLSX for funders who want a spreadsheet."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import check_target
from huurdersgroep_app.core.documents.finance.common import (SIGNATURE_HEIGHT, money, money_column, signature_lines,
                                                             total_row)
from huurdersgroep_app.core.documents.funding.common import check_format, document_info
from huurdersgroep_app.core.documents.tables import MARK_FILL, Column, PageFlow, Row, TableStyle, write_document
from huurdersgroep_app.core.services.funding.accountability import GrantAccount, grant_accounts
from huurdersgroep_app.core.services.funding.grants import status_label
from huurdersgroep_app.i18n import _, format_date, pgettext

if TYPE_CHECKING:  # openpyxl is imported only when a spreadsheet is made (the dossier makes none)
    from openpyxl import Workbook

SMALL = TableStyle(font_size=8, row_height=12, padding=2)


def _receipt_state(row) -> str:
    if row.missing:
        return _("MISSING")
    # The receipt is there: French 'présent', not the attendance's 'présent(e)', said of a person.
    return pgettext("receipt", "present") if row.receipts else _("not needed")


def balance_text(account: GrantAccount) -> str:
    if account.balance > 0:
        return _("{amount} is left: to carry over to next year or to pay back, as agreed with the funder.").format(
            amount=money(account.balance))
    if account.balance < 0:
        return _("{amount} more was spent than received.").format(amount=money(-account.balance))
    return _("Everything received was spent.")


def draw_grant(flow: PageFlow, account: GrantAccount, signed: bool = False) -> None:
    heading = f"{account.funder} · {account.year}" + (f" · {account.reference}" if account.reference else "")
    flow.heading(heading, keep_with_next=120)
    flow.paragraph(_("Granted {amount}; status: {status}.").format(amount=money(account.granted),
                                                                   status=status_label(account.status)), size=9)
    if account.deadline:
        filed = (_("filed on {date}").format(date=format_date(account.accounted_on)) if account.accounted_on
                 else _("not filed yet"))
        flow.paragraph(_("Accountability due on {date}; {filed}.").format(date=format_date(account.deadline),
                                                                          filed=filed), size=9)
    rows = [[format_date(p.booked_on, "short"), p.counterparty or p.description, money(p.amount)]
            for p in account.payments]
    # The label goes in the wide payment column: in the narrow date column "Totaal ontvangen" and
    # "Total des recettes" broke over two lines.
    rows.append(total_row(["", _("Total received"), money(account.received)]))
    flow.table([Column(_("Date"), 1), Column(_("Payment"), 4), money_column(_("Amount"))], rows,
               title=_("Received"), empty_text=_("Nothing received yet."))
    rows = []
    for s in account.spending:
        rows.append(Row([s.label, money(s.amount), _("yes") if s.eligible else _("NO")],
                        fill=None if s.eligible else MARK_FILL))
    rows.append(total_row([_("Total eligible spending"), money(account.spent_eligible), ""]))
    flow.table([Column(_("Category"), 3.4), money_column(_("Spent")), Column(_("Eligible"), 1.4, align="center")], rows,
               title=_("Spent per category"))
    if account.spent_ineligible:
        flow.paragraph(_("{amount} was charged to this grant in categories it does not cover; it is not counted "
                         "against the grant.").format(amount=money(account.spent_ineligible)), bold=True, size=9)
    flow.paragraph(_("Balance: {text}").format(text=balance_text(account)), bold=True)
    if account.overspent:
        flow.paragraph(_("Overspent by {amount} beyond the granted amount: this needs the funder's consent.")
                       .format(amount=money(account.overspent)), bold=True)
    rows = []
    for r in account.receipts:
        cells = [r.number or "–", format_date(r.booked_on, "short"),
                 " · ".join(x for x in (r.counterparty, r.description) if x), money(r.amount), r.receipt_number,
                 _receipt_state(r)]
        rows.append(Row(cells, fill=MARK_FILL) if r.missing else cells)
    if rows:  # the funder ticks the receipts off against the spending above: the index adds up too
        rows.append(total_row(["", "", _("Total"), money(sum((r.amount for r in account.receipts), Decimal("0.00"))),
                               "", ""]))
    flow.table([Column(_("No."), 0.5, align="right", sample="9999"), Column(_("Date"), 0.9),
                Column(_("Counterparty / description"), 3.0), money_column(_("Amount"), 1.1),
                Column(_("Receipt no."), 1.4, align="center"), Column(_("Receipt"), 1.1, align="center")], rows,
               title=_("Receipts index"), empty_text=_("No expenses were charged to this grant."), style=SMALL)
    if signed:  # the signatures below never stand alone at the top of a page: this line goes with them
        flow.ensure(9 * 1.35 + 9 * 0.4 + 8 + 10 + SIGNATURE_HEIGHT)
    flow.paragraph(_("Missing receipts: {count}.").format(count=len(account.missing_receipts)), size=9)
    flow.space(8)


def _draw(accounts: list[GrantAccount], year: int):
    def draw(flow: PageFlow) -> None:
        flow.title(_("Accountability per grant {year}").format(year=year))
        if not accounts:
            flow.paragraph(_("There are no grants for {year}.").format(year=year), bold=True)
        for n, account in enumerate(accounts):
            draw_grant(flow, account, signed=n == len(accounts) - 1)
        if accounts:
            flow.space(10)
            signature_lines(flow, [_("Treasurer"), _("Chair")])
    return draw


def _sheet(workbook: Workbook, title: str, headers: list[str], rows, money_columns: set[int],
           date_columns: set[int]) -> None:
    """A sheet with a bold header row, exact amounts shown in euros, and columns fitted to their text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from huurdersgroep_app.core.documents.finance.ledger_xlsx import MONEY_FORMAT

    sheet = workbook.create_sheet(title[:31])
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for col in money_columns | date_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = MONEY_FORMAT if col in money_columns else "dd/mm/yyyy"
    for index, column in enumerate(sheet.iter_cols(), start=1):
        width = max(len(str(c.value or "")) for c in column) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 10), 60)
    sheet.freeze_panes = "A2"


def _write_xlsx(target, accounts: list[GrantAccount], year: int) -> None:
    from openpyxl import Workbook

    check_target(target)
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, _("Grants {year}").format(year=year),
           [_("Funder"), _("Reference"), _("Granted"), _("Received"), _("Eligible spending"), _("Ineligible spending"),
            _("Balance"), _("Overspent"), _("Missing receipts")],
           ([a.funder, a.reference, a.granted, a.received, a.spent_eligible, a.spent_ineligible, a.balance,
             a.overspent, len(a.missing_receipts)] for a in accounts), {3, 4, 5, 6, 7, 8}, set())
    _sheet(workbook, _("Spent per category"), [_("Funder"), _("Category"), _("Spent"), _("Eligible")],
           ([a.funder, s.label, s.amount, _("yes") if s.eligible else _("no")] for a in accounts for s in a.spending),
           {3}, set())
    _sheet(workbook, _("Receipts index"), [_("Funder"), _("No."), _("Date"), _("Counterparty"), _("Description"),
                                           _("Amount"), _("Receipt no."), _("Receipt")],
           ([a.funder, r.number, r.booked_on, r.counterparty, r.description, r.amount, r.receipt_number,
             _receipt_state(r)]
            for a in accounts for r in a.receipts), {6}, {3})
    workbook.save(str(target) if not hasattr(target, "write") else target)


def write_grant_accountability(session: Session, year: int, target, fmt: str = "pdf", *, funder_id: int | None = None,
                               today: date | None = None, progress=None) -> int | None:
    """The accountability for the grants of ``year`` (of one funder, if given): PDF (returns the page
    count) or XLSX (returns None)."""
    check_format(fmt, ("pdf", "xlsx"))
    accounts = grant_accounts(session, year, funder_id)
    if fmt == "xlsx":
        _write_xlsx(target, accounts, year)
        pages = None
    else:
        info = document_info(session, _("Accountability per grant {year}").format(year=year), today, year)
        pages = write_document(target, info, _draw(accounts, year))
    if progress is not None:
        progress(1, 1)
    return pages
