"""Documents are written by a task: in the group's language while the window keeps its own, with
done/total, and Cancel or an error leave no half file and keep the file it would have replaced."""
from __future__ import annotations

import threading
import time

import pypdf
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from huurdersgroep_app import i18n
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.progress import Steps
from huurdersgroep_app.ui.kit import documents


def test_the_member_list_is_written_in_the_groups_language_with_progress(ctx, qtbot, monkeypatch, wait_tasks):
    i18n.set_language("en")  # the interface; the group is Flemish
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    seen_by_window = []
    task = documents.preview(ctx, documents.member_list_writer("names"), "member-list")
    seen_by_window.append(i18n._("Members"))
    wait_tasks()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(task.result).pages)
    assert "Ledenlijst" in text and "Member list" not in text
    assert seen_by_window == ["Members"] and i18n.get_language() == "en"
    assert task.progress_seen == (6, 6)  # six current members, the last report is the end
    assert opened[0].toLocalFile() == str(task.result)


def _slow_writer(calls):
    def write(session, target, progress=None, cancel=None):
        steps = Steps(progress, cancel, total=400)
        with open(target, "wb") as f:
            for row in range(400):
                f.write(b"row\n")
                time.sleep(0.005)
                steps(row + 1)
        calls.append(target)
        return 1
    return write


def test_cancel_leaves_the_old_file_whole_and_no_part_behind(ctx, qtbot, monkeypatch, tmp_path, wait_tasks,
                                                           message_boxes):
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "list.pdf"
    target.write_bytes(b"the list of last year")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    calls = []
    task = documents.save_as(ctx, _slow_writer(calls), "list")
    qtbot.waitUntil(lambda: task.progress_seen[0] > 0, timeout=10000)
    task.cancel()
    wait_tasks()
    assert target.read_bytes() == b"the list of last year"
    assert sorted(p.name for p in target.parent.iterdir()) == ["list.pdf"]
    assert calls == [] and message_boxes == []  # stopped half-way, and nothing to apologise for


def test_a_writer_that_refuses_shows_why_and_writes_nothing(ctx, monkeypatch, tmp_path, wait_tasks, message_boxes):
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    started = threading.Event()

    def refuse(session, path):
        started.set()
        path.write_bytes(b"half")
        raise DomainError("Het jaar 2031 bestaat nog niet.")

    documents.save_as(ctx, refuse, "report")
    wait_tasks()
    assert started.is_set()
    assert message_boxes == [("warning", "Het jaar 2031 bestaat nog niet.")]
    assert list(target.parent.iterdir()) == []
