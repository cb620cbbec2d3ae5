"""Ballot papers 1, 2 or 4 to an A4 page (issue 12), checked on where pdfplumber finds the words: how
many papers a page holds, every candidate's name whole inside its own paper, the page count, the
dashed cut lines with the scissors drawn in the embedded font, and a refusal that says what fits."""
from __future__ import annotations

import math
from datetime import date

import pdfplumber
import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from huurdersgroep_app import i18n, paths
from huurdersgroep_app.core.documents.ballot import BOX, SCISSORS, write_ballot
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.members import members

import meeting_group
from pdf_layout import normal

LONG = "Mohamed El Amrani-Van den Broeck"  # one line on a quarter, in a smaller font


def _candidates(db, names: list[tuple[str, str]]) -> list[int]:
    with db.transaction() as s:
        return [members.add_member(s, members.MemberInput(
            first_name=first, last_name=last, street="Kerkstraat", house_number=str(n + 20), postcode="9000",
            city="Gent", is_tenant=True, contact_way="letter", joined_on=date(2020, 1, 1)),
            allow_duplicate=True).id for n, (first, last) in enumerate(names)]


@pytest.fixture
def meeting(db):
    """An annual meeting electing board members: four candidates, one with a long name."""
    group = meeting_group.build(db)
    (long_id,) = _candidates(db, [tuple(LONG.split(" ", 1))])
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan")
        board = elections.create_election(s, m.id, seats=2, retiring_office_ids=[])
        for member_id in (group["gert"], group["hilde"], group["anna"], long_id):
            elections.add_candidate(s, board.id, member_id)
        return m.id


def parts(per_page: int, width: float, height: float) -> list[tuple[float, float, float, float]]:
    """The parts of the page a paper is cut to (x0, top, x1, bottom), in reading order."""
    columns, rows = {1: (1, 1), 2: (1, 2), 4: (2, 2)}[per_page]
    w, h = width / columns, height / rows
    return [(c * w, r * h, (c + 1) * w, (r + 1) * h) for r in range(rows) for c in range(columns)]


@pytest.mark.parametrize("per_page", [1, 2, 4])
def test_each_page_holds_the_chosen_number_of_whole_papers(db, meeting, tmp_path, per_page):
    out = tmp_path / f"ballot-{per_page}.pdf"
    copies = 5
    with db.reading() as s:
        pages = write_ballot(s, meeting, out, copies=copies, per_page=per_page)
    assert pages == math.ceil(copies / per_page)
    printed = 0
    with pdfplumber.open(str(out)) as pdf:
        assert len(pdf.pages) == pages
        for number, page in enumerate(pdf.pages):
            expected = min(per_page, copies - number * per_page)
            texts = [normal(page.within_bbox(bbox).extract_text()) for bbox in parts(per_page, page.width,
                                                                                     page.height)]
            # the papers fill the parts in reading order; a word over a cut line would be in no part
            assert [t.count("Ballot paper") for t in texts] == [1] * expected + [0] * (per_page - expected)
            assert sum(len(t.split()) for t in texts) == len(normal(page.extract_text()).replace(
                SCISSORS, "").split())
            for text in texts[:expected]:
                lines = text.splitlines()
                for name in ("Gert Wouters", "Hilde Mertens", "Anna Peeters", LONG):
                    assert sum(line == f"{BOX} {name}" for line in lines) == 1, (name, lines)
                printed += 1
    assert printed == copies


def test_a_name_too_long_for_one_line_is_broken_within_its_paper_never_cut(db, tmp_path):
    group = meeting_group.build(db)
    very_long = ("Marie-Christine Alexandra", "Van den Broeck-Vandersteen de Ghellinck")
    (long_id,) = _candidates(db, [very_long])
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, "28/03/2026")
        election = elections.create_election(s, m.id, seats=1, retiring_office_ids=[])
        for member_id in (group["gert"], long_id):
            elections.add_candidate(s, election.id, member_id)
    out = tmp_path / "long.pdf"
    with db.reading() as s:
        write_ballot(s, m.id, out, copies=4, per_page=4)
    with pdfplumber.open(str(out)) as pdf:
        page = pdf.pages[0]
        for bbox in parts(4, page.width, page.height):
            text = normal(page.within_bbox(bbox).extract_text())
            assert " ".join(very_long) in " ".join(text.split()), text


