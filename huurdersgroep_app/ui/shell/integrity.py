"""The check on open: SQLite's quick check of the group's file runs in the background right after
the file opened (it reads the whole file, so it must not hold up the window), and a damaged file
is reported in plain words while the user can still restore a backup before changing more. The
seals of the closed years are verified in the same pass: closed books changed outside the program
are told just as plainly."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from huurdersgroep_app.core.services import backups as backup
from huurdersgroep_app.i18n import _


class IntegrityWatch(QObject):
    """Runs ``backup.quick_problems`` and the seal check on a thread; ``checked`` carries the damage,
    ``sealed`` the broken seals (both empty: sound)."""

    checked = Signal(list)
    sealed = Signal(list)

    def __init__(self, path: Path, window: QWidget):
        super().__init__(window)
        self.path = Path(path)
        self.window = window
        self.problems: list[str] | None = None  # None while the check runs
        self.seal_problems: list[str] | None = None
        self.sealed.connect(self._report_seals)
        self.checked.connect(self._report)

    def start(self) -> None:
        threading.Thread(target=self._run, name="integrity-check", daemon=True).start()

    def _run(self) -> None:
        # Emitted from this thread, delivered in the GUI thread (the watcher lives there).
        damage = backup.quick_problems(self.path)
        # A damaged file cannot be read reliably for its seals; the damage is the message then.
        self.sealed.emit([] if damage else backup.file_seal_problems(self.path))
        self.checked.emit(damage)

    def _report_seals(self, problems: list) -> None:
        self.seal_problems = list(problems)
        if problems:
            QMessageBox.warning(self.window, _("The closed books were changed"), _(
                "The check of {path} found:\n{problems}\n\nReports of these years are marked as not matching "
                "the closed books. Restore a backup from before the change under Settings, or ask the "
                "kascommissie to check the books.").format(path=self.path, problems="\n".join(problems)))

    def _report(self, problems: list) -> None:
        self.problems = list(problems)
        if problems:
            QMessageBox.warning(self.window, _("The group's file is damaged"), _(
                "The check of {path} found damage:\n{problem}\n\nSome data may be missing or wrong. Make no "
                "more changes: restore the newest backup under Settings, or ask someone to help you.").format(
                path=self.path, problem=problems[0]))
