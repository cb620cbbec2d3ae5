"""Funding: who pays the group, what they grant each year, on which conditions, and — for the year
chosen at the top — whether the group meets them. The funders are on the left; the compliance
check and the grants of the chosen funder on the right."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.funding import views
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET, TO_CONFIRM
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.funding.conditions_tab import ConditionsTab
from huurdersgroep_app.ui.funding.grants_tab import GrantsTab
from huurdersgroep_app.ui.funding.models import funder_columns
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import ID_ROLE, SORT_ROLE, RowsTableModel, selected_row, table_view
from huurdersgroep_app.ui.kit.widgets import button_row, heading, hint

TABS = ("compliance", "grants")


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: views.FunderDetail | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(_("Funding")), 1)
        year_label = QLabel(_("Year:"))
        self.year = QComboBox()
        self.year.setAccessibleName(_("Year"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        layout.addLayout(top)
        layout.addWidget(hint(_("Each funder asks its own conditions. The app checks what it can from what was "
                                "recorded; the funder's own words are confirmed with a note or a file.")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left_box = QGroupBox(_("Funders"))
        left = QVBoxLayout(left_box)
        self.funder_model = RowsTableModel(funder_columns(), parent=self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(self.funder_model)
        self.funders = table_view(proxy)
        self.funders.setAccessibleName(_("Funders"))
        self.funders.setSortingEnabled(True)
        self.funders.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # Measured on the names: "Woonmaatschappij Vlasland" beside its kind was cut in the narrow panel.
        fit_columns(self.funders, "funding.funders", self.funder_model.columns)
        left.addWidget(self.funders, 1)
        self.new_button = QPushButton(_("New funder…"))
        self.edit_button = QPushButton(_("Change…"))
        left.addLayout(button_row(self.new_button, self.edit_button))
        splitter.addWidget(left_box)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = heading("", 2)
        right_layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.compliance = ConditionsTab(ctx, self)
        self.grants = GrantsTab(ctx, self)
        self.tabs.addTab(self.compliance, _("Conditions and compliance"))
        self.tabs.addTab(self.grants, _("Grants"))
        right_layout.addWidget(self.tabs, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        unit = self.fontMetrics().averageCharWidth()
        splitter.setSizes([unit * 36, unit * 120])

        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.funders.selectionModel().selectionChanged.connect(self._funder_changed)
        self.funders.doubleClicked.connect(lambda _index: self.edit_funder())
        self.new_button.clicked.connect(self.new_funder)
        self.edit_button.clicked.connect(self.edit_funder)

    # -- data ------------------------------------------------------------------------------------------
    def chosen_year(self) -> int:
        return self.year.currentData() or date.today().year

    def selected_funder_id(self) -> int | None:
        row = selected_row(self.funders)
        return row.id if row is not None else None

    def refresh(self, funder_id: int | None = None) -> None:
        """Everything again; ``funder_id`` chooses the funder shown (else the one shown before)."""
        if funder_id is None:
            funder_id = self.detail.id if self.detail is not None else self.selected_funder_id()
        view = self.ctx.read(views.read_page, funder_id, self.chosen_year())
        rows, years, self.detail = view.funders, view.years, view.detail
        wanted = self.chosen_year()
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(wanted), 0))
        self.year.blockSignals(False)
        self.funders.selectionModel().blockSignals(True)
        self.funder_model.set_rows(rows)
        self._select_funder(self.detail.id if self.detail else None)
        self.funders.selectionModel().blockSignals(False)
        self._show_detail()

    def _select_funder(self, funder_id: int | None) -> None:
        model = self.funders.model()
        for number in range(model.rowCount()):
            if model.index(number, 0).data(ID_ROLE) == funder_id:
                self.funders.selectRow(number)
                return

    def _funder_changed(self, *_args) -> None:
        funder_id = self.selected_funder_id()
        if funder_id is not None and (self.detail is None or funder_id != self.detail.id):
            self.detail = self.ctx.read(views.funder_detail, funder_id, self.chosen_year())
            self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        self.edit_button.setEnabled(detail is not None)
        if detail is None:
            self.summary.setText(_("No funders yet. Add the landlord or the municipality that pays the group."))
        else:
            self.summary.setText(_("{funder}, {year}: {met} met, {not_met} not met, {to_confirm} to confirm").format(
                funder=detail.name, year=detail.year, met=detail.count(MET), not_met=detail.count(NOT_MET),
                to_confirm=detail.count(TO_CONFIRM)))
        self.compliance.show_detail(detail)
        self.grants.show_detail(detail)

    # -- navigation --------------------------------------------------------------------------------------
    def show_funder(self, funder_id: int, year: int | None = None) -> None:
        """The funder's compliance for ``year`` (from the Overview's deadlines)."""
        if year is not None:
            if self.year.findData(year) < 0:
                self.year.addItem(str(year), year)
            self.year.blockSignals(True)
            self.year.setCurrentIndex(self.year.findData(year))
            self.year.blockSignals(False)
        self.refresh(funder_id)
        self.compliance.show_detail(self.detail, keep=False)  # what needs doing for this funder and year
        self.show_tab("compliance")

    def show_tab(self, name: str) -> QWidget:
        self.tabs.setCurrentIndex(TABS.index(name))
        return self.tabs.currentWidget()

    # -- actions -----------------------------------------------------------------------------------------
    def new_funder(self) -> None:
        from huurdersgroep_app.ui.funding.funder_dialog import FunderDialog

        dialog = FunderDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.result_value is not None:
            self.refresh(dialog.result_value.id)
        dialog.deleteLater()

    def edit_funder(self) -> None:
        if self.detail is not None:
            from huurdersgroep_app.ui.funding.funder_dialog import FunderDialog

            dialog = FunderDialog(self.ctx, self.detail.id, parent=self)
            dialog.exec()
            dialog.deleteLater()
