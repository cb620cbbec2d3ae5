"""The ballot papers from the Elections tab (issue 12): papers per page and copies chosen beside the
button and remembered, one paper per voter once attendance is ticked, and the suggested file names
of the ballot papers and the sign-in sheet with the meeting's type and day, in the user's language."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtWidgets import QFileDialog

import meeting_group
from huurdersgroep_app import i18n
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.ui import tasks
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.ballot_options import BallotOptions
from huurdersgroep_app.ui.shell.main_window import MainWindow


@pytest.fixture
def annual(db):
    group = meeting_group.build(db)
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan")
        election = elections.create_election(s, m.id, seats=2, retiring_office_ids=[])
        for key in ("gert", "hilde"):
            elections.add_candidate(s, election.id, group[key])
    return m.id, group


def _open(db, qtbot, meeting_id):
    win = MainWindow(AppContext(db), initial_page="meetings")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    view = win.show_page("meetings").open_meeting(meeting_id)
    view.tabs.setCurrentWidget(view.elections)
    return win, view


def _saved_as(monkeypatch, target: Path | None) -> list[str]:
    """The names the save dialog suggests; ``target`` is chosen, or (None) the dialog is cancelled."""
    suggested: list[str] = []

    def choose(_parent, _caption, proposed, _filter):
        suggested.append(Path(proposed).name)
        return (str(target) if target else ""), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    return suggested


def _menu_action(button, starts_with: str):
    return next(a for a in button.menu().actions() if a.text().startswith(starts_with))


def test_ballot_papers_per_page_and_copies_from_the_elections_tab(db, annual, qtbot, monkeypatch, tmp_path):
    meeting_id, _group = annual
    _win, view = _open(db, qtbot, meeting_id)
    options = view.elections.ballot_options
    options.per_page_box.setCurrentIndex(options.per_page_box.findData(4))
    options.copies_box.setValue(6)
    target = tmp_path / "ballots.pdf"
    suggested = _saved_as(monkeypatch, target)
    _menu_action(view.elections.ballot_button, "Save as PDF").trigger()
    assert tasks.wait_all(60000)
    assert suggested == ["ballot-papers-annual-meeting-2026-03-28.pdf"]
    with pdfplumber.open(str(target)) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert [t.count("Stembrief") for t in texts] == [4, 2]  # six papers, four to a page (in the group's Dutch)
    assert sum(t.count("Hilde Mertens") for t in texts) == 6

    # remembered for the next time (the person's way of cutting paper, not the meeting's)
    again = BallotOptions()
    assert (again.per_page(), again.copies()) == (4, 6)


def test_copies_follow_the_voters_once_attendance_is_ticked(db, annual, qtbot):
    meeting_id, group = annual
    with db.transaction() as s:
        for key in ("anna", "bart", "chris"):
            attendance.set_attendance(s, meeting_id, group[key], "present")
    _win, view = _open(db, qtbot, meeting_id)
    view.elections.refresh_extra()
    options = view.elections.ballot_options
    assert options.copies() == 3
    options.copies_box.setValue(5)  # the secretary wants spares: a refresh keeps her number
    view.elections._extra_stale = True
    view.elections.refresh_extra()
    assert options.copies() == 5


def test_sign_in_sheet_and_ballot_names_carry_the_meeting_in_the_users_language(db, annual, qtbot, monkeypatch,
                                                                                tmp_path):
    meeting_id, _group = annual
    with i18n.language("nl_BE"):
        _win, view = _open(db, qtbot, meeting_id)
        suggested = _saved_as(monkeypatch, tmp_path / "x.pdf")
        _menu_action(view.attendance.sheet_button, "Opslaan als PDF").trigger()
        assert tasks.wait_all(60000)
        _menu_action(view.elections.ballot_button, "Opslaan als PDF").trigger()
        assert tasks.wait_all(60000)
    assert suggested == ["aanwezigheidslijst-jaarvergadering-2026-03-28.pdf",
                         "stembrieven-jaarvergadering-2026-03-28.pdf"]


def test_every_meeting_document_suggests_the_meeting_in_its_name(db, annual, qtbot, monkeypatch):
    meeting_id, _group = annual
    with i18n.language("fr_BE"):
        _win, view = _open(db, qtbot, meeting_id)
        suggested = _saved_as(monkeypatch, None)
        for button, action in ((view.invitation.letters_button, "Enregistrer en PDF"),
                               (view.invitation.letters_button, "Enregistrer en Word"),
                               (view.invitation.poster_button, "Enregistrer en PDF"),
                               (view.invitation.proxy_button, "Enregistrer en PDF"),
                               (view.minutes.minutes_button, "Enregistrer en PDF")):
            _menu_action(button, action).trigger()
    day = "assemblee-generale-2026-03-28"
    assert suggested == [f"invitation-{day}.pdf", f"invitation-{day}.docx", f"affiche-{day}.pdf",
                         f"procuration-{day}.pdf", f"proces-verbal-{day}.pdf"]
