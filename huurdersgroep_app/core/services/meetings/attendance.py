"""Attendance: who is expected, who came, who sent apologies, proxies, guests, and the quorum.

Only what was ticked is stored; the expected people (the board for a board meeting, the active
members for a members' or tenants' meeting) are listed without a row until someone ticks them, so
opening a meeting of a large group stays fast and nothing needs to be 'generated'.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member, Office
from huurdersgroep_app.core.db.models.contacts import Contact
from huurdersgroep_app.core.db.models.meetings import ATTENDANCE_STATUSES, Attendance, Meeting
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError
from huurdersgroep_app.core.services import names
from huurdersgroep_app.core.services.meetings.lifecycle import QuorumRule, editable_meeting, get_meeting
from huurdersgroep_app.core.services.meetings.roles import check_not_holding_a_role
from huurdersgroep_app.core.services.members.members import surname_sort_mode
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, ngettext

STATUS_LABELS = {"present": N_("present"), "excused": N_("excused"), "absent": N_("absent")}


def attendance_label(status: str | None) -> str:
    return _(STATUS_LABELS[status]) if status else ""


def _active(on: date):
    return (((Member.joined_on.is_(None)) | (Member.joined_on <= on))
            & ((Member.left_on.is_(None)) | (Member.left_on > on)))


def board_member_ids(session: Session, on: date) -> set[int]:
    return set(session.scalars(select(Office.member_id).where(
        Office.start_on <= on, (Office.ended_on.is_(None)) | (Office.ended_on > on))))


def active_member_ids(session: Session, on: date) -> set[int]:
    return set(session.scalars(select(Member.id).where(_active(on), Member.anonymised.is_(False))))


def expected_member_ids(session: Session, meeting: Meeting) -> set[int]:
    """The members this meeting is for: the board, or all active members."""
    if meeting.audience in ("board", "landlord_and_group"):
        return board_member_ids(session, meeting.scheduled_on)
    if meeting.type in ("working_group", "informal"):
        return set()  # a working group's members are ticked by hand
    return active_member_ids(session, meeting.scheduled_on)


def quorum_base_ids(session: Session, meeting: Meeting) -> set[int]:
    """Who counts for the quorum: the board for a board meeting, the active members otherwise."""
    if meeting.type == "board":
        return board_member_ids(session, meeting.scheduled_on)
    return active_member_ids(session, meeting.scheduled_on)


@dataclass(frozen=True)
class AttendanceRow:
    member_id: int | None
    attendance_id: int | None
    name: str
    organisation: str
    status: str | None  # None: not ticked yet
    proxy_holder_id: int | None
    proxy_holder_name: str
    is_guest: bool
    sort_key: str


def attendance_rows(session: Session, meeting_id: int, expected: set[int] | None = None) -> list[AttendanceRow]:
    """Everyone expected or recorded, members by name, then guests; a few set-based queries.
    ``expected``: ``expected_member_ids`` of the meeting when the caller already has it."""
    return listed_attendance(session, meeting_id, expected)[0]


def listed_attendance(session: Session, meeting_id: int, expected: set[int] | None = None,
                      unticked_up_to: int | None = None) -> tuple[list[AttendanceRow], int]:
    """``attendance_rows`` and how many expected members who were not ticked it leaves out (0).

    ``unticked_up_to``: list the members who were not ticked only when they and those ticked absent
    are at most this many, else leave them out and count them. The minutes name the absent only up
    to 20; a members' meeting of a large group would otherwise read and sort 10,000 names for a count."""
    meeting = get_meeting(session, meeting_id)
    records = list(session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)
                                   .order_by(Attendance.id)))
    recorded = {a.member_id: a for a in records if a.member_id is not None}
    expected = expected_member_ids(session, meeting) if expected is None else expected
    listed = expected | set(recorded)
    unlisted = 0
    if unticked_up_to is not None:
        unticked = len(listed) - len(recorded)
        ticked_absent = sum(1 for a in recorded.values() if a.status not in ("present", "excused"))
        if unticked + ticked_absent > unticked_up_to:
            listed, unlisted = set(recorded), unticked
    lookup = listed | {a.proxy_holder_id for a in recorded.values() if a.proxy_holder_id}
    people = _names(session, lookup)
    mode = surname_sort_mode(session)
    rows = []
    for mid in listed:
        a = recorded.get(mid)
        first, last = people.get(mid, ("", "?"))
        holder = a.proxy_holder_id if a else None
        rows.append(AttendanceRow(mid, a.id if a else None, f"{first} {last}".strip(), "", a.status if a else None,
                                  holder, " ".join(people.get(holder, ("", ""))).strip() if holder else "",
                                  False, names.sort_key(last, first, mode)))
    rows.sort(key=lambda r: r.sort_key)
    rows += [AttendanceRow(None, g.id, g.guest_name, g.guest_organisation, g.status, None, "", True, "")
             for g in records if g.member_id is None]
    return rows, unlisted


