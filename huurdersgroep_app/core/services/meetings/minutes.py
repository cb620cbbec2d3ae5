"""Minutes: numbered decisions with their vote, approval of the previous minutes, discharge.

Decision numbers run per calendar year across all meetings (2026-01, 2026-02, …). A deleted
decision leaves a gap that is never filled: the last number given per year is kept in a setting,
so a number printed in old minutes never comes to mean another decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.meetings import DECISION_KINDS, VOTE_KINDS, AgendaItem, Decision, Meeting
from huurdersgroep_app.core.errors import ConfirmationNeeded, DomainError, ValidationError
from huurdersgroep_app.core.services.finance.years import is_closed
from huurdersgroep_app.core.services.meetings.lifecycle import (HELD_STATUSES, display_title, editable_meeting,
                                                                meeting_heading, meeting_title, previous_meeting)
from huurdersgroep_app.core.services.organisation import get_setting, set_setting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

COUNTER_SETTING = "meetings.decision_numbers"


@dataclass
class DecisionInput:
    text: str
    vote_kind: str = "consensus"  # vote (show of hands, counts required), ballot (secret), acclamation
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    agenda_item_id: int | None = None
    financial_year: int | None = None  # for a discharge


def vote_text(vote_kind: str, votes_for, votes_against, votes_abstain) -> str:
    if vote_kind == "consensus":
        return _("by consensus")
    if vote_kind == "acclamation":
        return _("by acclamation")
    counts = _("for {f}, against {a}, abstentions {x}").format(f=votes_for or 0, a=votes_against or 0,
                                                               x=votes_abstain or 0)
    if vote_kind == "ballot":
        has_counts = any(n is not None for n in (votes_for, votes_against, votes_abstain))
        return _("by secret ballot: {counts}").format(counts=counts) if has_counts else _("by secret ballot")
    return counts


def decision_label(year: int, number: int) -> str:
    return f"{year}-{number:02d}"


def _clean(session: Session, meeting: Meeting, data: DecisionInput) -> dict:
    problems = {}
    if not data.text.strip():
        problems["text"] = _("Write what was decided.")
    if data.vote_kind not in VOTE_KINDS:
        problems["vote_kind"] = _("Choose a vote, a secret ballot or consensus.")
    votes = {"votes_for": data.votes_for, "votes_against": data.votes_against, "votes_abstain": data.votes_abstain}
    if data.vote_kind == "vote":
        votes = {k: int(val or 0) for k, val in votes.items()}
        if any(val < 0 for val in votes.values()):
            problems["votes_for"] = _("Votes cannot be negative.")
        elif not any(votes.values()):
            problems["votes_for"] = _("Fill in the votes for, against and abstentions, or choose consensus.")
    elif data.vote_kind == "ballot" and any(val is not None for val in votes.values()):
        votes = {k: int(val or 0) for k, val in votes.items()}
        if any(val < 0 for val in votes.values()):
            problems["votes_for"] = _("Votes cannot be negative.")
    else:
        votes = dict.fromkeys(votes)
    if data.agenda_item_id is not None:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            problems["agenda_item_id"] = _("This agenda item belongs to another meeting.")
    if data.financial_year is not None and not 1900 < data.financial_year <= meeting.scheduled_on.year:
        problems["financial_year"] = _("The financial year must lie before the meeting.")
    if problems:
        raise ValidationError(problems)
    return {"text": data.text.strip(), "vote_kind": data.vote_kind, **votes,
            "agenda_item_id": data.agenda_item_id, "financial_year": data.financial_year}


def next_decision_number(session: Session, year: int) -> int:
    counters = get_setting(session, COUNTER_SETTING, {}) or {}
    highest = session.scalar(select(func.max(Decision.number)).where(Decision.year == year)) or 0
    return max(int(counters.get(str(year), 0)), highest) + 1


def _take_number(session: Session, year: int) -> int:
    number = next_decision_number(session, year)
    counters = dict(get_setting(session, COUNTER_SETTING, {}) or {})
    counters[str(year)] = number
    set_setting(session, COUNTER_SETTING, counters)
    return number


def add_decision(session: Session, meeting_id: int, data: DecisionInput, kind: str = "general",
                 approves_meeting_id: int | None = None) -> Decision:
    meeting = editable_meeting(session, meeting_id)
    if kind not in DECISION_KINDS:
        raise ValidationError({"kind": _("Unknown kind of decision '{kind}'.").format(kind=kind)})
    values = _clean(session, meeting, data)
    year = meeting.scheduled_on.year
    decision = Decision(meeting_id=meeting.id, year=year, number=_take_number(session, year), kind=kind,
                        approves_meeting_id=approves_meeting_id, **values)
    session.add(decision)
    session.flush()
    return decision


def get_decision(session: Session, decision_id: int) -> Decision:
    return get_or_raise(session, Decision, decision_id, N_("Decision {id} does not exist."), id=decision_id)


def update_decision(session: Session, decision_id: int, data: DecisionInput) -> Decision:
    """Correct the text or the vote; the number stays."""
    decision = get_decision(session, decision_id)
    meeting = editable_meeting(session, decision.meeting_id)
    for key, value in _clean(session, meeting, data).items():
        setattr(decision, key, value)
    return decision


def delete_decision(session: Session, decision_id: int) -> None:
    """Remove a decision entered by mistake; its number is not given again."""
    decision = get_decision(session, decision_id)
    editable_meeting(session, decision.meeting_id)
    if decision.kind == "minutes_approval" and decision.approves_meeting_id:
        approved = session.get(Meeting, decision.approves_meeting_id)
        if approved is not None and approved.status == "minutes_approved":
            approved.status = "minutes_drafted"
    session.delete(decision)


def _item_with_key(session: Session, meeting_id: int, keys: tuple[str, ...]) -> int | None:
    return session.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id, AgendaItem.key.in_(keys))
                          .order_by(AgendaItem.position).limit(1))


def approve_previous_minutes(session: Session, meeting_id: int, vote_kind: str = "consensus",
                             votes_for: int | None = None, votes_against: int | None = None,
                             votes_abstain: int | None = None, changes: str = "") -> Decision:
    """The meeting approves the minutes of the previous meeting of the same body: a numbered
    decision here, and the previous meeting's minutes become approved."""
    meeting = editable_meeting(session, meeting_id)
    previous = previous_meeting(session, meeting)
    if previous is None:
        raise DomainError(_("There is no earlier {type} whose minutes could be approved.").format(
            type=meeting_title(meeting).lower()))
    if previous.status == "minutes_approved":
        raise DomainError(_("The minutes of the {meeting} are already approved.").format(
            meeting=meeting_heading(previous, in_sentence=True)))
    text = _("The minutes of the {meeting} are approved.").format(meeting=meeting_heading(previous, in_sentence=True))
    if changes.strip():
        text = _("The minutes of the {meeting} are approved with these changes: {changes}").format(
            meeting=meeting_heading(previous, in_sentence=True), changes=changes.strip())
    from huurdersgroep_app.core.services.meetings.agenda import PREVIOUS_MINUTES_KEYS

    decision = add_decision(session, meeting.id, DecisionInput(
        text, vote_kind, votes_for, votes_against, votes_abstain,
        agenda_item_id=_item_with_key(session, meeting.id, PREVIOUS_MINUTES_KEYS)),
        kind="minutes_approval", approves_meeting_id=previous.id)
    previous.status = "minutes_approved"
    return decision


