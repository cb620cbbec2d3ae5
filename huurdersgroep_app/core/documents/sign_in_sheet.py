"""The sign-in sheet: the expected people with room to sign, blank rows for walk-ins and guests,
the quorum rule and, once attendance is ticked, the counts.

Drawn with the canvas tables (``tables.py``): an annual meeting for all tenants lists every
active member, which for a large group is thousands of rows.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.documents.tables import Column, PageFlow, TableStyle, write_document
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.meetings.attendance import attendance_label
from huurdersgroep_app.core.services.meetings.record import MeetingRecord, load_meeting
from huurdersgroep_app.i18n import _, format_date, ngettext

BLANK_ROWS = 12
SIGNING = TableStyle(font_size=9.5, row_height=24, keep_rows=3)


def quorum_rule_text(record: MeetingRecord) -> str:
    rule = record.quorum.rule
    if rule.kind == "none":
        return _("No quorum required.")
    who = _("board members") if record.type == "board" else _("members")
    text = _("At least {needed} of {base} {who} present").format(needed=record.quorum.needed, base=record.quorum.base,
                                                                 who=who)
    return text + (_(", proxies included.") if rule.proxies_count else _(", proxies not included."))


def count_lines(record: MeetingRecord) -> list[tuple[str, str]]:
    """Expected and the quorum rule; once attendance is ticked also the counts and the quorum result."""
    c = record.counts
    expected = len(record.attendance) - c.guests
    rows = [(_("Expected"), ngettext("{n} person", "{n} people", expected).format(n=expected)),
            (_("Quorum"), quorum_rule_text(record))]
    if c.present or c.excused or c.guests:
        rows += [(_("Attendance"), _("present {present}, excused {excused}, proxies {proxies}, guests {guests}").format(
            present=c.present, excused=c.excused, proxies=c.proxies, guests=c.guests)),
                 (_("Result"), record.quorum.text)]
    return rows


def _addresses(session: Session, ids: list[int]) -> dict[int, str]:
    found = {}
    for start in range(0, len(ids), 900):
        for mid, street, number, box, postcode in session.execute(
                select(Member.id, Member.street, Member.house_number, Member.box, Member.postcode)
                .where(Member.id.in_(ids[start:start + 900]))):
            found[mid] = addresses.street_line(street, number, box, postcode=postcode)
    return found


def write_sign_in_sheet(session: Session, meeting_id: int, target, blank_rows: int = BLANK_ROWS) -> int:
    """Returns the number of pages."""
    record = load_meeting(session, meeting_id)
    members = [r for r in record.attendance if not r.is_guest]
    guests = [r for r in record.attendance if r.is_guest]
    addresses = _addresses(session, [r.member_id for r in members])
    rows = [(str(i), r.name, addresses.get(r.member_id, ""), attendance_label(r.status) if r.status == "excused"
             else "") for i, r in enumerate(members, start=1)]
    rows += [(str(i), "", "", "") for i in range(len(rows) + 1, len(rows) + 1 + blank_rows)]
    guest_rows = [(g.name, g.organisation, "") for g in guests] + [("", "", "")] * max(4, blank_rows // 2)
    details = [(_("Date"), format_date(record.scheduled_on, "full"))]
    if record.time_text:
        details.append((_("Time"), record.time_text))
    if record.place:
        details.append((_("Place"), record.place))

    def draw(flow: PageFlow) -> None:
        flow.title(_("Sign-in sheet"), subtitle=record.heading)
        for label, value in details + count_lines(record):
            flow.paragraph(f"{label}: {value}", size=9.5)
        flow.space(6)
        flow.table([Column(_("No."), 0.6, align="right", sample="0000"), Column(_("Name"), 3),
                    Column(_("Address"), 2.6), Column(_("Signature"), 2.6)], rows, title=_("Members"),
                   style=SIGNING)
        flow.table([Column(_("Name"), 3), Column(_("Organisation or address"), 3), Column(_("Signature"), 2.8)],
                   guest_rows, title=_("Guests and tenants not on the list"), style=SIGNING)
        flow.space(8)
        flow.paragraph(_("Counted at the meeting: present ______   proxies ______   guests ______"), size=9.5)

    return write_document(target, _info(session, _("Sign-in sheet")), draw)
