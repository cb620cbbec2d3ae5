"""The attendance list as a table model: everyone expected (an annual meeting of a large group lists
thousands), with present / excused / absent as three check columns that behave like radio
buttons, and the proxy holder. A click does not change the model: it asks for the change
(``status_requested``); the view saves it through the attendance service and hands back the rows.

When the same people come back (the usual case after a tick), the rows are replaced in place
with ``dataChanged``, so the selection and the scroll position stay where the user left them.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal

from huurdersgroep_app.core.services import names
from huurdersgroep_app.core.services.meetings.attendance import AttendanceRow
from huurdersgroep_app.i18n import _

ROW_ROLE = Qt.ItemDataRole.UserRole
STATUS_COLUMNS = {1: "present", 2: "excused", 3: "absent"}


def row_key(row: AttendanceRow) -> tuple:
    return ("guest", row.attendance_id) if row.is_guest else ("member", row.member_id)


def name_text(row: AttendanceRow) -> str:
    if not row.is_guest:
        return row.name
    if row.organisation:
        return _("{name} (guest, {organisation})").format(name=row.name, organisation=row.organisation)
    return _("{name} (guest)").format(name=row.name)


class AttendanceModel(QAbstractTableModel):
    status_requested = Signal(object, object)  # member id, status or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []
        self.search_texts: list[str] = []
        self.editable = True
        self.headers = [_("Name"), _("Present"), _("Excused"), _("Absent"), _("Proxy given to")]

    # -- Qt model interface --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if column in STATUS_COLUMNS:
            if role == Qt.ItemDataRole.CheckStateRole:
                checked = row.status == STATUS_COLUMNS[column]
                return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                return self.headers[column] if row.status == STATUS_COLUMNS[column] else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return name_text(row) if column == 0 else row.proxy_holder_name
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)

    def flags(self, index):
        # The boxes are not 'user checkable': the view toggles them on a click anywhere in the cell
        # (``toggle``), a bigger target than the box itself.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def can_toggle(self, index) -> bool:
        return (index.isValid() and index.column() in STATUS_COLUMNS and self.editable
                and not self.rows[index.row()].is_guest)

    def toggle(self, index) -> bool:
        """A click in a status column: that status, or no mark when it was already ticked."""
        if not self.can_toggle(index):
            return False
        row = self.rows[index.row()]
        wanted = STATUS_COLUMNS[index.column()]
        self.status_requested.emit(row.member_id, None if row.status == wanted else wanted)
        return True

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        return role == Qt.ItemDataRole.CheckStateRole and self.toggle(index)

    # -- our interface -------------------------------------------------------------------------------------
    def set_rows(self, rows: list[AttendanceRow], editable: bool = True) -> None:
        rows = list(rows)
        same_people = [row_key(r) for r in rows] == [row_key(r) for r in self.rows]
        self.editable = editable
        if same_people and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.search_texts = [names.fold(f"{r.name} {r.organisation}") for r in rows]
        self.endResetModel()


SHOW_CHOICES = ("all", "unmarked", "present", "excused", "absent", "guests")


def show_label(choice: str) -> str:
    return {"all": _("Everyone"), "unmarked": _("Not marked yet"), "present": _("Present"), "excused": _("Excused"),
            "absent": _("Absent"), "guests": _("Guests")}[choice]


class AttendanceFilter(QSortFilterProxyModel):
    """Search by name (accents and case ignored, on texts folded once per reload) and show one group."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.needle = ""
        self.show = "all"

    def set_search(self, text: str) -> None:
        self._change("needle", names.fold(text.strip()))

    def set_show(self, choice: str) -> None:
        self._change("show", choice)

    def _change(self, name: str, value) -> None:
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model: AttendanceModel = self.sourceModel()
        if self.needle and self.needle not in model.search_texts[source_row]:
            return False
        if self.show == "all":
            return True
        row = model.rows[source_row]
        if self.show == "guests":
            return row.is_guest
        if self.show == "unmarked":
            return row.status is None
        return row.status == self.show and not row.is_guest
