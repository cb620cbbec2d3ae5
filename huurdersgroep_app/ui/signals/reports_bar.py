"""The bar under the signal register: the period reports, and after how many days an unanswered
signal is shown on the Overview."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext


class ReportsBar(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        signals_button = QPushButton(_("Signals report…"))
        history_button = QPushButton(_("Consultation history…"))
        row.addWidget(signals_button)
        row.addWidget(history_button)
        row.addStretch(1)
        label = QLabel(_("On the Overview when unanswered after"))
        self.unanswered_days = QSpinBox()
        self.unanswered_days.setRange(1, 365)
        self.unanswered_days.setSuffix(" " + _("days"))
        self.unanswered_days.setAccessibleName(_("Days without an answer"))
        self.unanswered_days.setToolTip(_("Signals without an answer after this many days are shown on the "
                                          "Overview."))
        label.setBuddy(self.unanswered_days)
        row.addWidget(label)
        row.addWidget(self.unanswered_days)
        signals_button.clicked.connect(lambda: self._report(lambda g: g.signals_report_dialog))
        history_button.clicked.connect(lambda: self._report(lambda g: g.consultation_history_dialog))
        self.unanswered_days.editingFinished.connect(self._save_unanswered_days)

    def _report(self, pick) -> None:
        from huurdersgroep_app.ui.signals import grouping

        pick(grouping)(self.ctx, self).exec()

    def _save_unanswered_days(self) -> None:
        value = self.unanswered_days.value()
        if value != self.ctx.read(signals.unanswered_days):
            self.ctx.run(signals.set_unanswered_days, value, parent=self)
