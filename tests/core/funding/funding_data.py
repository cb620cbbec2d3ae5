"""Builders for the funding tests: a group's year recorded through the services (members, board,
meetings, books), so every check is evaluated from data, never from expected text."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.core.db.models.meetings import Election, ElectionCandidate
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.finance import budget, categories
from huurdersgroep_app.core.services.funding.catalogue import CheckContext, EvidenceNote, get_check
from huurdersgroep_app.core.services.organisation import rule_profile

TODAY = date(2026, 11, 30)


def member(s, last: str, tenant: bool = True, consent: bool = True, joined: date = date(2020, 1, 1)) -> int:
    return members.add_member(s, members.MemberInput(
        last_name=last, first_name="T", is_tenant=tenant, joined_on=joined,
        consent_on=date(2020, 1, 1) if consent else None, consent_how="form" if consent else ""),
        allow_duplicate=True).id


def meeting(s, kind: str, day: date, status: str = "minutes_drafted", audience: str = "") -> int:
    m = meetings.create_meeting(s, meetings.MeetingInput(type=kind, scheduled_on=day, audience=audience))
    for step in ("held", "minutes_drafted", "minutes_approved"):
        if meetings.HELD_STATUSES.index(step) > meetings.HELD_STATUSES.index(status):
            break
        meetings.set_meeting_status(s, m.id, step, today=TODAY)
    return m.id


def elect(s, meeting_id: int, member_ids: list[int], ballots: int | None = None, others: list[int] = ()) -> None:
    """An election at the meeting: ``member_ids`` elected, ``others`` stood too."""
    election = Election(meeting_id=meeting_id, role="board_member", seats=len(member_ids), method="vote",
                        ballots_cast=ballots)
    election.candidates = ([ElectionCandidate(member_id=m, votes=1, elected=True) for m in member_ids] +
                           [ElectionCandidate(member_id=m, votes=0, elected=False) for m in others])
    s.add(election)
    s.flush()


def board_of(s, ids: list[int], start: date, roles: list[str] | None = None) -> None:
    roles = roles or ["chair", "secretary", "treasurer"] + ["board_member"] * 10
    for role, mid in zip(roles, ids, strict=False):
        board.assign_office(s, mid, role, start, date(start.year + 4, start.month, start.day))


def budget_for(s, year: int, approved_on: date | None) -> None:
    cat = {c.code: c.id for c in categories.list_categories(s)}
    budget.set_budget_line(s, year, cat["landlord_budget"], "1000")
    budget.set_budget_line(s, year, cat["printing"], "400")
    if approved_on:
        budget.approve_budget(s, year, approved_on, "Annual meeting")


def present(s, meeting_id: int, ids: list[int]) -> None:
    for mid in ids:
        attendance.set_attendance(s, meeting_id, mid, "present")


def run(s, key: str, year: int = 2026, params: dict | None = None, funder_id: int | None = None,
        evidence: tuple[str, ...] = (), today: date = TODAY):
    """Evaluate one catalogue check directly."""
    check = get_check(key)
    notes = [EvidenceNote(date(year, 5, 1), text, "") for text in evidence]
    ctx = CheckContext(s, year, today, rule_profile(s), funder_id, notes, {})
    return check.evaluate(ctx, check.params(params))
