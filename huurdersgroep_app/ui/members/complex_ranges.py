"""The complex dialog's small table of address ranges: street, first and last number, which numbers
(all, even or odd) and optionally a postcode. The service checks them when the dialog saves."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QPushButton,
                               QSpinBox, QTableWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.members.address_ranges import PARITY_LABELS, AddressRange
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit.widgets import button_row

STREET, FIRST, LAST, PARITY, POSTCODE = range(5)


class RangesEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_("Street"), _("From no."), _("To no."), _("Numbers"), _("Postcode")])
        self.table.setAccessibleName(_("Address ranges"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(STREET, QHeaderView.ResizeMode.Stretch)
        for column in (FIRST, LAST, PARITY, POSTCODE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Wide enough for every column beside a street name of 20-odd letters, so nothing scrolls sideways.
        metrics = self.fontMetrics()
        self.table.setMinimumWidth(metrics.horizontalAdvance("Zwingelaarsstraat") + 2 * metrics.horizontalAdvance(
            _("From no.") + "0000") + metrics.horizontalAdvance(_("odd numbers") + "XXXX")
            + metrics.horizontalAdvance(_("Postcode") + "XX") + 60)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        layout.addWidget(self.table)
        self.add_button = QPushButton(_("Add a range"))
        self.remove_button = QPushButton(_("Remove range"))
        layout.addLayout(button_row(self.add_button, self.remove_button))
        self.add_button.clicked.connect(lambda: self.add_range())
        self.remove_button.clicked.connect(self.remove_current)

    def add_range(self, item: AddressRange | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        street = QLineEdit(item.street if item else "")
        street.setAccessibleName(_("Street"))
        self.table.setCellWidget(row, STREET, street)
        for column, value, name in ((FIRST, item.first_number if item else 1, _("From no.")),
                                    (LAST, item.last_number if item else 1, _("To no."))):
            number = QSpinBox()
            number.setRange(1, 99_999)
            number.setValue(value)
            number.setAccessibleName(name)
            self.table.setCellWidget(row, column, number)
        parity = QComboBox()
        for value, label in PARITY_LABELS.items():
            parity.addItem(_(label), value)
        parity.setCurrentIndex(max(0, parity.findData(item.parity if item else "all")))
        parity.setAccessibleName(_("Numbers"))
        self.table.setCellWidget(row, PARITY, parity)
        postcode = QLineEdit(item.postcode if item else "")
        postcode.setAccessibleName(_("Postcode"))
        postcode.setPlaceholderText(_("any"))
        self.table.setCellWidget(row, POSTCODE, postcode)
        if item is None:
            street.setFocus()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_ranges(self, ranges) -> None:
        self.table.setRowCount(0)
        for item in ranges:
            self.add_range(item)

    def ranges(self) -> list[AddressRange]:
        found = []
        for row in range(self.table.rowCount()):
            cell = self.table.cellWidget
            found.append(AddressRange(cell(row, STREET).text(), cell(row, FIRST).value(), cell(row, LAST).value(),
                                      cell(row, PARITY).currentData(), cell(row, POSTCODE).text()))
        return found
