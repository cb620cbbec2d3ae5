"""The sign-in sheet (issue 9): a proxy column only where the meeting takes proxies, blank rows sized to
the expected attendance, no page holding a single row, long names whole. Checked on the PDF text."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents.sign_in_sheet import expected_walk_ins, write_sign_in_sheet
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.members import members

import meeting_group
import pdf_layout

HEADINGS = {"en": "Proxy for", "nl_BE": "Volmacht voor", "fr_BE": "Procuration pour"}


@pytest.fixture
def group_meetings(db):
    meeting_group.build(db)
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan")
        board = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="10/02/2026"))
    return annual.id, board.id


@pytest.mark.parametrize("lang", tuple(HEADINGS))
def test_the_proxy_column_only_where_the_meeting_takes_proxies(db, group_meetings, tmp_path, pdf_pages, lang):
    annual, board = group_meetings
    with db.reading() as s, i18n.language(lang):
        write_sign_in_sheet(s, annual, tmp_path / "annual.pdf")
        write_sign_in_sheet(s, board, tmp_path / "board.pdf")
    assert HEADINGS[lang] in " ".join(" ".join(pdf_pages(tmp_path / "annual.pdf")).split())
    assert HEADINGS[lang] not in " ".join(" ".join(pdf_pages(tmp_path / "board.pdf")).split())


def _numbers(lines):
    """The row numbers of the members table; the letterhead's "9000 Gent" is not one."""
    return [n for line in lines if (m := re.match(r"^(\d+)(\s|$)", line)) and (n := int(m.group(1))) < 9000]


def test_blank_rows_follow_the_expected_attendance(db, group_meetings, tmp_path, pdf_lines):
    annual, _board = group_meetings
    with db.reading() as s:
        write_sign_in_sheet(s, annual, tmp_path / "sign.pdf")
    lines = pdf_lines(tmp_path / "sign.pdf")
    assert "Expected: 10 people" in lines
    # ten members on the list, then the numbered blank rows for those who are not
    assert max(_numbers(lines)) == 10 + expected_walk_ins(10)
    assert expected_walk_ins(10) == 6 and expected_walk_ins(400) == 40


def _rows_per_page(pages):
    """The members table's numbered rows per page (the guest table's blank rows carry no text)."""
    return [len(_numbers([line.strip() for line in page.splitlines()])) for page in pages]


GUEST_HEADER = "Name Organisation or address Signature"
CLOSING = "Counted at the meeting"


def _guest_rows_above_the_closing_line(found) -> tuple[int, int] | None:
    """(page, guest rows) on the page of the closing line, from where the guests' table header and the
    closing line stand: the rows are 24 pt high, the header and the gaps under the table take 41 pt."""
    closing = next(line for line in found if line.text.startswith(CLOSING))
    header = [line for line in found if line.page == closing.page and line.text.startswith(GUEST_HEADER)]
    if not header:
        return None
    return closing.page, round((closing.top - header[0].top - 41) / 24)


def test_a_small_meeting_gets_no_page_of_empty_guest_rows(db, group_meetings, tmp_path):
    """Ten members expected: the sheet is at most two pages, however the rows fall (the old fix filled
    a whole page with blank guest rows where one was left alone)."""
    annual, _board = group_meetings
    for blank_rows in range(0, 12):
        with db.reading() as s:
            assert write_sign_in_sheet(s, annual, tmp_path / f"sign{blank_rows}.pdf", blank_rows=blank_rows) <= 2


@pytest.mark.parametrize("lang, text", [
    ("en", "Quorum: No quorum required; proxies count in the votes."),
    ("nl_BE", "Quorum: Geen quorum vereist; volmachten tellen mee bij de stemmingen."),
    ("fr_BE", "Quorum : Aucun quorum requis ; les procurations comptent dans les votes.")])
def test_without_a_quorum_the_header_says_why_there_is_a_proxy_column(db, group_meetings, tmp_path, pdf_lines,
                                                                      lang, text):
    """The annual meeting's rule: no quorum, proxies count (in the votes). The header said only 'No
    quorum required' beside a proxy column; once attendance is ticked it no longer repeats it as a result."""
    annual, board = group_meetings
    with db.transaction() as s:
        attendance.set_attendance(s, annual, s.scalar(select(Member.id).where(Member.first_name == "Chris")), "present")
    with db.reading() as s, i18n.language(lang):
        write_sign_in_sheet(s, annual, tmp_path / "annual.pdf")
        write_sign_in_sheet(s, board, tmp_path / "board.pdf")
    lines = [pdf_layout.normal(line) for line in pdf_lines(tmp_path / "annual.pdf")]
    assert text in lines
    assert not any(line.startswith(("Result", "Resultaat", "Résultat")) for line in lines)
    assert not any("proxies count in the votes" in line for line in pdf_lines(tmp_path / "board.pdf"))


