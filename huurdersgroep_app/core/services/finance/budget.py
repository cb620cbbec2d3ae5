"""The budget per year and category, with a justification per line; start it from last year's
actuals or budget; approval by the annual meeting; the per-dwelling calculator."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from huurdersgroep_app.core.db.models import Complex
from huurdersgroep_app.core.db.models.finance_plans import Budget, BudgetLine
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.finance.categories import get_category, label, list_categories
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.common import ZERO, read_amount, read_date
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.i18n import _, format_date


@dataclass(frozen=True)
class BudgetLineRow:
    category_id: int
    label: str
    kind: str
    amount: Decimal
    justification: str


def get_budget(session: Session, year: int, create: bool = False) -> Budget | None:
    budget = session.scalar(select(Budget).where(Budget.year == year))
    if budget is None and create:
        budget = Budget(year=year, approval_reference="", notes="")
        session.add(budget)
        session.flush()
    return budget


def set_budget_line(session: Session, year: int, category_id: int, amount, justification: str = "") -> BudgetLine:
    """Planned income or expense (a positive amount) for a category."""
    years.ensure_open(session, year)  # a closed year's budget is part of its seal
    get_category(session, category_id)
    problems: dict[str, str] = {}
    value = read_amount(amount, "amount", problems, allow_zero=True, positive=True)
    if problems:
        raise ValidationError(problems)
    budget = get_budget(session, year, create=True)
    line = next((x for x in budget.lines if x.category_id == category_id), None)
    if line is None:
        line = BudgetLine(category_id=category_id, amount=value, justification=justification.strip())
        budget.lines.append(line)
    else:
        line.amount, line.justification = value, justification.strip()
    session.flush()
    return line


def remove_budget_line(session: Session, year: int, category_id: int) -> None:
    years.ensure_open(session, year)
    budget = get_budget(session, year)
    for line in list(budget.lines if budget else []):
        if line.category_id == category_id:
            budget.lines.remove(line)
    session.flush()


def budget_lines(session: Session, year: int) -> list[BudgetLineRow]:
    budget = get_budget(session, year)
    if budget is None:
        return []
    by_category = {line.category_id: line for line in budget.lines}
    return [BudgetLineRow(c.id, label(c), c.kind, by_category[c.id].amount, by_category[c.id].justification)
            for c in list_categories(session) if c.id in by_category]


def start_budget(session: Session, year: int, source: str = "actuals", from_year: int | None = None,
                 replace: bool = False) -> int:
    """Fill ``year``'s budget from another year's actuals (rounded to whole euros) or budget.
    Returns the number of lines written; existing lines stay unless ``replace``."""
    from_year = from_year or year - 1
    if source == "budget":
        template = {row.category_id: (row.amount, row.justification) for row in budget_lines(session, from_year)}
    elif source == "actuals":
        table = budget_vs_actual(session, from_year)
        note = _("Based on the actuals of {year}.").format(year=from_year)
        template = {row.category_id: (row.actual.quantize(Decimal("1"), rounding=ROUND_HALF_UP), note)
                    for row in table.income + table.expense if row.actual > 0}
    else:
        raise ValueError(source)
    if not template:
        raise DomainError(_("{year} has no {what} to start from.").format(
            year=from_year, what=_("budget") if source == "budget" else _("actuals")))
    existing = {row.category_id for row in budget_lines(session, year)}
    written = 0
    for category_id, (amount, justification) in template.items():
        if category_id in existing and not replace:
            continue
        set_budget_line(session, year, category_id, amount, justification)
        written += 1
    return written


def approve_budget(session: Session, year: int, approved_on=None, reference: str = "",
                   decision_id: int | None = None) -> Budget:
    """Record the annual meeting's approval: its numbered decision (``decision_id``, which gives
    the date and the reference), or a date and a reference typed by hand."""
    from huurdersgroep_app.core.services.meetings.approvals import decision_approval

    years.ensure_open(session, year)
    problems: dict[str, str] = {}
    if decision_id is not None:
        approval = decision_approval(session, decision_id, annual_only=True)
        day, reference = approval.approved_on, approval.reference
    else:
        day = read_date(approved_on, "approved_on", problems)
        if day is not None and day > date.today():
            problems["approved_on"] = _("The approval of {date} lies in the future; record it once the annual "
                                        "meeting has approved the budget.").format(date=format_date(day))
    budget = get_budget(session, year)
    if budget is None or not budget.lines:
        problems["year"] = _("The budget of {year} is still empty.").format(year=year)
    if problems:
        raise ValidationError(problems)
    budget.approved_on, budget.approval_reference = day, reference.strip()
    budget.approval_decision_id = decision_id
    return budget


@dataclass(frozen=True)
class DwellingCalculation:
    rate: Decimal
    complexes: list[tuple[str, int, Decimal]]  # name, dwellings, amount
    dwellings: int
    total: Decimal


def dwelling_calculation(session: Session) -> DwellingCalculation:
    """Number of dwellings in the complexes × the profile's funding norm per dwelling."""
    rate = rule_profile(session).decimal("finance", "funding_norm_per_dwelling")
    rows = [(c.name, c.dwellings, (rate * c.dwellings).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
            for c in session.scalars(select(Complex).order_by(Complex.name))]
    return DwellingCalculation(rate, rows, sum(r[1] for r in rows), sum((r[2] for r in rows), ZERO))


def budget_totals(session: Session, year: int) -> tuple[Decimal, Decimal]:
    """(planned income, planned expense)."""
    rows = budget_lines(session, year)
    return (sum((r.amount for r in rows if r.kind == "income"), ZERO),
            sum((r.amount for r in rows if r.kind == "expense"), ZERO))


def approval_text(budget: Budget | None) -> str:
    if budget is None or budget.approved_on is None:
        return _("Not yet approved.")
    from huurdersgroep_app.core.services.meetings.approvals import decision_reference

    # The long date, like the meeting's in the reference after it ('29 March 2025', not '29 Mar 2025').
    text = _("Approved on {date}.").format(date=format_date(budget.approved_on, "long"))
    reference = budget.approval_reference
    if budget.approval_decision_id is not None:  # stored in the language of the day it was recorded
        session = object_session(budget)
        reference = (session and decision_reference(session, budget.approval_decision_id)) or reference
    return f"{text} {reference}".strip()

