"""`huurdersgroep report invitation|poster|sign-in-sheet|minutes|ballot|decisions|action-points` and
`huurdersgroep meetings list|ics|email`: every command, and its errors as one line."""
from __future__ import annotations

import docx
import icalendar
import pytest
from pypdf import PdfReader

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.meetings import action_points as ap
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput

import meeting_group


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def group_file(tmp_path):
    """A closed group file with a held board meeting (id 1), a planned annual meeting with an election (id 2)."""
    path = tmp_path / "group.sqlite"
    db = Database(path, create=True, backup_on_close=False)
    with db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Huurdersgroep De Linde", region="vlaanderen", city="Gent", postcode="9000"))
    group = meeting_group.build(db)
    with db.transaction() as s:
        board = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", start_time="19:30"))
        attendance.set_attendance(s, board.id, group["anna"], "present")
        attendance.set_attendance(s, board.id, group["chris"], "present")
        meetings.set_meeting_status(s, board.id, "held")
        minutes.add_decision(s, board.id, minutes.DecisionInput("Nieuwsbrief vier keer per jaar"))
        ap.add_action_point(s, board.id, ap.ActionPointInput("Drukker zoeken", owner_member_id=group["chris"]))
        annual = meetings.create_annual_meeting(s, meeting_group.ANNUAL_DAY, "10:00", "Zaal Sint-Jan")
        election = elections.create_election(s, annual.id)
        elections.add_candidate(s, election.id, group["gert"])
        meetings.create_meeting(s, MeetingInput(type="consultation", scheduled_on="20/02/2026",
                                                title="Overleg dakwerken"))
    db.close()
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_meetings_list_is_tab_separated_and_filters_by_year(group_file, capsys):
    code, out, err = run(capsys, "meetings", "list", "--db", group_file, "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1\t2025-01-14\tBoard meeting\tBoard meeting\theld",
        "2\t2025-03-29\tAnnual meeting\tAnnual meeting\tplanned",
        "3\t2026-02-20\tConsultation with the landlord\tOverleg dakwerken\tplanned"]
    code, out, _err = run(capsys, "meetings", "list", "--db", group_file, "--year", "2026", "--lang", "en")
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["3"]


@pytest.mark.parametrize("kind, meeting, expected", [
    ("minutes", 1, "Nieuwsbrief vier keer per jaar"),
    ("sign-in-sheet", 1, "Quorum: At least 2 of 4 board members present"),
    ("invitation", 2, "Every tenant is welcome at the annual meeting"),
    ("poster", 2, "Every tenant is welcome!"),
    ("ballot", 2, "Gert Wouters"),
])
def test_meeting_documents_as_pdf(group_file, tmp_path, capsys, kind, meeting, expected):
    target = tmp_path / f"{kind}.pdf"
    code, out, err = run(capsys, "report", kind, "--db", group_file, "--meeting", meeting, "--out", target,
                         "--lang", "en")
    assert (code, err) == (0, "")
    assert out.startswith(f"Written {target} (") and out.rstrip().endswith(("page).", "pages)."))
    assert expected in text_of(target)


@pytest.mark.parametrize("per_page, copies, pages", [(1, 3, 3), (2, 3, 2), (4, 9, 3)])
def test_ballot_per_page_and_copies(group_file, tmp_path, capsys, per_page, copies, pages):
    target = tmp_path / "ballot.pdf"
    code, out, err = run(capsys, "report", "ballot", "--db", group_file, "--meeting", 2, "--out", target,
                         "--per-page", per_page, "--copies", copies, "--lang", "en")
    assert (code, err) == (0, "") and f"({pages} page" in out
    texts = [page.extract_text() for page in PdfReader(str(target)).pages]
    assert len(texts) == pages and sum(t.count("Gert Wouters") for t in texts) == copies
    assert texts[0].count("Ballot paper") == min(per_page, copies)


def test_ballot_per_page_other_than_1_2_4_is_a_usage_error(group_file, tmp_path, capsys):
    code, out, err = run(capsys, "report", "ballot", "--db", group_file, "--meeting", 2, "--out",
                         tmp_path / "x.pdf", "--per-page", 3, "--lang", "en")
    assert code == 2 and out == "" and "--per-page" in err and err.count("\n") == 1


def test_invitation_per_member_and_generic(group_file, tmp_path, capsys):
    per_member, generic = tmp_path / "m.pdf", tmp_path / "g.pdf"
    assert run(capsys, "report", "invitation", "--db", group_file, "--meeting", 2, "--out", per_member,
               "--per", "member", "--lang", "en")[0] == 0
    assert run(capsys, "report", "invitation", "--db", group_file, "--meeting", 2, "--out", generic,
               "--per", "generic", "--lang", "en")[0] == 0
    assert len(PdfReader(str(per_member)).pages) == 9 and len(PdfReader(str(generic)).pages) == 1


