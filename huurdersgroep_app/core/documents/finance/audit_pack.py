"""The audit pack for the kascommissie: closing status, balances with the bank statement checks,
income and expenses by category, the full ledger, the receipts index with the missing receipts,
and the committee's report form with findings and signatures."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.finance.common import (balances_table, budget_vs_actual_table, checkbox_line,
                                                             info, money, money_column, netting_notes,
                                                             period_text, signature_lines, write_lines)
from huurdersgroep_app.core.documents.finance.financial_report import _status_note
from huurdersgroep_app.core.documents.tables import MARK_FILL, Column, PageFlow, Row, TableStyle, write_document
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.closing import closing_checks
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.finance.dues import format_structured_reference
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.finance.ledger import entry_numbers, ledger_lines
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.i18n import _, format_date, pgettext

SMALL = TableStyle(font_size=7.5, row_height=11.5, padding=2)


def _ledger_text(line) -> str:
    """Counterparty, description and the structured reference (the committee checks dues by it)."""
    reference = line.structured_reference
    if reference and reference.isdigit() and len(reference) == 12:
        reference = format_structured_reference(reference)
    return " · ".join(x for x in (line.counterparty, line.description, reference) if x)


def write_audit_pack(session: Session, target, year: int, today: date | None = None) -> int:
    start, end = year_bounds(year)
    org = get_organisation(session)
    checks = closing_checks(session, year, today=max(today or date.today(), date(year + 1, 1, 1)))
    balances = account_balances(session, year)
    table = budget_vs_actual(session, year)
    ledger = ledger_lines(session, year)
    numbers = entry_numbers(session, year)
    missing = {row.id for row in checks.missing_receipts}
    minimum = rule_profile(session).get("meetings", "audit_committee_minimum", 2)

    def draw(flow: PageFlow) -> None:
        flow.title(_("Audit pack {year}").format(year=year), subtitle=f"{org.name} · {period_text(start, end)}")
        flow.paragraph(_status_note(session, year), bold=True, size=9)
        flow.paragraph(_("For the audit committee (kascommissie): the balances, the income and expenses, the "
                         "ledger with every entry, the receipts index, and the form for the committee's report."),
                       size=9)
        if checks.problems or checks.warnings:
            flow.heading(_("Points of attention"))
            for text in checks.problems + checks.warnings:
                flow.paragraph("• " + text, size=9)
        balances_table(flow, balances, title=_("Cash and bank balances"), year=year)
        if checks.bank_checks:
            rows = [[c.account_name, format_date(c.statement_date) if c.statement_date else "–",
                     money(c.statement_balance) if c.statement_balance is not None else _("no statement"),
                     money(c.books_balance), _("agrees") if c.ok else _("to check")] for c in checks.bank_checks]
            flow.table([Column(_("Bank account"), 2.2), Column(_("Last statement"), 1.2),
                        money_column(_("Bank says")), money_column(_("Books say")), Column(_("Result"), 0.9)],
                       rows, title=_("Bank statements against the books"))
        budget_vs_actual_table(flow, table, "income", title=_("Income by category"))
        budget_vs_actual_table(flow, table, "expense", title=_("Expenses by category"))
        for text in netting_notes(table):
            flow.paragraph(text, size=9)

        flow.new_page()
        ledger_title = _("Ledger {year}").format(year=year)
        flow.title(ledger_title)
        columns = [Column(_("No."), 0.5, align="right", sample=str(len(numbers))), Column(_("Date"), 1.0),
                   Column(_("Account"), 0.9), Column(_("Counterparty / description"), 3.0),
                   Column(_("Category"), 1.8), money_column(_("Amount"), 1.1), Column(_("Receipt"), 0.8)]
        rows = [[line.number, format_date(line.booked_on, "short"), line.account,
                 _ledger_text(line), line.category, money(line.amount),
                 line.receipt_number or (str(line.receipts) if line.receipts else "")] for line in ledger]
        flow.table(columns, rows, empty_text=_("No entries in {year}.").format(year=year), style=SMALL,
                   continues=ledger_title)

        flow.new_page()
        index_title = _("Receipts index {year}").format(year=year)
        flow.title(index_title)
        flow.paragraph(_("Every expense that needs a receipt; missing receipts are marked."), size=9)
        index = []
        # The receipt is there: French 'présent', not the attendance's 'présent(e)', said of a person.
        present = pgettext("receipt", "present")
        for row in (line for line in ledger if line.kind == "expense"):
            if index and index[-1][0] == row.number:
                continue  # one row per entry, not per split line
            if row.receipts:
                index.append((row.number, Row([row.number, format_date(row.booked_on, "short"), row.counterparty,
                                              money(row.entry_amount), row.receipt_number, present])))
            elif row.entry_id in missing:
                index.append((row.number, Row([row.number, format_date(row.booked_on, "short"), row.counterparty,
                                              money(row.entry_amount), row.receipt_number, _("MISSING")],
                                             fill=MARK_FILL)))
        flow.table([Column(_("No."), 0.5, align="right", sample=str(len(numbers))), Column(_("Date"), 1.0),
                    Column(_("Counterparty"), 3.0), money_column(_("Amount"), 1.1),
                    Column(_("Receipt no."), 1.0), Column(_("Receipt"), 1.0)],
                   [r for _n, r in index], empty_text=_("No expenses in {year}.").format(year=year), style=SMALL,
                   continues=index_title)
        flow.paragraph(_("Missing receipts: {count}.").format(count=len(missing)), bold=True)

        flow.new_page()
        flow.title(_("Report of the audit committee {year}").format(year=year), subtitle=org.name)
        flow.paragraph(_("We, members of the audit committee, not on the board, checked the books of {year}.")
                       .format(year=year), size=9.5)
        for text in (_("The balances at the start and end of the year agree with the bank statements."),
                     _("The cash was counted; the cash box held: € ______________ on ____ / ____ / ________"),
                     _("The receipts were checked: all / a sample of ______ entries."),
                     _("Every expense is supported by a receipt or explained."),
                     _("The income and expenses agree with the budget approved by the annual meeting, or the "
                       "differences are explained.")):
            checkbox_line(flow, text)
        flow.space(6)
        write_lines(flow, 7, _("Findings and remarks:"))
        flow.paragraph(_("Advice to the annual meeting: grant the board discharge for {year}:  yes  /  no")
                       .format(year=year), bold=True, size=9.5)
        flow.space(10)
        signature_lines(flow, [_("Member of the audit committee")] * max(int(minimum), 2))

    return write_document(target, info(session, _("Audit pack {year}").format(year=year), today, year=year),
                          draw)
