"""The year plan as one reads it: the goals, then every planned activity and meeting by date,
each with the budget line of the plan's year it is paid from. Meetings already planned in the
meetings area come in by themselves; the plan's own lines add the rest."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.finance.budget import budget_lines, get_budget
from huurdersgroep_app.core.services.finance.categories import get_category, label
from huurdersgroep_app.core.services.funding.records import year_plan
from huurdersgroep_app.core.services.meetings.overview import meeting_rows


@dataclass(frozen=True)
class PlanLine:
    planned_on: date | None
    description: str
    kind: str  # "activity" (a line of the plan) or a meeting type
    budget_line: str  # the category's name, '' when none is linked
    budgeted: Decimal | None  # that line's amount in the plan year's budget; None: not in the budget


@dataclass
class YearPlanView:
    year: int
    exists: bool
    goals: str = ""
    approved_on: date | None = None
    budget_approved_on: date | None = None
    lines: list[PlanLine] = field(default_factory=list)

    @property
    def unbudgeted(self) -> list[PlanLine]:
        """Lines linked to a budget line that the plan year's budget does not hold."""
        return [line for line in self.lines if line.budget_line and line.budgeted is None]


def year_plan_view(session: Session, year: int) -> YearPlanView:
    plan = year_plan(session, year)
    budget = get_budget(session, year)
    amounts = {row.category_id: row.amount for row in budget_lines(session, year)}
    view = YearPlanView(year, plan is not None, plan.goals if plan else "", plan.approved_on if plan else None,
                        budget.approved_on if budget else None)
    linked_meetings = set()
    for line in plan.lines if plan else ():
        name = label(get_category(session, line.category_id)) if line.category_id else ""
        view.lines.append(PlanLine(line.planned_on, line.description, "activity", name,
                                   amounts.get(line.category_id) if line.category_id else None))
        if line.meeting_id:
            linked_meetings.add(line.meeting_id)
    for m in meeting_rows(session, year):
        if m.id not in linked_meetings and m.status != "cancelled":
            view.lines.append(PlanLine(m.scheduled_on, m.title, m.type, "", None))
    view.lines.sort(key=lambda x: (x.planned_on is None, x.planned_on or date.max))
    return view
