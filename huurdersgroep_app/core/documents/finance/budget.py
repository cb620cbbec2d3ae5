"""The budget for a year next to the previous year's budget and actuals (where that year has them) (the annual meeting
approves the accounts of the past year and the budget of the next at once), with each line's
justification and the per-dwelling calculation."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.finance.common import info, money, money_column, total_row
from huurdersgroep_app.core.documents.tables import Column, PageFlow, write_document
from huurdersgroep_app.core.services.finance.budget import approval_text, budget_lines, dwelling_calculation, get_budget
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.finance.years import list_years
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_money, format_number

ZERO = Decimal("0.00")


def write_budget(session: Session, target, year: int, today: date | None = None) -> int:
    lines = budget_lines(session, year)
    previous = budget_vs_actual(session, year - 1)  # budget and actuals of the year before
    before = {row.category_id: row for row in previous.income + previous.expense}
    org = get_organisation(session)
    calculation = dwelling_calculation(session)
    # A group's first year has no year before it: columns of last year's budget and actuals would
    # print € 0,00 on every line, as if the group had planned and spent nothing. Show only what exists.
    shown = (True, previous.has_budget, any(row.year == year - 1 for row in list_years(session)))
    headings = [h for h, show in zip((_("Budget {year}").format(year=year), _("Budget {year}").format(year=year - 1),
                                      _("Actual {year}").format(year=year - 1)), shown, strict=True) if show]

    def pick(values) -> list:
        return [v for v, show in zip(values, shown, strict=True) if show]

    def section(flow: PageFlow, kind: str, title: str) -> tuple[Decimal, Decimal, Decimal]:
        columns = [Column(_("Category"), 3), *(money_column(h) for h in headings)]
        ids = [row.category_id for row in lines if row.kind == kind]
        ids += [cid for cid, row in before.items() if row.kind == kind and cid not in ids]
        amounts = {row.category_id: row for row in lines}
        rows, totals = [], [ZERO, ZERO, ZERO]
        for cid in ids:
            planned = amounts[cid].amount if cid in amounts else ZERO
            old = before.get(cid)
            name = amounts[cid].label if cid in amounts else old.label
            values = (planned, old.budget if old else ZERO, old.actual if old else ZERO)
            totals = [t + v for t, v in zip(totals, values, strict=True)]
            rows.append([name, *(money(v) for v in pick(values))])
        rows.append(total_row([_("Total income") if kind == "income" else _("Total expenses"),
                               *(money(t) for t in pick(totals))]))
        flow.table(columns, rows, title=title)
        return tuple(totals)

    def draw(flow: PageFlow) -> None:
        flow.title(_("Budget {year}").format(year=year), subtitle=org.name)
        flow.paragraph(approval_text(get_budget(session, year)), size=8.5, bold=True)
        if not lines:
            flow.paragraph(_("The budget of {year} is still empty.").format(year=year), bold=True)
        income = section(flow, "income", _("Income"))
        expense = section(flow, "expense", _("Expenses"))
        columns = [Column("", 3)] + [money_column(h) for h in headings]
        result = [i - e for i, e in zip(income, expense, strict=True)]
        result[2] += previous.uncategorised
        flow.table(columns, [total_row([_("Result (income − expenses)"), *(money(v) for v in pick(result))])],
                   title=_("Result"))
        justified = [row for row in lines if row.justification]
        if justified:
            flow.heading(_("Justification"))
            for row in justified:
                flow.paragraph(f"{row.label} ({money(row.amount)})", bold=True, size=9)
                flow.paragraph(row.justification, size=9)
        if calculation.dwellings:
            flow.heading(_("Calculation per dwelling"))
            rows = [[name, format_number(dwellings), money(amount)]
                    for name, dwellings, amount in calculation.complexes]
            rows.append(total_row([_("Total"), format_number(calculation.dwellings), money(calculation.total)]))
            flow.table([Column(_("Complex"), 3), Column(_("Dwellings"), 1, align="right"), money_column(_("Amount"))],
                       rows)
            flow.paragraph(_("{dwellings} dwellings × {rate} per dwelling = {total}.").format(
                dwellings=format_number(calculation.dwellings), rate=format_money(calculation.rate),
                total=money(calculation.total)), size=9)

    return write_document(target, info(session, _("Budget {year}").format(year=year), today, year=year),
                          draw)
