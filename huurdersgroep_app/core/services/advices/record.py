"""Everything about one advice dossier in one call, as plain rows: what a dossier page shows.
No ORM objects leave this module, so nothing loads lazily after the session is closed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.labels import (kind_label, outcome_label, scope_label, status_label,
                                                           topic_label)
from huurdersgroep_app.core.services.advices.dossiers import get_advice
from huurdersgroep_app.core.services.advices.steps import TimelineEntry, allowed_next, timeline
from huurdersgroep_app.core.services.contacts import contact_label


@dataclass(frozen=True)
class VersionRow:
    id: int
    number: int
    saved_on: date
    note: str
    body: str


@dataclass(frozen=True)
class ActionRow:
    id: int
    what: str
    who: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class AdviceRecord:
    id: int
    reference: str
    title: str
    kind: str
    kind_label: str
    topic: str
    topic_label: str
    scope: str
    scope_label: str
    complex_ids: tuple[int, ...]
    complex_names: tuple[str, ...]
    requested_on: date
    information_complete: bool
    information_note: str
    computed_deadline: date | None
    group_deadline: date | None
    deadline_edited: bool
    days_left: int | None              # until the group's deadline, while the advice is not sent
    silence: str | None                # deadlines.SILENCE_* where the silence rule applies
    silence_text: str
    status: str
    status_label: str
    next_statuses: tuple[str, ...]
    consultation_summary: str
    consultation_on: date | None
    approved_on: date | None
    approval_reference: str
    sent_on: date | None
    addressee_id: int | None
    addressee_label: str
    reply_due: date | None
    reply_overdue: bool
    reply_outcome: str
    reply_outcome_label: str
    reply_reasons: str
    reply_planning: str
    replied_on: date | None
    closed_on: date | None
    notes: str
    versions: tuple[VersionRow, ...]   # oldest first; the last is the text of the letter
    actions: tuple[ActionRow, ...]
    timeline: tuple[TimelineEntry, ...]
    signal_count: int


def advice_record(session: Session, advice_id: int, today: date | None = None) -> AdviceRecord:
    today = today or date.today()
    a = get_advice(session, advice_id)
    silence = deadlines.silence_outcome(a, today)
    not_sent = a.sent_on is None and a.status not in ("closed", "withdrawn")
    signals = session.scalar(select(func.count()).select_from(Signal).where(Signal.advice_id == a.id))
    return AdviceRecord(
        a.id, a.reference, a.title, a.kind, kind_label(a.kind), a.topic, topic_label(a.topic), a.scope,
        scope_label(a.scope), tuple(c.id for c in a.complexes), tuple(c.name for c in a.complexes), a.requested_on,
        a.information_complete, a.information_note, a.computed_deadline, a.group_deadline,
        a.group_deadline != a.computed_deadline,
        deadlines.days_left(a.group_deadline, today) if not_sent else None,
        silence, deadlines.silence_label(silence, a.silence_deadline), a.status, status_label(a.status),
        allowed_next(a), a.consultation_summary, a.consultation_on, a.approved_on, a.approval_reference, a.sent_on,
        a.addressee.id if a.addressee else None, contact_label(a.addressee), a.reply_due,
        a.status == "sent" and a.reply_due is not None and a.reply_due < today,
        a.reply_outcome, outcome_label(a.reply_outcome), a.reply_reasons, a.reply_planning, a.replied_on,
        a.closed_on, a.notes,
        tuple(VersionRow(v.id, v.number, v.saved_on, v.note, v.body) for v in a.versions),
        tuple(ActionRow(x.id, x.what, x.who, x.due_on, x.done_on) for x in a.actions),
        tuple(timeline(a)), signals or 0)
