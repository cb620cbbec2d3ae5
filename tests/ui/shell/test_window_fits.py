"""Issue 12, "a window that fits an old laptop": the first size of the main window, the new-group
dialog (Enter, its size, its suggested folder) and ``--db`` for a file that is not there."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from huurdersgroep_app.ui.kit import appearance
from huurdersgroep_app.ui.shell import welcome as welcome_module
from huurdersgroep_app.ui.shell.main_window import MainWindow
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog


def test_the_first_start_fills_the_screen_and_later_starts_keep_the_users_size(controller, group, ctx, qtbot):
    controller.show_main(group)
    window = controller.window
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()
    assert window.isMaximized()
    assert window.size() == room.size()  # not the 70×42 text lines (910×512 on a 1366×768 laptop)
    window.showNormal()
    window.resize(700, 450)
    qtbot.waitUntil(lambda: window.size() == QSize(700, 450))
    window.closed.disconnect()  # keep the file open for the next window
    window.close()  # saves the geometry
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.restore_geometry()
    again.show()
    qtbot.waitExposed(again)
    assert not again.isMaximized() and again.size() == QSize(700, 450)


def test_enter_in_the_new_group_form_creates_the_group(qtbot, tmp_path, wait_tasks):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    welcome.show()
    with qtbot.waitActive(welcome):
        welcome.activateWindow()
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)  # the way a person comes here
    assert QApplication.focusWidget() is welcome.fields["name"]
    welcome.path.setText(str(tmp_path / "enter.sqlite"))
    qtbot.keyClicks(welcome.fields["name"], "Huurdersgroep De Enter")
    qtbot.keyClick(welcome.fields["name"], Qt.Key.Key_Return)
    assert welcome.task is not None, "Enter did not press 'Create the group'"
    wait_tasks()
    assert welcome.result() == WelcomeDialog.DialogCode.Accepted and (tmp_path / "enter.sqlite").exists()
    welcome.database.close()


def test_the_new_group_form_fits_without_scrolling(qtbot, text_size):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    welcome.show()
    welcome.show_create_page()
    qtbot.waitExposed(welcome)
    # the test screen (800 px wide) has the room at the normal size: nothing scrolls
    bars = welcome.scroll.verticalScrollBar(), welcome.scroll.horizontalScrollBar()
    assert not any(bar.isVisible() for bar in bars)
    normal = welcome.create_page_size()
    # at the large text size it still fits a 1366×768 laptop with a 40-pixel task bar
    text_size(appearance.LARGE)
    large = WelcomeDialog()
    qtbot.addWidget(large)
    large.show_create_page()
    needed = large.create_page_size()
    assert needed.width() > normal.width()  # it did follow the larger font
    assert needed.width() <= 1366 and needed.height() <= (768 - 40) * 0.95


def test_a_new_group_is_suggested_in_the_documents_folder(monkeypatch, tmp_path):
    documents = tmp_path / "Documenten"
    documents.mkdir()
    monkeypatch.delenv("HUURDERSGROEP_HOME")
    monkeypatch.setattr(welcome_module, "documents_folder", lambda: documents)
    assert welcome_module.suggested_new_path() == documents / "huurdersgroep.sqlite"
    (documents / "huurdersgroep.sqlite").write_bytes(b"")
    assert welcome_module.suggested_new_path() == documents / "huurdersgroep-2.sqlite"  # never over a file


def test_db_for_a_missing_file_offers_to_create_it_there(controller, qtbot, tmp_path, monkeypatch, wait_tasks):
    target = tmp_path / "nieuw" / "vlier.sqlite"
    target.parent.mkdir()
    asked, seen = [], []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes))

    def fill_in(dialog):
        seen.append((dialog.stack.currentIndex(), dialog.path.text()))
        dialog.fields["name"].setText("Huurdersgroep De Vlier")
        dialog.create_group()
        wait_tasks()  # the real exec() runs the event loop until the file is made
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", fill_in)
    assert controller.start(target, defer=True)
    assert asked and str(target) in asked[0]
    assert seen == [(1, str(target))]  # the new-group form, with that file
    assert controller.db.path == target and controller.window.isVisible()
    assert controller.first_steps is not None  # a new group: the first-run guide follows


def test_db_for_a_missing_file_answered_no_shows_the_welcome_choices(controller, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    seen = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: seen.append(dialog.stack.currentIndex()) or 0)
    assert controller.start(tmp_path / "typo.sqlite", defer=True) is False  # the user then closed it
    assert seen == [0]
    assert not (tmp_path / "typo.sqlite").exists()


def test_every_field_of_the_new_group_form_has_a_label_a_screen_reader_can_say(qtbot):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    edits = welcome.stack.widget(1).findChildren(QLineEdit)
    assert {edit for edit in edits if not edit.accessibleName()} == set()
    assert Path(welcome.path.text()).suffix == ".sqlite"


def test_the_new_group_form_fits_a_laptop_at_the_largest_text_size(qapp, qtbot, text_size):
    # an 11-point system font (common on Linux desktops) made half as large again: 16.5 points
    stored, original = qapp.property("_huurdersgroep_base_point_size"), qapp.font()
    base = qapp.font()
    base.setPointSizeF(11)
    qapp.setFont(base)
    qapp.setProperty("_huurdersgroep_base_point_size", 11.0)
    try:
        text_size(max(appearance.TEXT_SIZES, key=appearance.TEXT_SIZES.get))
        welcome = WelcomeDialog()
        qtbot.addWidget(welcome)
        welcome.show_create_page()
        # the whole form without scrolling, not only the dialog's own (scrolling) size hint
        assert welcome.sizeHint().height() <= 700
        assert welcome.create_page_size().height() <= 700
    finally:  # the fixture then scales the system's own size back to normal
        qapp.setFont(original)
        qapp.setProperty("_huurdersgroep_base_point_size", stored)
