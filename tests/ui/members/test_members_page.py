"""The members page: search as you type, the member form's messages, ending a membership,
the import wizard and the member list PDF."""
from __future__ import annotations

from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox

from huurdersgroep_app.core.services import names
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.documents import MemberListDialog
from huurdersgroep_app.ui.members.end_membership import EndMembershipDialog
from huurdersgroep_app.ui.members.import_wizard import ImportMembersWizard
from huurdersgroep_app.ui.members.member_dialog import MemberDialog
from huurdersgroep_app.ui.members.page import Page
from huurdersgroep_app.ui.kit.table_model import ID_ROLE

from ui_rows import active_rows


def _shown_names(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def _member_count(db) -> int:
    with db.reading() as s:
        return len(members.member_rows(s))


def test_typing_in_search_filters_the_rows(ctx, qtbot):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    current = active_rows(ctx.db)
    assert page.proxy.rowCount() == len(current)
    qtbot.keyClicks(page.search, "lindel")
    expected = {r.id for r in current if "lindelaan" in r.search_text}
    assert {page.proxy.index(r, 0).data(ID_ROLE) for r in range(page.proxy.rowCount())} == expected
    assert 0 < len(expected) < len(current)
    page.search.clear()
    qtbot.keyClicks(page.search, "nguyen")  # no accent typed, found all the same
    assert _shown_names(page) == ["Nguyễn, Thi Lan"]
    assert "1 of" in page.count.text()
    page.search.clear()
    assert page.proxy.rowCount() == len(current)


def test_status_and_complex_filters_combine(ctx, qtbot):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.status.setCurrentIndex(page.status.findData("former"))
    assert _shown_names(page) == ["De Smet, Koen"]
    page.status.setCurrentIndex(page.status.findData("all"))
    page.complex.setCurrentIndex(page.complex.findData(ctx.db.complex_ids["De Linde"]))
    assert sorted(_shown_names(page)) == sorted(["Van den Broeck, Jan", "Çelik, Ayşe", "De Smet, Koen"])


def test_add_member_dialog_shows_messages_and_saves_nothing(ctx, qtbot):
    before = _member_count(ctx.db)
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.widgets["first_name"].setText("Anna")
    dialog.widgets["email"].setText("anna-at-example")
    dialog.widgets["joined_on"].setText("31/02/2024")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.saved_id is None
    assert "last name" in dialog.errors.problem("last_name").lower()
    assert "anna-at-example" in dialog.errors.problem("email")
    assert "31/02/2024" in dialog.errors.problem("joined_on")
    assert dialog.errors.problem("first_name") == ""
    # marked fields may be scrolled out of view: the line beside Save says so
    assert dialog.general_error.text() == "Some fields need attention; they are marked in red."
    assert not dialog.general_error.isHidden()
    assert _member_count(ctx.db) == before
    # Correcting the fields clears the messages and saves.
    dialog.widgets["last_name"].setText("Dubois")
    dialog.widgets["email"].setText("anna@example.org")
    dialog.widgets["joined_on"].setText("01/02/2024")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None
    with ctx.db.reading() as s:
        saved = members.get_member(s, dialog.saved_id)
        assert (saved.last_name, saved.email, saved.joined_on) == ("Dubois", "anna@example.org", date(2024, 2, 1))


def test_likely_duplicate_asks_before_saving(ctx, qtbot, monkeypatch):
    answers = []
    monkeypatch.setattr(AppContext, "ask", staticmethod(lambda question, parent=None, title=None:
                                                        answers.append(question) or answers_to_give.pop(0)))
    answers_to_give = [False, True]
    before = _member_count(ctx.db)
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    for key, value in (("first_name", "Jan"), ("last_name", "Van den Broeck"), ("street", "Lindelaan"),
                       ("house_number", "1"), ("postcode", "9000")):
        dialog.widgets[key].setText(value)
    assert dialog.save() is False  # the user answered no
    assert len(answers) == 1 and "Van den Broeck" in answers[0]
    assert _member_count(ctx.db) == before
    assert dialog.save() is True   # now yes: saved anyway
    assert _member_count(ctx.db) == before + 1


def test_edit_member_keeps_fields(ctx, qtbot):
    member_id = ctx.db.ids["Çelik"]
    dialog = MemberDialog(ctx, member_id)
    qtbot.addWidget(dialog)
    assert dialog.widgets["last_name"].text() == "Çelik"
    assert dialog.widgets["complex_id"].currentData() == ctx.db.complex_ids["De Linde"]
    dialog.widgets["phone"].setText("0470 12 34 56")
    assert dialog.save()
    with ctx.db.reading() as s:
        changed = members.get_member(s, member_id)
        assert changed.phone.replace(" ", "") == "0470123456"
        assert changed.complex_id == ctx.db.complex_ids["De Linde"]


def test_end_membership_dialog(ctx, qtbot):
    member_id = ctx.db.ids["Peeters"]
    dialog = EndMembershipDialog(ctx, member_id, "Marie Peeters")
    qtbot.addWidget(dialog)
    dialog.left_on.setText("not a date")
    assert dialog.save() is False and dialog.form.problem("left_on")
    dialog.left_on.setText("30/09/2025")
    dialog.reason.setCurrentText("Moved")
    assert dialog.save() is True
    with ctx.db.reading() as s:
        member = members.get_member(s, member_id)
        assert (member.left_on, member.left_reason) == (date(2025, 9, 30), "Moved")


def test_page_actions_refresh_after_a_change(ctx, qtbot):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.data_changed.connect(page.refresh)
    assert page.select_member(ctx.db.ids["Hansen"])
    assert page.edit_button.isEnabled() and page.end_button.isEnabled()
    ctx.call(members.end_membership, ctx.db.ids["Hansen"], date(2025, 1, 31))
    assert "Hansen, Ådne" not in _shown_names(page)


def test_import_wizard_lists_problems_and_imports_only_when_chosen(ctx, qtbot, tmp_path, message_boxes, wait_tasks):
    source = tmp_path / "leden.csv"
    source.write_text("Voornaam;Naam;Straat;Huisnummer;Postcode;Gemeente;E-mail\n"
                      "Els;Maes;Dampoortstraat;4;9000;Gent;els@example.org\n"
                      "Dirk;Wouters;Dampoortstraat;6;9000;Gent;dirk-at-example\n"
                      "Inès;Dubois;Dampoortstraat;8;90;Gent;\n", encoding="utf-8-sig")
    before = _member_count(ctx.db)
    wizard = ImportMembersWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(source))
    wizard.next()
    wait_tasks()  # the file is read on a worker; the wizard goes on by itself
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.combos["Naam"].currentData() == "last_name"
    wizard.next()
    wait_tasks()
    page = wizard.preview_page
    assert wizard.currentPage() is page
    problems = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert sorted({(p.line, p.field) for p in problems}) == [(3, "email"), (4, "postcode")]
    assert not page.isComplete()  # all or nothing until the user chooses
    page.only_valid.setChecked(True)
    assert page.isComplete()
    wizard.button(wizard.WizardButton.FinishButton).click()
    # The import itself is long work too (10,000 rows): it runs on the worker, the wizard closes after it.
    assert wizard.imported is None and wizard.isVisible() and _member_count(ctx.db) == before
    wait_tasks()
    assert wizard.imported == 1 and not wizard.isVisible()
    assert _member_count(ctx.db) == before + 1
    assert any("1 member" in text for _kind, text in message_boxes)


