"""The text of an advice: an editor, 'save as new version', and the list of earlier versions with
their dates. A version is never changed; an old one can be read and copied back into the editor."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps as advice_steps
from huurdersgroep_app.core.services.advices.record import AdviceRecord, VersionRow
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import error_label, fit_to_screen, hint


def version_columns() -> list[Column]:
    return [Column(_("Version"), lambda r: str(r.number), sort=lambda r: r.number, align_right=True, chars=6),
            Column(_("Saved on"), lambda r: formats.short_date(r.saved_on), sort=lambda r: (r.saved_on, r.number),
                   chars=10),
            Column(_("Note"), lambda r: r.note, chars=16)]


class VersionDialog(QDialog):
    """One saved version, read-only; 'Copy into the editor' starts a new version from it."""

    def __init__(self, version: VersionRow, can_copy: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Version {number} of {date}").format(number=version.number,
                                                                   date=formats.short_date(version.saved_on)))
        layout = QVBoxLayout(self)
        if version.note:
            layout.addWidget(hint(_("Note: {note}").format(note=version.note)))
        self.text = QPlainTextEdit(version.body)
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_("Copy into the editor"))
        self.copy_button.setEnabled(can_copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 40, 30)


class DraftsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.advice_id: int | None = None
        self._loaded_body = ""
        self._can_edit = True
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        writing = QWidget()
        left = QVBoxLayout(writing)
        left.setContentsMargins(0, 0, 0, 0)
        self.state = hint(_("Separate paragraphs with an empty line. Each save keeps a new version; earlier "
                            "versions stay as they were."))
        left.addWidget(self.state)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("Text of the advice"))
        self.editor.setTabChangesFocus(True)
        left.addWidget(self.editor, 1)
        row = QHBoxLayout()
        note_label = QLabel(_("What changed:"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional, for example 'after the board meeting'"))
        note_label.setBuddy(self.note)
        row.addWidget(note_label)
        row.addWidget(self.note, 1)
        self.save_button = QPushButton(_("Save as new version"))
        row.addWidget(self.save_button)
        left.addLayout(row)
        self.error = error_label()
        left.addWidget(self.error)
        splitter.addWidget(writing)

        history = QWidget()
        right = QVBoxLayout(history)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel(_("Saved versions")))
        self.model = RowsTableModel(version_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Saved versions"))
        size_columns(self.table, self.model.columns)
        right.addWidget(self.table, 1)
        self.view_button = QPushButton(_("Read this version…"))
        right.addWidget(self.view_button)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)

        self.save_button.clicked.connect(self.save)
        self.view_button.clicked.connect(self.view_version)
        self.table.doubleClicked.connect(lambda _index: self.view_version())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def load(self, record: AdviceRecord) -> None:
        self.advice_id = record.id
        latest = record.versions[-1].body if record.versions else ""
        if not self.has_changes():  # keep what the user is typing when another step reloads the dossier
            self.editor.setPlainText(latest)
        self._loaded_body = latest
        self._can_edit = record.status in advices.BEFORE_SENT
        self.editor.setReadOnly(not self._can_edit)
        self.note.setEnabled(self._can_edit)
        if not self._can_edit:
            self.state.setText(_("The advice was sent; its text can no longer change. This is the text of the "
                                 "letter."))
        self.model.set_rows(list(reversed(record.versions)))  # newest first
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def has_changes(self) -> bool:
        return self.editor.toPlainText().strip() != self._loaded_body.strip()

    def _update_buttons(self, *_args) -> None:
        self.save_button.setEnabled(self._can_edit)
        self.view_button.setEnabled(selected_row(self.table) is not None)

    def save(self) -> bool:
        self.error.setVisible(False)
        try:
            version = self.ctx.call(advice_steps.save_draft, self.advice_id, self.editor.toPlainText(), self.note.text())
        except DomainError as exc:  # an empty or unchanged text, or an advice already sent
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return False
        self.note.clear()
        self._loaded_body = version.body
        return True

    def view_version(self) -> None:
        version = selected_row(self.table)
        if version is None:
            return
        dialog = VersionDialog(version, self._can_edit, self)
        if dialog.exec():
            self.editor.setPlainText(version.body)
            self.editor.setFocus()
