"""The bank import wizard's long steps run as tasks (ui/tasks.py): reading a CSV with the user's or a
remembered column mapping, and the dry run that builds the preview. Shown on a generated CSV of a
few thousand lines: the window goes on processing events while the dry run works, the dry run
reports its progress, and the wizard's buttons are disabled until it is done."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWizard

from huurdersgroep_app.core.services.finance import accounts, views
from huurdersgroep_app.ui.finance import bank_import_file
from huurdersgroep_app.ui.finance.bank_import import BankImportWizard

LINES = 3000
BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
           QWizard.WizardButton.CancelButton)


@pytest.fixture
def bank(ctx):
    with ctx.db.transaction() as s:
        ctx.bank = accounts.add_account(s, "Bank", "bank", "BE68539007547034").id
    return ctx


def _big_csv(path):
    """A bank without a profile: a year of payments, one column mapping reads them all."""
    rows = ["Datum;Naam;Tegenrekening;Omschrijving;Af/Bij;Bedrag"]
    for i in range(LINES):
        day = date(2025, 1, 1) + timedelta(days=i % 360)
        rows.append(f"{day:%d/%m/%Y};Persoon {i % 200};BE{10 + i % 80}0000000{i % 200:04d};Betaling {i};"
                    f"{'Bij' if i % 3 else 'Af'};{i % 97 + 1},{i % 100:02d}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


class DryRunWatch:
    """Wraps the dry run (on the worker): notes its thread, and holds it open until the window has
    ticked three times since it began — a window blocked by the dry run can never tick, so then the
    wait times out and ``ticks_during`` stays short. Meanwhile the ticker notes the buttons' state."""

    def __init__(self, monkeypatch, wizard):
        self.wizard, self.threads, self.ticks_during, self.buttons_during = wizard, [], 0, []
        self.running, self.ticked = False, threading.Event()
        real = views.read_bank_preview

        def watched(*args, **kwargs):
            self.threads.append(threading.current_thread() is threading.main_thread())
            self.running = True
            try:
                result = real(*args, **kwargs)
                self.ticked.wait(10)
                return result
            finally:
                self.running = False

        monkeypatch.setattr(views, "read_bank_preview", watched)
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        if not self.running:
            return
        self.ticks_during += 1
        self.buttons_during.append([self.wizard.button(b).isEnabled() for b in BUTTONS])
        if self.ticks_during >= 3:
            self.ticked.set()


def _wizard(ctx, qtbot, path):
    wizard = BankImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.account.setCurrentIndex(wizard.file_page.account.findData(ctx.bank))
    return wizard


def test_the_dry_run_of_a_big_csv_runs_as_a_task_with_progress_and_the_buttons_disabled(
        bank, qtbot, tmp_path, monkeypatch, wait_tasks):
    path = _big_csv(tmp_path / "export.csv")
    wizard = _wizard(bank, qtbot, path)
    wizard.next()
    wait_tasks()
    page = wizard.mapping_page
    assert wizard.currentPage() is page and page.combos["amount"].currentText() == "Bedrag"

    watch = DryRunWatch(monkeypatch, wizard)
    wizard.next()
    assert wizard.currentPage() is page  # 'Next' came back at once; the file is read, then previewed
    wait_tasks()
    watch.timer.stop()
    assert watch.threads == [False]  # on the worker
    assert watch.ticks_during >= 3  # the window kept processing events while the dry run worked
    assert watch.buttons_during and not any(any(states) for states in watch.buttons_during)
    assert page.work.task.progress_seen == (LINES, LINES)  # the dry run said how far it was
    assert wizard.currentPage() is wizard.preview_page and len(wizard.preview.lines) == LINES
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    finish.click()
    wait_tasks()
    assert wizard.booked == LINES


def test_a_remembered_mapping_reads_the_file_again_on_the_worker(bank, qtbot, tmp_path, monkeypatch,
                                                                 wait_tasks):
    path = _big_csv(tmp_path / "export.csv")
    first = _wizard(bank, qtbot, path)
    first.next()
    wait_tasks()
    first.next()
    wait_tasks()
    first.button(QWizard.WizardButton.FinishButton).click()
    wait_tasks()
    assert first.booked == LINES  # the mapping is remembered with the booking

    mapped_on_main = []
    real = bank_import_file.parse_bank_file

    def parse(path, kind, csv_mapping=None):
        if csv_mapping is not None:
            mapped_on_main.append(threading.current_thread() is threading.main_thread())
        return real(path, kind, csv_mapping=csv_mapping)

    monkeypatch.setattr(bank_import_file, "parse_bank_file", parse)
    again = _wizard(bank, qtbot, path)
    watch = DryRunWatch(monkeypatch, again)
    again.next()
    wait_tasks()
    watch.timer.stop()
    assert mapped_on_main == [False] and watch.threads == [False]
    assert again.currentPage() is again.preview_page  # straight on: no mapping step
    assert len(again.preview.lines) == LINES and all(line.duplicate for line in again.preview.lines)


def test_cancelling_the_dry_run_leaves_the_step_as_it_was(bank, qtbot, tmp_path, monkeypatch, wait_tasks):
    from huurdersgroep_app.core.progress import Cancelled

    def stopped(*args, **kwargs):
        raise Cancelled()  # what the core raises once the user pressed Cancel in the progress dialog

    monkeypatch.setattr(views, "read_bank_preview", stopped)
    wizard = _wizard(bank, qtbot, _big_csv(tmp_path / "export.csv"))
    wizard.next()
    wait_tasks()
    wizard.next()
    wait_tasks()
    assert wizard.currentPage() is wizard.mapping_page and wizard.preview is None
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