@pytest.mark.parametrize("kind, meeting, expected", [("minutes", 1, "Nieuwsbrief vier keer per jaar"),
                                                     # letters per household open with the names on them
                                                     ("invitation", 2, "Dear Anna and Bart Peeters,")])
def test_invitation_and_minutes_as_docx(group_file, tmp_path, capsys, kind, meeting, expected):
    target = tmp_path / f"{kind}.docx"
    code, out, err = run(capsys, "report", kind, "--db", group_file, "--meeting", meeting, "--out", target,
                         "--format", "docx", "--lang", "en")
    assert (code, err, out.strip()) == (0, "", f"Written {target}.")
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any(expected in t for t in texts)


@pytest.mark.parametrize("kind", ["sign-in-sheet", "ballot", "poster"])
def test_docx_is_refused_for_the_other_meeting_documents(group_file, tmp_path, capsys, kind):
    target = tmp_path / "x.docx"
    code, out, err = run(capsys, "report", kind, "--db", group_file, "--meeting", 1, "--out", target,
                         "--format", "docx", "--lang", "en")
    assert code == 2 and out == "" and not target.exists()
    assert err.count("\n") == 1 and f"The report '{kind}' is made as PDF, not as DOCX." in err


def test_decisions_and_action_points_of_a_year(group_file, tmp_path, capsys):
    decisions, actions = tmp_path / "d.pdf", tmp_path / "a.pdf"
    code, out, err = run(capsys, "report", "decisions", "--db", group_file, "--year", 2025, "--out", decisions,
                         "--lang", "en")
    assert (code, err) == (0, "") and "2025-01" in text_of(decisions)
    code, out, err = run(capsys, "report", "action-points", "--db", group_file, "--year", 2025, "--out", actions,
                         "--lang", "en")
    assert (code, err) == (0, "") and "Drukker zoeken" in text_of(actions)


def test_missing_and_wrong_options_give_one_line(group_file, tmp_path, capsys):
    target = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "report", "minutes", "--db", group_file, "--out", target, "--lang", "en")
    assert code == 2 and "Give the meeting with --meeting ID" in err and err.count("\n") == 1
    code, _out, err = run(capsys, "report", "decisions", "--db", group_file, "--out", target, "--lang", "en")
    assert code == 2 and "Give the year with --year YYYY." in err
    code, _out, err = run(capsys, "report", "minutes", "--db", group_file, "--meeting", 99, "--out", target,
                          "--lang", "en")
    assert (code, err) == (1, "huurdersgroep: Meeting 99 does not exist.\n")
    code, _out, err = run(capsys, "report", "ballot", "--db", group_file, "--meeting", 1, "--out", target,
                          "--lang", "en")
    assert code == 1 and "no election with candidates" in err
    code, _out, err = run(capsys, "report", "minutes", "--db", group_file, "--meeting", 1,
                          "--out", tmp_path / "missing" / "x.pdf", "--lang", "en")
    assert code == 1 and "does not exist" in err
    code, _out, err = run(capsys, "report", "ballot", "--db", group_file, "--meeting", 2, "--copies", 0,
                          "--out", target, "--lang", "en")
    assert code == 2 and "--copies must be at least 1." in err
    code, _out, err = run(capsys, "meetings", "--db", group_file, "--lang", "en")
    assert code == 2 and "meetings list, meetings ics or meetings email" in err
    code, _out, err = run(capsys, "meetings", "list", "--db", tmp_path / "nothing.sqlite", "--lang", "en")
    assert code == 1 and "does not exist" in err
    assert not target.exists()


def test_calendar_file_and_email_text(group_file, tmp_path, capsys):
    target = tmp_path / "annual.ics"
    code, out, err = run(capsys, "meetings", "ics", "--db", group_file, "--meeting", 2, "--out", target,
                         "--lang", "en")
    assert (code, err, out.strip()) == (0, "", f"Written {target}.")
    event = next(iter(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")))
    assert str(event["location"]) == "Zaal Sint-Jan" and event.decoded("dtstart").hour == 10
    code, out, err = run(capsys, "meetings", "email", "--db", group_file, "--meeting", 1, "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Subject: Invitation: Board meeting of 14 January 2025"
    assert lines[1] == "BCC: anna@example.be; chris@example.be; dirk@example.be"
    assert lines[2] == "No e-mail address (send a letter): Els Maes"
    assert "Dear board member," in lines
    code, _out, err = run(capsys, "meetings", "ics", "--db", group_file, "--meeting", 42, "--out", target)
    assert code == 1 and err.count("\n") == 1
