"""The meetings GUI, through the real main window, pages and dialogs (pytest-qt, offscreen): plan a
meeting, prepare its agenda, take attendance, write minutes with a decision and an action point,
print them; the quorum as attendance changes; refused steps; the annual meeting's elections and
discharge; the overview's annual-meeting signal. The database is checked through the services."""
from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

import meeting_group
from huurdersgroep_app.core.services.meetings import action_points
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.record import load_meeting
from huurdersgroep_app.ui import tasks
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.action_point_dialog import ActionPointDialog
from huurdersgroep_app.ui.meetings.agenda_item_dialog import AgendaItemDialog
from huurdersgroep_app.ui.meetings.meeting_dialog import MeetingDialog
from huurdersgroep_app.ui.meetings.decision_dialog import DecisionDialog
from huurdersgroep_app.ui.shell.main_window import MainWindow

PAST = date(2025, 3, 11)  # a Tuesday before the group's 2025 annual meeting


@pytest.fixture
def people(db):
    return meeting_group.build(db)


@pytest.fixture
def window(db, people, qtbot, monkeypatch):
    monkeypatch.setattr(AppContext, "ask", staticmethod(lambda *a, **k: True))
    win = MainWindow(AppContext(db), initial_page="meetings")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _plan(window, qtbot, monkeypatch, **fields) -> int:
    """Plan a meeting through 'New meeting…' on the meetings page; returns its id."""
    page = window.show_page("meetings")

    def fill(dialog: MeetingDialog):
        dialog.scheduled_on.setText(fields.get("on", "11/03/2025"))
        dialog.start_time.setText(fields.get("start", "19:30"))
        dialog.end_time.setText(fields.get("end", "21:30"))
        dialog.place.setText(fields.get("place", "Buurtlokaal De Linde"))
        for number in range(dialog.contacts.count()):
            entry = dialog.contacts.item(number)
            if entry.data(Qt.ItemDataRole.UserRole) in fields.get("contacts", ()):
                entry.setCheckState(Qt.CheckState.Checked)
        if "quorum" in fields:
            dialog.quorum_kind.setCurrentIndex(dialog.quorum_kind.findData("count"))
            dialog.quorum_value.setValue(fields["quorum"])
        return dialog.save()

    monkeypatch.setattr(MeetingDialog, "exec", fill)
    button = page.list.annual_button if fields.get("annual") else page.list.new_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.view is not None and page.stack.currentWidget() is page.view
    return page.view.meeting_id


def _record(db, meeting_id):
    with db.reading() as s:
        return load_meeting(s, meeting_id)


def _select_members(tab, member_ids):
    tab.table.clearSelection()
    for number in range(tab.proxy.rowCount()):
        row = tab.proxy.data(tab.proxy.index(number, 0), Qt.ItemDataRole.UserRole)
        if row.member_id in member_ids:
            tab.table.selectionModel().select(tab.proxy.index(number, 0),
                                              tab.table.selectionModel().SelectionFlag.Select |
                                              tab.table.selectionModel().SelectionFlag.Rows)


def _click_status(qtbot, tab, member_id, column):
    """A click in the middle of a status cell (not on the box itself)."""
    number = next(n for n, r in enumerate(tab.model.rows) if r.member_id == member_id)
    index = tab.proxy.mapFromSource(tab.model.index(number, column))
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center())


def _save_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _menu_action(button, starts_with: str):
    return next(a for a in button.menu().actions() if a.text().startswith(starts_with))


