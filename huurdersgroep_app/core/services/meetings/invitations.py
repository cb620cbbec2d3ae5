"""Inviting: the invitation period, who gets a letter (per member or one per address), the e-mail
text with the addresses for BCC, and the meeting as a calendar file.

The wording of letter, poster and e-mail comes from one place (``invitation_text``), so the
three never tell a different story.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import addresses, names
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.meetings.agenda import agenda_titles
from huurdersgroep_app.core.services.meetings.attendance import expected_member_ids
from huurdersgroep_app.core.services.meetings.lifecycle import (HELD_STATUSES, editable_meeting, get_meeting,
                                                                meeting_heading,
                                                      meeting_title)
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.i18n import _, format_date, ngettext


def invitation_days(session: Session, kind: str) -> int:
    key = "invitation_days_annual_meeting" if kind == "annual" else "invitation_days_other"
    return int(rule_profile(session).get("meetings", key, 0) or 0)


@dataclass(frozen=True)
class InvitationCheck:
    days_required: int
    send_by: date
    sent_on: date
    too_late: bool
    warning: str  # empty when the invitation is in time


def invitation_check(session: Session, meeting_id: int, sent_on: date | None = None) -> InvitationCheck:
    """Is an invitation sent on ``sent_on`` (default: the recorded date, else today) in time?"""
    meeting = get_meeting(session, meeting_id)
    sent_on = sent_on or meeting.invitations_sent_on or date.today()
    required = invitation_days(session, meeting.type)
    send_by = meeting.scheduled_on - timedelta(days=required)
    too_late = sent_on > send_by
    warning = ""
    if too_late:
        days = (meeting.scheduled_on - sent_on).days
        warning = ngettext("The invitation goes out {days} day before the meeting; ",
                           "The invitation goes out {days} days before the meeting; ", days).format(days=days) + \
            _("the rules ask for at least {required} days (send it by {date}).").format(
                required=required, date=format_date(send_by))
    return InvitationCheck(required, send_by, sent_on, too_late, warning)


def record_invitations_sent(session: Session, meeting_id: int, sent_on: date | str | None = None) -> InvitationCheck:
    """Record the day the invitations went out; a planned meeting becomes 'invited'. Sending late
    is allowed (the meeting may be urgent); the returned check carries the warning to show."""
    meeting = editable_meeting(session, meeting_id)
    if meeting.status in HELD_STATUSES:
        raise DomainError(_("This meeting was already held."))
    try:
        sent_on = v.parse_date(sent_on) or date.today()
    except v.FieldError as exc:
        raise ValidationError({"invitations_sent_on": str(exc)}) from None
    if sent_on > meeting.scheduled_on:
        raise ValidationError({"invitations_sent_on": _("Invitations cannot be sent after the meeting.")})
    meeting.invitations_sent_on = sent_on
    if meeting.status == "planned":
        meeting.status = "invited"
    return invitation_check(session, meeting.id, sent_on)


def join_names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the user's language."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


@dataclass(frozen=True)
class Addressee:
    name: str
    lines: tuple[str, ...]  # street and town
    member_ids: tuple[int, ...]
    contact_id: int | None = None
    email: str = ""


@dataclass(frozen=True)
class AddresseeList:
    addressees: list[Addressee]
    without_address: list[str]  # names of members who get no letter: no address known


def _member_rows(session: Session, ids: set[int]) -> list[tuple]:
    rows = []
    ids = list(ids)
    for start in range(0, len(ids), 900):
        rows += session.execute(select(Member.id, Member.first_name, Member.last_name, Member.street,
                                       Member.house_number, Member.box, Member.postcode, Member.city,
                                       Member.email, Member.contact_way)
                                .where(Member.id.in_(ids[start:start + 900]))).all()
    return rows


def invitation_addressees(session: Session, meeting_id: int, per: str = "member",
                          letter_only: bool = False) -> AddresseeList:
    """The letters to print: one per member, or one per address (``per='household'``), in the
    order of a delivery round (postcode, street, number); then the invited contacts."""
    if per not in ("member", "household"):
        raise ValidationError({"per": _("Choose a letter per member or per household.")})
    meeting = get_meeting(session, meeting_id)
    country = rule_profile(session).country
    groups: dict[str, list[tuple]] = {}
    without: list[str] = []
    for row in _member_rows(session, expected_member_ids(session, meeting)):
        mid, first, last, street, number, box, postcode, city, email, way = row
        if letter_only and way != "letter" and email:
            continue
        if not street.strip():
            without.append(f"{first} {last}".strip())
            continue
        key = names.normalise_address(street, f"{number}{box}", postcode) if per == "household" else str(mid)
        groups.setdefault(key, []).append(row)
    letters = []
    for rows in groups.values():
        rows.sort(key=lambda r: (r[2], r[1]))
        mid, first, last, street, number, box, postcode, city, email, way = rows[0]
        if len({r[2] for r in rows}) == 1:
            name = f"{join_names([r[1] for r in rows])} {last}".strip()
        else:
            name = join_names([f"{r[1]} {r[2]}".strip() for r in rows])
        street_line = addresses.street_line(street, number, box, postcode=postcode, default_country=country)
        letters.append(Addressee(name, (street_line, f"{postcode} {city}".strip()),
                                 tuple(r[0] for r in rows)))
    letters.sort(key=lambda a: (a.lines[1], names.fold(a.lines[0]), _house_number(a.lines[0])))
    for contact in meeting.contacts:
        partner = contact.partner
        number = f"{partner.street} {partner.house_number}".strip()
        lines = tuple(x for x in (partner.name, number, f"{partner.postcode} {partner.city}".strip()) if x)
        letters.append(Addressee(contact.full_name, lines, (), contact.id, contact.email or partner.email))
    return AddresseeList(letters, sorted(without, key=names.fold))


def _house_number(line: str) -> int:
    digits = "".join(c if c.isdigit() else " " for c in line).split()
    return int(digits[-1]) if digits else 0


@dataclass(frozen=True)
class InvitationText:
    subject: str
    greeting: str
    intro: str
    details: list[tuple[str, str]]  # (label, value): date, time, place
    agenda: list[str]
    closing: str
    sender_name: str
    sender_role: str
    group_name: str


def time_text(meeting: Meeting) -> str:
    if meeting.start_time is None:
        return ""
    start = meeting.start_time.strftime("%H:%M")
    return f"{start} – {meeting.end_time.strftime('%H:%M')}" if meeting.end_time else start


def invitation_text(session: Session, meeting_id: int) -> InvitationText:
    meeting = get_meeting(session, meeting_id)
    org = get_organisation(session)
    heading = meeting_heading(meeting, in_sentence=True)
    if meeting.type == "annual":
        intro = _("Every tenant is welcome at the annual meeting of {group}. We account for what we did last year, "
                  "present the financial report and discuss our plans for the coming year.").format(group=org.name)
        greeting = _("Dear tenant,")
    elif meeting.audience == "all_tenants":
        intro = _("{group} invites all tenants to the {meeting}.").format(group=org.name, meeting=heading)
        greeting = _("Dear tenant,")
    elif meeting.type == "consultation":
        intro = _("We invite you to the consultation between {landlord} and {group}.").format(
            landlord=org.landlord_name or _("the landlord"), group=org.name)
        greeting = _("Dear Sir or Madam,")
    else:
        intro = _("{group} invites you to the {meeting}.").format(group=org.name, meeting=heading)
        greeting = _("Dear member,") if meeting.audience == "members" else _("Dear board member,")
    details = [(_("Date"), format_date(meeting.scheduled_on, "full"))]
    if meeting.start_time:
        details.append((_("Time"), time_text(meeting)))
    if meeting.place:
        details.append((_("Place"), meeting.place))
    agenda = agenda_titles(session, meeting.id)
    closing = _("Can you not come? Please let us know.")
    if meeting.proxies_count and meeting.audience != "board":
        closing += " " + _("A member who cannot come may give a written proxy to another member.")
    sender, role = "", ""
    if meeting.minute_taker_id:
        sender, role = session.get(Member, meeting.minute_taker_id).full_name, _("Secretary")
    return InvitationText(_("Invitation: {meeting}").format(meeting=meeting_heading(meeting)), greeting, intro,
                          details, agenda,
                          closing, sender, role, org.name)


@dataclass(frozen=True)
class InvitationEmail:
    subject: str
    body: str
    bcc: list[str]
    without_email: list[str]

    @property
    def bcc_text(self) -> str:
        """Ready to paste in the BCC field of any mail program."""
        return "; ".join(self.bcc)


def invitation_email(session: Session, meeting_id: int) -> InvitationEmail:
    meeting = get_meeting(session, meeting_id)
    text = invitation_text(session, meeting_id)
    lines = [text.greeting, "", text.intro, ""]
    # The language's colon ('Date : samedi' in French).
    lines += [_("{label}: ").format(label=label) + value for label, value in text.details]
    if text.agenda:
        lines += ["", _("{label}: ").format(label=_("Agenda")).rstrip()]
        lines += [f"{i}. {title}" for i, title in enumerate(text.agenda, start=1)]
    lines += ["", text.closing, "", _("Kind regards,"), text.sender_name, f"{text.sender_role}, {text.group_name}"
              if text.sender_role else text.group_name]
    bcc, without = [], []
    for row in _member_rows(session, expected_member_ids(session, meeting)):
        (bcc if row[8] else without).append(row[8] or f"{row[1]} {row[2]}".strip())
    bcc += [c.email for c in meeting.contacts if c.email]
    return InvitationEmail(text.subject, "\n".join(line for line in lines if line is not None).strip() + "\n",
                           sorted(dict.fromkeys(bcc)), sorted(without, key=names.fold))


def meeting_ics(session: Session, meeting_id: int, now: datetime | None = None) -> bytes:
    """The meeting as an iCalendar file for the members' calendars (times in the group's time zone)."""
    from zoneinfo import ZoneInfo

    import icalendar

    meeting = get_meeting(session, meeting_id)
    org = get_organisation(session)
    zone = ZoneInfo("Europe/Amsterdam" if rule_profile(session).country == "NL" else "Europe/Brussels")
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//huurdersgroep_app//meetings//NL")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.id}-{meeting.created_at:%Y%m%d%H%M%S}@huurdersgroep-app")
    event.add("dtstamp", now or datetime.now(timezone.utc))
    if meeting.start_time:
        start = datetime.combine(meeting.scheduled_on, meeting.start_time, zone)
        end = datetime.combine(meeting.scheduled_on, meeting.end_time, zone) if meeting.end_time \
            else start + timedelta(hours=2)
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        event.add("dtstart", meeting.scheduled_on)
        event.add("dtend", meeting.scheduled_on + timedelta(days=1))
    event.add("summary", f"{meeting_title(meeting)} – {org.name}")
    if meeting.place:
        event.add("location", meeting.place)
    agenda = [f"{i}. {title}" for i, title in enumerate(agenda_titles(session, meeting.id), start=1)]
    event.add("description", "\n".join([_("Agenda") + ":", *agenda]) if agenda else meeting_heading(meeting))
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    if meeting.start_time:
        calendar.add_component(_zone_block(zone.key))
    calendar.add_component(event)
    return calendar.to_ical()


def _zone_block(tzid: str):
    """The zone's rules as yearly RRULEs, valid for every year, not the transitions of one year.

    A calendar client keeps a VTIMEZONE by its TZID; a block listing only this year's two changes
    shows next year's meeting an hour off there. Brussels and Amsterdam keep the EU rule (summer
    time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC) since 1996."""
    import icalendar

    block = icalendar.Timezone()
    block.add("tzid", tzid)
    for kind, name, start, month, before, after in (
            (icalendar.TimezoneDaylight, "CEST", datetime(1996, 3, 31, 2), 3, timedelta(hours=1), timedelta(hours=2)),
            (icalendar.TimezoneStandard, "CET", datetime(1996, 10, 27, 3), 10, timedelta(hours=2),
             timedelta(hours=1))):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        block.add_component(part)
    return block
