"""The sign-in sheet (issue 9): a proxy column only where the meeting takes proxies, blank rows sized to
the expected attendance, no page holding a single row, long names whole. Checked on the PDF text."""
from __future__ import annotations

import re
from datetime import date

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.sign_in_sheet import expected_walk_ins, write_sign_in_sheet
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.members import members

import meeting_group

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


@pytest.mark.parametrize("blank_rows", range(0, 40, 3))
def test_no_page_holds_a_single_member_row(db, group_meetings, tmp_path, pdf_pages, blank_rows):
    annual, _board = group_meetings
    out = tmp_path / "sign.pdf"
    with db.reading() as s:
        write_sign_in_sheet(s, annual, out, blank_rows=blank_rows)
    pages = pdf_pages(out)
    counts = _rows_per_page(pages)
    for page, count in zip(pages, counts, strict=True):
        # a page with one numbered row must also hold the guest table's rows
        assert count != 1 or "Guests and tenants not on the list" in page


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
