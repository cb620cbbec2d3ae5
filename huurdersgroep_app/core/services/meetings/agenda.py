"""The agenda: standard agendas per meeting type, items added, moved, parked or moved to a later
meeting, and the documents attached to them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Setting
from huurdersgroep_app.core.db.models.meetings import (ITEM_ORIGINS, MEETING_TYPES, ActionPoint, AgendaItem,
                                                       Decision, Meeting, MeetingAttachment)
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.meetings.state import HELD_STATUSES, editable_meeting
from huurdersgroep_app.core.services.organisation import get_setting, rule_profile, set_setting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, pgettext

STANDARD_ITEMS = {
    "opening": N_("Opening and welcome"),
    "agenda_approval": N_("Approval of the agenda"),
    "previous_minutes": N_("Approval of the minutes of the previous meeting"),
    "last_annual_minutes": N_("Minutes of the last annual meeting"),
    "mail": N_("Incoming and outgoing mail"),
    "action_review": N_("Review of open action points"),
    "landlord_news": N_("News from the landlord"),
    "advices": N_("Advices to the landlord"),
    "signals": N_("Signals from tenants"),
    "finances": N_("Finances"),
    "working_groups": N_("Reports of the working groups"),
    "group_news": N_("News from the tenant group"),
    "group_items": N_("Items from the tenant group"),
    "introduction": N_("Introduction of the tenant group"),
    "tenants_questions": N_("Questions and ideas from tenants"),
    "maintenance": N_("Maintenance and repairs"),
    "service_costs": N_("Service costs"),
    "liveability": N_("Liveability and safety"),
    "activity_report": N_("Activity report of the past year"),
    "financial_report": N_("Financial report of the past year"),
    "audit_report": N_("Report of the audit committee"),
    # A decision of its own, taken before the discharge: the meeting first approves the accounts, then
    # releases the board for them.
    "accounts_approval": N_("Approval of the annual accounts"),
    "discharge": N_("Discharge of the board"),
    "elections": N_("Elections"),
    "plans_budget": N_("Plans and budget for the coming year"),
    "audit_committee": N_("Appointment of the audit committee"),
    "questions": N_("Questions"),
    "any_other_business": N_("Any other business"),
    # Not N_: 'Closing' also names the quit action and a balance; standard_title() gives it its own context.
    "closing": "Closing",
}
PREVIOUS_MINUTES_KEYS = ("previous_minutes", "last_annual_minutes")
# New items go before these, the way a secretary would write them in.
TRAILING_KEYS = ("any_other_business", "questions", "closing")
AGENDA_SETTING = "meetings.agenda.{type}"
ORIGIN_LABELS = {"group": N_("Group"), "landlord": N_("Landlord"), "tenant": N_("Tenant")}


@dataclass(frozen=True)
class StandardItem:
    """One line of a standard agenda: a standard key (shown in the user's language) and/or a title."""

    key: str = ""
    title: str = ""
    description: str = ""

    @property
    def display_title(self) -> str:
        return self.title or standard_title(self.key)


def standard_title(key: str) -> str:
    """A standard item's title in the current language."""
    if key == "closing":
        # TRANSLATORS: the last item of a meeting's agenda, where the chair closes the meeting ('Sluiting', 'Clôture').
        return pgettext("meeting agenda", "Closing")
    return _(STANDARD_ITEMS.get(key, key))


def origin_label(origin: str) -> str:
    return _(ORIGIN_LABELS.get(origin, origin))


def _check_type(kind: str) -> None:
    if kind not in MEETING_TYPES:
        raise ValidationError({"type": _("Unknown meeting type '{type}'.").format(type=kind)})


def _from_profile(entry: str) -> StandardItem:
    return StandardItem(key=entry) if entry in STANDARD_ITEMS else StandardItem(title=entry)


def standard_agenda(session: Session, kind: str) -> list[StandardItem]:
    """The group's standard agenda for a meeting type; until edited, the rule profile's."""
    _check_type(kind)
    stored = get_setting(session, AGENDA_SETTING.format(type=kind))
    if stored is None:
        agendas = rule_profile(session).get("meetings", "agenda", {}) or {}
        return [_from_profile(entry) for entry in agendas.get(kind, [])]
    return [StandardItem(e.get("key", ""), e.get("title", ""), e.get("description", "")) for e in stored]


def set_standard_agenda(session: Session, kind: str, items: list[StandardItem]) -> None:
    _check_type(kind)
    cleaned = []
    for item in items:
        key, title = item.key.strip(), item.title.strip()
        if key and key not in STANDARD_ITEMS:
            raise ValidationError({"key": _("Unknown standard item '{key}'.").format(key=key)})
        if not key and not title:
            raise ValidationError({"title": _("Every agenda item needs a title.")})
        cleaned.append({"key": key, "title": title, "description": item.description.strip()})
    set_setting(session, AGENDA_SETTING.format(type=kind), cleaned)


def reset_standard_agenda(session: Session, kind: str) -> list[StandardItem]:
    """Back to the rule profile's agenda for the type."""
    _check_type(kind)
    row = session.get(Setting, AGENDA_SETTING.format(type=kind))
    if row is not None:
        session.delete(row)
        session.flush()
    return standard_agenda(session, kind)


def apply_standard_agenda(session: Session, meeting: Meeting) -> list[AgendaItem]:
    start = len(_items(session, meeting.id))
    items = [AgendaItem(position=start + i + 1, key=s.key, title=s.display_title, description=s.description,
                        origin="group") for i, s in enumerate(standard_agenda(session, meeting.type))]
    meeting.items.extend(items)  # the returned meeting shows its agenda, also after the session closes
    session.flush()
    return items


def agenda_titles(session: Session, meeting_id: int) -> list[str]:
    """The items to be discussed (not parked), in order."""
    return list(session.scalars(select(AgendaItem.title).where(AgendaItem.meeting_id == meeting_id,
                                                               AgendaItem.parked.is_(False))
                                .order_by(AgendaItem.position, AgendaItem.id)))


@dataclass
class AgendaItemInput:
    title: str
    description: str = ""
    introduced_by: str = ""
    origin: str = "group"


def _clean_item(data: AgendaItemInput) -> dict:
    problems = {}
    if not data.title.strip():
        problems["title"] = _("Every agenda item needs a title.")
    if data.origin not in ITEM_ORIGINS:
        problems["origin"] = _("Choose where the item comes from: the group, the landlord or a tenant.")
    if problems:
        raise ValidationError(problems)
    return {"title": data.title.strip(), "description": data.description.strip(),
            "introduced_by": data.introduced_by.strip(), "origin": data.origin}


def get_item(session: Session, item_id: int) -> AgendaItem:
    return get_or_raise(session, AgendaItem, item_id, N_("Agenda item {id} does not exist."), id=item_id)


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                                .order_by(AgendaItem.position, AgendaItem.id)))