def test_every_election_gets_pages_of_its_own(db, meeting, tmp_path):
    group_ids = _candidates(db, [("Rita", "Smets"), ("Karel", "Dewulf")])
    with db.transaction() as s:
        audit = elections.create_election(s, meeting, role="treasurer", seats=1, retiring_office_ids=[])
        for member_id in group_ids:
            elections.add_candidate(s, audit.id, member_id)
    out = tmp_path / "two.pdf"
    with db.reading() as s:
        assert write_ballot(s, meeting, out, copies=6, per_page=4) == 4  # 2 elections × ceil(6 / 4)
    with pdfplumber.open(str(out)) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert [t.count("Gert Wouters") for t in texts] == [4, 2, 0, 0]
    assert [t.count("Rita Smets") for t in texts] == [0, 0, 4, 2]


def test_cut_lines_are_dashed_and_the_scissors_are_in_the_embedded_font(db, meeting, tmp_path):
    assert ord(SCISSORS) in TTFontFile(str(paths.FONTS_DIR / "DejaVuSans.ttf")).charToGlyph
    out = tmp_path / "cut.pdf"
    with db.reading() as s:
        write_ballot(s, meeting, out, copies=4, per_page=4)
    with pdfplumber.open(str(out)) as pdf:
        page = pdf.pages[0]
        scissors = [c for c in page.chars if c["text"] == SCISSORS]
        assert len(scissors) == 2 and all("DejaVuSans" in c["fontname"] for c in scissors)
        lines = page.lines
        horizontal = [ln for ln in lines if abs(ln["top"] - page.height / 2) < 1 and ln["width"] > 100]
        vertical = [ln for ln in lines if abs(ln["x0"] - page.width / 2) < 1 and ln["height"] > 100]
        assert horizontal and vertical
        assert all(ln["dash"] == ([4, 3], 0) for ln in horizontal + vertical), horizontal[0].get("dash")


def test_too_many_candidates_for_a_quarter_are_refused_with_what_fits(db, tmp_path):
    meeting_group.build(db)
    ids = _candidates(db, [(f"Kandidaat{n}", f"Achternaam{n}") for n in range(16)])
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, "28/03/2026")
        election = elections.create_election(s, m.id, seats=3, retiring_office_ids=[])
        for member_id in ids:
            elections.add_candidate(s, election.id, member_id)
    with db.reading() as s:
        with pytest.raises(DomainError, match=r"\(16 names\) do not fit whole on a quarter of a page\. "
                                              r"Choose 2 per page\."):
            write_ballot(s, m.id, tmp_path / "four.pdf", copies=4, per_page=4)
        assert not (tmp_path / "four.pdf").exists()
        with i18n.language("nl_BE"), pytest.raises(DomainError, match="passen niet volledig op een kwart"):
            write_ballot(s, m.id, tmp_path / "four.pdf", copies=4, per_page=4)
        # on half a page they stand in two columns, all sixteen whole
        assert write_ballot(s, m.id, tmp_path / "two.pdf", copies=2, per_page=2) == 1
    with pdfplumber.open(str(tmp_path / "two.pdf")) as pdf:
        text = pdf.pages[0].extract_text()
    assert all(text.count(f"Kandidaat{n} Achternaam{n}") == 2 for n in range(16))


def test_a_per_page_other_than_1_2_or_4_is_refused(db, meeting, tmp_path):
    with db.reading() as s, pytest.raises(DomainError, match="Choose 1, 2 or 4"):
        write_ballot(s, meeting, tmp_path / "x.pdf", per_page=3)


@pytest.mark.parametrize("lang, office", [("en", "Election for the office of board member"),
                                          ("nl_BE", "Verkiezing voor de functie van bestuurslid"),
                                          ("fr_BE", "Élection pour la fonction de membre du conseil")])
def test_the_office_is_named_in_one_phrase(db, meeting, tmp_path, lang, office):
    """'Verkiezing van: bestuurslid' / 'Election of: board member' read as half a sentence."""
    out = tmp_path / "ballot.pdf"
    with db.reading() as s, i18n.language(lang):
        write_ballot(s, meeting, out, copies=1, per_page=1)
    with pdfplumber.open(str(out)) as pdf:
        text = normal(pdf.pages[0].extract_text())
    assert office in text.splitlines()
