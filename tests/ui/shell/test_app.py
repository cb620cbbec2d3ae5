"""Starting the GUI: welcome dialog, demo, main window, keyboard, language switch, restore, start-up
errors, and the benchmark's MAIN_WINDOW_SHOWN signal."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from huurdersgroep_app import i18n, paths
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.organisation import OrganisationInput
from huurdersgroep_app.core.services import group_files as opening
from huurdersgroep_app.ui.shell.app import choose_start_path
from huurdersgroep_app.ui.members.member_dialog import MemberDialog
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog

ROOT = Path(__file__).resolve().parents[3]


def test_welcome_demo_shows_the_demo_members_on_the_members_page(controller, qtbot, wait_tasks):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert welcome.database is None and welcome.task is not None  # built on a worker
    wait_tasks()
    assert welcome.database is not None and welcome.result() == WelcomeDialog.DialogCode.Accepted
    assert paths.last_db_path() == opening.demo_path().resolve()
    controller.show_main(welcome.database)
    page = controller.window.show_page("members")
    with welcome.database.reading() as s:
        demo_rows = members.member_rows(s, active_only=True)
    assert len(demo_rows) >= 100
    assert page.proxy.rowCount() == len(demo_rows)
    shown = {page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())}
    assert {f"{r.last_name}, {r.first_name}" for r in demo_rows} == shown
    assert "De Vlasbloem" in controller.window.windowTitle()


def test_sidebar_lists_the_pages_and_shortcuts_work(controller, group, qtbot, monkeypatch):
    controller.show_main(group)
    window = controller.window
    qtbot.waitExposed(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[:3] == ["Overview", "Members", "Board"] and titles[-1] == "Settings"
    assert window.current_page_name() == "overview"
    opened = []
    monkeypatch.setattr(MemberDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "members"
    assert QApplication.focusWidget() is window.page("members").search
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["New member"]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "board"


def test_switching_the_language_to_nl_be_shows_dutch_labels(controller, group, qtbot):
    controller.show_main(group)
    old = controller.window
    settings = old.show_page("settings")
    settings.ui_language.setCurrentIndex(settings.ui_language.findData("nl_BE"))
    settings.apply_language()
    qtbot.waitUntil(lambda: controller.window is not old)
    window = controller.window
    assert i18n.get_language() == "nl_BE"
    assert paths.load_config()["ui_language"] == "nl_BE"
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[:3] == ["Overzicht", "Leden", "Bestuur"] and titles[-1] == "Instellingen"
    assert window.current_page_name() == "settings"  # the user stays where they were
    page = window.show_page("members")
    assert page.search.placeholderText() == "Zoek op naam, adres, telefoon of e-mail"
    assert page.new_button.text() == "Nieuw lid…"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Naam"
    assert "leden getoond" in page.count.text()
    assert controller._translators, "Qt's own qtbase_nl translations are installed"


def test_start_opens_the_given_file_and_remembers_it(controller, group):
    path = group.path
    group.close()
    assert controller.start(path)
    assert controller.window.isVisible()
    assert paths.last_db_path() == path
    assert choose_start_path(None, False) == path
    assert choose_start_path(None, True) == opening.demo_path()


def test_a_file_that_cannot_be_opened_shows_why_and_the_welcome_comes_back(controller, tmp_path, message_boxes,
                                                                            monkeypatch):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("this is not a database", encoding="utf-8")
    welcomed = []
    monkeypatch.setattr(controller, "welcome", lambda message="": welcomed.append(message))
    assert controller.start(bad) is False  # the user closed the welcome dialog
    assert message_boxes and "notes.sqlite" in message_boxes[0][1]
    assert welcomed == [message_boxes[0][1]]


def test_a_file_in_use_is_refused(controller, group, tmp_path, message_boxes, monkeypatch):
    monkeypatch.setattr(controller, "welcome", lambda message="": None)
    assert controller.start(group.path) is False  # the `group` fixture holds it open
    assert message_boxes and message_boxes[0][0] == "warning"


def test_creating_a_group_shows_problems_then_creates_the_file(qtbot, tmp_path, wait_tasks):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    welcome.create_button.click()
    target = tmp_path / "nieuw.sqlite"
    welcome.path.setText(str(target))
    welcome.fields["iban"].setText("BE00 1234")
    welcome.create_group()
    wait_tasks()
    assert welcome.form.problem("name") and welcome.form.problem("iban")
    assert not target.exists()  # nothing left behind
    welcome.fields["name"].setText("Huurdersgroep Het Anker")
    welcome.fields["iban"].setText("")
    welcome.region.setCurrentIndex(welcome.region.findData("nederland"))
    assert welcome.create_group()
    wait_tasks()
    assert welcome.result() == WelcomeDialog.DialogCode.Accepted
    with welcome.database.reading() as s:
        org = organisation.get_organisation(s)
        assert (org.name, org.region, org.language) == ("Huurdersgroep Het Anker", "nederland", "nl_NL")
    welcome.database.close()


def test_restore_from_a_backup_replaces_the_data_and_keeps_a_safety_copy(controller, group, tmp_path, wait_tasks,
                                                                         message_boxes):
    controller.show_main(group)
    task = controller.window.show_page("settings").write_backup(tmp_path / "copy.sqlite")
    wait_tasks()
    backup = task.result
    assert backup and backup.exists()
    controller.ctx.call(members.end_membership, group.ids["Hansen"], members.date(2025, 1, 1))
    controller.ctx.call(members.add_member, members.MemberInput(last_name="Nieuwkomer"))
    assert controller.restore_backup(backup)
    wait_tasks()
    assert controller.last_restore is True
    assert message_boxes[-1] == ("information", "The backup copy.sqlite was restored.")
    with controller.db.reading() as s:
        rows = members.member_rows(s)
    assert "Nieuwkomer" not in {r.last_name for r in rows}
    assert next(r for r in rows if r.last_name == "Hansen").left_on is None
    safety = list((group.path.parent / "backups").glob("*before-restore*"))
    assert len(safety) == 1
    with Database(safety[0], lock=False, backup_on_close=False) as copy, copy.reading() as s:
        assert "Nieuwkomer" in {r.last_name for r in members.member_rows(s)}
    assert controller.window.current_page_name() == "settings"


def test_main_window_prints_when_shown_and_starts_without_heavy_modules(tmp_path):
    path = tmp_path / "g.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, OrganisationInput(name="Huurdersgroep Test", region="vlaanderen"))
    env = dict(os.environ, HUURDERSGROEP_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen",
               HUURDERSGROEP_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    script = ("import sys\n"
              "from huurdersgroep_app.cli import main\n"
              f"status = main(['--db', {str(path)!r}, '--lang', 'en'])\n"
              "print(sorted(m for m in ('reportlab', 'openpyxl', 'alembic', 'babel') if m in sys.modules))\n"
              "sys.exit(status)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    # the frame first, then the data; and no heavy module was loaded
    assert done.stdout.splitlines() == ["MAIN_WINDOW_SHOWN", "MAIN_WINDOW_READY", "[]"]
    assert list((tmp_path / "backups").glob("g-*-on-close.sqlite"))  # closed properly, with its backup


def test_switching_to_another_group_file_and_back_on_cancel(controller, group, nl_db, monkeypatch, qtbot,
                                                            wait_tasks):
    other = nl_db.path
    nl_db.close()
    controller.show_main(group)
    choices = [other, None]

    def pick(dialog):
        chosen = choices.pop(0)
        if chosen:
            dialog.open_path(chosen)
            wait_tasks()  # the real exec() runs the event loop until the file is open
        return 1 if chosen else 0

    monkeypatch.setattr(WelcomeDialog, "exec", pick)
    controller.switch_group()
    assert controller.db.path == other
    assert "Het Anker" in controller.window.windowTitle()
    controller.switch_group()  # cancelled: the same file is opened again
    assert controller.db.path == other and controller.window.isVisible()
    assert paths.last_db_path() == other


def test_a_damaged_backup_is_refused_and_changes_nothing(controller, group, tmp_path, wait_tasks, message_boxes):
    controller.show_main(group)
    window = controller.window
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    controller.restore_backup(bad)
    wait_tasks()
    assert controller.last_restore is False
    assert message_boxes and "broken" not in str(controller.db.path)
    assert controller.window is window and controller.db is group  # the same file, still open
    with group.reading() as s:
        assert "Peeters" in {r.last_name for r in members.member_rows(s)}
    assert not list((group.path.parent / "backups").glob("*before-restore*"))  # refused before the copy
