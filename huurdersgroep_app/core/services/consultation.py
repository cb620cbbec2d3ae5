"""The consultation history with the landlord for a period: what the group brings to the landlord's
performance review. Advices given and what became of them, requests the group did not answer,
signals passed on, and (from the meetings area) the consultation meetings held.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.services import deadlines
from huurdersgroep_app.core.services.advices import BEFORE_SENT
from huurdersgroep_app.core.services.signal_register import shareable_signals


@dataclass(frozen=True)
class AdviceOutcome:
    id: int
    reference: str
    title: str
    kind: str
    topic: str
    requested_on: date
    sent_on: date | None
    reply_due: date | None
    replied_on: date | None
    outcome: str          # followed / partly / not_followed, or '' while no reply
    reasons: str
    planning: str
    open_actions: tuple[str, ...]
    status: str
    silence: str | None   # the Brussels silence rule's verdict, where it applies

    @property
    def reply_late(self) -> bool:
        """The landlord answered after the due date, or has not answered and the date has passed."""
        if self.reply_due is None:
            return False
        return (self.replied_on or date.max) > self.reply_due

    def reply_overdue(self, today: date) -> bool:
        return self.replied_on is None and self.reply_due is not None and self.reply_due < today \
            and self.status == "sent"


@dataclass
class ConsultationHistory:
    start: date
    end: date
    given: list[AdviceOutcome] = field(default_factory=list)        # sent in the period
    not_given: list[AdviceOutcome] = field(default_factory=list)    # asked in the period, not sent
    signals_forwarded: int = 0
    signals_answered: int = 0
    meetings: list = field(default_factory=list)                    # filled by the meetings area

    def count(self, outcome: str) -> int:
        return sum(a.outcome == outcome for a in self.given)

    @property
    def awaiting_reply(self) -> int:
        return sum(not a.outcome for a in self.given)

    @property
    def replied_on_time(self) -> int:
        return sum(bool(a.outcome) and not a.reply_late for a in self.given)


def _outcome(a: Advice, today: date) -> AdviceOutcome:
    actions = tuple(x.what for x in a.actions if x.done_on is None)
    return AdviceOutcome(a.id, a.reference, a.title, a.kind, a.topic, a.requested_on, a.sent_on, a.reply_due,
                         a.replied_on, a.reply_outcome, a.reply_reasons, a.reply_planning, actions, a.status,
                         deadlines.silence_outcome(a, today))


def consultation_history(session: Session, start: date, end: date, today: date | None = None) -> ConsultationHistory:
    today = today or date.today()
    history = ConsultationHistory(start, end)
    load = (selectinload(Advice.actions),)
    for a in session.scalars(select(Advice).options(*load).where(Advice.sent_on.between(start, end))
                             .order_by(Advice.sent_on, Advice.id)):
        history.given.append(_outcome(a, today))
    for a in session.scalars(select(Advice).options(*load)
                             .where(Advice.kind == "asked", Advice.requested_on.between(start, end),
                                    Advice.status.in_((*BEFORE_SENT, "withdrawn")))
                             .order_by(Advice.requested_on, Advice.id)):
        history.not_given.append(_outcome(a, today))
    signals = shareable_signals(session, start, end)
    history.signals_forwarded = sum(s.forwarded_on is not None for s in signals)
    history.signals_answered = sum(s.answered_on is not None for s in signals)
    return history
