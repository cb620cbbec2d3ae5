"""The first thing a new user sees: create a group, open an existing file, or try the demo group.

The dialog only closes with an open database (``self.database``), so an error while opening
shows a message and leaves the user here to choose again.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QCommandLinkButton, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import group_files as opening
from huurdersgroep_app.core.services.organisation import REGION_LABELS, REGIONS, OrganisationInput
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit.documents import documents_folder
from huurdersgroep_app.ui.kit.logo import LogoProblem, read_logo
from huurdersgroep_app.ui.kit.widgets import Form, error_label, fit_to_screen, heading, hint, landlord_address_rows
from huurdersgroep_app.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from huurdersgroep_app.core.services.group_files import Database

NEW_GROUP_FIELDS = ("name", "street", "house_number", "box", "postcode", "city", "landlord_name", "email", "iban",
                    "registration_number")


def suggested_new_path() -> Path:
    """A new group's file in the user's Documents folder, a place they will find again (and copy to a
    stick); numbered when taken. With HUURDERSGROEP_HOME (tests, a portable setup) in that folder."""
    if os.environ.get("HUURDERSGROEP_HOME"):
        return opening.suggested_new_path()
    folder = documents_folder()
    stem = Path(opening.paths.DEFAULT_DB_NAME).stem
    path, number = folder / f"{stem}.sqlite", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.sqlite", number + 1
    return path


class WelcomeDialog(QDialog):
    def __init__(self, parent=None, message: str = ""):
        super().__init__(parent)
        self.database: Database | None = None
        self.task: Task | None = None  # the file being opened or made, off the window's thread
        self.logo: tuple[bytes, str] | None = None
        self.created = False  # the database is a group made here: the first-run guide follows
        self.setWindowTitle(_("Welcome"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choice_page(message))
        self.stack.addWidget(self._create_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        fit_to_screen(self, 42, 36)

    # -- first page: what do you want to do? -------------------------------------------------------
    def _choice_page(self, message: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_("Welcome")))
        layout.addWidget(hint(_("This program keeps the members, the board and the documents of a tenant "
                                "group. Everything stays on this computer.")))
        self.message = error_label()
        if message:
            self.message.setText(message)
            self.message.setVisible(True)
        layout.addWidget(self.message)
        self.create_button = QCommandLinkButton(_("Create a new group"),
                                                _("Start with an empty register for your group."))
        self.open_button = QCommandLinkButton(_("Open an existing file"),
                                              _("A group file made earlier, on this or another computer."))
        self.demo_button = QCommandLinkButton(_("Try the demo group"),
                                              _("An invented group with members and a board, to look around "
                                                "without risk."))
        self.create_button.clicked.connect(lambda: self.show_create_page())
        self.open_button.clicked.connect(self.choose_file)
        self.demo_button.clicked.connect(self.try_demo)
        for button in (self.create_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    # -- second page: a new group ---------------------------------------------------------------------
    def _create_page(self) -> QWidget:
        # Two columns (the group | the landlord, logo and file) so the whole form fits a 1366×768
        # laptop without scrolling, also at a large text size; both forms share one set of messages.
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(heading(_("A new group"), 2))
        labels = {"name": _("Name of the group (required)"), "landlord_name": _("Landlord"), "street": _("Street"),
                  "house_number": _("Number"), "box": _("Box"), "postcode": _("Postcode"), "city": _("City"),
                  "email": _("E-mail"), "iban": _("Bank account (IBAN)"),
                  "registration_number": _("Registration number")}
        self.form = Form()
        side = Form(self.form.errors)
        self.fields: dict[str, QLineEdit] = {}
        self.fields["name"] = self.form.add("name", labels["name"], QLineEdit())
        self.region = QComboBox()
        for region in REGIONS:
            self.region.addItem(_(REGION_LABELS[region]), region)
        self.form.add("region", _("Region"), self.region)
        self.form.addRow(hint(_("The region sets the rules the program follows and the language of the documents.")))
        # the group's address in two rows, as the landlord's beside it
        self.fields.update(self.form.add_line(_("Address of the group"), [
            ("street", labels["street"], 5), ("house_number", labels["house_number"], 1), ("box", labels["box"], 1)]))
        self.fields.update(self.form.add_line(_("Postcode and city"), [
            ("postcode", labels["postcode"], 1), ("city", labels["city"], 3)]))
        for key in ("email", "iban", "registration_number"):
            self.fields[key] = self.form.add(key, labels[key], QLineEdit())
        self.fields["landlord_name"] = side.add("landlord_name", labels["landlord_name"], QLineEdit())
        self.fields.update(landlord_address_rows(side))  # so the first advice letter is addressed
        logo_row = QWidget()
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        self.logo_label = QLabel(_("No logo (you can add one later)"))
        self.logo_label.setWordWrap(True)
        choose_logo = QPushButton(_("Choose logo…"))
        choose_logo.clicked.connect(self.choose_logo)
        logo_layout.addWidget(self.logo_label, 1)
        logo_layout.addWidget(choose_logo)
        side.add("logo", _("Logo"), logo_row)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(str(suggested_new_path()))
        self.path.setAccessibleName(_("Save the group in"))
        browse = QPushButton(_("Elsewhere…"))
        browse.clicked.connect(self.choose_location)
        file_layout.addWidget(self.path, 1)
        file_layout.addWidget(browse)
        side.add("path", _("Save the group in"), file_row)
        columns = QHBoxLayout()
        for form in (self.form, side):
            # labels above their fields: long Dutch and French labels would squeeze the fields
            form.setRowWrapPolicy(Form.RowWrapPolicy.WrapAllRows)
            holder = QVBoxLayout()
            holder.addLayout(form)
            holder.addStretch(1)
            columns.addLayout(holder, 1)
        body = QWidget()
        body.setLayout(columns)
        # Still a scroll area: at 200 % on a small screen the form may be taller than the screen.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        back = QPushButton(_("Back"))
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.create_group_button = QPushButton(_("Create the group"))
        self.create_group_button.clicked.connect(self.create_group)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_group_button)
        outer.addLayout(buttons)
        return page

    def show_create_page(self, path: Path | None = None) -> None:
        """The new-group form, with ``path`` as the file when given (``--db`` for a file not there)."""
        if path is not None:
            self.path.setText(str(path))
        self.stack.setCurrentIndex(1)
        self._fit_create_page()
        # Made the default here, not when built: only a button already inside the dialog becomes the
        # dialog's own default, and the command link clicked to come here took that role while it had
        # the focus, so Enter in a field did nothing.
        self.create_group_button.setDefault(True)
        self.fields["name"].setFocus()

    def create_page_size(self) -> QSize:
        """The size that shows the whole new-group form without scrolling (in the current font)."""
        body = self.scroll.widget().sizeHint()
        chrome = self.sizeHint() - self.scroll.sizeHint()  # heading, buttons and margins around the form
        frame = self.scroll.frameWidth() * 2
        return QSize(body.width() + frame + self.scroll.verticalScrollBar().sizeHint().width() + chrome.width(),
                     body.height() + frame + chrome.height())

    def _fit_create_page(self) -> None:
        """Big enough to show the whole form without scrolling, where the screen has the room."""
        width, height = self.create_page_size().toTuple()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, int(room.height() * 0.95))
        self.resize(width, height)

    def choose_logo(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the logo"), folder,
                                                      _("Pictures (*.png *.jpg *.jpeg)"))
        if chosen:
            self.set_logo_file(Path(chosen))

    def set_logo_file(self, path: Path) -> bool:
        try:
            self.logo = read_logo(path)
        except LogoProblem as exc:
            self.form.show_problems({"logo": str(exc)})
            return False
        self.logo_label.setText(path.name)
        return True

    def choose_location(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Where to save the group"), self.path.text(),
                                                      _("Group files (*.sqlite)"))
        if chosen:
            self.path.setText(chosen if chosen.endswith(".sqlite") else chosen + ".sqlite")

    def organisation_input(self) -> OrganisationInput:
        return OrganisationInput(region=self.region.currentData(),
                                 **{key: field.text() for key, field in self.fields.items()})

    def create_group(self) -> Task | None:
        """Make the new group's file on a worker; its problems come back under the fields. The
        returned task has ``result`` (the Database) once done; None when refused at once."""
        self.form.clear_problems()
        path_text = self.path.text().strip()
        if not path_text:
            self.form.show_problems({"path": _("Choose where to save the group.")})
            return None
        logo, mime = self.logo or (None, "")
        data, target = self.organisation_input(), Path(path_text)
        self.created = True  # read only once the file is made (the dialog is accepted then)
        return self._start(lambda progress, cancel: opening.create_group_file(target, data, logo, mime),
                           _("Creating the group…"), failure=self._creation_failed)

    def _creation_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rest = self.form.show_problems(exc.problems)
            if rest:
                self._error("\n".join(rest.values()))
        elif isinstance(exc, DomainError):
            self.form.show_problems({"path": exc.message})
        else:
            self.form.show_problems({"path": _("The file could not be made: {problem}").format(
                problem=getattr(exc, "strerror", None) or exc)})

    # -- open or demo ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = str(opening.paths.data_dir()) if opening.paths.data_dir().exists() else \
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Open a group file"), folder,
                                                      _("Group files (*.sqlite);;All files (*)"))
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> Task | None:
        # An older file is upgraded while it opens: that can take a while, so it is a task too.
        self.created = False
        return self._start(lambda progress, cancel: opening.open_group_file(path), _("Opening the group…"))

    def try_demo(self) -> Task | None:
        # Building the demo takes seconds; the file only appears when it is whole, so Cancel is safe.
        self.created = False
        return self._start(lambda progress, cancel: opening.open_demo(progress=progress, cancel=cancel),
                           _("Creating the demo group…"), cancellable=True)

    def _start(self, work, label: str, failure=None, cancellable: bool = False) -> Task | None:
        if self.task is not None and not self.task.done:
            return None  # one file at a time
        self.task = run_task(self, work, success=self._opened, failure=failure, label=label,
                             cancellable=cancellable)
        return self.task

    def _opened(self, database: Database) -> None:
        self.database = database
        self.accept()

    def reject(self) -> None:
        # Closed while a file is being opened: wait for it, or the open file would be left behind.
        if self.task is not None and not self.task.done:
            return
        super().reject()

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, _("This did not work"), message)
