"""The sign-in sheet: the expected people with room to sign, blank rows for walk-ins and guests,
the quorum rule and, once attendance is ticked, the counts.

Drawn with the canvas tables (``tables.py``): an annual meeting for all tenants lists every
active member, which for a large group is thousands of rows.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.invitation import _info
from huurdersgroep_app.core.documents.tables import Column, PageFlow, TableStyle, write_document
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.meetings.attendance import attendance_label
from huurdersgroep_app.core.services.meetings.proxies import proxy_rules
from huurdersgroep_app.core.services.meetings.record import MeetingRecord, load_meeting
from huurdersgroep_app.i18n import _, format_date, ngettext

SIGNING = TableStyle(font_size=9.5, row_height=24, keep_rows=3, keep_last_pair=False)  # its own blank rows
# Walk-ins: a tenth of the people expected. The attendance at earlier meetings says little about
# walk-ins (only guests are recorded, and a members' meeting may be the group's first of its kind),
# whereas a tenth of the list scales from a board meeting of six to an annual meeting of thousands.
# Never fewer than MIN_BLANK_ROWS, so a small meeting still has room for a neighbour who drops in.
WALK_IN_SHARE = 0.1
MIN_BLANK_ROWS = 6
MIN_GUEST_BLANKS = 2
# The closing 'Counted at the meeting' line under the guests' table takes the height of about two rows.
CLOSING_ROWS = 2
NO_BREAK = "\u00a0"


def expected_walk_ins(expected: int) -> int:
    return max(MIN_BLANK_ROWS, math.ceil(expected * WALK_IN_SHARE))


@dataclass
class _Layout:
    member_blanks: int
    guest_blanks: int
    member_end: int = 0  # the page the members table ends on
    guest_end: int = 0
    # Rows drawn per page, per table: the flow counts all tables together, so a members table ending
    # with one row above the guests' table read as a full page, and the lone row went unnoticed.
    member_rows: dict | None = None
    guest_rows: dict | None = None
    footer_page: int = 0  # the page of the closing 'Counted at the meeting' line

    def trim_spill(self) -> bool:
        """Fewer blank guest rows where the last page would hold nothing but some of them and the closing
        line (the demo's annual meeting printed a seventh page for two empty rows): the guests' table
        then ends on the page before, the closing line under it. Not where that page would keep fewer
        than two of the table's rows or the table fewer than MIN_GUEST_BLANKS blank rows; True when
        something changed."""
        last = self.footer_page
        spill = self.guest_rows.get(last, 0)  # the guests' rows on the closing line's page
        before = self.guest_rows.get(last - 1, 0)
        if self.member_end >= last or not before or spill > self.guest_blanks:
            return False  # that page holds members or the whole guests' table or a guest's name: it prints
        fewer = spill + CLOSING_ROWS
        if before - CLOSING_ROWS < SIGNING.keep_rows - 1 or self.guest_blanks - fewer < MIN_GUEST_BLANKS:
            return False
        self.guest_blanks -= fewer
        return True

    def fix_lone_rows(self) -> bool:
        """Two more blank rows for a table whose last page holds a single row of it, or for the guests'
        table when the closing line stands alone on a page; True when something changed. Two, not a
        page full: a small meeting gets no page of empty rows."""
        page = self.member_end
        if self.member_rows.get(page) == 1:
            self.member_blanks += SIGNING.keep_rows - 1
            return True
        page = self.guest_end
        if self.guest_rows.get(page) == 1 or self.footer_page > page:
            self.guest_blanks += SIGNING.keep_rows - 1
            return True
        return False


def _rows_between(before: dict, after: dict) -> dict:
    return {page: n - before.get(page, 0) for page, n in after.items() if n - before.get(page, 0)}


def quorum_rule_text(record: MeetingRecord, with_proxies: bool = False) -> str:
    rule = record.quorum.rule
    if rule.kind == "none":
        # A members' meeting without a quorum may still take proxies: they count in the votes (the
        # proxy column beside the names says so too).
        return _("No quorum required; proxies count in the votes.") if with_proxies else _("No quorum required.")
    who = _("board members") if record.type == "board" else _("members")
    text = _("At least {needed} of {base} {who} present").format(needed=record.quorum.needed, base=record.quorum.base,
                                                                 who=who)
    return text + (_(", proxies included.") if rule.proxies_count else _(", proxies not included."))


def count_lines(record: MeetingRecord, with_proxies: bool = False) -> list[tuple[str, str]]:
    """Expected and the quorum rule; once attendance is ticked also the counts and, where a quorum
    applies, its result (without one the result would only repeat 'No quorum required')."""
    c = record.counts
    expected = len(record.attendance) - c.guests
    rows = [(_("Expected"), ngettext("{n} person", "{n} people", expected).format(n=expected)),
            (_("Quorum"), quorum_rule_text(record, with_proxies))]
    if c.present or c.excused or c.guests:
        rows.append((_("Attendance"), _("present {present}, excused {excused}, proxies {proxies}, guests {guests}")
                     .format(present=c.present, excused=c.excused, proxies=c.proxies, guests=c.guests)))
        if record.quorum.rule.kind != "none":
            rows.append((_("Result"), record.quorum.text))
    return rows


def _addresses(session: Session, ids: list[int]) -> dict[int, str]:
    found = {}
    for start in range(0, len(ids), 900):
        for mid, street, number, box, postcode in session.execute(
                select(Member.id, Member.street, Member.house_number, Member.box, Member.postcode)
                .where(Member.id.in_(ids[start:start + 900]))):
            # The number and its box stay on one line when the column wraps ('Repelaarsstraat 42 bus' over
            # a lone '8' read as two addresses): no-break spaces inside the house number.
            house = addresses.house_number_text(number, box, country=addresses.address_country(postcode))
            found[mid] = f"{(street or '').strip()} {house.replace(' ', NO_BREAK)}".strip()
    return found


def write_sign_in_sheet(session: Session, meeting_id: int, target, blank_rows: int | None = None) -> int:
    """Returns the number of pages. ``blank_rows``: numbered blank rows for members not on the list;
    by default sized to the expected attendance (``expected_walk_ins``). Either way more are added where
    a table would leave a lone row on its last page."""
    record = load_meeting(session, meeting_id)
    members = [r for r in record.attendance if not r.is_guest]
    guests = [r for r in record.attendance if r.is_guest]
    with_proxies = proxy_rules(session, meeting_id).allowed
    addresses = _addresses(session, [r.member_id for r in members])
    member_rows = [(str(i), r.name, addresses.get(r.member_id, ""), attendance_label(r.status)
                    if r.status == "excused" else "") + (("",) if with_proxies else ())
                   for i, r in enumerate(members, start=1)]
    guest_rows = [(g.name, g.organisation, "") for g in guests]
    if blank_rows is None:
        blank_rows = expected_walk_ins(len(members))
    layout = _Layout(blank_rows, max(4, blank_rows // 2))
    columns = [Column(_("No."), 0.6, align="right", sample="0000"), Column(_("Name"), 3), Column(_("Address"), 2.6),
               Column(_("Signature"), 2.6 if not with_proxies else 2)]
    if with_proxies:
        # The member who holds a proxy writes the name of the member they sign for.
        columns.append(Column(_("Proxy for"), 2))
    details = [(_("Date"), format_date(record.scheduled_on, "full"))]
    if record.time_text:
        details.append((_("Time"), record.time_text))
    if record.place:
        details.append((_("Place"), record.place))

    def draw(flow: PageFlow) -> None:
        flow.title(_("Sign-in sheet"), subtitle=record.heading)
        for label, value in details + count_lines(record, with_proxies):
            flow.paragraph(_("{label}: ").format(label=label) + value, size=9.5)
        flow.space(6)
        n = len(member_rows)
        blanks = [(str(i), "", "", "") + (("",) if with_proxies else ())
                  for i in range(n + 1, n + 1 + layout.member_blanks)]
        before = dict(flow.rows_on_page)
        flow.table(columns, member_rows + blanks, title=_("Members"), style=SIGNING)
        layout.member_end = flow.page
        between = dict(flow.rows_on_page)
        flow.table([Column(_("Name"), 3), Column(_("Organisation or address"), 3), Column(_("Signature"), 2.8)],
                   guest_rows + [("", "", "")] * layout.guest_blanks, title=_("Guests and tenants not on the list"),
                   style=SIGNING)
        layout.guest_end = flow.page
        layout.member_rows = _rows_between(before, between)
        layout.guest_rows = _rows_between(between, flow.rows_on_page)
        flow.space(8)
        flow.paragraph(_("Counted at the meeting: present ______   proxies ______   guests ______"), size=9.5)
        layout.footer_page = flow.page

    info = _info(session, _("Sign-in sheet"))
    # Laid out first in memory: only then is it known whether a page ends up with a lone row.
    trimmed = False
    for _attempt in range(6):
        write_document(io.BytesIO(), info, draw)
        if not trimmed and layout.trim_spill():
            trimmed = True  # once: the lone-row fix below must not be undone by it, nor it by that
            continue
        if not layout.fix_lone_rows():
            break
    return write_document(target, info, draw)
