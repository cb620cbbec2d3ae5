"""A funder's grants, every year: amount, status, what was received, the deadlines; add or change
one, tick its payments in the cash book, record the day its accountability was filed."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app.core.services.funding.views import FunderDetail
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.funding.models import grant_columns
from huurdersgroep_app.ui.kit.table_model import RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import hint


class GrantsTab(QWidget):
    def __init__(self, ctx: AppContext, page, parent=None):
        super().__init__(parent)
        self.ctx, self.page = ctx, page
        self.detail: FunderDetail | None = None
        layout = QVBoxLayout(self)
        self.model = RowsTableModel(grant_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Grants"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        self.empty = hint(_("No grants yet. Add what the funder grants for each year, with its deadlines."))
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.new_button = QPushButton(_("New grant…"))
        self.edit_button = QPushButton(_("Change…"))
        self.payments_button = QPushButton(_("Payments received…"))
        self.accounted_button = QPushButton(_("Accountability filed…"))
        for button in (self.new_button, self.edit_button, self.payments_button, self.accounted_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_grant())
        self.new_button.clicked.connect(self.new_grant)
        self.edit_button.clicked.connect(self.edit_grant)
        self.payments_button.clicked.connect(self.payments)
        self.accounted_button.clicked.connect(self.accounted)
        self._update_buttons()

    def show_detail(self, detail: FunderDetail | None) -> None:
        chosen = self.selected()
        self.detail = detail
        self.model.set_rows(detail.grants if detail else [])
        if self.model.rows:  # a handful of rows: measuring them is cheap and no column is cut off
            self.table.resizeColumnsToContents()
        self.empty.setVisible(detail is not None and not detail.grants)
        of_year = next((g.id for g in self.model.rows if detail and g.year == detail.year), None)
        wanted = chosen.id if chosen else of_year
        for number, grant in enumerate(self.model.rows):
            if grant.id == wanted:
                self.table.selectRow(number)
        self._update_buttons()

    def selected(self):
        return selected_row(self.table)

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected() is not None
        self.new_button.setEnabled(self.detail is not None)
        for button in (self.edit_button, self.payments_button, self.accounted_button):
            button.setEnabled(chosen)

    def _dialog(self, dialog) -> bool:
        done = bool(dialog.exec())
        dialog.deleteLater()
        return done

    def new_grant(self) -> None:
        if self.detail is not None:
            from huurdersgroep_app.ui.funding.grant_dialog import GrantDialog

            self._dialog(GrantDialog(self.ctx, self.detail.id, self.detail.year, parent=self))

    def edit_grant(self) -> None:
        grant = self.selected()
        if grant is not None:
            from huurdersgroep_app.ui.funding.grant_dialog import GrantDialog

            self._dialog(GrantDialog(self.ctx, grant.funder_id, grant.year, grant.id, parent=self))

    def payments(self) -> None:
        grant = self.selected()
        if grant is not None:
            from huurdersgroep_app.ui.funding.payments_dialog import PaymentsDialog

            self._dialog(PaymentsDialog(self.ctx, grant.id, parent=self))

    def accounted(self) -> None:
        grant = self.selected()
        if grant is not None:
            from huurdersgroep_app.ui.funding.grant_dialog import AccountedDialog

            self._dialog(AccountedDialog(self.ctx, grant.id, parent=self))
