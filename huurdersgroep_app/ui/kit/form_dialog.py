"""A small dialog around one form and one service call: the shape of every step of a dossier or a
signal (send, reply, forward, answer …). Problems the service names by field appear under that
field in red; any other refusal is shown in a message box, and nothing was changed."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from huurdersgroep_app.core.services import validation
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import DateField, Form, hint


def text_box(lines: int = 4) -> QPlainTextEdit:
    """A plain text field a few lines high, where Tab moves on instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().height() * (lines + 1))
    return box


def contact_box(choices: list[tuple[int, str]], current: int | None = None, empty: str = "") -> QComboBox:
    """A list of people from the contacts register; ``empty`` offers 'nobody in particular' first."""
    box = QComboBox()
    if empty:
        box.addItem(empty, None)
    for contact_id, label in choices:
        box.addItem(label, contact_id)
    found = box.findData(current)
    box.setCurrentIndex(found if found >= 0 else 0)
    return box


class FormDialog(QDialog):
    """Subclasses add fields to ``self.form`` and define ``save()``, which reads them and calls
    ``self.submit(service_function, ...)``."""

    def __init__(self, ctx: AppContext, title: str, explanation: str = "", ok_text: str = "", parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        if explanation:
            self.layout_.addWidget(hint(explanation))
        self.form = Form()
        self.layout_.addLayout(self.form)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, ok_text)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.layout_.addWidget(self.buttons)
        # Enter in a field saves, whichever button had the focus before: set once the button is inside
        # the dialog, as only then does the dialog take it as its own default.
        self.ok_button.setDefault(True)
        self.setMinimumWidth(self.fontMetrics().height() * 28)

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        return self.form.add(key, label, widget)

    def add_date(self, key: str, label: str, value: date | None = None) -> DateField:
        return self.form.add(key, label, DateField(value))

    def read_dates(self, fields: dict[str, tuple[DateField, str]]) -> dict[str, date | None] | None:
        """Read date fields ({key: (field, message when empty, or '' if it may stay empty)});
        None after showing the problems under the fields."""
        values, problems = {}, {}
        for key, (field, required) in fields.items():
            try:
                values[key] = field.date()
                if values[key] is None and required:
                    problems[key] = required
            except validation.FieldError as exc:
                problems[key] = str(exc)
        if problems:
            self.form.show_problems(problems)
            return None
        return values

    def submit(self, action: Callable, *args, **kwargs) -> bool:
        """Run one service call in one transaction; close the dialog when it succeeds."""
        def work():
            self.result_value = self.ctx.call(action, *args, **kwargs)  # set before the dialog closes

        return save_and_close(self, self.form.errors, work).ok