LONG_FIRST = "Maximiliaan-Alexander Bartholomeus"
LONG_LAST = "Vandenbroucke-Van Kerckhoven de Wildeman"
LONG_STREET = "Koning Albert de Eerstelaan van de Zuidelijke Wijk"


def test_long_names_and_addresses_appear_whole(db, tmp_path, pdf_pages):
    meeting_group.build(db)
    with db.transaction() as s:
        members.add_member(s, members.MemberInput(
            first_name=LONG_FIRST, last_name=LONG_LAST, street=LONG_STREET, house_number="1234", postcode="9000",
            city="Gent", contact_way="letter", joined_on=date(2020, 1, 1)), allow_duplicate=True)
        annual = meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan").id
    out = tmp_path / "sign.pdf"
    with db.reading() as s:
        write_sign_in_sheet(s, annual, out)
    words = " ".join(" ".join(pdf_pages(out)).split())
    for part in (LONG_FIRST, LONG_LAST, LONG_STREET):
        assert all(word in words.split() for word in part.split()), part
    assert "…" not in words


@pytest.mark.parametrize("street", ["Repelaarsstraat", "Zwingelaarsstraat", "Koning Albertlaan", "Kortrijksesteenweg",
                                    "Sint-Pietersnieuwstraat"])
def test_a_box_number_stays_with_its_house_number(db, tmp_path, street):
    """'Repelaarsstraat 42 bus' above a lone '8' (the demo's sign-in sheet) reads as two addresses."""
    meeting_group.build(db)
    with db.transaction() as s:
        members.add_member(s, members.MemberInput(
            first_name="Lina", last_name="Al Khatib", street=street, house_number="42", box="8", postcode="9000",
            city="Gent", contact_way="letter", joined_on=date(2020, 1, 1)), allow_duplicate=True)
        annual = meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan").id
    out = tmp_path / "sign.pdf"
    with db.reading() as s:
        write_sign_in_sheet(s, annual, out)
    found = [w for _page, w in pdf_layout.words(out)]
    at = next(i for i, w in enumerate(found) if w["text"] in ("bus", "bus\u00a08"))
    line = " ".join(w["text"] for w in found if abs(w["top"] - found[at]["top"]) < 2)
    assert "42" in line and "8" in pdf_layout.normal(line).split(), line


@pytest.mark.parametrize("lang", ["en", "fr_BE"])
def test_no_lone_row_lone_guests_or_guests_continued_page_for_any_number_of_blank_rows(db, group_meetings, tmp_path,
                                                                                      pdf_pages, lang):
    """One sheet for each number of blank rows from 0 to 39, each checked for what fell wrong before:
    - no page holds a single member row, counted per table (with 10 or 35 blank rows the old sheet left
      one above the guests' table, the guests' rows hiding it);
    - the guests' table is the last: its last page holds at least two of its rows, with the closing
      line 'Counted at the meeting' under them (with 3, 21 or 38 blank rows it stood alone on a page);
    - the last page never holds only the guests' table continued (blank rows) and the closing line, a
      sheet printed for next to nothing (the demo's annual meeting had a seventh page with two empty
      rows; in French two rows at the foot of page 6 and two over the page). The guests' table then
      ends a page earlier with fewer blank rows, or, where that page cannot spare them, starts whole on
      the last.
    Made once per count and language (one sheet each, not one per check: 80 sheets instead of 320)."""
    annual, _board = group_meetings
    with i18n.language(lang):
        continued = i18n._("{title} (continued)").format(title=i18n._("Guests and tenants not on the list"))
    lone_member_row, lone_guests, continued_alone = [], [], []
    for blank_rows in range(0, 40):
        out = tmp_path / f"sign{blank_rows}.pdf"
        with db.reading() as s, i18n.language(lang):
            write_sign_in_sheet(s, annual, out, blank_rows=blank_rows)
        pages = pdf_pages(out)
        per_page = _rows_per_page(pages)
        if 1 in per_page:
            lone_member_row.append((blank_rows, per_page))
        if lang == "en":  # the guests' header and closing line are found by their English words
            above = _guest_rows_above_the_closing_line(pdf_layout.lines(out))
            if above is None or above[1] < 2:
                lone_guests.append((blank_rows, above))
        last = " ".join(pages[-1].split())
        if continued in last and not per_page[-1]:
            continued_alone.append(blank_rows)
    assert lone_member_row == []
    assert lone_guests == []
    assert continued_alone == []