def _renumber(items: list[AgendaItem]) -> None:
    for i, item in enumerate(items, start=1):
        item.position = i


def add_item(session: Session, meeting_id: int, data: AgendaItemInput, position: int | None = None,
             key: str = "") -> AgendaItem:
    """Add an item; without a position it goes before 'any other business' and 'closing'."""
    meeting = editable_meeting(session, meeting_id)
    items = _items(session, meeting_id)
    if position is None:
        position = next((i for i, it in enumerate(items) if it.key in TRAILING_KEYS), len(items))
    else:
        position = max(0, min(position - 1, len(items)))
    item = AgendaItem(meeting_id=meeting.id, key=key, **_clean_item(data))
    session.add(item)
    items.insert(position, item)
    _renumber(items)
    session.flush()
    return item


def update_item(session: Session, item_id: int, data: AgendaItemInput) -> AgendaItem:
    item = get_item(session, item_id)
    editable_meeting(session, item.meeting_id)
    for key, value in _clean_item(data).items():
        setattr(item, key, value)
    return item


def set_item_notes(session: Session, item_id: int, notes: str) -> AgendaItem:
    """The minute-taker's notes for an item."""
    item = get_item(session, item_id)
    editable_meeting(session, item.meeting_id)
    item.minutes_notes = notes.strip()
    return item


