"""ui/tasks.py: work on a worker thread with its own session, outcome on the GUI thread, a progress
dialog only for slow work, Cancel, and errors shown in words."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.progress import Steps
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui import tasks


def test_work_runs_on_a_worker_with_its_own_session_and_the_result_comes_back_on_the_gui_thread(
        ctx, qtbot, wait_tasks):
    seen = {}

    def work(progress, cancel):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        with ctx.db.reading() as session:  # a session of the worker's own
            return sorted(m.last_name for m in members.member_rows(session))

    task = tasks.run_task(None, work, success=lambda names: seen.setdefault("gui", (
        threading.current_thread() is threading.main_thread(), names)))
    assert tasks.running() == [task]
    wait_tasks()
    assert seen["worker"] is True
    on_gui, names = seen["gui"]
    assert on_gui and "Peeters" in names and "Nguyễn" in names
    assert tasks.running() == []


def test_the_window_keeps_processing_events_while_the_work_runs(qapp, wait_tasks):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    tasks.run_task(None, lambda progress, cancel: time.sleep(0.6))
    wait_tasks()
    timer.stop()
    assert len(ticks) >= 10  # a blocked loop would tick once, after the work
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.3


def test_quick_work_shows_no_dialog_slow_work_shows_one_with_done_of_total(qapp, qtbot, wait_tasks):
    quick = tasks.run_task(None, lambda progress, cancel: 42)
    wait_tasks()
    assert quick.result == 42 and quick.dialog is None and quick._show_timer.isActive() is False
    release = threading.Event()

    def slow(progress, cancel):
        progress(3, 10)
        release.wait(10)

    task = tasks.run_task(None, slow, label="Making the member list", show_after_ms=100)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: task.dialog.bar.maximum() == 10, timeout=5000)
    assert task.dialog.bar.value() == 3
    assert task.dialog.count.text() == "3 of 10"
    assert task.dialog.label.text() == "Making the member list"
    assert task.dialog.cancel_button is None  # not cancellable unless the caller says it is safe
    release.set()
    wait_tasks()
    assert task.dialog is None


def test_cancel_stops_a_preview_and_calls_neither_success_nor_the_error_box(qapp, qtbot, wait_tasks,
                                                                            message_boxes):
    outcome = []

    def preview(progress, cancel):
        steps = Steps(progress, cancel, total=1000)
        for _row in range(1000):
            time.sleep(0.005)
            steps.advance()
        return "written"

    task = tasks.run_task(None, preview, cancellable=True, show_after_ms=50, success=outcome.append,
                          cancelled=lambda: outcome.append("cancelled"))
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.cancel_button is not None, timeout=5000)
    task.dialog.cancel_button.click()
    wait_tasks()
    assert outcome == ["cancelled"]
    assert 0 < task.progress_seen[0] < 1000
    assert message_boxes == []


def test_a_failing_task_shows_its_message_and_changes_nothing(ctx, wait_tasks, message_boxes):
    before = ctx.read(lambda s: len(members.member_rows(s)))
    succeeded = []

    def work(progress, cancel):
        with ctx.db.transaction() as session:
            members.add_member(session, members.MemberInput(first_name="Nieuw", last_name="Lid"))
            raise DomainError("Deze bestanden passen niet bij elkaar.")

    tasks.run_task(None, work, success=succeeded.append)
    wait_tasks()
    assert message_boxes == [("warning", "Deze bestanden passen niet bij elkaar.")]
    assert succeeded == []
    assert ctx.read(lambda s: len(members.member_rows(s))) == before


def test_a_programming_error_goes_to_the_applications_error_hook(qapp, wait_tasks, monkeypatch, message_boxes):
    hooked = []
    monkeypatch.setattr("sys.excepthook", lambda kind, value, trace: hooked.append((kind, str(value))))
    tasks.run_task(None, lambda progress, cancel: 1 / 0)
    wait_tasks()
    assert hooked == [(ZeroDivisionError, "division by zero")]
    assert message_boxes == []


def test_clicks_are_held_off_while_a_task_runs_and_arrive_again_afterwards(qapp, qtbot, wait_tasks):
    window = QWidget()
    button = QPushButton("Book", window)
    window.show()
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    release = threading.Event()
    tasks.run_task(window, lambda progress, cancel: release.wait(10))
    qtbot.mouseClick(button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert clicks == []  # a second click cannot start the same work twice
    release.set()
    wait_tasks()
    qtbot.mouseClick(button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert clicks == [1]


def test_the_worker_speaks_the_language_of_the_click(qapp, wait_tasks):
    from huurdersgroep_app import i18n
    from huurdersgroep_app.i18n import _

    i18n.set_language("nl_BE")
    said = []
    with i18n.language("fr_BE"):  # a document in the group's language, asked for from a French block
        tasks.run_task(None, lambda progress, cancel: _("Members"), success=said.append)
    tasks.run_task(None, lambda progress, cancel: _("Members"), success=said.append)
    wait_tasks()
    assert said == ["Membres", "Leden"]
    assert i18n.get_language() == "nl_BE"


@pytest.fixture(autouse=True)
def _no_task_left(wait_tasks):
    yield
