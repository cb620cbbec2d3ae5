"""Documents from the GUI: preview in the system's PDF viewer, save where the user chooses, or print.

The writers live in core.documents (shared with ``huurdersgroep report``); they are imported only
when a document is asked for, so reportlab never slows down the start. A document is made as a task
(ui/tasks.py) on a worker with a session of its own, in the group's language (only there: the
window keeps its own), into a hidden file beside the target that replaces it only when whole, so
Cancel, a full disk or an error never leave half a document or destroy the file it would replace.
"""
from __future__ import annotations

import inspect
import os
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from huurdersgroep_app import i18n, paths
from huurdersgroep_app.core.documents.catalogue import dated_file_stem
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import heading, hint
from huurdersgroep_app.ui.tasks import Task, run_task

# A writer takes (session, target_path) and returns the number of pages. One that can report how
# far it is and stop half-way also takes ``progress`` and ``cancel`` keywords (core/progress.py).
Writer = Callable[..., int]


def _reports_progress(writer: Writer) -> bool:
    try:
        parameters = inspect.signature(writer).parameters
    except (TypeError, ValueError):
        return False
    return "progress" in parameters and "cancel" in parameters


def _part_of(target: Path) -> Path:
    # Same folder (so the final rename is atomic), same suffix (writers may look at it), hidden.
    return target.with_name(f".{target.stem}.part{target.suffix}")


def write_document(ctx: AppContext, writer: Writer, target: Path, parent: QWidget | None = None,
                   done: Callable[[Path], object] | None = None, label: str = "") -> Task:
    """Write one document in the group's own language, off the window's thread; ``done(target)``
    runs on the window's thread when it is written. Problems are shown, never raised."""
    target = Path(target)
    db = ctx.db

    def work(progress, cancel) -> Path:
        part = _part_of(target)
        extra = {"progress": progress, "cancel": cancel} if _reports_progress(writer) else {}
        try:
            with db.reading() as session, i18n.language(organisation.get_organisation(session).language):
                writer(session, part, **extra)
            cancel.check()
            os.replace(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return target

    def failed(exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            ctx.show_error(exc.message, parent)
        else:
            ctx.show_error(_("The file could not be written: {problem}").format(
                problem=getattr(exc, "strerror", None) or exc), parent)

    return run_task(parent, work, success=done, failure=failed, cancellable=True,
                    label=label or _("Making the document…"))


def preview(ctx: AppContext, writer: Writer, name: str, parent: QWidget | None = None) -> Task:
    """Write to a temporary file and open it in the system's PDF viewer (the task's result: the path)."""
    folder = paths.cache_dir() / "previews"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.pdf"):  # earlier previews; a viewer may still hold one open
        try:
            old.unlink()
        except OSError:
            pass
    target = folder / f"{name}-{datetime.now():%Y%m%d-%H%M%S}.pdf"

    def show(path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ctx.show_info(_("No program to show PDF files was found. The document is here: {path}").format(
                path=path), parent)

    return write_document(ctx, writer, target, parent, done=show)


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def ask_target(parent: QWidget | None, name: str, suffix: str, file_filter: str) -> Path | None:
    """The file the user chooses, with the right extension added when it was left off."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save the document as"),
                                                  str(documents_folder() / f"{name}{suffix}"), file_filter)
    if not chosen:
        return None
    target = Path(chosen)
    return target if target.suffix.lower() == suffix else target.with_suffix(target.suffix + suffix)


def save_as(ctx: AppContext, writer: Writer, name: str, parent: QWidget | None = None, suffix: str = ".pdf",
            file_filter: str = "", saved: str = "") -> Task | None:
    """Write where the user chooses (a PDF unless ``suffix`` says otherwise) and say where, in
    ``saved`` ('… {path} …') or plainly. None when the user chose no file."""
    target = ask_target(parent, name, suffix, file_filter or _("PDF files (*.pdf)"))
    if target is None:
        return None

    def tell(path: Path) -> None:
        ctx.show_info((saved or _("The document was saved as {path}.")).format(path=path), parent)

    return write_document(ctx, writer, target, parent, done=tell)


def preview_save_buttons(dialog: QDialog, preview_text: str | None = None,
                         save_text: str | None = None) -> QDialogButtonBox:
    """Close, and the dialog's ``preview``, ``save`` and (when it has one) ``print_document`` as
    ``dialog.preview_button`` (the default), ``dialog.save_button`` and ``dialog.print_button``.
    The labels are the app's own (Preview, Save as PDF…, Print…) unless a dialog needs others."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    dialog.preview_button = QPushButton(preview_text or _("Preview"))
    dialog.save_button = QPushButton(save_text or _("Save as PDF…"))
    buttons.addButton(dialog.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.addButton(dialog.save_button, QDialogButtonBox.ButtonRole.ActionRole)
    dialog.preview_button.clicked.connect(dialog.preview)
    dialog.save_button.clicked.connect(dialog.save)
    dialog.print_button = None
    if hasattr(dialog, "print_document"):
        dialog.print_button = QPushButton(_("Print…"))
        buttons.addButton(dialog.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        dialog.print_button.clicked.connect(dialog.print_document)
    buttons.rejected.connect(dialog.reject)
    dialog.preview_button.setDefault(True)
    return buttons


def print_pdf(ctx: AppContext, writer: Writer, name: str, parent: QWidget | None = None) -> Task:
    """Write the PDF and print it through the system's print dialog (kit/printing.py)."""
    from huurdersgroep_app.ui.kit.printing import print_document

    return print_document(ctx, writer, name, parent)


def member_list_writer(privacy: str) -> Writer:
    def write(session, target, progress=None, cancel=None):
        from huurdersgroep_app.core.documents.member_list import write_member_list

        return write_member_list(session, target, privacy=privacy, progress=progress, cancel=cancel)

    return write


def board_list_writer(session, target) -> int:
    from huurdersgroep_app.core.documents.board_list import write_board_list

    return write_board_list(session, target)


def privacy_choices() -> list[tuple[str, str, str]]:
    return [
        ("names", _("Names only"), _("For a notice board or an attendance check: names and complex.")),
        ("contact", _("With addresses and contact details"),
         _("For the board only: addresses, phone numbers and e-mail. Do not hand it out.")),
        ("counts", _("Only the numbers per complex"),
         _("For a funder or the landlord: how many members per complex, no names.")),
    ]


class MemberListDialog(QDialog):
    """Choose how much personal data the member list shows, then preview or save it."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Member list"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Member list"), 2))
        layout.addWidget(hint(_("Choose what the list shows. Share personal data only with those who need it.")))
        self.choice = QButtonGroup(self)
        for number, (value, label, explanation) in enumerate(privacy_choices()):
            button = QRadioButton(label)
            button.setProperty("privacy", value)
            button.setChecked(number == 0)
            self.choice.addButton(button, number)
            layout.addWidget(button)
            note = hint(explanation)
            note.setIndent(self.fontMetrics().height() * 2)
            layout.addWidget(note)
        layout.addWidget(preview_save_buttons(self))

    def privacy(self) -> str:
        return self.choice.checkedButton().property("privacy")

    def _name(self) -> str:
        return dated_file_stem(_("member-list"), datetime.now().date())

    def preview(self) -> Task:
        return preview(self.ctx, member_list_writer(self.privacy()), self._name(), self)

    def save(self) -> Task | None:
        return save_as(self.ctx, member_list_writer(self.privacy()), self._name(), self)

    def print_document(self) -> Task:
        return print_pdf(self.ctx, member_list_writer(self.privacy()), self._name(), self)
