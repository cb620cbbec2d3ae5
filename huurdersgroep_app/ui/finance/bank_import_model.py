"""The bank import preview as a table: every line of the file with its suggested category, which
the treasurer may change (a combo box in the cell) or leave out (the tick box). Lines already in
the books are greyed out and cannot be ticked: they are never booked twice."""
from __future__ import annotations


from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate

from huurdersgroep_app.core.services.finance.bank_import import ImportPreview, PreviewLine
from huurdersgroep_app.core.services.finance.dues import format_structured_reference
from huurdersgroep_app.core.services.finance.suggestions import REASONS
from huurdersgroep_app.core.services.finance.views import CategoryChoice, PreviewNames
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.finance.models import money
from huurdersgroep_app.ui.finance.split import fill_categories
from huurdersgroep_app.ui.kit.table_model import Column
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR

BOOK, DATE, COUNTERPARTY, DESCRIPTION, AMOUNT, CATEGORY, MEMBER = range(7)


def description(t) -> str:
    """The payment's message, or its structured reference when that is all it has."""
    if t.description or not t.structured_reference:
        return t.description
    digits = t.structured_reference
    return format_structured_reference(digits) if len(digits) == 12 and digits.isdigit() else digits


def reason_text(line: PreviewLine) -> str:
    if line.reason in REASONS:
        return _(REASONS[line.reason])
    return {"reference": _("the member's payment reference"),
            "member_dues": _("the member's account number and an amount that fits the dues"),
            "own_account": _("one of the group's own accounts"), "chosen": _("chosen by you")}.get(line.reason, "")


class PreviewModel(QAbstractTableModel):
    changed = Signal()  # a line was ticked, unticked or given another category

    def __init__(self, preview: ImportPreview, names: PreviewNames, parent=None):
        super().__init__(parent)
        self.preview, self.names = preview, names
        self.keep_member = False  # the preview's 'Keep the member link' box
        self.titles = [_("Book"), _("Date"), _("Counterparty"), _("Description"), _("Amount"), _("Category"),
                       _("Member")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.preview.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section] if 0 <= section < len(self.titles) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def line(self, row: int) -> PreviewLine:
        return self.preview.lines[row]

    def _category_text(self, line: PreviewLine) -> str:
        if line.duplicate:
            return _("Already booked")
        if line.transfer_account_id:
            other = self.names.accounts.get(line.transfer_account_id, "")
            return (_("Transfer from {account}") if line.transaction.amount > 0 else _("Transfer to {account}")).format(
                account=other)
        return self.names.category(line.category_id)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.preview.lines)):
            return None
        line, column = self.preview.lines[index.row()], index.column()
        t = line.transaction
        if role == Qt.ItemDataRole.DisplayRole:
            return {BOOK: "", DATE: formats.short_date(t.booking_date), COUNTERPARTY: t.counterparty_name,
                    DESCRIPTION: description(t), AMOUNT: money(t.amount), CATEGORY: self._category_text(line),
                    MEMBER: self.names.members.get(line.member_id, "")}[column]
        if role == Qt.ItemDataRole.EditRole and column == CATEGORY:
            return line.category_id
        if role == Qt.ItemDataRole.CheckStateRole and column == BOOK:
            booked = not line.duplicate and not line.skip
            return Qt.CheckState.Checked if booked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.duplicate:
                return _("This line is already in the books; it is not booked again.")
            if column == DESCRIPTION:
                return description(t)
            if column in (CATEGORY, MEMBER) and reason_text(line):
                return _("Suggested from {reason}.").format(reason=reason_text(line))
            if column == CATEGORY and not line.transfer_account_id:
                return _("Click to choose another category.")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (line.duplicate or line.skip):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.ForegroundRole and column == CATEGORY and line.category_id is None \
                and not line.transfer_account_id:
            return QBrush(QColor(ERROR_COLOUR))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        line = self.preview.lines[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if line.duplicate:
            return flags
        if index.column() == BOOK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == CATEGORY and not line.transfer_account_id and not line.skip:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        changeable = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        if not index.isValid() or not (self.flags(index) & changeable):
            return False
        line = self.preview.lines[index.row()]
        if index.column() == BOOK and role == Qt.ItemDataRole.CheckStateRole:
            line.skip = Qt.CheckState(value) != Qt.CheckState.Checked
        elif index.column() == CATEGORY and role == Qt.ItemDataRole.EditRole:
            if value == line.category_id:
                return True
            line.category_id, line.reason = value, "chosen"
            if value == self.names.dues_category_id:
                # dues again: the member it was matched to comes back
                line.member_id = line.member_id or line.matched_member_id
                line.dues_year = line.dues_year or line.matched_dues_year or (
                    line.transaction.booking_date.year if line.member_id else None)
            elif line.member_id and line.member_id == line.matched_member_id and not self.keep_member:
                # no longer dues: the member link was the dues match, so it goes (not booked as their dues)
                line.member_id, line.dues_year = None, None
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.changed.emit()
        return True


class CategoryDelegate(QStyledItemDelegate):
    """A combo box of categories in the Category cell: the line's direction first."""

    def __init__(self, choices: list[CategoryChoice], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        line = index.model().line(index.row())
        fill_categories(combo, self.choices, "income" if line.transaction.amount > 0 else "expense",
                        line.category_id)
        combo.activated.connect(lambda _i: (self.commitData.emit(combo), self.closeEditor.emit(combo)))
        # One click: the cell's click opens the editor (CurrentChanged) and the list opens with it; the
        # context object drops the call when the editor is already gone.
        QTimer.singleShot(0, combo, combo.showPopup)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def statement_columns() -> list[Column]:
    return [Column(_("Account"), lambda r: r.account_name, chars=14),
            Column(_("Statement"), lambda r: r.statement_id, chars=12),
            Column(_("From"), lambda r: formats.short_date(r.opening_date), sort=lambda r: r.opening_date, chars=10),
            Column(_("To"), lambda r: formats.short_date(r.closing_date), sort=lambda r: r.closing_date, chars=10),
            Column(_("Closing balance"), lambda r: money(r.closing_balance), sort=lambda r: r.closing_balance,
                   align_right=True, chars=12),
            Column(_("Lines"), lambda r: str(r.transactions), sort=lambda r: r.transactions, align_right=True),
            Column(_("File"), lambda r: r.file_name, tooltip=lambda r: r.file_name, chars=20)]
