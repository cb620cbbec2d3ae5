"""The first step of an import wizard: which file? A path field with 'Choose file…' and a message
line for a file that is missing or cannot be read. The member import and the bank import start so."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWizardPage

from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit.widgets import error_label
from huurdersgroep_app.ui.kit.wizard_work import StepWork
from huurdersgroep_app.ui.tasks import run_task


class FileChoicePage(QWizardPage):
    """``choose_title`` and ``file_filter`` are for the file chooser, which opens in ``folder``.
    A subclass may put more fields in ``self.layout_`` (below the path, above the message line)
    and reads the file in ``validatePage`` through ``read_file_task``, on the worker."""

    def __init__(self, wizard, title: str, subtitle: str, choose_title: str, file_filter: str,
                 folder: QStandardPaths.StandardLocation = QStandardPaths.StandardLocation.DocumentsLocation):
        super().__init__()
        self.wiz = wizard
        self.choose_title, self.file_filter, self.folder = choose_title, file_filter, folder
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.layout_ = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(_("File"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Choose file…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.layout_.addLayout(row)
        self.error = error_label()
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)
        self.work = StepWork(self, self.fail)

    def add_below_path(self, layout) -> None:
        self.layout_.insertLayout(1, layout)

    def browse(self) -> None:
        folder = QStandardPaths.writableLocation(self.folder)
        chosen, _filter = QFileDialog.getOpenFileName(self, self.choose_title, folder, self.file_filter)
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def chosen_path(self) -> Path:
        return Path(self.path.text().strip())

    def fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setVisible(True)
        return False

    def read_file_task(self, reader: Callable[..., Any], accept: Callable[[Any], bool], label: str) -> bool:
        """For ``validatePage``: ``reader(path, progress=, cancel=)`` on a worker with progress and Cancel
        (reading changes nothing); see ``StepWork``. False while it reads; the wizard goes on by itself
        once ``accept(result)`` takes what was read."""
        if not self.work.passed:
            self.error.setVisible(False)
            path = self.chosen_path()
            if not path.is_file():
                return self.fail(_("The file {path} does not exist.").format(path=path))
        path = self.chosen_path()
        return self.work.validate(
            lambda **done: run_task(self, lambda progress, cancel: reader(path, progress=progress, cancel=cancel),
                                    label=label, cancellable=True, **done), accept)
