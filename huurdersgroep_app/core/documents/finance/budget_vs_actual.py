"""Budget vs actual for a period of a year: a table per section and a bar chart; usable mid-year
at a board meeting (the budget column is the whole year's budget)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.finance.common import (budget_money, budget_vs_actual_table,
                                                             draw_budget_chart, info, money, money_column,
                                                             netting_notes, period_text, total_row)
from huurdersgroep_app.core.documents.tables import Column, PageFlow, write_document
from huurdersgroep_app.core.services.finance.figures import FigureTable, budget_vs_actual
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _


def result_table(flow: PageFlow, table: FigureTable) -> None:
    columns = [Column("", 3.2), money_column(_("Budget")), money_column(_("Actual")), money_column(_("Difference"))]
    # Each line's difference, as in the tables above it (the income and expense lines left it blank,
    # so the reader had to work out from the result alone which side went off budget).
    rows = [[label, budget_money(table, table.total(kind, "budget")), money(table.total(kind, "actual")),
             budget_money(table, table.total(kind, "actual") - table.total(kind, "budget"))]
            for kind, label in (("income", _("Income")), ("expense", _("Expenses")))]
    if table.uncategorised:
        rows.append([_("Not categorised yet"), "", money(table.uncategorised), ""])
    rows.append(total_row([_("Result (income − expenses)"), budget_money(table, table.result_budget),
                           money(table.result_actual), budget_money(table, table.result_actual - table.result_budget)]))
    flow.table(columns, rows, title=_("Result"))


def write_budget_vs_actual(session: Session, target, year: int, start: date | None = None,
                           end: date | None = None, today: date | None = None) -> int:
    table = budget_vs_actual(session, year, start, end)
    org = get_organisation(session)

    def draw(flow: PageFlow) -> None:
        flow.title(_("Budget vs actual {year}").format(year=year),
                   subtitle=f"{org.name} · {period_text(table.start, table.end)}")
        if not table.has_budget:
            flow.paragraph(_("There is no budget for {year} yet; only the actuals are shown.").format(year=year),
                           bold=True)
        flow.paragraph(_("The budget is the budget of the whole year; the actuals are those of the period. "
                         "Difference = actual − budget."), size=8.5)
        budget_vs_actual_table(flow, table, "income", title=_("Income"))
        budget_vs_actual_table(flow, table, "expense", title=_("Expenses"))
        result_table(flow, table)
        for text in netting_notes(table):
            flow.paragraph(text, size=8.5)
        if table.has_budget:
            draw_budget_chart(flow, table.expense, title=_("Expenses: budget and actual"))
            draw_budget_chart(flow, table.income, title=_("Income: budget and actual"))
        else:
            draw_budget_chart(flow, table.expense, title=_("Expenses by category"), with_budget=False)
            draw_budget_chart(flow, table.income, title=_("Income by category"), with_budget=False)

    return write_document(target, info(session, _("Budget vs actual {year}").format(year=year), today, year=year),
                          draw)
