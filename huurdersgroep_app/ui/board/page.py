"""Board: who holds which office until when, the full history, and the retirement rota
(rooster van aftreden) for the next annual meeting. The board list PDF is made here."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from huurdersgroep_app.core.documents.catalogue import dated_file_stem
from huurdersgroep_app.core.services.members.board import OFFICE_ROLES
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members.views import read_board
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import (ESSENTIAL, HIGH, LOW, SORT_ROLE, Column, RowsTableModel, selected_row,
                                                  table_view)
from huurdersgroep_app.ui.kit.widgets import button_row, heading, hint


def _role_order(row) -> int:
    return OFFICE_ROLES.index(row.role) if row.role in OFFICE_ROLES else 99


def _date_column(title: str, attr: str, priority: int = HIGH) -> Column:
    return Column(title, lambda r: formats.short_date(getattr(r, attr)),
                  sort=lambda r: (getattr(r, attr) or date.max).isoformat(), chars=10, priority=priority)


def office_columns() -> list[Column]:
    return [Column(_("Office"), lambda r: board.role_label(r.role), sort=_role_order, chars=14, priority=ESSENTIAL),
            Column(_("Member"), lambda r: r.member_name, chars=24, priority=ESSENTIAL),
            _date_column(_("Since"), "start_on"),
            _date_column(_("End of term"), "planned_end_on")]


def history_columns() -> list[Column]:
    return [Column(_("Office"), lambda r: board.role_label(r.role), sort=_role_order, chars=14, priority=ESSENTIAL),
            Column(_("Member"), lambda r: r.member_name, chars=24, priority=ESSENTIAL),
            _date_column(_("From"), "start_on"),
            _date_column(_("Planned end"), "planned_end_on", LOW),
            _date_column(_("Ended on"), "ended_on")]


def rota_columns() -> list[Column]:
    return [Column(_("Member"), lambda r: r.member_name, chars=24, priority=ESSENTIAL),
            Column(_("Office"), lambda r: board.role_label(r.role), sort=_role_order, chars=14, priority=ESSENTIAL),
            _date_column(_("Since"), "start_on", LOW),
            _date_column(_("End of term"), "planned_end_on"),
            Column(_("Steps down"), lambda r: _("Yes") if r.due else _("No"), sort=lambda r: 0 if r.due else 1,
                   priority=HIGH)]


def _sorted_table(model: RowsTableModel, name: str, table_id: str, column: int = 0,
                  order: Qt.SortOrder = Qt.SortOrder.AscendingOrder):
    proxy = QSortFilterProxyModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    view = table_view(proxy)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(column, order)
    fit_columns(view, table_id, model.columns)  # owned by the view
    return view


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Board")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        current_tab = QWidget()
        current_layout = QVBoxLayout(current_tab)
        self.current_model = RowsTableModel(office_columns(), parent=self)
        self.current_table = _sorted_table(self.current_model, _("Current board"), "board.current")
        current_layout.addWidget(self.current_table, 1)
        self.assign_button = QPushButton(_("Give an office…"))
        self.end_button = QPushButton(_("End office…"))
        current_layout.addLayout(button_row(self.assign_button, self.end_button))
        self.tabs.addTab(current_tab, _("Current board"))

        rota_tab = QWidget()
        rota_layout = QVBoxLayout(rota_tab)
        self.rota_text = hint("")
        rota_layout.addWidget(self.rota_text)
        self.rota_model = RowsTableModel(rota_columns(), parent=self)
        self.rota_table = _sorted_table(self.rota_model, _("Retirement rota"), "board.rota", 3)
        rota_layout.addWidget(self.rota_table, 1)
        self.tabs.addTab(rota_tab, _("Retirement rota"))

        history_tab = QWidget()
        history_layout = QVBoxLayout(history_tab)
        self.history_model = RowsTableModel(history_columns(), parent=self, dimmed=lambda r: r.ended_on is not None)
        self.history_table = _sorted_table(self.history_model, _("History"), "board.history", 2,
                                           Qt.SortOrder.DescendingOrder)
        history_layout.addWidget(self.history_table, 1)
        self.tabs.addTab(history_tab, _("History"))

        documents = QGroupBox(_("Board list (PDF)"))
        doc_layout = QHBoxLayout(documents)
        doc_layout.addWidget(hint(_("Offices, terms and the retirement rota, on the group's letterhead.")), 1)
        self.preview_button = QPushButton(_("Preview"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.print_button = QPushButton(_("Print…"))
        for button in (self.preview_button, self.save_button, self.print_button):
            doc_layout.addWidget(button)
        layout.addWidget(documents)

        self.assign_button.clicked.connect(self.assign_office)
        self.end_button.clicked.connect(self.end_office)
        self.preview_button.clicked.connect(self.preview_list)
        self.save_button.clicked.connect(self.save_list)
        self.print_button.clicked.connect(self.print_list)
        self.current_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        current, history, meeting, rota = self.ctx.read(read_board)
        self.current_model.set_rows(current)
        self.history_model.set_rows(history)
        self.rota_model.set_rows(rota)
        for view in (self.current_table, self.history_table, self.rota_table):
            view.resizeColumnsToContents()
        due = sum(1 for row in rota if row.due)
        self.rota_text.setText(_("Next annual meeting: {date}. Board members whose term ends by then step down "
                                 "(they may stand again). {count} of {total} step down.").format(
            date=formats.long_date(meeting), count=due, total=len(rota)))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.end_button.setEnabled(selected_row(self.current_table) is not None)

    def assign_office(self) -> None:
        from huurdersgroep_app.ui.board.office_dialog import AssignOfficeDialog

        AssignOfficeDialog(self.ctx, parent=self).exec()

    def end_office(self) -> None:
        row = selected_row(self.current_table)
        if row is None:
            return
        from huurdersgroep_app.ui.board.office_dialog import EndOfficeDialog

        description = f"{board.role_label(row.role)}: {row.member_name}"
        EndOfficeDialog(self.ctx, row.id, description, parent=self).exec()

    def preview_list(self) -> None:
        from huurdersgroep_app.ui.kit.documents import board_list_writer, preview

        preview(self.ctx, board_list_writer, _("board-list"), self)

    def save_list(self) -> None:
        from huurdersgroep_app.ui.kit.documents import board_list_writer, save_as

        save_as(self.ctx, board_list_writer, dated_file_stem(_("board-list"), date.today()), self)

    def print_list(self) -> None:
        from huurdersgroep_app.ui.kit.documents import board_list_writer, print_pdf

        print_pdf(self.ctx, board_list_writer, _("board-list"), self)
