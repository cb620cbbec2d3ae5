"""The meeting documents from the GUI: one button per document with a small menu — preview it,
save it as PDF, for the invitation and the minutes save it for Word, and print it — plus the
calendar file, the registers of a year, and the documents attached to a meeting.

The writers live in core.documents (shared with ``huurdersgroep report``) and are imported only
when a document is asked for, so reportlab never slows down opening a meeting.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QMenu, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from huurdersgroep_app import paths
from huurdersgroep_app.core.documents.catalogue import dated_file_stem, safe_file_stem
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import documents
from huurdersgroep_app.ui.kit.widgets import Form, heading, hint
from huurdersgroep_app.ui.tasks import Task

Writer = Callable[..., int | None]


# -- writers: (session, target) → pages, for the meeting chosen when the user clicks ----------------------
def invitation_writer(meeting_id: int, per: str, fmt: str = "pdf") -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.invitation import write_invitation

        return write_invitation(session, meeting_id, target, per=per, fmt=fmt)
    return write


def poster_writer(meeting_id: int, fmt: str = "pdf") -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.invitation import write_poster

        return write_poster(session, meeting_id, target)
    return write


def sign_in_sheet_writer(meeting_id: int, fmt: str = "pdf") -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.sign_in_sheet import write_sign_in_sheet

        return write_sign_in_sheet(session, meeting_id, target)
    return write


def proxy_form_writer(meeting_id: int, per: str = "blank", fmt: str = "pdf") -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.proxy_form import write_proxy_form

        return write_proxy_form(session, meeting_id, target, per=per, fmt=fmt)
    return write


def minutes_writer(meeting_id: int, fmt: str = "pdf") -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.minutes import write_minutes

        return write_minutes(session, meeting_id, target, fmt=fmt)
    return write


def ballot_writer(meeting_id: int, per_page: int = 2, copies: int = 2) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.ballot import write_ballot

        return write_ballot(session, meeting_id, target, copies=copies, per_page=per_page)
    return write


def decisions_writer(year: int) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.decisions_register import write_decisions_register

        return write_decisions_register(session, year, target)
    return write


def action_points_writer(year: int | None) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.decisions_register import write_action_points

        return write_action_points(session, target, year=year)
    return write


def meeting_file_name(record, document: str) -> str:
    """The name a meeting's document is suggested under: the document, the meeting's type and its day,
    'stembrieven-jaarvergadering-2026-03-28', so copies of several meetings can lie in one folder."""
    if record is None:
        return safe_file_stem(document)
    # Without accents, like the documents' own names ('liste-de-presence'): 'assemblee-generale'.
    kind = "".join(c for c in unicodedata.normalize("NFKD", record.type_label) if not unicodedata.combining(c))
    return dated_file_stem(f"{document} {kind}", record.scheduled_on)


# -- saving ----------------------------------------------------------------------------------------------
def save_docx(ctx: AppContext, writer: Writer, name: str, parent: QWidget | None = None) -> Task | None:
    return documents.save_as(ctx, writer, name, parent, ".docx", _("Word documents (*.docx)"),
                             _("The document was saved as {path}. Open it in Word or LibreOffice to change it."))


def save_ics(ctx: AppContext, meeting_id: int, name: str, parent: QWidget | None = None) -> Path | None:
    from huurdersgroep_app.core.services.meetings.invitations import meeting_ics

    target = documents.ask_target(parent, name, ".ics", _("Calendar files (*.ics)"))
    if target is None:
        return None
    try:
        target.write_bytes(ctx.read(meeting_ics, meeting_id))
    except DomainError as exc:
        ctx.show_error(exc.message, parent)
        return None
    except OSError as exc:
        ctx.show_error(_("The file could not be written: {problem}").format(problem=exc.strerror or exc), parent)
        return None
    ctx.show_info(_("The calendar file was saved as {path}. Send it along with the e-mail; members open it to "
                    "add the meeting to their calendar.").format(path=target), parent)
    return target


def attach_file(ctx: AppContext, meeting_id: int, item_id: int | None, parent: QWidget | None = None) -> bool:
    """A file the user picks, stored with the meeting (or one of its items)."""
    from huurdersgroep_app.core.services.meetings.attachments import add_attachment

    chosen, _filter = QFileDialog.getOpenFileName(parent, _("Attach a document"), str(Path.home()))
    if not chosen:
        return False
    try:
        data = Path(chosen).read_bytes()
    except OSError as exc:
        ctx.show_error(_("The file could not be read: {problem}").format(problem=exc.strerror or exc), parent)
        return False
    return bool(ctx.run(add_attachment, meeting_id, Path(chosen).name, data, item_id, parent=parent))


def open_attachment(ctx: AppContext, attachment_id: int, parent: QWidget | None = None) -> Path | None:
    """Write an attached document to the cache folder and open it in the program the system chooses."""
    from huurdersgroep_app.core.services.meetings.attachments import attachment_data

    try:
        name, data = ctx.read(attachment_data, attachment_id)
        folder = paths.cache_dir() / "attachments"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        target.write_bytes(data)
    except DomainError as exc:
        ctx.show_error(exc.message, parent)
        return None
    except OSError as exc:
        ctx.show_error(_("The file could not be written: {problem}").format(problem=exc.strerror or exc), parent)
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        ctx.show_info(_("No program to open this document was found. It is here: {path}").format(path=target), parent)
    return target


def document_button(ctx: AppContext, label: str, make_writer: Callable[[str], Writer], name: Callable[[], str],
                    parent: QWidget, word: bool = False) -> QPushButton:
    """A button whose menu shows the document, saves it as PDF, (``word``) saves it for Word, and prints it.
    ``make_writer(fmt)`` is asked at the click, so it writes what is chosen at that moment."""
    button = QPushButton(label, parent)
    menu = QMenu(button)
    menu.addAction(_("Preview"), lambda: documents.preview(ctx, make_writer("pdf"), name(), parent))
    menu.addAction(_("Save as PDF…"), lambda: documents.save_as(ctx, make_writer("pdf"), name(), parent))
    if word:
        menu.addAction(_("Save as Word…"), lambda: save_docx(ctx, make_writer("docx"), name(), parent))
    menu.addAction(_("Print…"), lambda: documents.print_pdf(ctx, make_writer("pdf"), name(), parent))
    button.setMenu(menu)
    return button


class RegisterDialog(QDialog):
    """The decisions register of a year, or the open action points (of a year or all)."""

    def __init__(self, ctx: AppContext, kind: str, year: int, parent=None):
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        title = _("Decisions register") if kind == "decisions" else _("Open action points")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2))
        layout.addWidget(hint(_("All decisions of one year, numbered, with their vote.") if kind == "decisions" else
                              _("Every action point that is not done yet, oldest first; overdue ones are marked.")))
        form = Form()
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.year.setValue(year)
        form.add("year", _("Year"), self.year)
        self.all_years = QCheckBox(_("Of every year"))
        if kind == "action_points":
            self.all_years.setChecked(True)
            self.year.setEnabled(False)
            self.all_years.toggled.connect(lambda on: self.year.setEnabled(not on))
            form.addRow("", self.all_years)
        layout.addLayout(form)
        layout.addWidget(documents.preview_save_buttons(self))

    def writer(self) -> Writer:
        if self.kind == "decisions":
            return decisions_writer(self.year.value())
        return action_points_writer(None if self.all_years.isChecked() else self.year.value())

    def name(self) -> str:
        if self.kind == "decisions":
            return _("decisions-{year}").format(year=self.year.value())
        return _("open-action-points")

    def preview(self) -> Task:
        return documents.preview(self.ctx, self.writer(), self.name(), self)

    def save(self) -> Task | None:
        return documents.save_as(self.ctx, self.writer(), self.name(), self)

    def print_document(self) -> Task:
        return documents.print_pdf(self.ctx, self.writer(), self.name(), self)
