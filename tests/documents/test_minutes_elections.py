"""Elections in the minutes (issue 9 item 4): each under its own heading, every ballot paper accounted for
(cast = valid + blank + invalid) in the PDF and the DOCX; in French the minute-taker is the 'secrétaire de
séance', one person elected 'est élu(e)', and the dates are written the same way throughout."""
from __future__ import annotations

import re

import docx
import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.minutes import write_minutes
from huurdersgroep_app.core.services.meetings import attendance, elections, roles
from huurdersgroep_app.core.services.meetings import lifecycle as meetings

import meeting_group
from meeting_group import ANNUAL_DAY


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def annual(db):
    return build(db)


def build(db) -> int:
    """The 2025 annual meeting: six present, a one-seat election with one invalid and one blank paper."""
    group = meeting_group.build(db)
    ids = group.ids
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, ANNUAL_DAY, "10:00", "Zaal Sint-Jan")
        election = elections.create_election(s, annual.id, seats=1, retiring_office_ids=[group.offices["dirk"]])
        for key in ("gert", "hilde"):
            elections.add_candidate(s, election.id, ids[key])
        for key in ("anna", "bart", "chris", "dirk", "gert", "hilde"):
            attendance.set_attendance(s, annual.id, ids[key], "present")
        roles.set_meeting_roles(s, annual.id, ids["anna"], ids["chris"])
        meetings.set_meeting_status(s, annual.id, "held")
        elections.record_votes(s, election.id, {ids["gert"]: 3, ids["hilde"]: 1}, ballots_cast=6, ballots_blank=1,
                               ballots_invalid=1)
        elections.apply_election(s, election.id)
        return annual.id


def test_the_election_stands_under_its_own_heading_with_every_ballot_paper(db, annual, tmp_path, pdf_pages):
    out = tmp_path / "annual.pdf"
    with db.reading() as s:
        write_minutes(s, annual, out)
    lines = [line.strip() for page in pdf_pages(out) for line in page.splitlines()]
    heading = lines.index("Election of board member (1 seat)")
    assert lines[heading + 1:heading + 4] == ["Candidate", "Votes", "Elected"]
    assert lines[heading - 1] == "8. Elections"
    text = squash("\n".join(lines))
    assert squash("6 ballot papers handed in: valid 4, blank 1, invalid 1.") in text
    assert squash("Elected as board member: Gert Wouters (3 votes).") in text


def test_the_docx_minutes_account_for_the_ballots_too(db, annual, tmp_path):
    out = tmp_path / "annual.docx"
    with db.reading() as s:
        write_minutes(s, annual, out, fmt="docx")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "Election of board member (1 seat)" in texts
    assert "6 ballot papers handed in: valid 4, blank 1, invalid 1." in texts


def test_french_minutes_secretaire_de_seance_singular_elected_one_date_format(db, tmp_path, pdf_pages):
    out = tmp_path / "pv.pdf"
    i18n.set_language("fr_BE")  # a French group records its meeting in French: decisions keep their words
    annual = build(db)
    with db.reading() as s:
        write_minutes(s, annual, out)
    text = "\n".join(pdf_pages(out))
    flat = re.sub(r"\s+", " ", text)
    assert "Secrétaire de séance" in flat and "Rapporteur" not in flat
    assert "Gert Wouters (3 voix) est élu(e) comme membre du conseil." in flat
    assert "sont élus" not in flat
    assert "6 bulletins remis : valables 4, blancs 1, nuls 1." in flat.replace("\u202f", " ").replace("\xa0", " ")
    # the meeting date in the long form wherever it is written; never a numeric 29/03/2025 beside it
    assert "29 mars 2025" in flat and not re.search(r"\b\d{1,2}/\d{2}/\d{2,4}\b", flat)
    assert "Ouverture" in flat and "Approbation des comptes annuels" in flat
