"""Everything the group holds about one person, for an access request (GDPR art. 15: answered
within a month).

``person_export`` gathers every record that names a member or a contact into sections of plain
rows (codes and ISO values, as the JSON gives them); the PDF shows the same sections with
translated headers and labels. A member's own signals are included even when confidential: the
confidentiality protects the reporter, and the reporter is the one asking.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.finance import Account, Entry
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment, VolunteerAllowance
from huurdersgroep_app.core.db.models.meetings import (ActionPoint, Attendance, Election, ElectionCandidate,
                                                       Meeting, meeting_contact)
from huurdersgroep_app.core.db.models.privacy import Consent, PrivacyStatement
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

EXPORT_FORMAT = "huurdersgroep-person-export"
EXPORT_VERSION = 1

MEMBER_FIELDS = ("id", "first_name", "last_name", "street", "house_number", "box", "postcode", "city", "dwelling",
                 "is_tenant", "tenant_since", "phone", "email", "iban", "language", "contact_way", "joined_on",
                 "left_on", "left_reason", "consent_on", "consent_how", "notes", "anonymised")
CONTACT_FIELDS = ("id", "first_name", "last_name", "department", "role", "email", "phone", "start_on", "end_on",
                  "notes")


@dataclass
class Section:
    """One kind of record: ``columns`` are (key, untranslated header) pairs of the PDF table."""

    key: str
    title: str  # untranslated (N_), translated when shown
    columns: list[tuple[str, str]]
    rows: list[dict] = field(default_factory=list)


@dataclass
class PersonExport:
    kind: str  # member | contact
    subject: dict
    sections: list[Section]
    group: str
    generated_on: date

    @property
    def name(self) -> str:
        return f"{self.subject.get('first_name', '')} {self.subject.get('last_name', '')}".strip()

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def as_dict(self) -> dict:
        return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "generated_on": self.generated_on,
                "group": self.group, "subject_kind": self.kind, "subject": self.subject,
                **{s.key: s.rows for s in self.sections}}


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(export: PersonExport) -> str:
    return json.dumps(export.as_dict(), default=_plain, ensure_ascii=False, indent=2, sort_keys=False)


def _record(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names}


def _meeting_cells(meeting: Meeting) -> dict:
    return {"meeting_id": meeting.id, "meeting_on": meeting.scheduled_on, "meeting_type": meeting.type,
            "meeting_title": meeting.title}


def _member_sections(session: Session, member: Member) -> list[Section]:
    mid = member.id
    offices = Section("offices", N_("Board offices"), [("role", N_("Office")), ("start_on", N_("From")),
                                                        ("ended_on", N_("Until")), ("planned_end_on",
                                                                                    N_("Planned end"))])
    offices.rows = [_record(o, ("id", "role", "start_on", "planned_end_on", "ended_on", "notes"))
                    for o in sorted(member.offices, key=lambda o: o.start_on)]

    attendance = Section("attendance", N_("Attendance at meetings"),
                         [("meeting_on", N_("Date")), ("meeting_type", N_("Meeting")), ("status", N_("Status")),
                          ("role", N_("As"))])
    rows = []
    stmt = select(Attendance, Meeting).join(Meeting, Attendance.meeting_id == Meeting.id).where(
        or_(Attendance.member_id == mid, Attendance.proxy_holder_id == mid)).order_by(Meeting.scheduled_on)
    for att, meeting in session.execute(stmt):
        # As proxy holder the status is the absent member's, not theirs: left out.
        role = "attendee" if att.member_id == mid else "proxy_holder"
        rows.append({**_meeting_cells(meeting), "status": att.status if role == "attendee" else "", "role": role,
                     "proxy_holder_id": att.proxy_holder_id, "notes": att.notes})
    for meeting in session.scalars(select(Meeting).where(or_(Meeting.chair_id == mid, Meeting.minute_taker_id == mid))
                                   .order_by(Meeting.scheduled_on)):
        for role, holder in (("chair", meeting.chair_id), ("minute_taker", meeting.minute_taker_id)):
            if holder == mid:
                rows.append({**_meeting_cells(meeting), "status": "", "role": role, "proxy_holder_id": None,
                             "notes": ""})
    attendance.rows = sorted(rows, key=lambda r: r["meeting_on"])

    actions = Section("action_points", N_("Action points"), [("meeting_on", N_("Meeting")), ("description",
                      N_("Description")), ("due_on", N_("Due")), ("status", N_("Status"))])
    for point, meeting in session.execute(select(ActionPoint, Meeting).join(Meeting, ActionPoint.meeting_id ==
                                          Meeting.id).where(ActionPoint.owner_member_id == mid)):
        actions.rows.append({**_meeting_cells(meeting), **_record(point, ("id", "description", "due_on", "status",
                                                                          "done_on", "notes"))})

    candidacies = Section("candidacies", N_("Candidacies in board elections"),
                          [("meeting_on", N_("Meeting")), ("role", N_("Office")), ("votes", N_("Votes")),
                           ("elected", N_("Elected"))])
    for cand, election, meeting in session.execute(
            select(ElectionCandidate, Election, Meeting).join(Election, ElectionCandidate.election_id == Election.id)
            .join(Meeting, Election.meeting_id == Meeting.id).where(ElectionCandidate.member_id == mid)):
        candidacies.rows.append({**_meeting_cells(meeting), "role": election.role, "votes": cand.votes,
                                 "elected": cand.elected})

    signals = Section("signals", N_("Signals they reported"),
                      [("reported_on", N_("Reported on")), ("category", N_("Category")),
                       ("description", N_("Description")), ("status", N_("Status")),
                       ("confidential", N_("Confidential"))])
    signals.rows = [_signal_row(s) for s in session.scalars(
        select(Signal).where(Signal.member_id == mid).order_by(Signal.reported_on, Signal.id))]

    dues = Section("dues", N_("Membership dues"), [("year", N_("Year")), ("amount", N_("Amount")),
                                                   ("paid_on", N_("Paid on"))])
    for payment, entry in session.execute(select(DuesPayment, Entry).join(Entry, DuesPayment.entry_id == Entry.id)
                                          .where(DuesPayment.member_id == mid).order_by(DuesPayment.year)):
        dues.rows.append({"year": payment.year, "amount": payment.amount, "paid_on": entry.booked_on,
                          "entry_id": entry.id})

    payments = Section("payments", N_("Payments in the books"),
                       [("booked_on", N_("Date")), ("amount", N_("Amount")), ("account", N_("Account")),
                        ("counterparty", N_("Counterparty")), ("description", N_("Description"))])
    for entry, account in session.execute(select(Entry, Account).join(Account, Entry.account_id == Account.id)
                                          .where(Entry.member_id == mid).order_by(Entry.booked_on, Entry.id)):
        payments.rows.append({"entry_id": entry.id, "booked_on": entry.booked_on, "amount": entry.amount,
                              "account": account.name, "counterparty": entry.counterparty,
                              "counterparty_iban": entry.counterparty_iban, "description": entry.description})

    allowances = Section("allowances", N_("Volunteer allowances"),
                         [("year", N_("Year")), ("amount", N_("Amount")), ("paid_on", N_("Paid on")),
                          ("description", N_("Description"))])
    allowances.rows = [_record(a, ("id", "year", "amount", "paid_on", "description")) for a in session.scalars(
        select(VolunteerAllowance).where(VolunteerAllowance.member_id == mid).order_by(VolunteerAllowance.year))]

    consents = Section("consents", N_("Consents"),
                       [("given_on", N_("Given on")), ("purpose", N_("Purpose")), ("how", N_("How")),
                        ("statement_version", N_("Privacy statement")), ("withdrawn_on", N_("Withdrawn on"))])
    versions = set()
    for consent, statement in session.execute(
            select(Consent, PrivacyStatement).outerjoin(PrivacyStatement, Consent.statement_id == PrivacyStatement.id)
            .where(Consent.member_id == mid).order_by(Consent.given_on, Consent.id)):
        consents.rows.append({**_record(consent, ("id", "purpose", "given_on", "how", "withdrawn_on", "notes")),
                              "statement_version": statement.version if statement else None})
        if statement:
            versions.add(statement)
    statements = Section("privacy_statements", N_("Privacy statements they were shown"),
                         [("version", N_("Version")), ("published_on", N_("Published on")), ("text", N_("Text"))])
    statements.rows = [_record(s, ("version", "published_on", "language", "text"))
                       for s in sorted(versions, key=lambda s: s.version)]
    return [offices, attendance, actions, candidacies, signals, dues, payments, allowances, consents, statements]


def _signal_row(signal: Signal) -> dict:
    return _record(signal, ("id", "reported_on", "reporter_kind", "reporter_name", "reporter_contact", "street",
                            "house_number", "box", "category", "description", "scope", "confidential",
                            "forwarded_on", "answer", "answered_on", "status", "resolved_on", "notes"))


def _contact_sections(session: Session, contact: Contact) -> list[Section]:
    cid = contact.id
    meetings = Section("meetings", N_("Meetings"), [("meeting_on", N_("Date")), ("meeting_type", N_("Meeting")),
                                                    ("role", N_("As"))])
    for meeting in session.scalars(select(Meeting).join(meeting_contact, meeting_contact.c.meeting_id == Meeting.id)
                                   .where(meeting_contact.c.contact_id == cid)):
        meetings.rows.append({**_meeting_cells(meeting), "role": "invited"})
    for att, meeting in session.execute(select(Attendance, Meeting).join(Meeting, Attendance.meeting_id == Meeting.id)
                                        .where(Attendance.contact_id == cid)):
        meetings.rows.append({**_meeting_cells(meeting), "role": "guest", "status": att.status})
    meetings.rows.sort(key=lambda r: r["meeting_on"])
    actions = Section("action_points", N_("Action points"), [("meeting_on", N_("Meeting")), ("description",
                      N_("Description")), ("due_on", N_("Due")), ("status", N_("Status"))])
    for point, meeting in session.execute(select(ActionPoint, Meeting).join(Meeting, ActionPoint.meeting_id ==
                                          Meeting.id).where(ActionPoint.owner_contact_id == cid)):
        actions.rows.append({**_meeting_cells(meeting), **_record(point, ("id", "description", "due_on", "status",
                                                                          "done_on", "notes"))})
    advices = Section("advices", N_("Advices addressed to them"),
                      [("requested_on", N_("Requested on")), ("title", N_("Title")), ("sent_on", N_("Sent on"))])
    advices.rows = [_record(a, ("id", "year", "sequence", "title", "requested_on", "sent_on")) for a in
                    session.scalars(select(Advice).where(Advice.addressee_contact_id == cid)
                                    .order_by(Advice.requested_on))]
    signals = Section("signals_forwarded", N_("Signals forwarded to them"),
                      [("forwarded_on", N_("Forwarded on")), ("category", N_("Category")), ("status", N_("Status"))])
    signals.rows = [_record(s, ("id", "forwarded_on", "category", "status")) for s in session.scalars(
        select(Signal).where(Signal.forwarded_to_id == cid).order_by(Signal.forwarded_on))]
    return [meetings, actions, advices, signals]


def person_export(session: Session, *, member_id: int | None = None, contact_id: int | None = None,
                  today: date | None = None) -> PersonExport:
    """Every record that names the member or the contact (exactly one of the two)."""
    if (member_id is None) == (contact_id is None):
        raise DomainError(_("Choose one person: a member or a contact."))
    org = get_organisation(session)
    today = today or date.today()
    if member_id is not None:
        member = get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)
        subject = _record(member, MEMBER_FIELDS)
        subject["complex"] = member.complex.name if member.complex else ""
        return PersonExport("member", subject, _member_sections(session, member), org.name, today)
    contact = get_or_raise(session, Contact, contact_id, N_("Contact {id} does not exist."), id=contact_id)
    subject = _record(contact, CONTACT_FIELDS)
    subject["organisation"] = contact.partner.name
    return PersonExport("contact", subject, _contact_sections(session, contact), org.name, today)

