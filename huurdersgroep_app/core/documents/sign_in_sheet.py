"""The sign-in sheet: the expected people with room to sign, blank rows for walk-ins and guests,
the quorum rule and, once attendance is ticked, the counts."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.services.attendance import attendance_label
from huurdersgroep_app.core.services.meeting_record import MeetingRecord, load_meeting
from huurdersgroep_app.i18n import _, format_date, ngettext

BLANK_ROWS = 12


def quorum_rule_text(record: MeetingRecord) -> str:
    rule = record.quorum.rule
    if rule.kind == "none":
        return _("No quorum required.")
    who = _("board members") if record.type == "board" else _("members")
    text = _("At least {needed} of {base} {who} present").format(needed=record.quorum.needed, base=record.quorum.base,
                                                                 who=who)
    return text + (_(", proxies included.") if rule.proxies_count else _(", proxies not included."))


def count_lines(record: MeetingRecord) -> list[tuple[str, str]]:
    c = record.counts
    rows = [(_("Expected"), ngettext("{n} person", "{n} people", len(record.attendance) - c.guests).format(
        n=len(record.attendance) - c.guests)), (_("Quorum"), quorum_rule_text(record))]
    if c.present or c.excused or c.guests:
        rows += [(_("Present"), str(c.present)), (_("Excused"), str(c.excused)), (_("Proxies"), str(c.proxies)),
                 (_("Guests"), str(c.guests)), ("", record.quorum.text)]
    return rows


def sign_in_blocks(session: Session, meeting_id: int, blank_rows: int = BLANK_ROWS) -> list:
    record = load_meeting(session, meeting_id)
    members = [r for r in record.attendance if not r.is_guest]
    addresses = _addresses(session, [r.member_id for r in members])
    out: list = [b.Title(_("Sign-in sheet")), b.Heading(record.heading),
                 b.Fields([(_("Date"), format_date(record.scheduled_on, "full"))]
                          + ([(_("Time"), record.time_text)] if record.time_text else [])
                          + ([(_("Place"), record.place)] if record.place else []) + count_lines(record))]
    rows = [[str(i), r.name, addresses.get(r.member_id, ""), attendance_label(r.status) if r.status == "excused" else ""]
            for i, r in enumerate(members, start=1)]
    rows += [[str(i), "", "", ""] for i in range(len(rows) + 1, len(rows) + 1 + blank_rows)]
    out += [b.Spacer(3), b.Table([_("No."), _("Name"), _("Address"), _("Signature")], rows, [0.07, 0.33, 0.3, 0.3],
                                 wrap=False, row_height_mm=8.5)]
    guests = [r for r in record.attendance if r.is_guest]
    guest_rows = [[g.name, g.organisation, ""] for g in guests] + [["", "", ""] for _i in range(max(4, blank_rows // 2))]
    out += [b.Heading(_("Guests and tenants not on the list"), 3),
            b.Table([_("Name"), _("Organisation or address"), _("Signature")], guest_rows, [0.35, 0.35, 0.3],
                    wrap=False, row_height_mm=8.5),
            b.Spacer(4),
            b.Para(_("Counted at the meeting: present ______   proxies ______   guests ______"), "small")]
    return out


def _addresses(session: Session, ids: list[int]) -> dict[int, str]:
    found = {}
    for start in range(0, len(ids), 900):
        for mid, street, number, box in session.execute(
                select(Member.id, Member.street, Member.house_number, Member.box)
                .where(Member.id.in_(ids[start:start + 900]))):
            found[mid] = f"{street} {number}{f' bus {box}' if box else ''}".strip()
    return found


def write_sign_in_sheet(session: Session, meeting_id: int, target, blank_rows: int = BLANK_ROWS) -> int:
    record_blocks = sign_in_blocks(session, meeting_id, blank_rows)
    info = _info(session, _("Sign-in sheet"))
    return b.write_pdf(target, info, record_blocks)
