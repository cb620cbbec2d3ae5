"""Settings, Backups: where the automatic backups go, an extra copy now, and a restore."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app.core.services import backups
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import hint
from huurdersgroep_app.ui.tasks import run_task


class BackupTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        folder = backups.backup_dir(self.ctx.db.path)
        layout.addWidget(hint(_("Every time you close the program a backup is made in {folder}. The last ten "
                                "are kept.").format(folder=folder)))
        layout.addWidget(hint(_("Make an extra backup on a USB stick or in a cloud folder now and then, so "
                                "nothing is lost when this computer breaks down.")))
        backup_now = QPushButton(_("Make a backup now…"))
        backup_now.clicked.connect(self.backup_now)
        restore = QPushButton(_("Restore from a backup…"))
        restore.clicked.connect(self.restore)
        row = QHBoxLayout()
        row.addWidget(backup_now)
        row.addWidget(restore)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def backup_now(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"{self.ctx.db.path.stem}-{_('backup')}-{date.today().isoformat()}.sqlite"
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the backup as"), str(Path(folder) / name),
                                                      _("Backups (*.sqlite)"))
        return self.write_backup(Path(chosen)) if chosen else None

    def write_backup(self, target: Path):
        """The copy is written by a task (the task's result: the path); None when refused at once."""
        if target.resolve() == self.ctx.db.path:
            self.ctx.show_error(_("Choose another file than the group's own file."), self)
            return None
        db = self.ctx.db

        def failed(exc: BaseException) -> None:
            self.ctx.show_error(_("The backup could not be written: {problem}").format(
                problem=getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc), self)

        return run_task(self, lambda progress, cancel: db.backup(target, progress, cancel), cancellable=True,
                        success=lambda made: self.ctx.show_info(_("Backup written to {path}.").format(path=made), self),
                        failure=failed, label=_("Writing the backup…"))

    def restore(self) -> None:
        folder = str(backups.backup_dir(self.ctx.db.path))
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the backup to restore"), folder,
                                                      _("Backups (*.sqlite);;All files (*)"))
        if not chosen:
            return
        question = _("Replace all data of this group by the backup {name}? A copy of the current data is kept "
                     "first, in {folder}.").format(name=Path(chosen).name, folder=backups.backup_dir(self.ctx.db.path))
        changes = backups.restore_changes(Path(chosen), self.ctx.db.path)  # said before anything is replaced
        if changes:
            question = _("The backup's closed years differ from this file's:\n{changes}\n\n{question}").format(
                changes="\n".join(changes), question=question)
        if self.ctx.ask(question, self):
            self.ctx.restore_backup(Path(chosen))
