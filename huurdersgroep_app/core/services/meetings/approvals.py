"""Approvals taken in a meeting: an advice approved by the board or the members, the budget
approved by the annual meeting. The numbered decision is the proof a funder asks for, so an
approval can point at it; the date and a readable reference follow from the decision."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.meetings import Decision, Meeting
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.meetings.lifecycle import meeting_heading
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _


@dataclass(frozen=True)
class DecisionApproval:
    decision_id: int
    approved_on: date
    reference: str


def decision_approval(session: Session, decision_id: int, *, annual_only: bool = False,
                      today: date | None = None) -> DecisionApproval:
    """The date and reference of an approval taken by decision ``decision_id``; a decision of a
    meeting still to come approves nothing yet (its date would put the approval in the future)."""
    decision = get_or_raise(session, Decision, decision_id, N_("Decision {id} does not exist."), id=decision_id)
    meeting = session.get(Meeting, decision.meeting_id)
    if annual_only and meeting.type != "annual":
        raise DomainError(_("The budget is approved by the annual meeting; decision {label} was taken at the "
                            "{meeting}.").format(label=decision.label, meeting=meeting_heading(meeting, True)))
    if meeting.scheduled_on > (today or date.today()):
        raise DomainError(_("Decision {label} belongs to the {meeting}, which has not taken place yet; an approval "
                            "cannot lie in the future.").format(label=decision.label,
                                                                meeting=meeting_heading(meeting, True)))
    return DecisionApproval(decision.id, meeting.scheduled_on, _reference(decision, meeting))


def _reference(decision: Decision, meeting: Meeting) -> str:
    return _("Decision {label}, {meeting}").format(label=decision.label, meeting=meeting_heading(meeting))


def decision_reference(session: Session, decision_id: int) -> str | None:
    """The reference of decision ``decision_id`` in the current language ('Decision 2025-14, Annual
    meeting of 29 March 2025'); None when the decision is gone. A stored reference keeps the language
    it was recorded in, so a document in another language reads it from here."""
    decision = session.get(Decision, decision_id)
    if decision is None:
        return None
    return _reference(decision, session.get(Meeting, decision.meeting_id))


@dataclass(frozen=True)
class DecisionChoice:
    id: int
    label: str  # 'Decision 2026-07, Annual meeting of 28 March 2026: The budget 2026 is approved.'


def decision_choices(session: Session, *, annual_only: bool = False, since: date | None = None) -> list[DecisionChoice]:
    """Decisions to pick an approval from, newest first (for a combo box)."""
    stmt = select(Decision, Meeting).join(Meeting, Decision.meeting_id == Meeting.id)
    if annual_only:
        stmt = stmt.where(Meeting.type == "annual")
    if since is not None:
        stmt = stmt.where(Meeting.scheduled_on >= since)
    stmt = stmt.order_by(Meeting.scheduled_on.desc(), Decision.number.desc())
    choices = []
    for decision, meeting in session.execute(stmt):
        text = decision.text if len(decision.text) <= 80 else decision.text[:79] + "…"
        choices.append(DecisionChoice(decision.id, _("Decision {label}, {meeting}: {text}").format(
            label=decision.label, meeting=meeting_heading(meeting), text=text)))
    return choices
