"""The meetings pages as the window shows them: each reader takes a session and returns plain rows
read in one session, so no database object reaches the window."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.meetings import elections, roles
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import overview as meeting_overview
from huurdersgroep_app.core.services.meetings.lifecycle import MEETING_TYPES, MeetingInput, QuorumRule
from huurdersgroep_app.core.services.members import members


def contact_choices(session: Session) -> list[tuple[int, str]]:
    """The current contacts as (id, 'name (organisation)')."""
    return [(c.id, contacts.contact_label(c)) for c in contacts.list_contacts(session)]


def owner_choices(session: Session) -> list[tuple[tuple[str, int], str]]:
    """Members by name, then the contacts with their organisation: (('member', id), label)."""
    people = [(("member", mid), name) for mid, name in members.member_choices(session)]
    return people + [(("contact", cid), label) for cid, label in contact_choices(session)]


@dataclass(frozen=True)
class MeetingChoices:
    """What the meeting form's lists offer, read in one session."""

    members: list[tuple[int, str]]
    contacts: list[tuple[int, str]]
    quorum: dict[str, QuorumRule]   # the group's default per type
    current: MeetingInput | None


def read_choices(session: Session, meeting_id: int | None) -> MeetingChoices:
    m = meetings.get_meeting(session, meeting_id) if meeting_id is not None else None
    # a former member stays chair or minute-taker of an old meeting
    people = members.member_choices(session, keep=(m.chair_id, m.minute_taker_id) if m else ())
    present = roles.role_candidates(session, m.id) if m else None
    if present is not None:  # attendance is taken: the chair and minute-taker are among those present
        people = [p for p in people if p[0] in present]
    known = contact_choices(session)
    current = None
    if m is not None:
        current = MeetingInput(m.type, m.scheduled_on, m.start_time.strftime("%H:%M") if m.start_time else "",
                               m.end_time.strftime("%H:%M") if m.end_time else "", m.title, m.place, m.chair_id,
                               m.minute_taker_id, m.audience, m.notes,
                               QuorumRule(m.quorum_kind, m.quorum_value, m.proxies_count),
                               [c.id for c in m.contacts])
        listed = {cid for cid, _label in known}
        known += [(c.id, contacts.contact_label(c)) for c in m.contacts if c.id not in listed]  # no longer current
    return MeetingChoices(people, known, {kind: meetings.default_quorum(session, kind) for kind in MEETING_TYPES},
                          current)


@dataclass(frozen=True)
class ElectionDetails:
    seats: list  # every open seat of the meeting (elections.open_seats)
    free_seats: list  # the seats not yet put to any election
    details: dict[int, tuple[list[str], date | None]]  # election id → (who steps down, applied on)


def read_election_details(session: Session, meeting_id: int, election_ids: list[int]) -> ElectionDetails:
    """The seats still to be put to the vote, and per election who steps down and whether it was applied."""
    taken = set()
    details = {}
    for election_id in election_ids:
        election = elections.get_election(session, election_id)
        taken |= {r.office_id for r in election.retiring}
        details[election_id] = (elections.retiring_names(session, election_id), election.applied_on)
    seats = elections.open_seats(session, meeting_id)
    return ElectionDetails(seats, [s for s in seats if s.office_id not in taken], details)


@dataclass(frozen=True)
class MeetingList:
    years: list[int]  # the years with meetings and this year, newest first
    rows: list  # the meetings of the chosen year and type (overview.meeting_rows)
    upcoming: list  # the next meeting, if any


def read_meeting_list(session: Session, year: int | None, kind: str | None) -> MeetingList:
    every = meeting_overview.meeting_rows(session)
    return MeetingList(sorted({r.scheduled_on.year for r in every} | {date.today().year}, reverse=True),
                       meeting_overview.meeting_rows(session, year, kind),
                       meeting_overview.upcoming_meetings(session, limit=1))


@dataclass(frozen=True)
class MeetingsSnapshot:
    """The meetings on the Overview: this year's annual meeting, the next ones, the overdue action points."""

    annual: meeting_overview.AnnualMeetingOutlook
    upcoming: list
    overdue: list


def read_meetings_snapshot(session: Session, today: date | None = None, shown: int = 5) -> MeetingsSnapshot:
    today = today or date.today()
    return MeetingsSnapshot(meeting_overview.annual_meeting_outlook(session, today),
                            meeting_overview.upcoming_meetings(session, today, limit=shown),
                            meeting_overview.overdue(session, today))
