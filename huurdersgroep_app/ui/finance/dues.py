"""Membership dues: the yearly amount, who paid and who did not, and the payment request letters
with each member's structured reference and a 'scan to pay' QR code."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app.core.services.finance import dues
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.finance.dialogs import amount_value
from huurdersgroep_app.ui.finance.documents import document_button, dues_letters_writer
from huurdersgroep_app.ui.finance.models import YearInfo, money, plain_amount
from huurdersgroep_app.ui.kit.table_model import (SORT_ROLE, Column, RowsTableModel, selected_row, size_columns,
                                                  table_view)
from huurdersgroep_app.ui.kit.widgets import error_label, hint

ALL, PAID, UNPAID = "all", "paid", "unpaid"


def dues_columns() -> list[Column]:
    return [Column(_("Member"), lambda r: r.name, chars=24),
            Column(_("Payment reference"), lambda r: r.reference, chars=26),
            Column(_("Due"), lambda r: money(r.due) if r.due is not None else "–",
                   sort=lambda r: r.due if r.due is not None else Decimal("-1"), align_right=True, chars=10),
            Column(_("Paid"), lambda r: money(r.paid), sort=lambda r: r.paid, align_right=True, chars=10),
            Column(_("Still to pay"), lambda r: money(r.outstanding) if r.outstanding else "",
                   sort=lambda r: r.outstanding, align_right=True, chars=10),
            Column(_("Status"), status_label)]


def status_label(row: dues.DuesRow) -> str:
    if row.status == dues.NOTHING_DUE:
        return _("Nothing due")
    return _("Paid") if row.status == dues.PAID else _("Not paid yet")


class DuesProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.choice = ALL
        self.setSortRole(SORT_ROLE)

    def set_show(self, show: str) -> None:
        self.beginFilterChange()
        self.choice = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        row = self.sourceModel().rows[source_row]
        return self.choice == ALL or row.status == {PAID: dues.PAID, UNPAID: dues.UNPAID}[self.choice]


class DuesTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = YearInfo(date.today().year, False)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.amount_label = QLabel()
        self.amount = QLineEdit()
        self.amount.setAccessibleName(_("Dues per member"))
        self.amount.setPlaceholderText(_("for example 5,00"))
        self.amount.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.amount_label.setBuddy(self.amount)
        self.save_button = QPushButton(_("Save the amount"))
        row.addWidget(self.amount_label)
        row.addWidget(self.amount)
        row.addWidget(self.save_button)
        row.addStretch(1)
        show_label = QLabel(_("Show:"))
        self.show_choice = QComboBox()
        self.show_choice.setAccessibleName(_("Show"))
        for value, text in ((ALL, _("All members")), (UNPAID, _("Not paid yet")), (PAID, _("Paid"))):
            self.show_choice.addItem(text, value)
        show_label.setBuddy(self.show_choice)
        row.addWidget(show_label)
        row.addWidget(self.show_choice)
        layout.addLayout(row)
        self.amount_error = error_label()
        layout.addWidget(self.amount_error)
        self.summary = hint("")
        layout.addWidget(self.summary)
        # Members who left get no payment request (dues_letters): the treasurer decides, so they are named here.
        self.leavers = hint("")
        self.leavers.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.leavers)

        self.model = RowsTableModel(dues_columns(), parent=self)
        self.proxy = DuesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Dues per member"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)

        documents = QHBoxLayout()
        documents.addWidget(document_button(ctx, _("Payment requests to everyone who has not paid (PDF)"),
                                            lambda: dues_letters_writer(self.info.year),
                                            lambda: _("dues-{year}").format(year=self.info.year), self))
        self.member_letter = document_button(ctx, _("Payment request for the chosen member (PDF)"),
                                             self._member_writer, self._member_name, self)
        documents.addWidget(self.member_letter)
        documents.addStretch(1)
        layout.addLayout(documents)

        self.save_button.clicked.connect(self.save_amount)
        self.amount.returnPressed.connect(self.save_amount)
        self.show_choice.currentIndexChanged.connect(lambda _i: self.proxy.set_show(self.show_choice.currentData()))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def set_year(self, info: YearInfo) -> None:
        self.info = info

    def refresh(self) -> None:
        view = self.ctx.read(views.read_dues, self.info.year)
        amount, rows = view.amount, view.rows
        self.amount_label.setText(_("Dues per member for {year}:").format(year=self.info.year))
        self.amount.setText(plain_amount(amount) if amount is not None else "")
        self.amount_error.setVisible(False)
        self.model.set_rows(rows)
        paid = sum(1 for r in rows if r.has_paid)
        outstanding = sum((r.outstanding for r in rows), Decimal("0.00"))
        if amount is None:
            self.summary.setText(_("Fill in the dues for {year} first; then the letters can be made.").format(
                year=self.info.year))
        else:
            self.summary.setText(_("{paid} of {total} members paid; {outstanding} is still to be received.").format(
                paid=paid, total=len(rows), outstanding=money(outstanding)))
        names = ", ".join(_("{name} (left {date})").format(name=m.name, date=formats.short_date(m.left_on))
                          for m in view.left)
        self.leavers.setText(ngettext(
            "{count} member left without paying the dues for {year} and gets no payment request; decide "
            "yourself whether to ask: {names}.",
            "{count} members left without paying the dues for {year} and get no payment request; decide "
            "yourself whether to ask: {names}.", len(view.left)).format(count=len(view.left), year=self.info.year,
                                                                         names=names))
        self.leavers.setVisible(bool(view.left))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.member_letter.setEnabled(selected_row(self.table) is not None)

    def _member_writer(self):
        row = selected_row(self.table)
        return dues_letters_writer(self.info.year, [row.member_id] if row else [], unpaid_only=False)

    def _member_name(self) -> str:
        row = selected_row(self.table)
        return _("dues-{year}-{name}").format(year=self.info.year, name=row.name if row else "")

    def save_amount(self) -> bool:
        return attempt(self.ctx, self, None, lambda: self.ctx.call(
            dues.set_dues_amount, self.info.year, amount_value(self.amount)), self.amount_error).ok
