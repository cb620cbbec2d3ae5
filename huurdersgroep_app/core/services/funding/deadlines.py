"""Funders' deadlines: applications not yet made and accountabilities not yet filed, due soon
or overdue — for the Overview beside the advice deadlines, and for ``huurdersgroep deadlines``."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance_plans import Funder, Grant
from huurdersgroep_app.i18n import N_, _

DUE_WITHIN_DAYS = 30
KIND_LABELS = {"application": N_("Application"), "accountability": N_("Accountability")}


@dataclass(frozen=True)
class FundingDeadline:
    kind: str  # application | accountability
    grant_id: int
    funder_id: int
    funder: str
    year: int
    deadline: date
    days_left: int  # negative: overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS[self.kind])

    @property
    def title(self) -> str:
        if self.kind == "application":
            return _("Apply to {funder} for {year}").format(funder=self.funder, year=self.year)
        return _("Account to {funder} for {year}").format(funder=self.funder, year=self.year)


def funding_deadlines(session: Session, today: date | None = None, within_days: int = DUE_WITHIN_DAYS
                      ) -> list[FundingDeadline]:
    """Deadlines up to ``within_days`` ahead, and every overdue one, soonest first."""
    today = today or date.today()
    horizon = today + timedelta(days=within_days)
    found = []
    rows = session.execute(select(Grant, Funder.name).join(Funder, Funder.id == Grant.funder_id)
                           .where(Grant.status != "closed"))
    for grant, name in rows:
        if grant.application_deadline and grant.applied_on is None and grant.status == "applied" \
                and grant.application_deadline <= horizon:
            found.append(FundingDeadline("application", grant.id, grant.funder_id, name, grant.year,
                                         grant.application_deadline, (grant.application_deadline - today).days))
        if grant.deadline and grant.accounted_on is None and grant.deadline <= horizon:
            found.append(FundingDeadline("accountability", grant.id, grant.funder_id, name, grant.year,
                                         grant.deadline, (grant.deadline - today).days))
    return sorted(found, key=lambda d: (d.deadline, d.funder, d.kind))


# -- the Overview: funders' deadlines (here, not in views.py: the first page must not import the
# compliance checks and the funders' catalogue, which views.py needs for the Funding page)
@dataclass(frozen=True)
class FunderDeadlines:
    today: date
    within_days: int
    due: list[FundingDeadline]  # overdue, or due within ``within_days``
    next: FundingDeadline | None  # the first one further ahead, so the box is never blank
    accountability: FundingDeadline | None = None  # the first accountability due: its dossier

    @property
    def overdue(self) -> list[FundingDeadline]:
        return [d for d in self.due if d.overdue]

    @property
    def soon(self) -> list[FundingDeadline]:
        return [d for d in self.due if not d.overdue]


def funder_deadlines(session: Session, today: date | None = None,
                     within_days: int = DUE_WITHIN_DAYS) -> FunderDeadlines:
    today = today or date.today()
    ahead = funding_deadlines(session, today, within_days=3660)
    due = [d for d in ahead if d.days_left <= within_days]
    later = [d for d in ahead if d.days_left > within_days]
    first_accountability = next((d for d in ahead if d.kind == "accountability"), None)
    return FunderDeadlines(today, within_days, due, later[0] if later else None, first_accountability)
