"""Erase a person completely — only one who appears in no decision and no booking.

A person who was recorded by mistake, or who asked to be removed before taking part in anything
the group decided or booked, can go entirely. Anyone else is part of the books or the minutes,
which the group must keep: for a former member the answer is to anonymise, and the refusal says why.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member, Office
from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment, VolunteerAllowance
from huurdersgroep_app.core.db.models.meetings import (ActionPoint, Attendance, Decision, ElectionCandidate, Meeting,
                                                       meeting_contact)
from huurdersgroep_app.core.db.models.privacy import PrivacyAction
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, ngettext


def _count(session: Session, stmt) -> int:
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _decided(meeting_id_column):
    """A meeting whose record counts: it took a decision, or its minutes were approved."""
    return or_(exists().where(Decision.meeting_id == meeting_id_column),
               exists().where(Meeting.id == meeting_id_column, Meeting.status == "minutes_approved"))


def member_erase_blockers(session: Session, member_id: int) -> list[str]:
    """Why the member cannot be erased, one reason a line; empty when they can."""
    mid = member_id
    reasons = []
    # An entry counts once, whether it names them directly or through their dues or an allowance.
    dues_entries = select(DuesPayment.entry_id).where(DuesPayment.member_id == mid)
    allowance_entries = select(VolunteerAllowance.entry_id).where(VolunteerAllowance.member_id == mid,
                                                                  VolunteerAllowance.entry_id.is_not(None))
    bookings = (_count(session, select(Entry.id).where(or_(Entry.member_id == mid, Entry.id.in_(dues_entries),
                                                           Entry.id.in_(allowance_entries))))
                + _count(session, select(VolunteerAllowance.id).where(VolunteerAllowance.member_id == mid,
                                                                      VolunteerAllowance.entry_id.is_(None))))
    if bookings:
        reasons.append(ngettext("{count} booking in the books names them.",
                                "{count} bookings in the books name them.", bookings).format(count=bookings))
    offices = _count(session, select(Office.id).where(Office.member_id == mid))
    if offices:
        reasons.append(ngettext("They held {count} board office.", "They held {count} board offices.",
                                offices).format(count=offices))
    meetings = _count(session, select(Attendance.meeting_id).where(
        or_(Attendance.member_id == mid, Attendance.proxy_holder_id == mid), _decided(Attendance.meeting_id)))
    meetings += _count(session, select(Meeting.id).where(or_(Meeting.chair_id == mid, Meeting.minute_taker_id == mid),
                                                         _decided(Meeting.id)))
    meetings += _count(session, select(ActionPoint.id).where(ActionPoint.owner_member_id == mid,
                                                             _decided(ActionPoint.meeting_id)))
    meetings += _count(session, select(ElectionCandidate.id).where(ElectionCandidate.member_id == mid))
    if meetings:
        reasons.append(ngettext("They appear {count} time in meetings that took decisions.",
                                "They appear {count} times in meetings that took decisions.",
                                meetings).format(count=meetings))
    return reasons


def erase_member(session: Session, member_id: int, today: date | None = None) -> None:
    member = get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)
    reasons = member_erase_blockers(session, member_id)
    if reasons:
        hint = (_("Anonymise them instead.") if member.left_on is not None else
                _("End the membership and anonymise them instead."))
        raise DomainError(_("{name} cannot be erased: {reasons} {hint}").format(
            name=member.full_name, reasons=" ".join(reasons), hint=hint))
    # Their signals stay for the group's follow-up, without a reporter.
    for signal in session.scalars(select(Signal).where(Signal.member_id == member_id)):
        signal.member_id, signal.reporter_kind = None, "anonymous"
        signal.reporter_name = signal.reporter_contact = signal.house_number = signal.box = ""
    for point in session.scalars(select(ActionPoint).where(ActionPoint.owner_member_id == member_id)):
        point.owner_member_id = None
    session.delete(member)  # attendance and consents go with it (ON DELETE CASCADE)
    session.add(PrivacyAction(done_on=today or date.today(), action="erased", subject_kind="member",
                              subject_id=member_id))
    session.flush()


def contact_erase_blockers(session: Session, contact_id: int) -> list[str]:
    reasons = []
    advices = _count(session, select(Advice.id).where(Advice.addressee_contact_id == contact_id,
                                                      Advice.sent_on.is_not(None)))
    if advices:
        reasons.append(ngettext("{count} advice letter was sent to them.", "{count} advice letters were sent to them.",
                                advices).format(count=advices))
    meetings = _count(session, select(meeting_contact.c.meeting_id).where(
        meeting_contact.c.contact_id == contact_id, _decided(meeting_contact.c.meeting_id)))
    meetings += _count(session, select(Attendance.id).where(Attendance.contact_id == contact_id,
                                                            _decided(Attendance.meeting_id)))
    meetings += _count(session, select(ActionPoint.id).where(ActionPoint.owner_contact_id == contact_id,
                                                             _decided(ActionPoint.meeting_id)))
    if meetings:
        reasons.append(ngettext("They appear {count} time in meetings that took decisions.",
                                "They appear {count} times in meetings that took decisions.",
                                meetings).format(count=meetings))
    return reasons


def erase_contact(session: Session, contact_id: int, today: date | None = None) -> None:
    contact = get_or_raise(session, Contact, contact_id, N_("Contact {id} does not exist."), id=contact_id)
    reasons = contact_erase_blockers(session, contact_id)
    if reasons:
        raise DomainError(_("{name} cannot be erased: {reasons}").format(name=contact.full_name,
                                                                         reasons=" ".join(reasons)))
    session.delete(contact)  # links from meetings, signals and advices are cleared (SET NULL / CASCADE)
    session.add(PrivacyAction(done_on=today or date.today(), action="erased", subject_kind="contact",
                              subject_id=contact_id))
    session.flush()
