"""Who chaired a meeting and who took its minutes: chosen from those present.

The chair and secretary in office are only the plan; when the chair is excused a board member
takes the chair and that is normal. Once attendance is recorded, nobody recorded as excused or
absent may chair, take the minutes or sign them, whatever path tries (the meeting form, the
attendance list, the minutes)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import Attendance, Meeting
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.meetings.state import editable_meeting
from huurdersgroep_app.i18n import N_, _

ROLE_FIELDS = {"chair_id": N_("chair"), "minute_taker_id": N_("minute-taker")}


def _statuses(session: Session, meeting_id: int) -> dict[int, str]:
    return dict(session.execute(select(Attendance.member_id, Attendance.status).where(
        Attendance.meeting_id == meeting_id, Attendance.member_id.is_not(None))).all())


def role_candidates(session: Session, meeting_id: int) -> set[int] | None:
    """The members who may hold a role: those recorded present; None before anyone is ticked present
    (while planning, any member may be the intended chair)."""
    present = {mid for mid, status in _statuses(session, meeting_id).items() if status == "present"}
    return present or None


def role_problems(session: Session, meeting_id: int, chair_id: int | None, minute_taker_id: int | None) -> dict:
    """Field → message for a role given to someone recorded as excused or absent."""
    statuses = _statuses(session, meeting_id) if meeting_id else {}
    problems = {}
    for key, member_id in (("chair_id", chair_id), ("minute_taker_id", minute_taker_id)):
        status = statuses.get(member_id)
        if member_id is not None and status in ("excused", "absent"):
            name = session.get(Member, member_id).full_name
            problems[key] = (_("{name} was excused and cannot be the {role} of this meeting; choose someone who was "
                               "present.") if status == "excused" else
                             _("{name} was absent and cannot be the {role} of this meeting; choose someone who was "
                               "present.")).format(name=name, role=_(ROLE_FIELDS[key]))
    return problems


def check_not_holding_a_role(session: Session, meeting: Meeting, member_id: int, status: str | None) -> None:
    """Refuse to mark the chair or minute-taker as not present: first say who took their place."""
    if status not in ("excused", "absent"):
        return  # present, or the tick cleared: not marked is how everyone starts
    for key in ROLE_FIELDS:
        if getattr(meeting, key) == member_id:
            raise DomainError(_("{name} is the {role} of this meeting. First choose who took that role in their "
                                "place (Chair and minute-taker…), then mark them.").format(
                name=session.get(Member, member_id).full_name, role=_(ROLE_FIELDS[key])))


def set_meeting_roles(session: Session, meeting_id: int, chair_id: int | None, minute_taker_id: int | None) -> Meeting:
    """Record who chaired and who took the minutes, from those present."""
    meeting = editable_meeting(session, meeting_id)
    problems = role_problems(session, meeting.id, chair_id, minute_taker_id)
    candidates = role_candidates(session, meeting.id)
    for key, member_id in (("chair_id", chair_id), ("minute_taker_id", minute_taker_id)):
        if key in problems or member_id is None:
            continue
        if session.get(Member, member_id) is None:
            problems[key] = _("Member {id} does not exist.").format(id=member_id)
        elif candidates is not None and member_id not in candidates:
            problems[key] = _("{name} is not marked present; the {role} is someone who was present.").format(
                name=session.get(Member, member_id).full_name, role=_(ROLE_FIELDS[key]))
    if problems:
        raise ValidationError(problems)
    meeting.chair_id, meeting.minute_taker_id = chair_id, minute_taker_id
    session.flush()
    return meeting


def present_role_holder(session: Session, meeting: Meeting, key: str) -> int | None:
    """The role's holder if they may sign: not recorded as excused or absent (older files may hold such)."""
    member_id = getattr(meeting, key)
    return None if _statuses(session, meeting.id).get(member_id) in ("excused", "absent") else member_id
