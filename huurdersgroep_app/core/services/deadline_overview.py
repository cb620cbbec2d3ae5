"""What needs attention today: advice due soon, landlord replies overdue, signals left unanswered."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.dossiers import BEFORE_SENT
from huurdersgroep_app.core.services.signals.signals import unanswered_days, unanswered_signals

ADVICE_DUE_WITHIN_DAYS = 14


@dataclass(frozen=True)
class DeadlineItem:
    advice_id: int | None
    signal_id: int | None
    reference: str
    title: str
    deadline: date
    days_left: int  # negative: overdue


@dataclass
class DeadlineOverview:
    today: date
    advice_due: list[DeadlineItem] = field(default_factory=list)        # the group's advice, due soon or late
    replies_overdue: list[DeadlineItem] = field(default_factory=list)   # the landlord's answer is late
    signals_unanswered: list[DeadlineItem] = field(default_factory=list)
    unanswered_after_days: int = 14

    @property
    def is_empty(self) -> bool:
        return not (self.advice_due or self.replies_overdue or self.signals_unanswered)


def deadline_overview(session: Session, today: date | None = None,
                      within_days: int = ADVICE_DUE_WITHIN_DAYS) -> DeadlineOverview:
    today = today or date.today()
    overview = DeadlineOverview(today, unanswered_after_days=unanswered_days(session))
    horizon = today + timedelta(days=within_days)
    for a in session.scalars(select(Advice).where(Advice.status.in_(BEFORE_SENT), Advice.group_deadline <= horizon)
                             .order_by(Advice.group_deadline, Advice.id)):
        overview.advice_due.append(DeadlineItem(a.id, None, a.reference, a.title, a.group_deadline,
                                                deadlines.days_left(a.group_deadline, today)))
    for a in session.scalars(select(Advice).where(Advice.status == "sent", Advice.reply_due < today)
                             .order_by(Advice.reply_due, Advice.id)):
        overview.replies_overdue.append(DeadlineItem(a.id, None, a.reference, a.title, a.reply_due,
                                                     deadlines.days_left(a.reply_due, today)))
    limit = overview.unanswered_after_days
    for s in unanswered_signals(session, today, limit):
        due = s.reported_on + timedelta(days=limit)
        title = s.description if len(s.description) <= 80 else s.description[:79] + "…"
        overview.signals_unanswered.append(DeadlineItem(None, s.id, f"#{s.id}", title, due,
                                                        deadlines.days_left(due, today)))
    return overview
