"""Where a meeting stands, read by every part of the meeting record: which statuses count as held,
and the meeting itself when its record may still change. Below both the lifecycle and the agenda,
so neither has to import the other at run time."""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

HELD_STATUSES = ("held", "minutes_drafted", "minutes_approved")


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    return get_or_raise(session, Meeting, meeting_id, N_("Meeting {id} does not exist."), id=meeting_id)


def editable_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting, if its record may still change: approved minutes and cancelled meetings are closed."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status == "minutes_approved":
        raise DomainError(_("The minutes of this meeting are approved; the meeting can no longer be changed."))
    if meeting.status == "cancelled":
        raise DomainError(_("This meeting was cancelled. Plan it again first."))
    return meeting
