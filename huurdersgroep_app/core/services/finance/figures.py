"""Actuals per category for a period and the budget next to them.

Actuals are shown in the natural direction of the category: income received and money spent
are both positive, by the one definition of ``results``: a credit note (a refund on an expense
category, money paid back on an income category) lowers its own category, and what was netted
is kept per row (``netted``) so the documents can say so. Per row, difference = actual − budget,
so the differences of a section add up to its total actual − total budget. Lines not yet in a
category are kept apart (``uncategorised``, signed) and count in the result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance_plans import Budget, BudgetLine
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.finance.categories import label, list_categories
from huurdersgroep_app.core.services.finance.common import ZERO, year_bounds
from huurdersgroep_app.core.services.finance.results import CategoryResult, money_results
from huurdersgroep_app.i18n import _


def budget_amounts(session: Session, year: int) -> dict[int, Decimal]:
    return dict(session.execute(select(BudgetLine.category_id, BudgetLine.amount)
                                .join(Budget, Budget.id == BudgetLine.budget_id).where(Budget.year == year)).all())


@dataclass(frozen=True)
class CategoryFigure:
    category_id: int
    code: str
    label: str
    kind: str
    budget: Decimal
    actual: Decimal
    previous: Decimal = ZERO  # the actual of the year before, for comparison
    netted: Decimal = ZERO  # credit notes deducted from this year's actual (see ``results``)

    @property
    def difference(self) -> Decimal:
        return self.actual - self.budget

    @property
    def used(self) -> Decimal | None:
        """Share of the budget reached (1 = 100 %), None without a budget."""
        return (self.actual / self.budget).quantize(Decimal("0.001")) if self.budget else None


@dataclass
class FigureTable:
    year: int
    start: date
    end: date
    income: list[CategoryFigure] = field(default_factory=list)
    expense: list[CategoryFigure] = field(default_factory=list)
    uncategorised: Decimal = ZERO  # signed
    has_budget: bool = False

    def total(self, kind: str, column: str) -> Decimal:
        rows = self.income if kind == "income" else self.expense
        return sum((getattr(r, column) for r in rows), ZERO)

    @property
    def result_actual(self) -> Decimal:
        return self.total("income", "actual") - self.total("expense", "actual") + self.uncategorised

    @property
    def result_budget(self) -> Decimal:
        return self.total("income", "budget") - self.total("expense", "budget")

    @property
    def netted(self) -> list[CategoryFigure]:
        """The rows whose actual has credit notes netted in it, income first."""
        return [r for r in self.income + self.expense if r.netted]


def budget_vs_actual(session: Session, year: int, start: date | None = None, end: date | None = None,
                     with_previous: bool = False, include_empty: bool = False) -> FigureTable:
    """Budget of ``year`` next to the actuals of start..end (a period inside that year)."""
    first, last = year_bounds(year)
    start, end = start or first, end or last
    if not (first <= start <= end <= last):
        raise ValidationError({"end": _("Choose a period within the year {year}.").format(year=year)})
    actuals = money_results(session, start, end)
    previous = money_results(session, *year_bounds(year - 1)).categories if with_previous else {}
    budget = budget_amounts(session, year)
    table = FigureTable(year, start, end, uncategorised=actuals.uncategorised,
                        has_budget=session.scalar(select(Budget.id).where(Budget.year == year)) is not None)
    nothing = CategoryResult("")
    for category in list_categories(session):
        figure = actuals.categories.get(category.id, nothing)
        actual, before = figure.actual, previous.get(category.id, nothing).actual
        planned = budget.get(category.id, ZERO)
        if not (include_empty and category.active) and not (actual or planned or before or figure.netted):
            continue
        row = CategoryFigure(category.id, category.code, label(category), category.kind, planned, actual, before,
                             figure.netted)
        (table.income if category.kind == "income" else table.expense).append(row)
    return table