def _names(session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    name_columns = select(Member.id, Member.first_name, Member.last_name)
    if len(ids) > 900:
        # A members' meeting of a large group lists nearly every member: one read of all names beats
        # a query per 900 ids.
        return {mid: (first, last) for mid, first, last in session.execute(name_columns) if mid in ids}
    found: dict[int, tuple[str, str]] = {}
    ids = list(ids)
    for start in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        chunk = ids[start:start + 900]
        found.update({mid: (first, last) for mid, first, last in session.execute(
            name_columns.where(Member.id.in_(chunk)))})
    return found


def _record(session: Session, meeting_id: int, member_id: int) -> Attendance | None:
    return session.scalar(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                   Attendance.member_id == member_id))


def set_attendance(session: Session, meeting_id: int, member_id: int, status: str | None) -> Attendance | None:
    """Tick a member present, excused or absent; ``None`` clears the tick."""
    meeting = editable_meeting(session, meeting_id)
    if status is not None and status not in ATTENDANCE_STATUSES:
        raise ValidationError({"status": _("Choose present, excused or absent.")})
    get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)
    check_not_holding_a_role(session, meeting, member_id, status)
    record = _record(session, meeting.id, member_id)
    if status is None:
        if record is not None:
            _drop_proxies_held_by(session, meeting.id, member_id)
            session.delete(record)
            session.flush()
        return None
    if record is None:
        record = Attendance(meeting_id=meeting.id, member_id=member_id)
        session.add(record)
    record.status = status
    if status == "present":
        record.proxy_holder_id = None  # who comes votes in person
    else:
        _drop_proxies_held_by(session, meeting.id, member_id)
    session.flush()
    return record


def set_attendances(session: Session, meeting_id: int, statuses: dict[int, str | None]) -> None:
    """Save a whole attendance list at once (the form's 'save')."""
    for member_id, status in statuses.items():
        set_attendance(session, meeting_id, member_id, status)


def _drop_proxies_held_by(session: Session, meeting_id: int, holder_id: int) -> None:
    for record in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                           Attendance.proxy_holder_id == holder_id)):
        record.proxy_holder_id = None


def set_proxy(session: Session, meeting_id: int, member_id: int, holder_id: int | None) -> Attendance:
    """``member_id`` cannot come and gives a proxy to ``holder_id``, a member who is present."""
    meeting = editable_meeting(session, meeting_id)
    record = _record(session, meeting.id, member_id) or set_attendance(session, meeting.id, member_id, "excused")
    if holder_id is None:
        record.proxy_holder_id = None
        return record
    if record.status == "present":
        raise DomainError(_("A member who is present votes in person and gives no proxy."))
    if holder_id == member_id:
        raise ValidationError({"proxy_holder_id": _("A member cannot hold their own proxy.")})
    holder = _record(session, meeting.id, holder_id)
    if holder is None or holder.status != "present":
        raise ValidationError({"proxy_holder_id": _("The proxy holder must be a member who is present.")})
    limit = int(rule_profile(session).get("meetings", "proxies_per_holder", 1) or 0)
    held = session.scalars(select(Attendance.id).where(Attendance.meeting_id == meeting.id,
                                                        Attendance.proxy_holder_id == holder_id,
                                                        Attendance.id != record.id)).all()
    if limit and len(held) >= limit:
        raise DomainError(ngettext("A member may hold {n} proxy; this member already holds it.",
                                   "A member may hold {n} proxies; this member already holds them.",
                                   limit).format(n=limit))
    record.proxy_holder_id = holder_id
    return record


