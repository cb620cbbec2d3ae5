"""The category cell of the cash book, edited in place: a combo of the group's categories of the line's
kind (income for money in, expense for money out), committed through ``entries.set_categories``, the
same single service call as 'Set category…', so a closed year or a split entry is refused the same way."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate


class CategoryDelegate(QStyledItemDelegate):
    """``choices(index)`` gives the (category id, label) pairs for the line at ``index`` and its current
    category id; ``commit(index, category_id)`` stores the choice (and shows a refusal)."""

    def __init__(self, choices: Callable, commit: Callable, parent=None):
        super().__init__(parent)
        self.choices = choices
        self.commit = commit

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal) or ""))
        pairs, _current = self.choices(index)
        for category_id, name in pairs:
            combo.addItem(name, category_id)
        # Choosing an item stores it at once: no Enter or click elsewhere needed to commit.
        combo.activated.connect(lambda _number: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        # A combo opening on the first click: one click to open, one to choose.
        QTimer.singleShot(0, combo, combo.showPopup)  # the context: not after the editor is gone
        return combo

    def setEditorData(self, editor, index):
        _pairs, current = self.choices(index)
        editor.setCurrentIndex(max(editor.findData(current), 0) if current is not None else -1)

    def setModelData(self, editor, model, index):
        category_id = editor.currentData()
        _pairs, current = self.choices(index)
        if category_id is not None and category_id != current:
            self.commit(index, category_id)