def record_discharge(session: Session, meeting_id: int, financial_year: int, vote_kind: str = "consensus",
                     votes_for: int | None = None, votes_against: int | None = None,
                     votes_abstain: int | None = None, text: str = "", *, confirm_open_books: bool = False,
                     today: date | None = None) -> Decision:
    """The meeting releases the board for a financial year (kwijting / décharge).

    Only a meeting that took place can grant it (a discharge dated in the future is no proof for a
    funder). Discharge for books that are still open is asked first: the accounts the members
    approved can still change afterwards, but a group may close the books later on purpose."""
    meeting = editable_meeting(session, meeting_id)
    today = today or date.today()
    if meeting.scheduled_on > today or meeting.status not in HELD_STATUSES:
        raise DomainError(_("The {meeting} has not been held yet: record the discharge once the meeting has "
                            "taken place and is marked as held.").format(
                                meeting=meeting_heading(meeting, in_sentence=True)))
    if not confirm_open_books and not is_closed(session, financial_year):
        raise ConfirmationNeeded(_("The books of {year} are still open, so the accounts can still change after "
                                   "the discharge. Record the discharge anyway?").format(year=financial_year))
    existing = discharge_decision(session, financial_year)
    if existing is not None:
        raise DomainError(_("Discharge for {year} was already granted (decision {label}).").format(
            year=financial_year, label=existing.label))
    text = text.strip() or _("The meeting grants the board discharge for the financial year {year}.").format(
        year=financial_year)
    return add_decision(session, meeting_id, DecisionInput(
        text, vote_kind, votes_for, votes_against, votes_abstain,
        agenda_item_id=_item_with_key(session, meeting_id, ("discharge",)), financial_year=financial_year),
        kind="discharge")


def discharge_decision(session: Session, financial_year: int) -> Decision | None:
    return session.scalar(select(Decision).where(Decision.kind == "discharge",
                                                 Decision.financial_year == financial_year).limit(1))


@dataclass(frozen=True)
class DecisionRow:
    id: int
    label: str
    year: int
    number: int
    kind: str
    text: str
    vote: str
    vote_kind: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    meeting_id: int
    meeting_date: date
    meeting_title: str
    agenda_item_id: int | None
    financial_year: int | None


def decision_rows(session: Session, *, year: int | None = None, meeting_id: int | None = None) -> list[DecisionRow]:
    """Decisions in number order, as plain rows (register, minutes, tables)."""
    stmt = (select(Decision, Meeting.scheduled_on, Meeting.title, Meeting.type)
            .join(Meeting, Decision.meeting_id == Meeting.id).order_by(Decision.year, Decision.number))
    if year is not None:
        stmt = stmt.where(Decision.year == year)
    if meeting_id is not None:
        stmt = stmt.where(Decision.meeting_id == meeting_id)
    rows = []
    for d, on, title, kind in session.execute(stmt):
        rows.append(DecisionRow(d.id, d.label, d.year, d.number, d.kind, d.text,
                                vote_text(d.vote_kind, d.votes_for, d.votes_against, d.votes_abstain), d.vote_kind,
                                d.votes_for, d.votes_against, d.votes_abstain, d.meeting_id, on,
                                display_title(kind, title), d.agenda_item_id, d.financial_year))
    return rows


def approval_of(session: Session, meeting_id: int) -> DecisionRow | None:
    """The decision (in a later meeting) that approved this meeting's minutes, if any."""
    decision_id = session.scalar(select(Decision.id).where(Decision.approves_meeting_id == meeting_id,
                                                           Decision.kind == "minutes_approval").limit(1))
    if decision_id is None:
        return None
    meeting_id = session.get(Decision, decision_id).meeting_id
    return next(r for r in decision_rows(session, meeting_id=meeting_id) if r.id == decision_id)
