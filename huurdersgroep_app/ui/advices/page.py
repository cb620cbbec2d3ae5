"""Advices: the group's advice dossiers with their deadlines; open one to work on it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app.core.services.advices.labels import ADVICE_STATUSES
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices.labels import status_label
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.advices.model import SHOW_ALL, SHOW_OPEN, AdviceTableModel, advice_search_text, advice_test
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.row_filter import RowFilterProxy
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import ID_ROLE, table_view
from huurdersgroep_app.ui.kit.widgets import heading, hint


def _labelled(row: QHBoxLayout, text: str, widget: QWidget, stretch: int = 0) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text.rstrip(": \u00a0"))
    row.addWidget(label)
    row.addWidget(widget, stretch)


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Advices")))
        layout.addWidget(hint(_("Advice the landlord asked for, and advice on the group's own initiative. Open a "
                                "dossier to write the text, record the steps and make the letter.")))

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by reference, title, topic or complex"))
        self.search.setClearButtonEnabled(True)
        _labelled(filters, _("Search:"), self.search, 3)
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("Open dossiers"), SHOW_OPEN)
        self.status_filter.addItem(_("All dossiers"), SHOW_ALL)
        for status in ADVICE_STATUSES:
            self.status_filter.addItem(status_label(status), status)
        _labelled(filters, _("Show:"), self.status_filter, 1)
        self.year = QComboBox()
        _labelled(filters, _("Year:"), self.year)
        layout.addLayout(filters)

        self.model = AdviceTableModel(parent=self)
        self.proxy = RowFilterProxy(advice_search_text, self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Advice dossiers"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.columns = fit_columns(self.table, "advices", self.model.columns)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.count = QLabel()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        self.new_button = QPushButton(_("New dossier…"))
        self.from_signals_button = QPushButton(_("New dossier from signals…"))
        self.open_button = QPushButton(_("Open…"))
        self.delete_button = QPushButton(_("Delete…"))
        for button in (self.new_button, self.from_signals_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.year.currentIndexChanged.connect(self._filters_changed)
        self.table.activated.connect(lambda _index: self.open_dossier())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_dossier)
        self.from_signals_button.clicked.connect(self.dossier_from_signals)
        self.open_button.clicked.connect(lambda: self.open_dossier())
        self.delete_button.clicked.connect(self.delete_dossier)
        self._filters_changed()

    # -- data --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_id()
        rows = self.ctx.read(advices.advice_rows)
        self.model.today = date.today()
        years = sorted({r.requested_on.year for r in rows}, reverse=True)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("All years"), None)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)
        self.model.set_rows(rows)
        self._filters_changed()
        if keep is not None:
            self.select_dossier(keep)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ID_ROLE) if rows else None

    def _selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_dossier(self, advice_id: int) -> bool:
        for number in range(self.proxy.rowCount()):
            if self.proxy.index(number, 0).data(ID_ROLE) == advice_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.proxy.index(number, 0))
                return True
        return False

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_test(advice_test(self.status_filter.currentData(), self.year.currentData()))
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(ngettext("{shown} of {total} dossier shown", "{shown} of {total} dossiers shown",
                                    total).format(shown=shown, total=total))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status in advices.BEFORE_SENT)

    # -- actions -----------------------------------------------------------------------------------
    def new_dossier(self) -> None:
        from huurdersgroep_app.ui.advices.form_dialog import NewAdviceDialog

        dialog = NewAdviceDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._show_new(dialog.saved_id)

    def dossier_from_signals(self) -> None:
        advice_id = self.ctx.choose_signal_cluster(parent=self)
        if advice_id is not None:
            self._show_new(advice_id)

    def _show_new(self, advice_id: int) -> None:
        self.search.clear()
        self.status_filter.setCurrentIndex(self.status_filter.findData(SHOW_OPEN))
        self.select_dossier(advice_id)
        self.open_dossier(advice_id)

    def open_dossier(self, advice_id: int | None = None) -> None:
        advice_id = advice_id if advice_id is not None else self.selected_id()
        if advice_id is None:
            return
        from huurdersgroep_app.ui.advices.dossier_dialog import AdviceDossierDialog

        AdviceDossierDialog(self.ctx, advice_id, parent=self).exec()

    def delete_dossier(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        question = _("Delete dossier {reference} '{title}' with its drafts? Do this only for a dossier opened by "
                     "mistake.").format(reference=row.reference, title=row.title)
        if self.ctx.ask(question, self):
            self.ctx.run(advices.delete_advice, row.id, parent=self)
