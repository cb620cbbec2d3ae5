"""Meeting documents, checked on the text extracted from the PDF (and from the DOCX): the right
names, counts, quorum, decisions with their votes, action points and elections."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import docx
import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.ballot import write_ballot
from huurdersgroep_app.core.documents.decisions_register import write_action_points, write_decisions_register
from huurdersgroep_app.core.documents.invitation import write_invitation, write_poster
from huurdersgroep_app.core.documents.minutes import write_minutes
from huurdersgroep_app.core.documents.sign_in_sheet import write_sign_in_sheet
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.meetings import action_points as ap
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.meetings.minutes import DecisionInput

import meeting_group


@dataclass
class Meetings:
    january: int
    february: int
    annual: int
    ids: dict


@pytest.fixture
def record(db) -> Meetings:
    """January and February board meetings and the 2025 annual meeting with an election, all held."""
    group = meeting_group.build(db)
    ids = group.ids
    with db.transaction() as s:
        jan = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", start_time="19:30",
                                                      end_time="21:30", place="Buurtlokaal De Linde"))
        for key, status in (("anna", "present"), ("chris", "present"), ("els", "present"), ("dirk", "excused")):
            attendance.set_attendance(s, jan.id, ids[key], status)
        attendance.add_guest(s, jan.id, contact_id=group.contact_id)
        meetings.set_meeting_status(s, jan.id, "held")
        finances = next(i for i in jan.items if i.key == "finances")
        agenda.set_item_notes(s, finances.id, "De penningmeester overloopt het kasboek.")
        minutes.add_decision(s, jan.id, DecisionInput("We kopen een beamer voor ten hoogste € 450.", "vote", 3, 0, 0,
                                                      agenda_item_id=finances.id))
        ap.add_action_point(s, jan.id, ap.ActionPointInput("Offerte opvragen voor de beamer",
                                                           owner_member_id=ids["chris"], due_on="31/01/2025",
                                                           agenda_item_id=finances.id))
        parked = agenda.add_item(s, jan.id, agenda.AgendaItemInput("Fietsenstalling"))
        agenda.park_item(s, parked.id)
        meetings.set_meeting_status(s, jan.id, "minutes_drafted")
        feb = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="11/02/2025", place="Buurtlokaal"))
        for key in ("anna", "chris", "dirk"):
            attendance.set_attendance(s, feb.id, ids[key], "present")
        meetings.set_meeting_status(s, feb.id, "held")
        minutes.approve_previous_minutes(s, feb.id)
        ap.add_action_point(s, feb.id, ap.ActionPointInput("Zaal reserveren voor de jaarvergadering",
                                                           owner_member_id=ids["dirk"], due_on="01/03/2025"))
        annual = meetings.create_annual_meeting(s, meeting_group.ANNUAL_DAY, "10:00", "Zaal Sint-Jan")
        election = elections.create_election(s, annual.id)
        for key in ("dirk", "gert", "hilde"):
            elections.add_candidate(s, election.id, ids[key])
        for key in ("anna", "bart", "chris", "dirk", "gert", "hilde"):
            attendance.set_attendance(s, annual.id, ids[key], "present")
        meetings.set_meeting_status(s, annual.id, "held")
        elections.record_votes(s, election.id, {ids["dirk"]: 5, ids["gert"]: 4, ids["hilde"]: 2}, ballots_cast=6)
        elections.apply_election(s, election.id)
        minutes.record_discharge(s, annual.id, 2024, "vote", 5, 0, 1, confirm_open_books=True)
    return Meetings(jan.id, feb.id, annual.id, ids)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_texts(path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return [t for t in texts if t.strip() and "____" not in t]


def test_minutes_hold_attendance_quorum_notes_decisions_action_points_and_signatures(db, record, tmp_path,
                                                                                   pdf_pages):
    out = tmp_path / "minutes.pdf"
    with db.reading() as s:
        pages = write_minutes(s, record.january, out)
    text = "\n".join(pdf_pages(out))
    assert pages == len(pdf_pages(out))
    assert "Board meeting of 14 January 2025" in text
    assert "Present (3): Chris Claes, Els Maes, Anna Peeters" in text
    assert "Excused (1): Dirk Janssens" in text
    assert "Sofie Vandamme (Woonmaatschappij Gent)" in text
    assert "Quorum reached: 3 of 2 needed." in text
    assert "9. Finances" in text and "De penningmeester overloopt het kasboek." in text
    assert "Decision2025-01:Wekopeneenbeamervoortenhoogste€450.—for3,against0,abstentions0" in squash(text)
    assert "Offerte opvragen voor de beamer" in text and "Chris Claes" in text
    assert "Postponed items" in text and "Fietsenstalling" in text
    assert "Approved at the meeting of 11 February 2025 (decision 2025-02)." in text
    signatures = squash(pdf_pages(out)[-1])
    assert "ChairMinute-takerAnnaPeetersChrisClaes" in signatures


def test_the_next_minutes_review_the_open_action_points(db, record, tmp_path, pdf_pages):
    out = tmp_path / "february.pdf"
    with db.reading() as s:
        write_minutes(s, record.february, out)
    text = squash("\n".join(pdf_pages(out)))
    review = text.index("Openactionpointsfromearliermeetings")
    assert text.index("Offerteopvragenvoordebeamer") > review
    assert "Decision2025-02:Theminutesoftheboardmeetingof14January2025areapproved.—byconsensus" in text
    assert "Draft:notyetapproved." in text


def test_annual_minutes_show_the_election_and_the_discharge(db, record, tmp_path, pdf_pages):
    out = tmp_path / "annual.pdf"
    with db.reading() as s:
        write_minutes(s, record.annual, out)
    text = squash("\n".join(pdf_pages(out)))
    assert "Present(6):" in text and "Absent(4):" in text
    assert "ElectedasboardmemberDirkJanssens(5votes),GertWouters(4votes)." in text.replace(":", "")
    assert "HildeMertens2" in text
    assert "Themeetinggrantstheboarddischargeforthefinancialyear2024.—for5,against0,abstentions1" in text


def test_docx_minutes_hold_the_same_text_as_the_pdf(db, record, tmp_path, pdf_pages):
    pdf, word = tmp_path / "m.pdf", tmp_path / "m.docx"
    with db.reading() as s:
        write_minutes(s, record.january, pdf)
        write_minutes(s, record.january, word, fmt="docx")
    pdf_text = squash("\n".join(pdf_pages(pdf)))
    texts = docx_texts(word)
    assert any("We kopen een beamer" in t for t in texts)
    missing = [t for t in texts if squash(t) not in pdf_text]
    assert missing == []
    header = docx.Document(str(word)).sections[0].header.paragraphs[0].text
    assert header.startswith("Huurdersgroep De Linde")


def test_invitation_letters_per_household_and_per_member(db, record, tmp_path, pdf_pages):
    households, per_member = tmp_path / "h.pdf", tmp_path / "m.pdf"
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="members", scheduled_on="20/05/2025", start_time="19:00",
                                                    place="Buurtlokaal"))
    with db.reading() as s:
        write_invitation(s, m.id, households, per="household")
        write_invitation(s, m.id, per_member, per="member")
    letters = pdf_pages(households)
    assert len(letters) == 8 and len(pdf_pages(per_member)) == 9  # Anna and Bart share a letter; Jo has no address
    peeters = next(page for page in letters if "Anna and Bart Peeters" in page)
    assert "Lindelaan 4" in peeters and "9000 Gent" in peeters
    assert "Dear Anna and Bart Peeters," in peeters and "Tuesday, 20 May 2025" in peeters
    assert "19:00" in peeters and "Buurtlokaal" in peeters
    assert "Review of open action points" in peeters and "Chris Claes" in peeters


def test_the_annual_meeting_invitation_for_all_tenants_and_its_docx(db, record, tmp_path, pdf_pages):
    pdf, word = tmp_path / "i.pdf", tmp_path / "i.docx"
    with db.reading() as s:
        write_invitation(s, record.annual, pdf, per="generic")
        write_invitation(s, record.annual, word, per="generic", fmt="docx")
    (page,) = pdf_pages(pdf)
    assert "Dear tenant," in page and "Every tenant is welcome at the annual meeting" in page
    assert "Discharge of the board" in page and "Elections" in page
    missing = [t for t in docx_texts(word) if squash(t) not in squash(page)]
    assert missing == []


def test_the_poster(db, record, tmp_path, pdf_pages):
    out = tmp_path / "poster.pdf"
    with db.reading() as s:
        write_poster(s, record.annual, out)
    (page,) = pdf_pages(out)
    assert "Annual meeting of 29 March 2025" in page
    assert "Zaal Sint-Jan" in page and "Every tenant is welcome!" in page
    assert "Plans and budget for the coming year" in page


def test_sign_in_sheet_lists_the_expected_with_blank_rows_counts_and_quorum(db, record, tmp_path, pdf_lines):
    out = tmp_path / "sign.pdf"
    with db.reading() as s:
        write_sign_in_sheet(s, record.january, out, blank_rows=5)
    lines = pdf_lines(out)
    text = "\n".join(lines)
    assert "Expected: 4 people" in text
    assert "Quorum: At least 2 of 4 board members present, proxies not included." in text
    assert "Attendance: present 3, excused 1, proxies 0, guests 1" in text
    assert "Result: Quorum reached: 3 of 2 needed." in text
    assert any(line.startswith("1 Chris Claes") for line in lines)
    assert any(line.startswith("2 Dirk Janssens") and line.endswith("excused") for line in lines)
    assert "9" in lines and "10" not in lines  # four people and five blank rows
    assert any(line.startswith("Sofie Vandamme") for line in lines)


def test_ballot_papers_list_the_candidates(db, record, tmp_path, pdf_pages):
    out = tmp_path / "ballot.pdf"
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, "28/03/2026")
        election = elections.create_election(s, m.id, seats=2, retiring_office_ids=[])
        for key in ("hilde", "bart", "anna"):
            elections.add_candidate(s, election.id, record.ids[key])
    with db.reading() as s:
        write_ballot(s, m.id, out, copies=3)
        with pytest.raises(DomainError, match="no election"):
            write_ballot(s, record.january, tmp_path / "none.pdf")
    text = "\n".join(pdf_pages(out))
    assert text.count("Ballot paper") >= 3 and text.count("Hilde Mertens") == 3
    assert "Mark at most 2 boxes." in text and "Election for the office of board member" in text


def test_decisions_register_of_a_year(db, record, tmp_path, pdf_pages):
    out = tmp_path / "register.pdf"
    with db.reading() as s:
        write_decisions_register(s, 2025, out)
        labels = [r.label for r in minutes.decision_rows(s, year=2025)]
    text = squash("\n".join(pdf_pages(out)))
    assert labels == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert "4decisions" in text
    assert all(label in text for label in labels)
    assert "Wekopeneenbeamer" in text and "for3,against0,abstentions0" in text
    assert "Electedasboardmember" in text and "bysecretballot" in text
    with db.reading() as s:
        write_decisions_register(s, 2030, tmp_path / "empty.pdf")
    assert "No decisions were recorded in 2030." in "\n".join(pdf_pages(tmp_path / "empty.pdf"))


def test_open_action_points_list_marks_overdue(db, record, tmp_path, pdf_pages):
    out = tmp_path / "actions.pdf"
    with db.transaction() as s:
        first = ap.action_point_rows(s, meeting_id=record.january)[0]
        ap.set_action_status(s, first.id, "done", on="11/02/2025")
    with db.reading() as s:
        write_action_points(s, out, year=2025, today=date(2025, 3, 5))
    text = "\n".join(pdf_pages(out))
    assert "Open action points 2025" in text
    assert "1 open action point, 1 overdue" in text
    assert "Zaalreserverenvoordejaarvergadering" in squash(text) and "Dirk Janssens" in text
    assert text.count("overdue") == 2  # the count line and the status of the late one
    assert "Offerte opvragen" not in text


@pytest.mark.parametrize("lang, nothing", [("en", "Nothing was noted under this item."),
                                           ("nl_BE", "Niets genoteerd bij dit punt."),
                                           ("fr_BE", "Rien n'a été noté sous ce point.")])
def test_an_agenda_item_with_nothing_noted_says_so(db, record, tmp_path, pdf_pages, lang, nothing):
    """A bare heading reads as a section someone forgot to write: every item of the minutes holds a
    sentence; an item with notes gets no such line."""
    out = tmp_path / "minutes.pdf"
    with db.reading() as s, i18n.language(lang):
        write_minutes(s, record.january, out)
    text = "\n".join(pdf_pages(out))
    lines = [line.strip() for line in text.splitlines()]
    items = [n for n, line in enumerate(lines) if re.match(r"^\d+\. \S", line)]
    assert items
    for n in items:
        following = lines[n + 1]
        assert not re.match(r"^\d+\. \S", following), (lines[n], following)
    assert "De penningmeester overloopt het kasboek." in text
    finances = next(n for n in items if "kasboek" in lines[n + 1])
    assert lines[finances + 1] != nothing