def _pdf_text(path) -> str:
    assert tasks.wait_all(60000)  # documents are written by a task (ui/tasks.py)
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_plan_prepare_attend_minute_and_print_a_meeting(db, people, window, qtbot, monkeypatch, tmp_path,
                                                        message_boxes):
    meeting_id = _plan(window, qtbot, monkeypatch)
    view = window.page("meetings").view
    assert "Board meeting of" in view.title.text() and "19:30 – 21:30" in view.details.text()
    # The standard agenda was applied; two items of our own go before 'Any other business'.
    for title in ("Renovatie blok C", "Buurtfeest in juni"):
        monkeypatch.setattr(AgendaItemDialog, "exec", lambda d, t=title: d.title.setText(t) or d.save())
        qtbot.mouseClick(view.agenda.add_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        titles = agenda.agenda_titles(s, meeting_id)
    assert titles[-4:] == ["Renovatie blok C", "Buurtfeest in juni", "Any other business", "Closing"]
    # The last one added is selected; moving it up puts it before the renovation.
    assert view.agenda.selected_item().title == "Buurtfeest in juni"
    qtbot.mouseClick(view.agenda.up_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        assert agenda.agenda_titles(s, meeting_id)[-4:-2] == ["Buurtfeest in juni", "Renovatie blok C"]

    # Attendance: three of the board present (two at once with the button), one excused by a click in the table.
    view.tabs.setCurrentWidget(view.attendance)
    tab = view.attendance
    assert tab.model.rowCount() == 4  # the board
    _select_members(tab, {people["anna"], people["chris"]})
    qtbot.mouseClick(tab.mark_buttons["present"], Qt.MouseButton.LeftButton)
    _select_members(tab, {people["els"]})
    qtbot.mouseClick(tab.mark_buttons["present"], Qt.MouseButton.LeftButton)
    _click_status(qtbot, tab, people["dirk"], 2)
    with db.reading() as s:
        marks = {r.member_id: r.status for r in attendance.attendance_rows(s, meeting_id)}
    assert marks == {people["anna"]: "present", people["chris"]: "present", people["els"]: "present",
                     people["dirk"]: "excused"}
    assert "Present: 3" in tab.counts.text() and "Excused: 1" in tab.counts.text()
    assert tab.quorum.text() == "✔ Quorum reached: 3 of 2 needed."

    qtbot.mouseClick(view.step_buttons["held"], Qt.MouseButton.LeftButton)
    assert _record(db, meeting_id).status == "held"

    # Minutes: notes, a decision by vote and an action point under the renovation item.
    view.tabs.setCurrentWidget(view.minutes)
    notes = view.minutes
    renovation = next(i for i in _record(db, meeting_id).agenda if i.title == "Renovatie blok C")
    assert notes.select_item(renovation.id)
    notes.notes.setPlainText("De woonmaatschappij start in september met blok C.")
    qtbot.mouseClick(notes.save_notes_button, Qt.MouseButton.LeftButton)

    def decide(dialog: DecisionDialog):
        assert dialog.item.currentData() == renovation.id  # the selected item is proposed
        dialog.text.setPlainText("We vragen een infovergadering over de renovatie van blok C.")
        dialog.vote.kind.setCurrentIndex(dialog.vote.kind.findData("vote"))
        dialog.vote.counts["votes_for"].setValue(3)
        return dialog.save()

    monkeypatch.setattr(DecisionDialog, "exec", decide)
    qtbot.mouseClick(notes.decisions.add_button, Qt.MouseButton.LeftButton)

    def act(dialog: ActionPointDialog):
        dialog.description.setPlainText("Brief aan de woonmaatschappij over de infovergadering")
        dialog.owner.setCurrentText("Claes, Chris")  # members are listed surname first, as in every member field
        dialog.due_on.setText("01/04/2025")
        return dialog.save()

    monkeypatch.setattr(ActionPointDialog, "exec", act)
    qtbot.mouseClick(notes.actions.add_button, Qt.MouseButton.LeftButton)
    assert notes.decisions.model.rowCount() == 1 and notes.actions.model.rowCount() == 1
    assert "for 3, against 0" in notes.decisions.model.index(0, 2).data()

    record = _record(db, meeting_id)
    item = next(i for i in record.items if i.id == renovation.id)
    assert item.notes == "De woonmaatschappij start in september met blok C."
    (decision,) = record.decisions
    assert (decision.label, decision.vote_kind, decision.votes_for) == ("2025-01", "vote", 3)
    assert decision.agenda_item_id == renovation.id
    (point,) = record.action_points
    assert (point.owner_member_id, point.due_on, point.status) == (people["chris"], date(2025, 4, 1), "open")

    # The minutes PDF holds the decision, the action point and the attendance.
    target = tmp_path / "minutes.pdf"
    _save_to(monkeypatch, target)
    _menu_action(notes.minutes_button, "Save as PDF").trigger()
    text = " ".join(_pdf_text(target).split())
    assert "2025-01" in text and "We vragen een infovergadering over de renovatie van blok C." in text
    assert "Brief aan de woonmaatschappij over de infovergadering" in text and "Chris Claes" in text
    assert "De woonmaatschappij start in september met blok C." in text
    assert "Dirk Janssens" in text  # excused


def test_quorum_text_follows_attendance(db, people, window, qtbot, monkeypatch):
    meeting_id = _plan(window, qtbot, monkeypatch, quorum=3)
    view = window.page("meetings").view
    view.tabs.setCurrentWidget(view.attendance)
    tab = view.attendance
    assert tab.quorum.text() == "✖ Quorum not reached: 0 of 3 needed."
    _select_members(tab, {people["anna"], people["chris"]})
    tab.mark("present")
    assert tab.quorum.text() == "✖ Quorum not reached: 2 of 3 needed."
    _click_status(qtbot, tab, people["els"], 1)
    assert tab.quorum.text() == "✔ Quorum reached: 3 of 3 needed."
    # Space on the same cell clears the mark again (the selection stayed), and the quorum is lost.
    assert tab.table.currentIndex().column() == 1
    assert tab.proxy.data(tab.table.currentIndex(), Qt.ItemDataRole.UserRole).member_id == people["els"]
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert tab.quorum.text() == "✖ Quorum not reached: 2 of 3 needed."
    assert "not marked: 2" in tab.counts.text()
    with db.reading() as s:
        assert attendance.quorum(s, meeting_id).counted == 2


def test_a_refused_status_step_shows_the_reason_and_changes_nothing(db, people, window, qtbot, monkeypatch,
                                                                      message_boxes):
    later = date.today() + timedelta(days=30)
    meeting_id = _plan(window, qtbot, monkeypatch, on=later.strftime("%d/%m/%Y"))
    view = window.page("meetings").view
    assert set(view.step_buttons) == {"invited", "held", "cancelled"}  # only the next allowed steps
    qtbot.mouseClick(view.step_buttons["held"], Qt.MouseButton.LeftButton)
    assert message_boxes[-1][0] == "warning" and "cannot be held before then" in message_boxes[-1][1]
    assert _record(db, meeting_id).status == "planned"
    # Cancelling asks for a reason; the view then offers only 'Plan it again' and says why.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Zaal niet vrij", True)))
    qtbot.mouseClick(view.step_buttons["cancelled"], Qt.MouseButton.LeftButton)
    assert _record(db, meeting_id).status == "cancelled"
    assert set(view.step_buttons) == {"planned"}
    assert "Zaal niet vrij" in view.closed_note.text() and not view.closed_note.isHidden()
    assert not view.agenda.add_button.isEnabled() and not view.edit_button.isEnabled()


def test_invitation_tab_warns_when_late_and_records_the_day(db, people, window, qtbot, monkeypatch, message_boxes):
    soon = date.today() + timedelta(days=3)
    meeting_id = _plan(window, qtbot, monkeypatch, on=soon.strftime("%d/%m/%Y"), contacts=[people.contact_id])
    view = window.page("meetings").view
    assert "Guests invited: Sofie Vandamme (Woonmaatschappij Gent)" in view.details.text()
    view.tabs.setCurrentWidget(view.invitation)
    tab = view.invitation
    assert tab.timing.text().startswith("✖ Too late:") and "at least 7 days" in tab.timing.text()
    # The e-mail: subject, text with the agenda, and the board's addresses for BCC.
    assert tab.subject.text().startswith("Invitation: Board meeting of")
    assert "Review of open action points" in tab.body.toPlainText()
    assert tab.bcc.toPlainText() == "anna@example.be; chris@example.be; dirk@example.be; sofie@wmg.example"
    assert "Els Maes" in tab.without_email.text()
    qtbot.mouseClick(tab.copy_buttons["bcc"], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == tab.bcc.toPlainText()
    tab.sent_on.setText(date.today().strftime("%d/%m/%Y"))
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    record = _record(db, meeting_id)
    assert (record.status, record.invitations_sent_on) == ("invited", date.today())
    assert "rules ask for at least 7 days" in message_boxes[-1][1]
    # A date after the meeting is refused under the field.
    view.tabs.setCurrentWidget(view.invitation)
    tab.sent_on.setText((soon + timedelta(days=1)).strftime("%d/%m/%Y"))
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert not tab.sent_error.isHidden() and "after the meeting" in tab.sent_error.text()
    assert _record(db, meeting_id).invitations_sent_on == date.today()


def test_calendar_file_and_invitation_letters(db, people, window, qtbot, monkeypatch, tmp_path):
    _plan(window, qtbot, monkeypatch)
    tab = window.page("meetings").view.invitation
    ics = tmp_path / "vergadering"
    _save_to(monkeypatch, ics)
    qtbot.mouseClick(tab.ics_button, Qt.MouseButton.LeftButton)
    body = (tmp_path / "vergadering.ics").read_text()
    assert "BEGIN:VEVENT" in body and "Buurtlokaal De Linde" in body
    letters = tmp_path / "letters.pdf"
    _save_to(monkeypatch, letters)
    tab.per_member.setChecked(True)
    _menu_action(tab.letters_button, "Save as PDF").trigger()
    text = _pdf_text(letters)
    assert "Anna Peeters" in text and "Bart" not in text  # the board only, one letter per member
    docx = tmp_path / "letters.docx"
    _save_to(monkeypatch, docx)
    _menu_action(tab.letters_button, "Save as Word").trigger()
    import docx as python_docx

    assert tasks.wait_all(60000)

    assert "Anna Peeters" in "\n".join(p.text for p in python_docx.Document(docx).paragraphs) + "\n".join(
        c.text for t in python_docx.Document(docx).tables for r in t.rows for c in r.cells)


def test_annual_meeting_discharge_and_elections_update_the_board(db, people, window, qtbot, monkeypatch, tmp_path):
    from huurdersgroep_app.ui.meetings import election_dialog as election_dialogs
    from huurdersgroep_app.ui.meetings.decision_dialog import DischargeDialog

    meeting_id = _plan(window, qtbot, monkeypatch, annual=True, on="29/03/2025", start="10:00", end="12:00")
    view = window.page("meetings").view
    record = _record(db, meeting_id)
    assert record.type == "annual" and record.audience == "all_tenants"
    assert [i.key for i in record.agenda][:3] == ["opening", "last_annual_minutes", "activity_report"]
    assert view.tabs.isTabVisible(view.tabs.indexOf(view.elections))
    view.tabs.setCurrentWidget(view.elections)
    tab = view.elections
    assert "Anna Peeters" in tab.seats_text.text() and "Dirk Janssens" in tab.seats_text.text()

    # The two seats whose terms end are put to the vote as one election of board members.
    monkeypatch.setattr(election_dialogs.NewElectionDialog, "exec", lambda d: d.save())
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    (election,) = _record(db, meeting_id).elections
    assert election.seats == 2
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    for key in ("gert", "hilde", "ivo"):  # Ivo is not a tenant: refused under the field
        def choose(dialog, name=meeting_group.PEOPLE[key]):
            dialog.member.setCurrentText(f"{name[1]}, {name[0]}")
            saved = dialog.save()
            if not saved:
                choose.problem = dialog.form.problem("member_id")
            return saved
        monkeypatch.setattr(election_dialogs.CandidateDialog, "exec", choose)
        tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
        qtbot.mouseClick(tab.candidate_button, Qt.MouseButton.LeftButton)
    assert "not a tenant" in choose.problem
    assert [c.name for c in _record(db, meeting_id).elections[0].candidates] == ["Gert Wouters", "Hilde Mertens"]

    ballots = tmp_path / "ballots.pdf"
    _save_to(monkeypatch, ballots)
    _menu_action(tab.ballot_button, "Save as PDF").trigger()
    assert "Gert Wouters" in _pdf_text(ballots) and "Hilde Mertens" in _pdf_text(ballots)

    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    qtbot.mouseClick(tab.acclamation_button, Qt.MouseButton.LeftButton)
    assert not tab.apply_button.isEnabled()  # not before the meeting was held
    qtbot.mouseClick(view.step_buttons["held"], Qt.MouseButton.LeftButton)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        current = {(o.role, o.member.first_name) for o in board.current_offices(s, date(2025, 3, 30))}
    assert ("board_member", "Gert") in current and ("board_member", "Hilde") in current
    assert ("chair", "Anna") not in current and ("board_member", "Dirk") not in current
    assert "applied to the board" in tab.result_text.text() and not tab.candidate_button.isEnabled()

    def discharge(dialog: DischargeDialog):
        assert dialog.year.value() == 2024
        return dialog.save()

    monkeypatch.setattr(DischargeDialog, "exec", discharge)
    qtbot.mouseClick(tab.discharge_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        granted = minutes.discharge_decision(s, 2024)
        assert granted is not None and granted.meeting_id == meeting_id
    assert tab.discharge_text.text().startswith("✔ Decision 2025-")


def test_agenda_park_move_attach_and_standard_agenda(db, people, window, qtbot, monkeypatch, tmp_path):
    first = _plan(window, qtbot, monkeypatch)
    later = _plan(window, qtbot, monkeypatch, on="08/04/2025")
    page = window.page("meetings")
    view = page.open_meeting(first)
    tab = view.agenda
    mail = next(i for i in _record(db, first).agenda if i.key == "mail")
    tab.select("item", mail.id)
    qtbot.mouseClick(tab.park_button, Qt.MouseButton.LeftButton)
    record = _record(db, first)
    assert mail.id in [i.id for i in record.parked_items]
    parked_group = tab.tree.topLevelItem(tab.tree.topLevelItemCount() - 1)
    assert parked_group.text(1) == "Parked for a later meeting" and parked_group.child(0).text(1) == mail.title
    assert tab.park_button.text() == "Put back on the agenda"
    # Move it to the next meeting, chosen from the meetings still to come.
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda parent, title, label, items, *a: (items[0], True)))
    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        assert agenda.agenda_titles(s, later).count("Incoming and outgoing mail") == 2
    # A document attached to the selected item shows under it and opens again.
    quote = tmp_path / "offerte.txt"
    quote.write_text("Offerte schilderwerken", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(quote), "")))
    opening = next(i for i in record.agenda if i.key == "opening")
    tab.select("item", opening.id)
    qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    (attachment,) = _record(db, first).attachments
    assert attachment.agenda_item_id == opening.id
    assert tab.select("attachment", attachment.id)
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", staticmethod(lambda url: True))
    opened = tab.open_document()
    assert opened.read_text(encoding="utf-8") == "Offerte schilderwerken"
    # This agenda becomes the standard one: a new board meeting starts without the parked item.
    qtbot.mouseClick(tab.standard_button, Qt.MouseButton.LeftButton)
    third = _plan(window, qtbot, monkeypatch, on="13/05/2025")
    assert [i.title for i in _record(db, third).agenda] == [i.title for i in _record(db, first).agenda]


