"""Everything about one meeting in one call, as plain rows: what a meeting page shows and what
the minutes are made of. No ORM objects leave this module, so nothing loads lazily later."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import AgendaItem, Election, MeetingAttachment
from huurdersgroep_app.core.services.meetings.action_points import (ActionPointRow, action_point_rows,
                                                                    review_action_points)
from huurdersgroep_app.core.services.meetings.attendance import (AttendanceCounts, AttendanceRow, QuorumResult,
                                                        counts_from_rows, expected_and_quorum_base, listed_attendance,
                                                        quorum_from_rows)
from huurdersgroep_app.core.services.meetings.elections import ElectionResult, elections_of_meeting
from huurdersgroep_app.core.services.meetings.invitations import InvitationCheck, invitation_check, time_text
from huurdersgroep_app.core.services.meetings.lifecycle import (TRANSITIONS, get_meeting, meeting_heading,
                                                                meeting_title,
                                                      previous_meeting, status_label, type_label)
from huurdersgroep_app.core.services.meetings.minutes import DecisionRow, decision_rows


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    file_name: str
    mime: str
    size: int
    agenda_item_id: int | None


@dataclass(frozen=True)
class ContactRef:
    id: int
    name: str
    organisation: str
    role: str


@dataclass(frozen=True)
class ItemRecord:
    id: int
    position: int
    number: int | None  # as printed; parked items have none
    key: str
    title: str
    description: str
    introduced_by: str
    origin: str
    notes: str
    parked: bool
    moved_to_meeting_id: int | None
    decisions: list[DecisionRow]
    action_points: list[ActionPointRow]
    attachments: list[AttachmentInfo]
    review: list[ActionPointRow]  # filled on the review item only
    elections: list[ElectionResult]


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    type: str
    type_label: str
    title: str
    heading: str
    scheduled_on: date
    start_time: time | None
    end_time: time | None
    time_text: str
    place: str
    audience: str
    status: str
    status_label: str
    next_statuses: tuple[str, ...]
    chair_id: int | None
    chair_name: str
    minute_taker_id: int | None
    minute_taker_name: str
    invitations_sent_on: date | None
    cancel_reason: str
    notes: str
    contacts: list[ContactRef]
    items: list[ItemRecord]
    attendance: list[AttendanceRow]
    counts: AttendanceCounts
    quorum: QuorumResult
    decisions: list[DecisionRow]
    action_points: list[ActionPointRow]
    review_action_points: list[ActionPointRow]
    elections: list[ElectionResult]
    attachments: list[AttachmentInfo]  # all of the meeting, items' included
    previous_meeting_id: int | None
    previous_meeting_heading: str
    invitation: InvitationCheck
    # Expected members who were not ticked and are not in ``attendance`` (``load_meeting``'s
    # ``unticked_up_to``); counted in ``counts`` all the same.
    unlisted: int = 0

    @property
    def agenda(self) -> list[ItemRecord]:
        return [i for i in self.items if not i.parked]

    @property
    def parked_items(self) -> list[ItemRecord]:
        return [i for i in self.items if i.parked]

    @property
    def review_item_id(self) -> int | None:
        return next((i.id for i in self.items if i.key == "action_review" and not i.parked), None)


def load_meeting(session: Session, meeting_id: int, unticked_up_to: int | None = None) -> MeetingRecord:
    """``unticked_up_to``: see ``attendance.listed_attendance`` (the minutes, which name at most 20
    absent members); by default ``attendance`` lists everyone expected."""
    meeting = get_meeting(session, meeting_id)
    people = dict(((mid, f"{first} {last}".strip()) for mid, first, last in session.execute(
        select(Member.id, Member.first_name, Member.last_name).where(
            Member.id.in_([i for i in (meeting.chair_id, meeting.minute_taker_id) if i])))))
    expected, quorum_base = expected_and_quorum_base(session, meeting)
    attendance, unlisted = listed_attendance(session, meeting.id, expected, unticked_up_to)
    decisions = decision_rows(session, meeting_id=meeting.id)
    actions = action_point_rows(session, meeting_id=meeting.id)
    review = review_action_points(session, meeting.id)
    elections = elections_of_meeting(session, meeting.id)
    election_items = dict(session.execute(select(Election.id, Election.agenda_item_id)
                                          .where(Election.meeting_id == meeting.id)).all())
    attachments = [AttachmentInfo(*row) for row in session.execute(
        select(MeetingAttachment.id, MeetingAttachment.file_name, MeetingAttachment.mime, MeetingAttachment.size,
               MeetingAttachment.agenda_item_id).where(MeetingAttachment.meeting_id == meeting.id)
        .order_by(MeetingAttachment.id))]
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                            .order_by(AgendaItem.position, AgendaItem.id)).all()
    review_id = next((i.id for i in items if i.key == "action_review" and not i.parked), None)
    records, number = [], 0
    for item in items:
        if not item.parked:
            number += 1
        records.append(ItemRecord(
            item.id, item.position, None if item.parked else number, item.key, item.title, item.description,
            item.introduced_by, item.origin, item.minutes_notes, item.parked, item.moved_to_meeting_id,
            [d for d in decisions if d.agenda_item_id == item.id],
            [a for a in actions if a.agenda_item_id == item.id],
            [a for a in attachments if a.agenda_item_id == item.id],
            review if item.id == review_id else [],
            [e for e in elections if election_items.get(e.election_id) == item.id]))
    previous = previous_meeting(session, meeting)
    return MeetingRecord(
        meeting.id, meeting.type, type_label(meeting.type), meeting_title(meeting), meeting_heading(meeting),
        meeting.scheduled_on, meeting.start_time, meeting.end_time, time_text(meeting), meeting.place,
        meeting.audience, meeting.status, status_label(meeting.status), TRANSITIONS[meeting.status],
        meeting.chair_id, people.get(meeting.chair_id, ""), meeting.minute_taker_id,
        people.get(meeting.minute_taker_id, ""), meeting.invitations_sent_on, meeting.cancel_reason, meeting.notes,
        [ContactRef(c.id, c.full_name, c.partner.name, c.role) for c in meeting.contacts],
        records, attendance, counts_from_rows(attendance, unlisted),
        quorum_from_rows(session, meeting, attendance, quorum_base),
        decisions, actions, review, elections, attachments,
        previous.id if previous else None, meeting_heading(previous) if previous else "",
        invitation_check(session, meeting.id), unlisted)
