"""Groups of signals ("12 signals about damp in De Linde"): unfinished signals not yet in a dossier,
by complex and category, biggest first; one click makes them an own-initiative advice."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services.signals import register as signal_register
from huurdersgroep_app.core.services.advices.labels import category_label
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.signals.model import cluster_columns
from huurdersgroep_app.ui.kit.table_model import RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import fit_to_screen, hint


class ClustersPanel(QWidget):
    show_signals = Signal(object)   # a Cluster: the register shows its signals
    advice_made = Signal(int)       # the new dossier's id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Unfinished signals that are not yet part of an advice dossier, grouped by complex "
                                "and category. Many signals about the same problem are a reason for an advice on "
                                "the group's own initiative.")))
        row = QHBoxLayout()
        label = QLabel(_("Show groups of at least"))
        self.min_count = QSpinBox()
        self.min_count.setRange(2, 50)
        self.min_count.setValue(3)
        self.min_count.setSuffix(" " + _("signals"))
        self.min_count.setAccessibleName(_("Smallest group"))
        label.setBuddy(self.min_count)
        row.addWidget(label)
        row.addWidget(self.min_count)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RowsTableModel(cluster_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Groups of signals"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        self.empty = hint("")
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.show_button = QPushButton(_("Show these signals"))
        self.advice_button = QPushButton(_("Make an advice of this group…"))
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.advice_button)
        layout.addLayout(buttons)
        self.min_count.valueChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._show())
        self.show_button.clicked.connect(self._show)
        self.advice_button.clicked.connect(self.make_advice)
        self._update_buttons()

    def refresh(self) -> None:
        rows = self.ctx.read(signal_register.clusters, min_count=self.min_count.value())
        self.model.set_rows(rows)
        self.empty.setText("" if rows else _(
            "No {n} or more unfinished signals about the same problem in one complex. Choose a smaller number to see "
            "smaller groups.").format(n=self.min_count.value()))
        self.empty.setVisible(not rows)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        chosen = selected_row(self.table) is not None
        self.show_button.setEnabled(chosen)
        self.advice_button.setEnabled(chosen)

    def _show(self) -> None:
        cluster = selected_row(self.table)
        if cluster is not None:
            self.show_signals.emit(cluster)

    def make_advice(self) -> int | None:
        cluster = selected_row(self.table)
        if cluster is None:
            return None
        from huurdersgroep_app.ui.signals.grouping import AdviceFromSignalsDialog

        title = _("{category} in {complex}").format(category=category_label(cluster.category),
                                                    complex=cluster.complex_name or _("several complexes"))
        dialog = AdviceFromSignalsDialog(self.ctx, list(cluster.signal_ids), title, cluster.category, self)
        if dialog.exec() and dialog.result_value is not None:
            self.advice_made.emit(dialog.result_value.id)
            return dialog.result_value.id
        return None


class ClustersDialog(QDialog):
    """The groups of signals, from the Advices page: choose one and a dossier is opened for it."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("New dossier from signals"))
        self.advice_id: int | None = None
        layout = QVBoxLayout(self)
        self.panel = ClustersPanel(ctx)
        self.panel.show_button.setVisible(False)  # the register is on the Signals page
        layout.addWidget(self.panel, 1)
        layout.addWidget(hint(_("To choose single signals, select them on the Signals page and use "
                                "'More' → 'Make an advice of the selected signals'.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.panel.advice_made.connect(self._made)
        self.panel.refresh()
        fit_to_screen(self, 50, 28)

    def _made(self, advice_id: int) -> None:
        self.advice_id = advice_id
        self.accept()