def test_approving_the_previous_minutes_and_closing_earlier_action_points(db, people, window, qtbot, monkeypatch):
    from huurdersgroep_app.ui.meetings.decision_dialog import ApprovalDialog

    first = _plan(window, qtbot, monkeypatch)
    with db.transaction() as s:
        meetings.set_meeting_status(s, first, "held")
        meetings.set_meeting_status(s, first, "minutes_drafted")
        point = action_points.add_action_point(s, first, action_points.ActionPointInput("Offerte vragen")).id
    second = _plan(window, qtbot, monkeypatch, on="08/04/2025")
    view = window.page("meetings").view
    review = _record(db, second).review_item_id
    child = next(view.agenda.tree.topLevelItem(n).child(0) for n in range(view.agenda.tree.topLevelItemCount())
                 if view.agenda.tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole + 1) == review)
    assert "Offerte vragen" in child.text(0)

    view.tabs.setCurrentWidget(view.minutes)
    tab = view.minutes
    assert "Board meeting of" in tab.previous_note.text()
    monkeypatch.setattr(ApprovalDialog, "exec", lambda d: d.save())
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert _record(db, first).status == "minutes_approved"
    assert tab.previous_note.text().startswith("The previous minutes were approved in decision 2025-")
    assert not tab.approve_button.isEnabled()
    # Under the review item the earlier action point is closed on the day of this meeting.
    assert tab.select_item(review)
    assert tab.actions.model.rowCount() == 1 and tab.actions.model.index(0, 4).data() == "11/03/2025"
    tab.actions.table.selectRow(0)
    qtbot.mouseClick(tab.actions.done_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        done = action_points.get_action_point(s, point)
        assert (done.status, done.done_on) == ("done", date(2025, 4, 8))
    # The approved meeting opens read-only, saying why.
    view = window.page("meetings").open_meeting(first)
    assert "approved" in view.closed_note.text() and not view.closed_note.isHidden()
    assert view.minutes.notes.isReadOnly() and not view.minutes.decisions.add_button.isEnabled()


def test_guests_and_proxies(db, people, window, qtbot, monkeypatch, message_boxes, tmp_path):
    from huurdersgroep_app.ui.meetings.attendance_dialog import GuestDialog, ProxyDialog

    meeting_id = _plan(window, qtbot, monkeypatch)
    view = window.page("meetings").view
    view.tabs.setCurrentWidget(view.attendance)
    tab = view.attendance
    _select_members(tab, {people["anna"]})
    tab.mark("present")
    _select_members(tab, {people["dirk"]})
    tab.mark("excused")
    monkeypatch.setattr(ProxyDialog, "exec", lambda d: d.holder.setCurrentText("Anna Peeters") or d.save())
    qtbot.mouseClick(tab.proxy_button, Qt.MouseButton.LeftButton)
    dirk = next(r for r in tab.model.rows if r.member_id == people["dirk"])
    assert dirk.proxy_holder_name == "Anna Peeters"

    def guest(dialog: GuestDialog):
        assert dialog.save() is False and dialog.form.problem("guest_name")  # nobody chosen or named
        dialog.contact.setCurrentIndex(dialog.contact.findData(people.contact_id))
        return dialog.save()

    monkeypatch.setattr(GuestDialog, "exec", guest)
    qtbot.mouseClick(tab.guest_button, Qt.MouseButton.LeftButton)
    assert tab.model.rows[-1].is_guest
    assert tab.model.index(len(tab.model.rows) - 1, 0).data() == "Sofie Vandamme (guest, Woonmaatschappij Gent)"
    assert "Guests: 1" in tab.counts.text() and "Proxies: 1" in tab.counts.text()
    sheet = tmp_path / "sign-in.pdf"
    _save_to(monkeypatch, sheet)
    _menu_action(tab.sheet_button, "Save as PDF").trigger()
    text = _pdf_text(sheet)
    assert all(name in text for name in ("Anna Peeters", "Chris Claes", "Dirk Janssens", "Els Maes"))
    tab.show_choice.setCurrentIndex(tab.show_choice.findData("guests"))
    assert tab.proxy.rowCount() == 1
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_guest_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        assert not [r for r in attendance.attendance_rows(s, meeting_id) if r.is_guest]


def test_meeting_list_filters_register_and_delete(db, people, window, qtbot, monkeypatch, tmp_path):
    from huurdersgroep_app.ui.meetings.documents import RegisterDialog

    first = _plan(window, qtbot, monkeypatch)
    _plan(window, qtbot, monkeypatch, on="10/02/2026")
    with db.transaction() as s:
        meetings.set_meeting_status(s, first, "held")
        minutes.add_decision(s, first, minutes.DecisionInput("Budget voor het buurtfeest goedgekeurd"))
        action_points.add_action_point(s, first, action_points.ActionPointInput("Springkasteel reserveren"))
    page = window.page("meetings")
    page.show_list()
    shown = page.list
    assert shown.proxy.rowCount() == 2
    shown.year.setCurrentIndex(shown.year.findData(2025))
    assert shown.proxy.rowCount() == 1 and shown.proxy.index(0, 0).data() == "11/03/2025"
    shown.year.setCurrentIndex(0)
    shown.kind.setCurrentIndex(shown.kind.findData("annual"))
    assert shown.proxy.rowCount() == 0
    shown.kind.setCurrentIndex(0)
    # Newest first; a held meeting cannot be deleted, a planned one can.
    assert [shown.proxy.index(n, 0).data() for n in range(2)] == ["10/02/2026", "11/03/2025"]
    shown.table.selectRow(1)
    assert not shown.delete_button.isEnabled()
    shown.table.selectRow(0)
    qtbot.mouseClick(shown.delete_button, Qt.MouseButton.LeftButton)
    assert shown.proxy.rowCount() == 1
    register = tmp_path / "register.pdf"
    _save_to(monkeypatch, register)
    dialog = RegisterDialog(window.ctx, "decisions", 2025, parent=window)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "Budget voor het buurtfeest goedgekeurd" in _pdf_text(register)
    open_points = tmp_path / "open.pdf"
    _save_to(monkeypatch, open_points)
    dialog = RegisterDialog(window.ctx, "action_points", 2025, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.all_years.isChecked() and not dialog.year.isEnabled()
    dialog.save()
    assert "Springkasteel reserveren" in _pdf_text(open_points)


def test_meeting_models_pass_the_model_tester(db, people, qtmodeltester, qapp):
    from huurdersgroep_app.ui.meetings.attendance_model import AttendanceFilter, AttendanceModel
    from huurdersgroep_app.ui.meetings.minutes_boxes import action_columns, decision_columns
    from huurdersgroep_app.ui.meetings.page import meeting_columns
    from huurdersgroep_app.ui.kit.table_model import SORT_ROLE, RowsTableModel
    from huurdersgroep_app.core.services.meetings import overview as meeting_overview

    with db.transaction() as s:
        meeting = meetings.create_meeting(s, meetings.MeetingInput("board", PAST))
        attendance.set_attendance(s, meeting.id, people["anna"], "present")
        attendance.add_guest(s, meeting.id, "Mieke Smet", "Stad Gent")
        minutes.add_decision(s, meeting.id, minutes.DecisionInput("Akkoord", "vote", 3, 0, 1))
        action_points.add_action_point(s, meeting.id, action_points.ActionPointInput("Zaal boeken"))
        meetings.create_annual_meeting(s, meeting_group.ANNUAL_DAY)
    record = _record(db, meeting.id)
    model = AttendanceModel()
    model.set_rows(record.attendance)
    qtmodeltester.check(model)
    proxy = AttendanceFilter()
    proxy.setSourceModel(model)
    proxy.set_search("peet")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
    model.set_rows(record.attendance)  # the same people: updated in place
    qtmodeltester.check(proxy)
    with db.reading() as s:
        rows = meeting_overview.meeting_rows(s)
    for columns, data in ((meeting_columns(), rows), (decision_columns(), record.decisions),
                          (action_columns(lambda: meeting.id), record.action_points)):
        table = RowsTableModel(columns, data)
        sorter = QSortFilterProxyModel()
        sorter.setSortRole(SORT_ROLE)
        sorter.setSourceModel(table)
        sorter.sort(0, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(table)
        qtmodeltester.check(sorter)


def test_overview_panel_signals_the_annual_meeting_in_words(db, people, qtbot):
    from huurdersgroep_app.ui.overview.page import Page as Overview

    ctx = AppContext(db)
    page = Overview(ctx)
    qtbot.addWidget(page)
    page.refresh()
    panel = page.meetings_panel
    year = date.today().year
    assert panel.annual.text() == f"✖ No annual meeting is planned for {year}."
    assert "#a00000" in panel.annual.styleSheet()
    today = date.today()
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, today, "10:00").id
        meetings.create_meeting(s, meetings.MeetingInput("board", today + timedelta(days=7), "19:30"))
        action_points.add_action_point(s, annual, action_points.ActionPointInput(
            "Verslag in de nieuwsbrief", people["anna"], due_on=today - timedelta(days=1)))
    page.refresh()
    # planned for today and not held yet: said in words, no alarm (it is red once its day has passed)
    assert panel.annual.text().startswith("The annual meeting") and "not been held yet" in panel.annual.text()
    assert "#a00000" not in panel.annual.styleSheet()
    assert "Board meeting (planned)" in panel.upcoming.text()
    assert "Verslag in de nieuwsbrief – Anna Peeters" in panel.overdue.text()
    with db.transaction() as s:
        meetings.set_meeting_status(s, annual, "held")
        meetings.set_meeting_status(s, annual, "minutes_drafted")
    page.refresh()
    assert panel.annual.text().startswith("✔ The annual meeting of") and "minutes are written" in panel.annual.text()
    assert "#1b5e20" in panel.annual.styleSheet()


def test_typed_notes_are_saved_when_moving_on_or_closing(db, people, window, qtbot, monkeypatch):
    meeting_id = _plan(window, qtbot, monkeypatch)
    view = window.page("meetings").view
    view.tabs.setCurrentWidget(view.minutes)
    tab = view.minutes
    first, second = _record(db, meeting_id).agenda[:2]
    assert tab.select_item(first.id)
    qtbot.keyClicks(tab.notes, "Welkom door de voorzitter.")
    assert tab.notes_state.text() == "Not saved yet" and tab.save_notes_button.isEnabled()
    tab.select_item(second.id)  # another item: the first one's notes are saved
    assert tab.notes.toPlainText() == ""
    qtbot.keyClicks(tab.notes, "Agenda goedgekeurd.")
    window.close()  # closing the window saves what was typed
    notes = {i.id: i.notes for i in _record(db, meeting_id).agenda}
    assert notes[first.id] == "Welkom door de voorzitter." and notes[second.id] == "Agenda goedgekeurd."


def test_changing_a_meeting_keeps_a_former_member_as_chair(db, people, window, qtbot, monkeypatch):
    from huurdersgroep_app.core.services.members import members

    meeting_id = _plan(window, qtbot, monkeypatch)
    assert _record(db, meeting_id).chair_name == "Anna Peeters"  # the chair in office on that day
    with db.transaction() as s:
        members.end_membership(s, people["anna"], date(2025, 6, 30), "Verhuisd")
    view = window.page("meetings").view

    def change(dialog: MeetingDialog):
        assert dialog.chair.currentText() == "Peeters, Anna"
        dialog.place.setText("Ontmoetingscentrum Sint-Jan")
        dialog.end_time.setText("19:00")  # before the start: refused under the field
        assert not dialog.save() and "end after it starts" in dialog.form.problem("start_time")
        dialog.end_time.setText("22:00")
        return dialog.save()

    monkeypatch.setattr(MeetingDialog, "exec", change)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    record = _record(db, meeting_id)
    assert (record.place, record.chair_id, record.time_text) == ("Ontmoetingscentrum Sint-Jan", people["anna"],
                                                                 "19:30 – 22:00")
    assert "Ontmoetingscentrum Sint-Jan" in view.details.text()


def test_an_excused_chair_is_replaced_by_someone_present_before_being_marked(db, people, window, qtbot,
                                                                             monkeypatch, message_boxes):
    from huurdersgroep_app.ui.meetings.attendance_dialog import RolesDialog

    meeting_id = _plan(window, qtbot, monkeypatch)
    view = window.page("meetings").view
    view.tabs.setCurrentWidget(view.attendance)
    tab = view.attendance
    _select_members(tab, {people["chris"], people["dirk"], people["els"]})
    tab.mark("present")
    _select_members(tab, {people["anna"]})
    assert tab.mark("excused") is False  # Anna chairs: refused, with the reason
    assert "Anna Peeters is the chair of this meeting" in message_boxes[-1][1]
    assert _record(db, meeting_id).chair_id == people["anna"]
    offered = []

    def choose(dialog: RolesDialog):
        offered.extend(dialog.chair.itemText(i) for i in range(1, dialog.chair.count()))
        dialog.chair.setCurrentIndex(dialog.chair.findData(people["dirk"]))
        return dialog.save()

    monkeypatch.setattr(RolesDialog, "exec", choose)
    qtbot.mouseClick(tab.roles_button, Qt.MouseButton.LeftButton)
    assert sorted(offered) == ["Chris Claes", "Dirk Janssens", "Els Maes"]  # only those present
    _select_members(tab, {people["anna"]})
    assert tab.mark("excused")
    record = _record(db, meeting_id)
    assert (record.chair_name, record.minute_taker_name) == ("Dirk Janssens", "Chris Claes")
    seen = []
    monkeypatch.setattr(MeetingDialog, "exec", lambda d: seen.extend(
        d.chair.itemText(i) for i in range(1, d.chair.count())) or d.reject())
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert sorted(seen) == ["Claes, Chris", "Janssens, Dirk", "Maes, Els"]  # the meeting form too


def test_an_annual_meeting_planned_in_the_dialog_keeps_its_proxies(db, people, window, qtbot, monkeypatch):
    """The annual meeting's rule: no quorum, proxies count (in the votes). The dialog used to grey out
    'proxies count' without a quorum and save it unticked, so the meeting took no proxy form."""
    meeting_id = _plan(window, qtbot, monkeypatch, annual=True, on="29/03/2025", start="10:00", end="12:00")
    with db.reading() as s:
        meeting = meetings.get_meeting(s, meeting_id)
        assert (meeting.quorum_kind, meeting.proxies_count) == ("none", True)