def move_item(session: Session, item_id: int, position: int) -> list[AgendaItem]:
    """Move an item to a 1-based position; returns the agenda in its new order."""
    item = get_item(session, item_id)
    editable_meeting(session, item.meeting_id)
    items = [it for it in _items(session, item.meeting_id) if it.id != item.id]
    items.insert(max(0, min(position - 1, len(items))), item)
    _renumber(items)
    return items


def reorder_items(session: Session, meeting_id: int, item_ids: list[int]) -> list[AgendaItem]:
    """Put the items in the order given (e.g. after dragging in the agenda table)."""
    editable_meeting(session, meeting_id)
    items = {it.id: it for it in _items(session, meeting_id)}
    if sorted(item_ids) != sorted(items):
        raise ValidationError({"items": _("The new order must hold every agenda item of the meeting once.")})
    ordered = [items[i] for i in item_ids]
    _renumber(ordered)
    return ordered


def park_item(session: Session, item_id: int, parked: bool = True) -> AgendaItem:
    """Park an item for a later meeting (it stays listed as postponed), or take it back."""
    item = get_item(session, item_id)
    editable_meeting(session, item.meeting_id)
    if not parked and item.moved_to_meeting_id:
        raise DomainError(_("This item was moved to another meeting; handle it there."))
    item.parked = parked
    return item


def move_item_to_meeting(session: Session, item_id: int, target_meeting_id: int) -> AgendaItem:
    """Put a (parked) item on the agenda of another, not yet held meeting; attachments go along."""
    item = get_item(session, item_id)
    if target_meeting_id == item.meeting_id:
        raise DomainError(_("The item is already on this meeting's agenda."))
    if item.moved_to_meeting_id:
        raise DomainError(_("This item was already moved to another meeting."))
    target = editable_meeting(session, target_meeting_id)
    if target.status in HELD_STATUSES:
        raise DomainError(_("That meeting was already held; choose a meeting that is still to come."))
    moved = add_item(session, target.id, AgendaItemInput(item.title, item.description, item.introduced_by,
                                                         item.origin), key=item.key)
    for attachment in session.scalars(select(MeetingAttachment).where(MeetingAttachment.agenda_item_id == item.id)):
        attachment.meeting_id, attachment.agenda_item_id = target.id, moved.id
    item.parked, item.moved_to_meeting_id = True, target.id
    return moved


@dataclass(frozen=True)
class ParkedItemRow:
    item_id: int
    title: str
    meeting_id: int
    meeting_type: str
    meeting_date: date


def parked_items(session: Session, kind: str | None = None) -> list[ParkedItemRow]:
    """Items parked and not yet moved: the pool to pick from when preparing a meeting."""
    stmt = (select(AgendaItem.id, AgendaItem.title, Meeting.id, Meeting.type, Meeting.scheduled_on)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(AgendaItem.parked.is_(True), AgendaItem.moved_to_meeting_id.is_(None))
            .order_by(Meeting.scheduled_on, AgendaItem.position))
    if kind:
        stmt = stmt.where(Meeting.type == kind)
    return [ParkedItemRow(*row) for row in session.execute(stmt)]


def remove_item(session: Session, item_id: int) -> None:
    item = get_item(session, item_id)
    editable_meeting(session, item.meeting_id)
    used = session.scalar(select(func.count()).select_from(Decision).where(Decision.agenda_item_id == item_id)) + \
        session.scalar(select(func.count()).select_from(ActionPoint).where(ActionPoint.agenda_item_id == item_id))
    if used:
        raise DomainError(_("This item has decisions or action points; move or delete those first."))
    meeting_id = item.meeting_id
    session.delete(item)
    session.flush()
    _renumber(_items(session, meeting_id))
