"""Choosing a person in a form: a list to type in, where a few letters find the name (a group of
thousands of members cannot be scrolled)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from huurdersgroep_app.i18n import _


def member_combo(choices: list[tuple[object, str]], empty: str | None = "") -> QComboBox:
    """``choices``: (value, label); ``empty``: the label of a first 'nobody' entry, or None for none."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if empty is not None:
        box.addItem(empty, None)
    for value, label in choices:
        box.addItem(label, value)
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    box.lineEdit().setPlaceholderText(_("Type a few letters of the name"))
    return box


def combo_value(box: QComboBox):
    """The data of the entry whose text is typed; None for the empty entry or an unknown name."""
    text = box.currentText().strip()
    current = box.currentIndex()
    # Two members may share a name: the chosen entry wins over the first with that text.
    found = current if current >= 0 and box.itemText(current) == text else box.findText(text)
    return box.itemData(found) if found >= 0 else None
