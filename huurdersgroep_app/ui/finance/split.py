"""The category lines of an entry: one line for a plain entry, several to split it.

Amounts in the lines are typed in the entry's own direction (both positive for an expense of
€ 30 split 20 + 10); the dialog applies the sign. With one line the line simply takes the
entry's amount, so a plain entry is typed once. Split, the newest line takes what is left until
the user types in it, and the widget shows live what is still to divide, so the sum can be made
to match before saving.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.finance.views import CategoryChoice
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.finance.models import ZERO, money, plain_amount, typed_amount
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, error_label


def fill_categories(combo: QComboBox, choices: list[CategoryChoice], kind: str, keep: int | None) -> None:
    """The categories of the entry's direction first, then (after a line) the others, for a
    refund; inactive categories only when the line already uses one."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(_("Not categorised"), None)
    mine = [c for c in choices if c.kind == kind and (c.active or c.id == keep)]
    others = [c for c in choices if c.kind != kind and (c.active or c.id == keep)]
    for choice in mine:
        combo.addItem(choice.label, choice.id)
    if others:
        combo.insertSeparator(combo.count())
        for choice in others:
            combo.addItem(choice.label, choice.id)
    found = combo.findData(keep)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


class SplitLine:
    def __init__(self, category: QComboBox, amount: QLineEdit, note: QLineEdit, remove: QToolButton):
        self.category, self.amount, self.note, self.remove = category, amount, note, remove
        self.auto = False  # takes the rest of the amount until the user types in it

    def widgets(self) -> tuple[QWidget, ...]:
        return self.category, self.amount, self.note, self.remove


class SplitLines(QWidget):
    changed = Signal()

    def __init__(self, choices: list[CategoryChoice], parent=None):
        super().__init__(parent)
        self.choices = choices
        self.kind = "expense"
        self.total: Decimal | None = None
        self.lines: list[SplitLine] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        layout.addLayout(self.grid)
        self.headers = [QLabel(_("Category")), QLabel(_("Amount")), QLabel(_("Note"))]
        for column, label in enumerate(self.headers):
            self.grid.addWidget(label, 0, column)
        self.remaining = QLabel()
        self.remaining.setWordWrap(True)
        layout.addWidget(self.remaining)
        self.error = error_label()
        layout.addWidget(self.error)
        self.add_button = QPushButton(_("Split over another category"))
        self.add_button.setToolTip(_("For a receipt that covers several categories, such as drinks and "
                                     "materials bought together."))
        self.add_button.clicked.connect(lambda: self.add_line(focus=True))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    # -- building ------------------------------------------------------------------------------
    def add_line(self, category_id: int | None = None, amount: Decimal | None = None, note: str = "",
                 focus: bool = False) -> SplitLine:
        if amount is None and self.lines:
            if len(self.lines) == 1 and not self.lines[0].amount.text().strip() and self.total is not None:
                self.lines[0].amount.setText(plain_amount(self.total))  # the first line held it all
            left = self.left_to_divide()
            amount = left if left else None
        number = len(self.lines) + 1
        category = QComboBox()
        category.setAccessibleName(_("Category of line {number}").format(number=number))
        fill_categories(category, self.choices, self.kind, category_id)
        amount_edit = QLineEdit(plain_amount(amount) if amount is not None else "")
        amount_edit.setAccessibleName(_("Amount of line {number}").format(number=number))
        amount_edit.setPlaceholderText("0,00")
        note_edit = QLineEdit(note)
        note_edit.setAccessibleName(_("Note of line {number}").format(number=number))
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(_("Remove this line"))
        remove.setAccessibleName(_("Remove line {number}").format(number=number))
        line = SplitLine(category, amount_edit, note_edit, remove)
        if number > 1 and (amount is None or focus):
            for other in self.lines:
                other.auto = False
            line.auto = True
        remove.clicked.connect(lambda: self.remove_line(line))
        category.currentIndexChanged.connect(self.changed)
        amount_edit.textEdited.connect(lambda _text: setattr(line, "auto", False))
        amount_edit.textChanged.connect(self._amounts_changed)
        for column, widget in enumerate(line.widgets()):
            self.grid.addWidget(widget, number, column)
        self.lines.append(line)
        self._update()
        if focus:
            amount_edit.setFocus()
            amount_edit.selectAll()
        return line

    def remove_line(self, line: SplitLine) -> None:
        if len(self.lines) <= 1:
            return
        self.lines.remove(line)
        for widget in line.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        for number, kept in enumerate(self.lines, start=1):
            for column, widget in enumerate(kept.widgets()):
                self.grid.addWidget(widget, number, column)
        self._update()

    # -- state ---------------------------------------------------------------------------------
    @property
    def split(self) -> bool:
        return len(self.lines) > 1

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        for line in self.lines:
            fill_categories(line.category, self.choices, kind, line.category.currentData())

    def set_total(self, total: Decimal | None) -> None:
        self.total = total
        self._amounts_changed()

    def _amounts_changed(self, *_args) -> None:
        """Let the line that takes the rest follow the other lines, then show what is left."""
        auto = next((line for line in self.lines if line.auto), None)
        if auto is not None and self.total is not None:
            others = [typed_amount(line.amount.text()) for line in self.lines if line is not auto]
            rest = self.total - sum((a for a in others if a is not None), ZERO)
            text = plain_amount(rest) if rest > 0 else ""
            if auto.amount.text() != text:
                auto.amount.blockSignals(True)
                auto.amount.setText(text)
                auto.amount.blockSignals(False)
        self._update()

    def left_to_divide(self) -> Decimal | None:
        if self.total is None:
            return None
        typed = [typed_amount(line.amount.text()) for line in self.lines]
        return self.total - sum((a for a in typed if a is not None), ZERO)

    def values(self) -> list[tuple[int | None, Decimal | str, str]]:
        """(category id, typed amount or the raw text the service will explain, note) per line."""
        result = []
        for line in self.lines:
            text = line.amount.text().strip()
            amount = typed_amount(text) if text else None
            result.append((line.category.currentData(), amount if amount is not None else text,
                           line.note.text().strip()))
        return result

    def set_read_only(self, read_only: bool) -> None:
        for line in self.lines:
            line.category.setEnabled(not read_only)
            line.amount.setReadOnly(read_only)
            line.note.setReadOnly(read_only)
            line.remove.setVisible(not read_only and self.split)
        self.add_button.setVisible(not read_only)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _update(self, *_args) -> None:
        split = self.split
        for widget in self.headers:
            widget.setVisible(split)
        # One line: the category takes the whole width; split: category, amount and note share it.
        self.grid.setColumnStretch(0, 3 if split else 1)
        self.grid.setColumnStretch(1, 1 if split else 0)
        self.grid.setColumnStretch(2, 2 if split else 0)
        for line in self.lines:
            line.amount.setVisible(split)
            line.note.setVisible(split)
            line.remove.setVisible(split)
        self.remaining.setVisible(split)
        if split:
            left = self.left_to_divide()
            if left is None:
                self.remaining.setText(_("Type the entry's amount first."))
                self.remaining.setStyleSheet("")
            elif left == 0:
                self.remaining.setText(_("The lines add up to the amount."))
                self.remaining.setStyleSheet("")
            elif left > 0:
                self.remaining.setText(_("Still to divide: {amount}").format(amount=money(left)))
                self.remaining.setStyleSheet(f"color: {ERROR_COLOUR};")
            else:
                self.remaining.setText(_("The lines are {amount} more than the entry's amount.").format(
                    amount=money(-left)))
                self.remaining.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.changed.emit()
