"""Signals: the register of tenants' problems with their follow-up, groups of signals that call for
an advice, and the reports (signals per complex, anonymised; consultation history)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMenu, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.advices.labels import SIGNAL_CATEGORIES, SIGNAL_STATUSES
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.signals.views import read_register
from huurdersgroep_app.core.services.advices.labels import category_label, signal_status_label
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.row_filter import RowFilterProxy
from huurdersgroep_app.ui.signals.clusters import ClustersPanel
from huurdersgroep_app.ui.signals.reports_bar import ReportsBar
from huurdersgroep_app.ui.signals.model import NO_COMPLEX, SignalFilters, SignalTableModel, signal_search_text
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import table_view
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, DateField, heading


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Signals")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        register = QWidget()
        self.tabs.addTab(register, _("Register"))
        self.clusters = ClustersPanel(ctx)
        self.tabs.addTab(self.clusters, _("Groups of signals"))
        inner = QVBoxLayout(register)
        inner.addLayout(self._filters())
        self.model = SignalTableModel(parent=self)
        self.proxy = RowFilterProxy(signal_search_text, self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Signals"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.columns = fit_columns(self.table, "signals", self.model.columns)
        inner.addWidget(self.table, 1)
        inner.addLayout(self._buttons())
        self.reports_bar = ReportsBar(ctx, self)
        self.unanswered_days = self.reports_bar.unanswered_days
        layout.addWidget(self.reports_bar)

        self.table.activated.connect(lambda _index: self.edit_signal())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.clusters.show_signals.connect(self.show_cluster)
        self.clusters.advice_made.connect(self._open_dossier)
        self._filters_changed()

    # -- building --------------------------------------------------------------------------------------
    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search in the description, address or name"))
        self.search.setClearButtonEnabled(True)
        self.complex = QComboBox()
        self.category = QComboBox()
        self.category.addItem(_("All categories"), None)
        for code in SIGNAL_CATEGORIES:
            self.category.addItem(category_label(code), code)
        # An empty bound does not filter; saying so keeps the period from looking set to one day.
        self.date_from, self.date_to = (DateField(placeholder=_("any date")), DateField(placeholder=_("any date")))
        self.status = QComboBox()
        self.status.addItem(_("Any status"), None)
        for code in SIGNAL_STATUSES:
            self.status.addItem(signal_status_label(code), code)
        self.open_only = QCheckBox(_("Only unfinished signals"))
        self.open_only.setChecked(True)
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period_box = QWidget()
        period_box.setLayout(period)
        between = QLabel(_("to"))
        between.setBuddy(self.date_to)
        self.date_to.setAccessibleName(_("Reported until"))
        for field in (self.date_from, self.date_to):
            field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        period.addWidget(self.date_from)
        period.addWidget(between)
        period.addWidget(self.date_to)
        period.addStretch(1)
        cells = ((0, 0, _("Search:"), self.search), (0, 2, _("Complex:"), self.complex),
                 (0, 4, _("Category:"), self.category), (1, 0, _("Reported from:"), period_box),
                 (1, 2, _("Status:"), self.status))
        for row, column, text, widget in cells:
            label = QLabel(text)
            label.setBuddy(self.date_from if widget is period_box else widget)
            if widget is not period_box:
                widget.setAccessibleName(text.rstrip(": \u00a0"))
            grid.addWidget(label, row, column)
            grid.addWidget(widget, row, column + 1)
        self.date_from.setAccessibleName(_("Reported from"))
        grid.addWidget(self.open_only, 1, 4, 1, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        self.search.textChanged.connect(self._filters_changed)
        for box in (self.complex, self.category, self.status):
            box.currentIndexChanged.connect(self._filters_changed)
        self.date_from.changed.connect(self._filters_changed)
        self.date_to.changed.connect(self._filters_changed)
        self.open_only.toggled.connect(self._filters_changed)
        return grid

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count)
        row.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, action in (("new", _("New signal…"), self.new_signal), ("edit", _("Change…"), self.edit_signal),
                                  ("forward", _("Forward…"), lambda: self._step(lambda f: f.ForwardDialog)),
                                  ("answer", _("Answer…"), lambda: self._step(lambda f: f.AnswerDialog)),
                                  ("resolve", _("Solved…"), lambda: self._step(lambda f: f.ResolveDialog))):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(action)
            row.addWidget(self.buttons[key])
        more = QMenu(self)
        self.close_action = more.addAction(_("Close without a solution…"),
                                           lambda: self._step(lambda f: f.CloseSignalDialog))
        self.reopen_action = more.addAction(_("Open again"), self.reopen_signal)
        more.addSeparator()
        self.advice_action = more.addAction(_("Make an advice of the selected signals…"), self.advice_from_selected)
        self.link_action = more.addAction(_("Add the selected signals to a dossier…"), self.link_selected)
        more.addSeparator()
        self.delete_action = more.addAction(_("Delete…"), self.delete_signal)
        self.buttons["more"] = QPushButton(_("More"))
        self.buttons["more"].setMenu(more)
        row.addWidget(self.buttons["more"])
        return row

    # -- data --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = set(self.selected_ids())
        rows, places, days = self.ctx.read(read_register)
        current = self.complex.currentData()
        self.complex.blockSignals(True)
        self.complex.clear()
        self.complex.addItem(_("All complexes"), None)
        for complex_id, name in places:
            self.complex.addItem(name, complex_id)
        self.complex.addItem(_("No particular complex"), NO_COMPLEX)
        self.complex.setCurrentIndex(max(self.complex.findData(current), 0))
        self.complex.blockSignals(False)
        # Never narrower than its longest choice: the grid squeezed "Alle wijken en complexen" under the arrow.
        for box in (self.complex, self.category, self.status):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # not the hint of the first show
            box.setMinimumWidth(box.sizeHint().width())
        self.unanswered_days.setValue(days)
        self.model.set_rows(rows)
        self._filters_changed()
        for number in range(self.proxy.rowCount()):
            if self.proxy.row_at(number).id in keep:
                self.table.selectionModel().select(self.proxy.index(number, 0), self.table.selectionModel()
                                                   .SelectionFlag.Select | self.table.selectionModel()
                                                   .SelectionFlag.Rows)
        self.clusters.refresh()

    def selected_rows(self) -> list:
        return [self.proxy.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def selected_ids(self) -> list[int]:
        return [row.id for row in self.selected_rows()]

    def _date(self, field: DateField):
        try:
            value = field.date()
            field.edit.setStyleSheet("")
            return value
        except ValueError:  # a half-typed date filters nothing until it is complete
            field.edit.setStyleSheet(f"color: {ERROR_COLOUR};")
            return None

    def _filters_changed(self, *_args) -> None:
        status = self.status.currentData()
        self.open_only.setEnabled(status is None)
        self.proxy.set_search(self.search.text())
        self.proxy.set_test(SignalFilters(self.complex.currentData(), self.category.currentData(),
                                          self._date(self.date_from), self._date(self.date_to), status,
                                          self.open_only.isChecked() and status is None).accepts)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(ngettext("{shown} of {total} signal shown", "{shown} of {total} signals shown",
                                    total).format(shown=shown, total=total))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        unfinished = one is not None and one.status not in signals.FINISHED
        self.buttons["edit"].setEnabled(one is not None)
        for key in ("forward", "answer", "resolve"):
            self.buttons[key].setEnabled(unfinished)
        self.close_action.setEnabled(unfinished)
        self.reopen_action.setEnabled(one is not None and not unfinished)
        self.delete_action.setEnabled(one is not None)
        self.advice_action.setEnabled(bool(rows))
        self.link_action.setEnabled(bool(rows))

    def show_cluster(self, cluster) -> None:
        """The register with the filters of one group of signals."""
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.open_only.setChecked(True)
        self.complex.setCurrentIndex(max(self.complex.findData(cluster.complex_id or NO_COMPLEX), 0))
        self.category.setCurrentIndex(max(self.category.findData(cluster.category), 0))
        self.tabs.setCurrentIndex(0)

    # -- actions -----------------------------------------------------------------------------------
    def new_signal(self) -> None:
        from huurdersgroep_app.ui.signals.signal_dialog import SignalDialog

        dialog = SignalDialog(self.ctx, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def edit_signal(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            from huurdersgroep_app.ui.signals.signal_dialog import SignalDialog

            dialog = SignalDialog(self.ctx, rows[0].id, parent=self)
            dialog.exec()
            dialog.deleteLater()

    def _step(self, pick) -> None:
        """Open the follow-up dialog that ``pick`` takes from the (lazily imported) follow-up module."""
        from huurdersgroep_app.ui.signals import followup

        rows = self.selected_rows()
        if len(rows) == 1:
            pick(followup)(self.ctx, rows[0].id, self).exec()

    def reopen_signal(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.ctx.run(signals.reopen_signal, rows[0].id, parent=self)

    def delete_signal(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and self.ctx.ask(_("Delete signal {number}? Only for a signal entered by mistake; a "
                                             "finished signal is kept as history.").format(number=rows[0].id), self):
            self.ctx.run(signals.delete_signal, rows[0].id, parent=self)

    def advice_from_selected(self) -> None:
        from huurdersgroep_app.ui.signals.grouping import AdviceFromSignalsDialog

        rows = self.selected_rows()
        categories = {r.category for r in rows}
        dialog = AdviceFromSignalsDialog(self.ctx, [r.id for r in rows], "",
                                         categories.pop() if len(categories) == 1 else "", self)
        if dialog.exec() and dialog.result_value is not None:
            self._open_dossier(dialog.result_value.id)

    def link_selected(self) -> None:
        from huurdersgroep_app.ui.signals.grouping import LinkSignalsDialog

        LinkSignalsDialog(self.ctx, self.selected_ids(), self).exec()

    def _open_dossier(self, advice_id: int) -> None:
        self.ctx.open_advice_dossier(advice_id, parent=self)

    def focus_search(self) -> None:
        self.search.setFocus()
