"""The year of the group at a glance, for the strip on top of the Overview: how far the group is
set up, the annual meeting, the budget, the funders' next deadline and the next advice deadline.
Each line says whether it needs attention (False), is fine (True) or is just news (None)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import first_steps
from huurdersgroep_app.core.services.deadline_overview import deadline_overview
from huurdersgroep_app.core.services.finance.budget import get_budget
from huurdersgroep_app.core.services.funding.deadlines import funding_deadlines
from huurdersgroep_app.core.services.meetings.overview import annual_meeting_outlook
from huurdersgroep_app.i18n import _, format_date

# The budget of the coming year is asked for from this month on (funders want it before the year starts).
NEXT_BUDGET_FROM_MONTH = 10
AHEAD_DAYS = 90  # funders' and advice deadlines this far ahead are named


@dataclass(frozen=True)
class YearLine:
    key: str  # setup | annual_meeting | budget | funding | advice
    text: str
    signal: bool | None


@dataclass(frozen=True)
class YearOfGroup:
    year: int
    lines: list[YearLine]
    setup_left: int  # first steps still to take (the Overview offers the guide while > 0)


def _budget_line(session: Session, today: date) -> YearLine:
    year = today.year + 1 if today.month >= NEXT_BUDGET_FROM_MONTH else today.year
    budget = get_budget(session, year)
    if budget is not None and budget.approved_on is not None:
        return YearLine("budget", _("Budget {year}: approved on {date}.").format(
            year=year, date=format_date(budget.approved_on)), True)
    if budget is not None and budget.lines:
        return YearLine("budget", _("Budget {year}: drawn up, not yet approved by the annual meeting.").format(
            year=year), None if year > today.year else False)
    return YearLine("budget", _("Budget {year}: not drawn up yet (Money, Budget).").format(year=year),
                    None if year > today.year else False)


def year_of_group(session: Session, today: date | None = None) -> YearOfGroup:
    today = today or date.today()
    lines = []
    steps = first_steps.first_steps(session, today)
    left = sum(not step.done for step in steps)
    if left:
        lines.append(YearLine("setup", _("Setting up the group: {done} of {total} done.").format(
            done=len(steps) - left, total=len(steps)), None))
    outlook = annual_meeting_outlook(session, today)
    lines.append(YearLine("annual_meeting", outlook.text, outlook.signal))
    lines.append(_budget_line(session, today))
    funding = funding_deadlines(session, today, within_days=AHEAD_DAYS)
    if funding:
        first = funding[0]
        lines.append(YearLine("funding", _("{what}: {date}.").format(what=first.title, date=format_date(
            first.deadline)), False if first.overdue else None))
    else:
        lines.append(YearLine("funding", _("No funder's deadline in the coming three months."), True))
    advice = deadline_overview(session, today, within_days=AHEAD_DAYS).advice_due
    if advice:
        first = advice[0]
        lines.append(YearLine("advice", _("Advice {reference} due on {date}.").format(
            reference=first.reference, date=format_date(first.deadline)),
            False if first.days_left is not None and first.days_left < 0 else None))
    return YearOfGroup(today.year, lines, left)
