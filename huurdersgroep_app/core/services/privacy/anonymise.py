"""Anonymise a former member: their name, address, contact details and notes go; what the books
and the minutes need stays.

- the member row stays, named 'Former member 2019-07' (the month they left) in the group's
  language, so bookings, attendance and dues keep pointing at one person without naming them;
- a booking keeps its amount and date; in an open year the name and IBAN on its bank line are
  replaced too, in a closed year they stay (the books of a closed year are locked and must be
  kept for the retention period);
- the minutes of approved meetings are a published record: they keep a name where it was
  written in their text. ``name_mentions`` lists those places so the secretary can check them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.db.models.meetings import ActionPoint, AgendaItem, Attendance, Decision, Meeting
from huurdersgroep_app.core.db.models.privacy import Consent, PrivacyAction
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance.years import closed_years
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.privacy.labels import former_contact_label, former_member_label
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, format_date, ngettext

# What goes: every field that says who or where the person is.
_CLEARED_TEXT = ("first_name", "street", "house_number", "box", "postcode", "city", "dwelling", "phone", "email",
                 "iban", "language", "left_reason", "consent_how", "notes")


@dataclass
class AnonymiseResult:
    member_id: int
    label: str
    kept: list[str] = field(default_factory=list)  # what stays, in the user's words
    mentions: list[str] = field(default_factory=list)  # free text that still holds the old name


def _get_member(session: Session, member_id: int) -> Member:
    return get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)


def name_mentions(session: Session, name: str) -> list[str]:
    """Places in the minutes and registers whose text holds ``name`` (the app never rewrites them)."""
    name = name.strip()
    if len(name) < 3:
        return []
    like = f"%{name}%"
    found = []
    for item, meeting in session.execute(select(AgendaItem, Meeting).join(Meeting, AgendaItem.meeting_id ==
                                         Meeting.id).where(or_(AgendaItem.minutes_notes.ilike(like),
                                                               AgendaItem.introduced_by.ilike(like),
                                                               AgendaItem.description.ilike(like)))):
        found.append(_("Agenda item '{title}' of the meeting of {date}").format(
            title=item.title, date=format_date(meeting.scheduled_on, "short")))
    for decision in session.scalars(select(Decision).where(Decision.text.ilike(like))):
        found.append(_("Decision {label}").format(label=decision.label))
    for point in session.scalars(select(ActionPoint).where(ActionPoint.description.ilike(like))):
        found.append(_("Action point {id}").format(id=point.id))
    for signal in session.scalars(select(Signal).where(or_(Signal.description.ilike(like),
                                                          Signal.notes.ilike(like)))):
        found.append(_("Signal {id}").format(id=signal.id))
    return found


def anonymise_member(session: Session, member_id: int, today: date | None = None) -> AnonymiseResult:
    """Anonymise a member who has left; refused for a current member."""
    today = today or date.today()
    member = _get_member(session, member_id)
    if member.anonymised:
        raise DomainError(_("Member {id} was already anonymised.").format(id=member_id))
    if member.left_on is None or member.left_on > today:
        raise DomainError(_("{name} is still a member. Only a former member can be anonymised: end the "
                            "membership first.").format(name=member.full_name))
    old_name = member.full_name
    with i18n.language(get_organisation(session).language):
        label = former_member_label(member.left_on)
    for name in _CLEARED_TEXT:
        setattr(member, name, "")
    member.last_name, member.contact_way = label, "letter"
    member.tenant_since = None
    member.complex_id = None
    member.anonymised = True
    result = AnonymiseResult(member.id, label)

    locked = closed_years(session)
    kept_in_closed = 0
    for entry in session.scalars(select(Entry).where(Entry.member_id == member.id)):
        if entry.booked_on.year in locked:
            kept_in_closed += 1
        else:
            entry.counterparty, entry.counterparty_iban = label, ""
    for signal in session.scalars(select(Signal).where(Signal.member_id == member.id)):
        signal.reporter_name = signal.reporter_contact = signal.house_number = signal.box = ""
    for attendance in session.scalars(select(Attendance).where(Attendance.member_id == member.id)):
        attendance.notes = ""
    for consent in session.scalars(select(Consent).where(Consent.member_id == member.id)):
        consent.notes = ""
    session.add(PrivacyAction(done_on=today, action="anonymised", subject_kind="member", subject_id=member.id,
                              label=label))
    session.flush()

    result.kept.append(_("Bookings keep their amount and date; attendance and dues stay, under the new name."))
    if kept_in_closed:
        result.kept.append(ngettext(
            "{count} booking in a closed financial year keeps the name on its bank line: closed books are locked "
            "and kept for the retention period.",
            "{count} bookings in closed financial years keep the name on their bank line: closed books are "
            "locked and kept for the retention period.", kept_in_closed).format(count=kept_in_closed))
    result.kept.append(_("Minutes of approved meetings keep the name where they were published."))
    result.mentions = name_mentions(session, old_name)
    return result


def anonymise_contact(session: Session, contact_id: int, today: date | None = None) -> str:
    """Anonymise a contact whose role has ended; their organisation and role stay for the history."""
    today = today or date.today()
    contact = get_or_raise(session, Contact, contact_id, N_("Contact {id} does not exist."), id=contact_id)
    if contact.end_on is None or contact.end_on > today:
        raise DomainError(_("{name} still holds this role. End the role first.").format(name=contact.full_name))
    with i18n.language(get_organisation(session).language):
        label = former_contact_label(contact.end_on)
    contact.first_name, contact.last_name, contact.email, contact.phone, contact.notes = "", label, "", "", ""
    session.add(PrivacyAction(done_on=today, action="anonymised", subject_kind="contact", subject_id=contact.id,
                              label=label))
    session.flush()
    return label


def anonymised_contact_ids(session: Session) -> set[int]:
    return set(session.scalars(select(PrivacyAction.subject_id).where(PrivacyAction.subject_kind == "contact",
                                                                      PrivacyAction.action == "anonymised")))
