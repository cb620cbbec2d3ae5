"""A red box on the Overview when a cash box holds less than nothing today: that is never real
cash but an income not booked or an expense on the wrong account, and it is best found while the
treasurer still remembers. Hidden when all is well; it refreshes itself, so the page only places it."""
from __future__ import annotations


from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from huurdersgroep_app.core.services.finance import snapshot as views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, hint


class CashWarningPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(_("Cash box below zero"), parent)
        self.ctx = ctx
        self.setStyleSheet(f"QGroupBox {{ color: {ERROR_COLOUR}; font-weight: bold; }}")
        layout = QVBoxLayout(self)
        self.text = hint("")
        self.text.setAccessibleName(_("Cash box below zero"))
        layout.addWidget(self.text)
        self.setVisible(False)
        ctx.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        warnings = self.ctx.read(views.read_cash_warnings)
        self.text.setText("\n".join(warnings))
        self.setVisible(bool(warnings))