def test_import_wizard_reports_an_unreadable_file(ctx, qtbot, tmp_path):
    wizard = ImportMembersWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(tmp_path / "missing.csv"))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "missing.csv" in wizard.file_page.error.text()


def test_member_list_preview_opens_a_pdf_with_the_members(ctx, qtbot, monkeypatch, wait_tasks):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    dialog = MemberListDialog(ctx)
    qtbot.addWidget(dialog)
    task = dialog.preview()
    wait_tasks()
    target = task.result
    assert opened and opened[0].toLocalFile() == str(target)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    for row in active_rows(ctx.db):
        assert names.fold(row.last_name) in names.fold(text)
    assert "De Smet" not in text  # former member
    assert dialog.findChild(QDialogButtonBox) is not None


def _slow_reader(real, ticks: list, steps: int = 20):
    """``real`` with a read that takes a while and reports how far it is, as a big workbook does."""
    import time

    def read(path, progress=None, cancel=None):
        for done in range(steps):
            time.sleep(0.02)
            if cancel is not None:
                cancel.check()
            if progress is not None:
                progress(done, steps)
        ticks.append("read done")
        return real(path)

    return read


def test_import_wizard_reads_the_file_while_the_window_goes_on(ctx, qtbot, tmp_path, monkeypatch, wait_tasks):
    import threading

    from PySide6.QtCore import QTimer

    from huurdersgroep_app.core.services.members import imports

    source = tmp_path / "leden.csv"
    source.write_text("Voornaam;Naam\nEls;Maes\n", encoding="utf-8")
    order: list = []
    threads: list = []
    real = imports.read_table

    def read(path, progress=None, cancel=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return _slow_reader(real, order)(path, progress, cancel)

    monkeypatch.setattr(imports, "read_table", read)
    wizard = ImportMembersWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(source))
    ticker = QTimer()
    ticker.timeout.connect(lambda: order.append("tick"))
    ticker.start(10)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page  # 'Next' came back at once: the read runs on
    wait_tasks()
    ticker.stop()
    assert threads == [False]  # read on the worker, not on the window's thread
    assert "tick" in order[:order.index("read done")]  # the window's timer ticked while the file was read
    assert wizard.currentPage() is wizard.mapping_page and wizard.table.headers == ["Voornaam", "Naam"]


