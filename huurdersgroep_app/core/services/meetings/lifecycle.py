"""Meetings: plan, change, cancel, and move through planned → invited → held → minutes drafted
→ minutes approved. Agenda, attendance, minutes and elections have their own modules."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.meetings import (AUDIENCES, MEETING_TYPES, QUORUM_KINDS, ActionPoint,
                                                       Decision, Meeting)
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.members.board import NEXT_ANNUAL_MEETING_SETTING, current_offices
from huurdersgroep_app.core.services.organisation import get_setting, rule_profile, set_setting
from huurdersgroep_app.core.services.meetings.agenda import apply_standard_agenda
from huurdersgroep_app.core.services.meetings.roles import role_problems
from huurdersgroep_app.core.services.meetings.state import (  # noqa: F401 - re-exported for callers
    HELD_STATUSES, editable_meeting, get_meeting)
from huurdersgroep_app.i18n import N_, _, format_date

TYPE_LABELS = {
    "board": N_("Board meeting"), "members": N_("Members' meeting"), "open_tenants": N_("Meeting for all tenants"),
    "consultation": N_("Consultation with the landlord"), "annual": N_("Annual meeting"),
    "working_group": N_("Working group"), "informal": N_("Informal meeting"),
}
STATUS_LABELS = {
    "planned": N_("planned"), "invited": N_("invited"), "held": N_("held"), "minutes_drafted": N_("minutes drafted"),
    "minutes_approved": N_("minutes approved"), "cancelled": N_("cancelled"),
}
AUDIENCE_LABELS = {"board": N_("Board"), "members": N_("Members"), "all_tenants": N_("All tenants"),
                   "landlord_and_group": N_("Landlord and group")}
DEFAULT_AUDIENCE = {"board": "board", "members": "members", "open_tenants": "all_tenants",
                    "consultation": "landlord_and_group", "annual": "all_tenants", "working_group": "members",
                    "informal": "members"}
# Which step may follow which; anything else is refused with the possible next steps.
TRANSITIONS = {
    "planned": ("invited", "held", "cancelled"),
    "invited": ("held", "cancelled"),
    "held": ("minutes_drafted",),
    "minutes_drafted": ("minutes_approved",),
    "minutes_approved": (),
    "cancelled": ("planned",),
}
QUORUM_SETTING = "meetings.quorum.{type}"


def type_label(kind: str) -> str:
    return _(TYPE_LABELS.get(kind, kind))


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def audience_label(audience: str) -> str:
    return _(AUDIENCE_LABELS.get(audience, audience))


def display_title(kind: str, title: str) -> str:
    """The title the user gave, else the name of the type."""
    return title or type_label(kind)


def meeting_title(meeting: Meeting) -> str:
    return display_title(meeting.type, meeting.title)


def meeting_heading(meeting: Meeting, in_sentence: bool = False) -> str:
    """'Board meeting of 12 March 2026'; ``in_sentence`` lower-cases the type's name (not a
    title the user wrote, which may be a name) for 'invites you to the board meeting of …'."""
    title = meeting_title(meeting)
    if in_sentence and not meeting.title:
        title = title[:1].lower() + title[1:]
    return _("{title} of {date}").format(title=title, date=format_date(meeting.scheduled_on, "long"))


_TIME = re.compile(r"^(\d{1,2})\s*(?:[:.hu]\s*(\d{2})?)?$", re.I)


def parse_time(value) -> time | None:
    """Times as people write them: 19:30, 19.30, 19u30, 19h30, 19u, 19."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value
    match = _TIME.match(str(value).strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise v.FieldError(_("'{value}' is not a time. Write it as 19:30.").format(value=value))


@dataclass(frozen=True)
class QuorumRule:
    kind: str = "none"  # none | count | percent
    value: int = 0
    proxies_count: bool = False

    def check(self) -> "QuorumRule":
        if self.kind not in QUORUM_KINDS:
            raise ValidationError({"quorum_kind": _("Choose no quorum, a number or a percentage.")})
        if self.kind == "count" and self.value < 1:
            raise ValidationError({"quorum_value": _("The quorum must be at least 1 person.")})
        if self.kind == "percent" and not 1 <= self.value <= 100:
            raise ValidationError({"quorum_value": _("The quorum percentage must lie between 1 and 100.")})
        return self


def default_quorum(session: Session, kind: str) -> QuorumRule:
    """The group's quorum rule for a meeting type: its own setting, else the rule profile's."""
    stored = get_setting(session, QUORUM_SETTING.format(type=kind))
    if stored is None:
        stored = (rule_profile(session).get("meetings", "quorum", {}) or {}).get(kind)
    if not stored:
        return QuorumRule()
    return QuorumRule(stored.get("kind", "none"), int(stored.get("value", 0)), bool(stored.get("proxies_count")))


def set_default_quorum(session: Session, kind: str, rule: QuorumRule) -> None:
    if kind not in MEETING_TYPES:
        raise ValidationError({"type": _("Unknown meeting type '{type}'.").format(type=kind)})
    rule.check()
    set_setting(session, QUORUM_SETTING.format(type=kind),
                {"kind": rule.kind, "value": rule.value, "proxies_count": rule.proxies_count})


@dataclass
class MeetingInput:
    """What the meeting form gives. Empty chair / minute-taker take the chair and secretary in office."""

    type: str
    scheduled_on: date | str | None
    start_time: time | str | None = None
    end_time: time | str | None = None
    title: str = ""
    place: str = ""
    chair_id: int | None = None
    minute_taker_id: int | None = None
    audience: str = ""
    notes: str = ""
    quorum: QuorumRule | None = None  # None: the group's default for the type
    contact_ids: list[int] = field(default_factory=list)


def _clean(session: Session, data: MeetingInput) -> dict:
    problems: dict[str, str] = {}
    values = {"type": data.type, "title": data.title.strip(), "place": data.place.strip(), "notes": data.notes.strip(),
              "chair_id": data.chair_id, "minute_taker_id": data.minute_taker_id}
    if data.type not in MEETING_TYPES:
        problems["type"] = _("Choose the type of meeting.")
    try:
        values["scheduled_on"] = v.parse_date(data.scheduled_on)
        if values["scheduled_on"] is None:
            problems["scheduled_on"] = _("The date of the meeting is required.")
    except v.FieldError as exc:
        problems["scheduled_on"] = str(exc)
    for key in ("start_time", "end_time"):
        try:
            values[key] = parse_time(getattr(data, key))
        except v.FieldError as exc:
            problems[key] = str(exc)
    if values.get("start_time") and values.get("end_time") and values["end_time"] <= values["start_time"]:
        problems["end_time"] = _("The meeting must end after it starts.")
    values["audience"] = data.audience or DEFAULT_AUDIENCE.get(data.type, "members")
    if values["audience"] not in AUDIENCES:
        problems["audience"] = _("Choose who is invited.")
    for key in ("chair_id", "minute_taker_id"):
        if values[key] is not None and session.get(Member, values[key]) is None:
            problems[key] = _("Member {id} does not exist.").format(id=values[key])
    for contact_id in data.contact_ids:
        if session.get(Contact, contact_id) is None:
            problems["contact_ids"] = _("Contact {id} does not exist.").format(id=contact_id)
    if data.quorum is not None:
        try:
            data.quorum.check()
        except ValidationError as exc:
            problems.update(exc.problems)
    if problems:
        raise ValidationError(problems)
    return values


def _apply_quorum(meeting: Meeting, rule: QuorumRule) -> None:
    meeting.quorum_kind, meeting.quorum_value, meeting.proxies_count = rule.kind, rule.value, rule.proxies_count


def create_meeting(session: Session, data: MeetingInput, *, with_standard_agenda: bool = True) -> Meeting:
    """Plan a meeting; its agenda starts as the group's standard agenda for the type."""
    values = _clean(session, data)
    on = values["scheduled_on"]
    offices = {o.role: o.member_id for o in current_offices(session, on)}
    values["chair_id"] = values["chair_id"] or offices.get("chair")
    values["minute_taker_id"] = values["minute_taker_id"] or offices.get("secretary")
    meeting = Meeting(**values, status="planned")
    _apply_quorum(meeting, data.quorum or default_quorum(session, data.type))
    meeting.contacts = [session.get(Contact, cid) for cid in dict.fromkeys(data.contact_ids)]
    session.add(meeting)
    session.flush()
    if with_standard_agenda:
        apply_standard_agenda(session, meeting)
    if meeting.type == "annual":
        _remember_next_annual_meeting(session, on)
    return meeting


def create_annual_meeting(session: Session, scheduled_on: date | str, start_time: time | str | None = None,
                          place: str = "", title: str = "", **extra) -> Meeting:
    """The annual meeting: the profile's template agenda, all tenants invited."""
    return create_meeting(session, MeetingInput(type="annual", scheduled_on=scheduled_on, start_time=start_time,
                                                place=place, title=title, audience="all_tenants", **extra))


def _remember_next_annual_meeting(session: Session, on: date) -> None:
    # The board's retirement rota counts terms up to the next annual meeting (core.services.board).
    stored = get_setting(session, NEXT_ANNUAL_MEETING_SETTING)
    if not stored or date.fromisoformat(stored) < date.today() or on < date.fromisoformat(stored):
        if on >= date.today():
            set_setting(session, NEXT_ANNUAL_MEETING_SETTING, on.isoformat())


def update_meeting(session: Session, meeting_id: int, data: MeetingInput) -> Meeting:
    meeting = editable_meeting(session, meeting_id)
    values = _clean(session, data)
    if meeting.status in HELD_STATUSES and values["scheduled_on"] > date.today():
        raise ValidationError({"scheduled_on": _("This meeting was held; its date cannot lie in the future.")})
    problems = role_problems(session, meeting.id, values["chair_id"], values["minute_taker_id"])
    if problems:
        raise ValidationError(problems)
    for key, value in values.items():
        setattr(meeting, key, value)
    if data.quorum is not None:
        _apply_quorum(meeting, data.quorum)
    meeting.contacts = [session.get(Contact, cid) for cid in dict.fromkeys(data.contact_ids)]
    if meeting.type == "annual":
        _remember_next_annual_meeting(session, meeting.scheduled_on)
    return meeting


def set_meeting_status(session: Session, meeting_id: int, status: str, today: date | None = None) -> Meeting:
    meeting = get_meeting(session, meeting_id)
    today = today or date.today()
    if status not in TRANSITIONS:
        raise ValidationError({"status": _("Unknown status '{status}'.").format(status=status)})
    allowed = TRANSITIONS[meeting.status]
    if status not in allowed:
        if allowed:
            raise DomainError(_("A meeting that is {current} cannot become {new}. Possible next steps: {steps}.").format(
                current=status_label(meeting.status), new=status_label(status),
                steps=", ".join(status_label(s) for s in allowed)))
        raise DomainError(_("A meeting that is {current} cannot become {new}; its minutes are final.").format(
            current=status_label(meeting.status), new=status_label(status)))
    if status == "held" and meeting.scheduled_on > today:
        raise DomainError(_("This meeting is planned on {date}; it cannot be held before then.").format(
            date=format_date(meeting.scheduled_on)))
    meeting.status = status
    if status == "planned":
        meeting.cancel_reason = ""
    return meeting


def cancel_meeting(session: Session, meeting_id: int, reason: str = "") -> Meeting:
    meeting = set_meeting_status(session, meeting_id, "cancelled")
    meeting.cancel_reason = reason.strip()
    return meeting


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Remove a meeting entered by mistake; a meeting with decisions or action points stays (cancel it)."""
    meeting = get_meeting(session, meeting_id)
    has_record = session.scalar(select(Decision.id).where(Decision.meeting_id == meeting_id).limit(1)) or \
        session.scalar(select(ActionPoint.id).where(ActionPoint.meeting_id == meeting_id).limit(1))
    if meeting.status in HELD_STATUSES or has_record:
        raise DomainError(_("This meeting has a record (it was held, or has decisions or action points); "
                            "it cannot be deleted."))
    session.delete(meeting)


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The last earlier meeting of the same body (same type) that was held."""
    return session.scalar(
        select(Meeting).where(Meeting.type == meeting.type, Meeting.id != meeting.id,
                              Meeting.status.in_(HELD_STATUSES),
                              (Meeting.scheduled_on < meeting.scheduled_on)
                              | ((Meeting.scheduled_on == meeting.scheduled_on) & (Meeting.id < meeting.id)))
        .order_by(Meeting.scheduled_on.desc(), Meeting.id.desc()).limit(1))
