"""A filter proxy for the smaller registers (advices, signals, contacts): search words tested
against each row's case- and accent-folded text, computed once per refresh rather than per
keystroke, plus a test from the page's own filters. Like ``member_model.MemberFilterProxy`` it
never sorts itself; sorting goes to the source ``RowsTableModel``, which sorts its Python list.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt

from huurdersgroep_app.core.services import names


class RowFilterProxy(QSortFilterProxyModel):
    def __init__(self, search_text: Callable[[Any], str], parent=None):
        super().__init__(parent)
        self._search_text = search_text
        self._folded: dict[int, str] = {}
        self._words: tuple[str, ...] = ()
        self._accepts: Callable[[Any], bool] | None = None

    def setSourceModel(self, model) -> None:  # noqa: N802 - Qt naming
        super().setSourceModel(model)
        # New rows after a refresh: their folded texts are computed again on first use.
        model.modelReset.connect(self._folded.clear)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_search(self, text: str) -> None:
        words = tuple(names.fold(text).split())
        if words != self._words:
            self._change(lambda: setattr(self, "_words", words))

    def set_test(self, accepts: Callable[[Any], bool] | None) -> None:
        """The page's filters as one test of a row (None: every row)."""
        self._change(lambda: setattr(self, "_accepts", accepts))

    def _change(self, apply) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _text(self, row) -> str:
        key = id(row)
        text = self._folded.get(key)
        if text is None:
            text = self._folded[key] = names.fold(self._search_text(row))
        return text

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt naming
        row = self.sourceModel().rows[source_row]
        if self._accepts is not None and not self._accepts(row):
            return False
        if self._words:
            text = self._text(row)
            return all(word in text for word in self._words)
        return True

    def row_at(self, proxy_row: int):
        return self.sourceModel().rows[self.mapToSource(self.index(proxy_row, 0)).row()]

    def source_rows(self) -> list:
        """The rows the filters let through, in the order shown."""
        return [self.row_at(n) for n in range(self.rowCount())]