def test_import_wizard_can_stop_reading(ctx, qtbot, tmp_path, monkeypatch, wait_tasks):
    from huurdersgroep_app.core.services.members import imports
    from huurdersgroep_app.ui import tasks

    source = tmp_path / "leden.csv"
    source.write_text("Voornaam;Naam\nEls;Maes\n", encoding="utf-8")
    monkeypatch.setattr(imports, "read_table", _slow_reader(imports.read_table, [], steps=200))
    wizard = ImportMembersWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(source))
    wizard.next()
    [task] = tasks.running()
    assert task.cancellable
    task.cancel()
    wait_tasks()
    assert wizard.currentPage() is wizard.file_page and not wizard.file_page.error.isVisible()
    wizard.next()  # and it can be read after all
    wait_tasks()
    assert wizard.currentPage() is wizard.mapping_page


def test_import_wizard_says_in_dutch_why_a_broken_workbook_cannot_be_read(ctx, qtbot, tmp_path, wait_tasks,
                                                                          monkeypatch):
    import sys

    from huurdersgroep_app import i18n

    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: hooked.append(exc))
    broken = tmp_path / "leden.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is no workbook")
    i18n.set_language("nl_BE")
    wizard = ImportMembersWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(broken))
    wizard.next()
    wait_tasks()
    message = wizard.file_page.error.text()
    assert wizard.currentPage() is wizard.file_page and wizard.file_page.error.isVisible()
    assert "leden.xlsx" in message and "Traceback" not in message and hooked == []
    from huurdersgroep_app.core.errors import DomainError
    from huurdersgroep_app.core.services.members import imports
    with pytest.raises(DomainError) as dutch:
        imports.read_table(broken)
    assert dutch.value.message == message  # the reader's own translated sentence, said once
    i18n.set_language("en")
    with pytest.raises(DomainError) as english:
        imports.read_table(broken)
    assert english.value.message != message  # and it was Dutch, not the English source
