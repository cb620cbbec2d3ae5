"""Action points: what, who (a member or a contact), by when, and their follow-up.

An open action point belongs to the body that made it: it appears under the review item of every
next meeting of the same type until it is done or cancelled, so nothing gets lost between meetings.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.contacts import Contact, Partner
from huurdersgroep_app.core.db.models.meetings import ACTION_STATUSES, ActionPoint, AgendaItem, Meeting
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.meetings.lifecycle import display_title, editable_meeting, get_meeting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

STATUS_LABELS = {"open": N_("open"), "done": N_("done"), "cancelled": N_("cancelled")}


def action_status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


@dataclass
class ActionPointInput:
    description: str
    owner_member_id: int | None = None
    owner_contact_id: int | None = None
    due_on: date | str | None = None
    agenda_item_id: int | None = None
    notes: str = ""


def _clean(session: Session, meeting_id: int, data: ActionPointInput) -> dict:
    problems = {}
    if not data.description.strip():
        problems["description"] = _("Write what has to be done.")
    if data.owner_member_id is not None and data.owner_contact_id is not None:
        problems["owner_member_id"] = _("Choose one person: a member or a contact.")
    if data.owner_member_id is not None and session.get(Member, data.owner_member_id) is None:
        problems["owner_member_id"] = _("Member {id} does not exist.").format(id=data.owner_member_id)
    if data.owner_contact_id is not None and session.get(Contact, data.owner_contact_id) is None:
        problems["owner_contact_id"] = _("Contact {id} does not exist.").format(id=data.owner_contact_id)
    try:
        due_on = v.parse_date(data.due_on)
    except v.FieldError as exc:
        problems["due_on"], due_on = str(exc), None
    if data.agenda_item_id is not None:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            problems["agenda_item_id"] = _("This agenda item belongs to another meeting.")
    if problems:
        raise ValidationError(problems)
    return {"description": data.description.strip(), "owner_member_id": data.owner_member_id,
            "owner_contact_id": data.owner_contact_id, "due_on": due_on, "agenda_item_id": data.agenda_item_id,
            "notes": data.notes.strip()}


def add_action_point(session: Session, meeting_id: int, data: ActionPointInput) -> ActionPoint:
    meeting = editable_meeting(session, meeting_id)
    point = ActionPoint(meeting_id=meeting.id, status="open", **_clean(session, meeting.id, data))
    session.add(point)
    session.flush()
    return point


def get_action_point(session: Session, action_id: int) -> ActionPoint:
    return get_or_raise(session, ActionPoint, action_id, N_("Action point {id} does not exist."), id=action_id)


def update_action_point(session: Session, action_id: int, data: ActionPointInput) -> ActionPoint:
    point = get_action_point(session, action_id)
    editable_meeting(session, point.meeting_id)
    for key, value in _clean(session, point.meeting_id, data).items():
        setattr(point, key, value)
    return point


def set_action_status(session: Session, action_id: int, status: str, on: date | str | None = None,
                      notes: str | None = None) -> ActionPoint:
    """Close (done / cancelled, on a day) or reopen. Works after the minutes are approved:
    follow-up happens in later meetings."""
    point = get_action_point(session, action_id)
    if status not in ACTION_STATUSES:
        raise ValidationError({"status": _("Choose open, done or cancelled.")})
    try:
        on = v.parse_date(on) or date.today()
    except v.FieldError as exc:
        raise ValidationError({"done_on": str(exc)}) from None
    if status != "open" and on < get_meeting(session, point.meeting_id).scheduled_on:
        raise ValidationError({"done_on": _("An action point cannot be closed before the meeting that made it.")})
    point.status = status
    point.done_on = None if status == "open" else on
    if notes is not None:
        point.notes = notes.strip()
    return point


def delete_action_point(session: Session, action_id: int) -> None:
    point = get_action_point(session, action_id)
    editable_meeting(session, point.meeting_id)
    session.delete(point)


@dataclass(frozen=True)
class ActionPointRow:
    id: int
    description: str
    owner_member_id: int | None
    owner_contact_id: int | None
    owner_name: str
    due_on: date | None
    status: str
    done_on: date | None
    meeting_id: int
    meeting_type: str
    meeting_date: date
    meeting_title: str
    agenda_item_id: int | None
    notes: str

    def overdue(self, on: date | None = None) -> bool:
        return self.status == "open" and self.due_on is not None and self.due_on < (on or date.today())


def _query():
    owner, contact, partner = aliased(Member), aliased(Contact), aliased(Partner)
    return (select(ActionPoint, Meeting.type, Meeting.scheduled_on, Meeting.title, owner.first_name, owner.last_name,
                   contact.first_name, contact.last_name, partner.name)
            .join(Meeting, ActionPoint.meeting_id == Meeting.id)
            .outerjoin(owner, ActionPoint.owner_member_id == owner.id)
            .outerjoin(contact, ActionPoint.owner_contact_id == contact.id)
            .outerjoin(partner, contact.partner_id == partner.id)
            .order_by(Meeting.scheduled_on, ActionPoint.id))


def _rows(session: Session, stmt, as_of: date | None = None) -> list[ActionPointRow]:
    rows = []
    for a, kind, on, title, mfirst, mlast, cfirst, clast, pname in session.execute(stmt):
        if mlast is not None:
            owner = f"{mfirst} {mlast}".strip()
        elif clast is not None:
            owner = f"{cfirst} {clast}".strip() + (f" ({pname})" if pname else "")
        else:
            owner = ""
        status, done_on = a.status, a.done_on
        if as_of is not None and done_on is not None and done_on > as_of:
            status, done_on = "open", None  # as it stood on that day
        rows.append(ActionPointRow(a.id, a.description, a.owner_member_id, a.owner_contact_id, owner, a.due_on,
                                   status, done_on, a.meeting_id, kind, on, display_title(kind, title),
                                   a.agenda_item_id, a.notes))
    return rows


def action_point_rows(session: Session, *, meeting_id: int | None = None, status: str | None = None,
                      year: int | None = None, kind: str | None = None) -> list[ActionPointRow]:
    stmt = _query()
    if meeting_id is not None:
        stmt = stmt.where(ActionPoint.meeting_id == meeting_id)
    if status is not None:
        stmt = stmt.where(ActionPoint.status == status)
    if year is not None:
        stmt = stmt.where(Meeting.scheduled_on >= date(year, 1, 1), Meeting.scheduled_on <= date(year, 12, 31))
    if kind is not None:
        stmt = stmt.where(Meeting.type == kind)
    return _rows(session, stmt)


def review_action_points(session: Session, meeting_id: int) -> list[ActionPointRow]:
    """Action points of earlier meetings of the same body still open on this meeting's day (or
    closed that day): what the review item of this meeting goes through."""
    meeting = get_meeting(session, meeting_id)
    day = meeting.scheduled_on
    stmt = _query().where(
        Meeting.type == meeting.type, Meeting.id != meeting.id, Meeting.status != "cancelled",
        (Meeting.scheduled_on < day) | ((Meeting.scheduled_on == day) & (Meeting.id < meeting.id)),
        (ActionPoint.status == "open") | (ActionPoint.done_on >= day))
    return _rows(session, stmt, as_of=day)


def overdue_action_points(session: Session, today: date | None = None) -> list[ActionPointRow]:
    today = today or date.today()
    stmt = _query().where(ActionPoint.status == "open", ActionPoint.due_on < today)
    return _rows(session, stmt)
