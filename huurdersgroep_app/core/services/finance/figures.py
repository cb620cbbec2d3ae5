"""Actuals per category for a period and the budget next to them.

Actuals are shown in the natural direction of the category: income received and money spent
are both positive (a refund lowers its expense category). Per row, difference = actual − budget,
so the differences of a section add up to its total actual − total budget. Lines not yet in a
category are kept apart (``uncategorised``, signed) and count in the result.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Entry, EntryLine
from huurdersgroep_app.core.db.models.finance_plans import Budget, BudgetLine
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.finance.categories import label, list_categories
from huurdersgroep_app.core.services.finance.common import ZERO, year_bounds
from huurdersgroep_app.i18n import _


def category_actuals(session: Session, start: date, end: date) -> dict[int | None, Decimal]:
    """Signed sum of the entry lines per category (None: not categorised) for start..end."""
    rows = session.execute(select(EntryLine.category_id, func.sum(EntryLine.amount))
                           .join(Entry, Entry.id == EntryLine.entry_id)
                           .where(Entry.booked_on >= start, Entry.booked_on <= end)
                           .group_by(EntryLine.category_id))
    return {category_id: amount for category_id, amount in rows}


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


def _natural(amount: Decimal, sign: int) -> Decimal:
    """The signed line total in the category's own direction; never '-0.00'."""
    return amount * sign if amount else ZERO


def budget_vs_actual(session: Session, year: int, start: date | None = None, end: date | None = None,
                     with_previous: bool = False, include_empty: bool = False) -> FigureTable:
    """Budget of ``year`` next to the actuals of start..end (a period inside that year)."""
    first, last = year_bounds(year)
    start, end = start or first, end or last
    if not (first <= start <= end <= last):
        raise ValidationError({"end": _("Choose a period within the year {year}.").format(year=year)})
    actuals = category_actuals(session, start, end)
    previous = category_actuals(session, *year_bounds(year - 1)) if with_previous else {}
    budget = budget_amounts(session, year)
    table = FigureTable(year, start, end, uncategorised=actuals.get(None, ZERO),
                        has_budget=session.scalar(select(Budget.id).where(Budget.year == year)) is not None)
    for category in list_categories(session):
        sign = 1 if category.kind == "income" else -1
        actual = _natural(actuals.get(category.id, ZERO), sign)
        before = _natural(previous.get(category.id, ZERO), sign)
        planned = budget.get(category.id, ZERO)
        if not (include_empty and category.active) and not (actual or planned or before):
            continue
        row = CategoryFigure(category.id, category.code, label(category), category.kind, planned, actual, before)
        (table.income if category.kind == "income" else table.expense).append(row)
    return table