def add_guest(session: Session, meeting_id: int, name: str = "", organisation: str = "",
              contact_id: int | None = None) -> Attendance:
    """A guest: a known contact (landlord staff, an expert) or a name with an organisation."""
    meeting = editable_meeting(session, meeting_id)
    if contact_id is not None:
        contact = get_or_raise(session, Contact, contact_id, N_("Contact {id} does not exist."), id=contact_id)
        name = name.strip() or contact.full_name
        organisation = organisation.strip() or contact.partner.name
    if not name.strip():
        raise ValidationError({"guest_name": _("Write the guest's name.")})
    guest = Attendance(meeting_id=meeting.id, contact_id=contact_id, guest_name=name.strip(),
                       guest_organisation=organisation.strip(), status="present")
    session.add(guest)
    session.flush()
    return guest


def remove_guest(session: Session, attendance_id: int) -> None:
    guest = session.get(Attendance, attendance_id)
    if guest is None or guest.member_id is not None:
        raise NotFoundError(_("Guest {id} does not exist.").format(id=attendance_id))
    editable_meeting(session, guest.meeting_id)
    session.delete(guest)


@dataclass(frozen=True)
class AttendanceCounts:
    present: int
    excused: int
    absent: int  # not present and not excused, ticked or not
    unmarked: int
    guests: int
    proxies: int  # proxies whose holder is present


def counts_from_rows(rows: list[AttendanceRow], unlisted: int = 0) -> AttendanceCounts:
    """``unlisted``: expected members not ticked and left out of ``rows`` (``listed_attendance``)."""
    members = [r for r in rows if not r.is_guest]
    present_ids = {r.member_id for r in members if r.status == "present"}
    return AttendanceCounts(
        present=len(present_ids), excused=sum(r.status == "excused" for r in members),
        absent=sum(r.status not in ("present", "excused") for r in members) + unlisted,
        unmarked=sum(r.status is None for r in members) + unlisted, guests=sum(r.is_guest for r in rows),
        proxies=sum(1 for r in members if r.proxy_holder_id in present_ids and r.status != "present"))


def attendance_counts(session: Session, meeting_id: int) -> AttendanceCounts:
    return counts_from_rows(attendance_rows(session, meeting_id))


@dataclass(frozen=True)
class QuorumResult:
    rule: QuorumRule
    base: int  # members who count (board members, or active members)
    needed: int
    counted: int  # present among them, plus valid proxies where they count
    proxies: int
    reached: bool | None  # None: no quorum required
    text: str


def quorum_rule(meeting: Meeting) -> QuorumRule:
    return QuorumRule(meeting.quorum_kind, meeting.quorum_value, meeting.proxies_count)


def expected_and_quorum_base(session: Session, meeting: Meeting) -> tuple[set[int], set[int]]:
    """(``expected_member_ids``, ``quorum_base_ids``), reading the active members once when both are
    the active members (a members' meeting: 10,000 ids in a large group)."""
    expected = expected_member_ids(session, meeting)
    if meeting.type != "board" and meeting.audience not in ("board", "landlord_and_group") \
            and meeting.type not in ("working_group", "informal"):
        return expected, expected
    return expected, quorum_base_ids(session, meeting)


def quorum_from_rows(session: Session, meeting: Meeting, rows: list[AttendanceRow],
                     base_ids: set[int] | None = None) -> QuorumResult:
    """``base_ids``: ``quorum_base_ids`` of the meeting when the caller already has it."""
    rule = quorum_rule(meeting)
    base_ids = quorum_base_ids(session, meeting) if base_ids is None else base_ids
    present = {r.member_id for r in rows if not r.is_guest and r.status == "present"}
    proxies = sum(1 for r in rows if not r.is_guest and r.status != "present" and r.member_id in base_ids
                  and r.proxy_holder_id in present)
    counted = len(present & base_ids) + (proxies if rule.proxies_count else 0)
    if rule.kind == "none":
        return QuorumResult(rule, len(base_ids), 0, counted, proxies, None, _("No quorum required."))
    needed = rule.value if rule.kind == "count" else -(-rule.value * len(base_ids) // 100)
    reached = counted >= needed
    text = (_("Quorum reached: {counted} of {needed} needed.") if reached
            else _("Quorum not reached: {counted} of {needed} needed.")).format(counted=counted, needed=needed)
    if rule.proxies_count and proxies:
        text += " " + ngettext("(including {n} proxy)", "(including {n} proxies)", proxies).format(n=proxies)
    return QuorumResult(rule, len(base_ids), needed, counted, proxies, reached, text)


def quorum(session: Session, meeting_id: int) -> QuorumResult:
    """The live quorum line: 'Quorum reached: 23 of 19 needed.'"""
    meeting = get_meeting(session, meeting_id)
    return quorum_from_rows(session, meeting, attendance_rows(session, meeting_id))
