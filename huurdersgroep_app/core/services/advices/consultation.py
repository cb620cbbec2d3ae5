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
from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.dossiers import BEFORE_SENT
from huurdersgroep_app.core.services.meetings.agenda import StandardItem
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES, display_title
from huurdersgroep_app.core.services.meetings.minutes import decision_rows
from huurdersgroep_app.core.services.signals.register import shareable_signals


# Agenda items that are the meeting's procedure, not a subject discussed with the landlord.
PROCEDURAL_KEYS = ("opening", "agenda_approval", "previous_minutes", "action_review", "closing")


@dataclass(frozen=True)
class ConsultationMeeting:
    id: int
    date: date
    title: str
    held: bool                      # False: cancelled (the reason is in ``cancel_reason``)
    cancel_reason: str
    landlord_people: tuple[str, ...]
    topics: tuple[str, ...]         # agenda items discussed, procedure left out
    decisions: tuple[str, ...]      # '2026-03: text'


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
    meetings: list[ConsultationMeeting] = field(default_factory=list)

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
    history.meetings = consultation_meetings(session, start, end)
    signals = shareable_signals(session, start, end)
    history.signals_forwarded = sum(s.forwarded_on is not None for s in signals)
    history.signals_answered = sum(s.answered_on is not None for s in signals)
    return history


def consultation_meetings(session: Session, start: date, end: date) -> list[ConsultationMeeting]:
    """Consultation meetings with the landlord held (or cancelled) in the period, oldest first."""
    stmt = (select(Meeting).options(selectinload(Meeting.items), selectinload(Meeting.contacts))
            .where(Meeting.type == "consultation", Meeting.scheduled_on.between(start, end),
                   Meeting.status.in_((*HELD_STATUSES, "cancelled")))
            .order_by(Meeting.scheduled_on, Meeting.id))
    found = []
    for m in session.scalars(stmt):
        people = tuple(c.full_name for c in m.contacts if c.partner.kind == "landlord")
        # A standard item counts as discussed when the minutes say something about it.
        topics = tuple(StandardItem(key=i.key, title=i.title).display_title for i in m.items
                       if m.status != "cancelled" and not i.parked and i.key not in PROCEDURAL_KEYS
                       and (not i.key or i.minutes_notes.strip()))
        decisions = tuple(f"{d.label}: {d.text}" for d in decision_rows(session, meeting_id=m.id))
        found.append(ConsultationMeeting(m.id, m.scheduled_on, display_title(m.type, m.title), m.status != "cancelled",
                                         m.cancel_reason, people, topics, decisions))
    return found
