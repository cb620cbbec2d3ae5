"""The proxy box on the Invitation tab (issue 9): the annual meeting, opened from the list with the
Open button, offers the proxy form; ticking 'one form per member' fills each form with a member's
name and address, read back from the PDF; a board meeting says it takes no proxies."""
from __future__ import annotations

from datetime import date

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import meeting_group
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.ui import tasks
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.shell.main_window import MainWindow




def _open(window, qtbot, meeting_id: int):
    """Select the meeting's row and press Open, as a user does."""
    listing = window.show_page("meetings").list
    listing.refresh()
    assert listing.select_meeting(meeting_id)
    qtbot.mouseClick(listing.open_button, Qt.MouseButton.LeftButton)
    view = window.page("meetings").view
    assert view.meeting_id == meeting_id
    view.tabs.setCurrentWidget(view.invitation)
    return view.invitation


def _proxy_pdf_text(tab, monkeypatch, path) -> str:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    action = next(a for a in tab.proxy_button.menu().actions() if a.text().startswith("Save as PDF"))
    action.trigger()
    assert tasks.wait_all(60000)  # documents are written by a task
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_ticking_the_proxy_box_fills_one_form_per_member(db, qtbot, monkeypatch, tmp_path):
    meeting_group.build(db)
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, meeting_group.ANNUAL_DAY).id
        board_meeting = meetings.create_meeting(s, meetings.MeetingInput("board", date(2025, 3, 11))).id
    window = MainWindow(AppContext(db), initial_page="meetings")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    tab = _open(window, qtbot, annual)
    assert tab.proxy_filled.isVisible() and tab.proxy_button.isVisible()
    assert not tab.proxy_filled.isChecked()
    blank = _proxy_pdf_text(tab, monkeypatch, tmp_path / "blank.pdf")
    assert "Volmacht" in blank and "Ondergetekende" in blank  # the group writes in Dutch
    assert "Dirk Janssens" not in blank and "Beukenlaan" not in blank  # one blank form to copy

    qtbot.mouseClick(tab.proxy_filled, Qt.MouseButton.LeftButton)
    assert tab.proxy_filled.isChecked()
    filled = _proxy_pdf_text(tab, monkeypatch, tmp_path / "filled.pdf")
    assert "Dirk Janssens" in filled and "Beukenlaan 1" in filled and "Anna Peeters" in filled
    assert filled.count("Ondergetekende") > blank.count("Ondergetekende")  # a form per member

    window.page("meetings").view.go_back()
    tab = _open(window, qtbot, board_meeting)
    assert not tab.proxy_filled.isVisible() and not tab.proxy_button.isVisible()
    assert "takes no proxies" in tab.proxy_hint.text()
