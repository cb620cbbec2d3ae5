"""The financial annual report: income and expenses by category, cash and bank balances at the
start and end of the year that reconcile with the result, budget vs actual, grants, notes."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.documents.finance.budget_vs_actual import result_table
from huurdersgroep_app.core.documents.base import FONT
from huurdersgroep_app.core.documents.finance.common import (SIGNATURE_HEIGHT, balances_table, budget_vs_actual_table,
                                                             draw_budget_chart, info, money, money_column,
                                                             netting_notes, period_text, signature_lines)
from huurdersgroep_app.core.documents.table_layout import keep_dates_whole, wrap_text
from huurdersgroep_app.core.documents.tables import Column, PageFlow, write_document
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.allowances import allowance_rows
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.budget import approval_text, get_budget
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.finance.grants import grant_rows, unspent_grant_warning
from huurdersgroep_app.core.services.finance.receipts import missing_receipt_count
from huurdersgroep_app.core.services.organisation import get_organisation, get_setting, set_setting
from huurdersgroep_app.i18n import _, format_date, ngettext

NOTES_SETTING = "finance.report_notes.{year}"


def report_notes(session: Session, year: int) -> str:
    return get_setting(session, NOTES_SETTING.format(year=year), "") or ""


def set_report_notes(session: Session, year: int, text: str) -> None:
    """The treasurer's own notes for the report (explanations of differences, events)."""
    set_setting(session, NOTES_SETTING.format(year=year), (text or "").strip())


def _status_note(session: Session, year: int) -> str:
    row = next((r for r in years.list_years(session) if r.year == year), None)
    if row and row.status == "closed":
        return _("The books of {year} were closed on {date}.").format(year=year, date=format_date(row.closed_on))
    return _("Provisional: the books of {year} are not closed yet; figures may still change.").format(year=year)


def write_financial_report(session: Session, target, year: int, today: date | None = None) -> int:
    start, end = year_bounds(year)
    # The previous year's column only where there are books of that year to compare with.
    with_previous = bool(session.scalar(select(func.count(Entry.id)).where(
        Entry.booked_on.between(*year_bounds(year - 1)))))
    table = budget_vs_actual(session, year, with_previous=with_previous)
    balances = account_balances(session, year)
    grants = grant_rows(session, year)
    unspent_warning = unspent_grant_warning(session, year, grants, balances) if grants else ""
    allowances = allowance_rows(session, year)
    entries = session.scalar(select(func.count(Entry.id)).where(Entry.booked_on.between(start, end))) or 0
    missing = missing_receipt_count(session, year)
    budget = get_budget(session, year)
    org = get_organisation(session)
    opening = sum((r.opening for r in balances), Decimal("0.00"))
    closing = sum((r.closing for r in balances), Decimal("0.00"))

    def draw(flow: PageFlow) -> None:
        flow.title(_("Financial annual report {year}").format(year=year),
                   subtitle=f"{org.name} · {period_text(start, end)}")
        flow.paragraph(_status_note(session, year), size=8.5, bold=True)
        result_table(flow, table)
        budget_vs_actual_table(flow, table, "income", title=_("Income by category"),
                               with_previous=with_previous)
        budget_vs_actual_table(flow, table, "expense", title=_("Expenses by category"),
                               with_previous=with_previous)
        balances_table(flow, balances, title=_("Cash and bank balances"), year=year)
        flow.paragraph(_("Balances on 1 January {opening} + result {result} = balances on 31 December {closing}.")
                       .format(opening=money(opening), result=money(table.result_actual), closing=money(closing)),
                       bold=True)
        if opening + table.result_actual != closing:  # only when data was changed outside the program
            flow.paragraph(_("Warning: the balances do not reconcile with the result."), bold=True)
        flow.paragraph(_("Transfers between the group's own accounts are neither income nor expense."), size=8.5)
        if table.has_budget:
            draw_budget_chart(flow, table.expense, title=_("Expenses: budget and actual"))
        else:
            draw_budget_chart(flow, table.expense, title=_("Expenses by category"), with_budget=False)
        if grants:
            columns = [Column(_("Funder"), 2.6), money_column(_("Granted")), money_column(_("Received")),
                       money_column(_("Charged")), money_column(_("Balance"))]
            rows = [[g.funder, money(g.amount), money(g.received), money(g.spent), money(g.balance)] for g in grants]
            flow.table(columns, rows, title=_("Grants {year}").format(year=year))
            if unspent_warning:
                flow.paragraph(unspent_warning, bold=True, whole=True)
        if allowances:
            total = sum((a.total for a in allowances), Decimal("0.00"))
            flow.heading(_("Volunteer allowances"))
            flow.paragraph(ngettext("{count} volunteer received allowances, in total {total}.",
                                    "{count} volunteers received allowances, in total {total}.",
                                    len(allowances)).format(count=len(allowances), total=money(total)))
        notes = [_("Budget: {approval}").format(approval=approval_text(budget))]
        if entries:
            notes.append(ngettext("The books hold {count} entry for {year}.",
                                  "The books hold {count} entries for {year}.",
                                  entries).format(count=entries, year=year))
        else:  # a new group's first report: 'the books hold 0 entries' reads like a count gone wrong
            notes.append(_("Nothing has been booked for {year} yet.").format(year=year))
        if missing:
            notes.append(ngettext("{count} expense has no receipt attached.",
                                  "{count} expenses have no receipt attached.", missing).format(count=missing))
        if table.uncategorised:
            notes.append(_("{amount} is not categorised yet.").format(amount=money(table.uncategorised)))
        notes += netting_notes(table)
        written = report_notes(session, year)
        notes += written.split("\n\n") if written else []
        # The notes and the signatures share a page: signatures alone on the last page could be
        # stapled under anything (the demo's French report put them on a page of their own).
        def height(text: str) -> float:  # as flow.paragraph draws it
            return len(wrap_text(keep_dates_whole(text), FONT, 9.5, flow.width)) * 9.5 * 1.35 + 9.5 * 0.4

        flow.ensure(30 + sum(map(height, notes)) + 12 + SIGNATURE_HEIGHT)
        flow.heading(_("Notes"))
        for n, text in enumerate(notes):
            if n == len(notes) - 1:  # notes longer than a page: the last one still goes with the signatures
                flow.ensure(height(text) + 12 + SIGNATURE_HEIGHT)
            flow.paragraph(text)
        flow.space(12)
        signature_lines(flow, [_("Treasurer"), _("Chair")])

    title = _("Financial annual report {year}").format(year=year)
    return write_document(target, info(session, title, today, year=year), draw)
