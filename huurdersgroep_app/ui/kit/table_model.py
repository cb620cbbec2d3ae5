"""A table model over plain rows (dataclasses from core.services), with a sort role.

Columns say how to show a row and how to sort it. Sorting happens here, on the Python list with
a key function, so a 10,000-row table sorts in milliseconds; the proxies in front of it only
filter (see ``member_model``). Small tables may still sort through a QSortFilterProxyModel
using ``SORT_ROLE``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from huurdersgroep_app.ui.kit.cell_tooltip import show_cut_text_as_tooltip

ROW_ROLE = Qt.ItemDataRole.UserRole          # the plain row object
SORT_ROLE = Qt.ItemDataRole.UserRole + 1     # a value that sorts correctly (sort key, ISO date, number)
ID_ROLE = Qt.ItemDataRole.UserRole + 2       # the row's ``id`` when it has one

# How much a column matters when the table is too narrow for all of them (``kit/table_columns``):
# an essential column is always shown, low ones are hidden first.
ESSENTIAL, HIGH, MEDIUM, LOW = 0, 1, 2, 3


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None   # defaults to the text, case-folded
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None
    chars: int = 0  # first width, in average characters (scales with the font, unlike pixels)
    priority: int = MEDIUM


def _none_last(value):
    return (value is None, value if value is not None else 0)


class RowsTableModel(QAbstractTableModel):
    """Read-only rows; ``dimmed(row)`` greys out rows such as former members."""

    def __init__(self, columns: Sequence[Column], rows: Sequence = (), parent=None,
                 dimmed: Callable[[Any], bool] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = list(rows)
        self.dimmed = dimmed
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            # None stays an invalid value, which Qt's own sorting puts first.
            return column.sort(row) if column.sort is not None else column.text(row).casefold()
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.dimmed is not None and self.dimmed(row):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        # A view with a delegate for a column edits it in place (the delegate stores through a service).
        if index.column() in getattr(self, "editable_columns", ()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self.rows[i.row()] for i in persistent]
        self._sort_rows()
        if persistent:
            position = {id(row): n for n, row in enumerate(self.rows)}
            self.changePersistentIndexList(persistent, [self.index(position[id(row)], i.column())
                                                        for row, i in zip(held, persistent, strict=True)])
        self.layoutChanged.emit()

    # -- our interface -------------------------------------------------------------------------
    def sort_value(self, column: Column, row):
        if column.sort is not None:
            return _none_last(column.sort(row))
        return column.text(row).casefold()

    def _sort_rows(self) -> None:
        if self._sort is None:
            return
        number, order = self._sort
        column = self.columns[number]
        self.rows.sort(key=lambda row: self.sort_value(column, row),
                       reverse=order == Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: Sequence) -> None:
        """Replace all rows (after a refresh), keeping the user's chosen sort order."""
        self.beginResetModel()
        self.rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row]


def table_view(model, parent=None, *, stretch_last: bool = True) -> QTableView:
    """A read-only table: whole-row selection, sortable headers, alternating row colours."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(int(view.fontMetrics().height() * 1.6))
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setHighlightSections(False)
    show_cut_text_as_tooltip(view)
    return view


def size_columns(view: QTableView, columns: Sequence[Column]) -> None:
    """Give columns a first width from their ``chars`` and their title, measured in the view's font;
    cheaper than resizeColumnsToContents on thousands of rows."""
    metrics = view.fontMetrics()
    padding = metrics.averageCharWidth() * 3
    for number, column in enumerate(columns):
        title = metrics.horizontalAdvance(column.title) + padding * 2  # room for the sort arrow
        view.setColumnWidth(number, max(title, metrics.averageCharWidth() * column.chars + padding))


def selected_row(view: QTableView):
    """The plain row under the view's current selection, or None."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not indexes:
        return None
    return view.model().data(indexes[0], ROW_ROLE)
