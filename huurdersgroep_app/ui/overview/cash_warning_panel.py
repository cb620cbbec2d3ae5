"""A red box on the Overview when a cash box holds less than nothing today: that is never real
cash but an income not booked or an expense on the wrong account, and it is best found while the
treasurer still remembers. Hidden when all is well; the page fills it with the rest of the Overview, in one read."""
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

    def refresh(self) -> None:
        self.show_data(self.ctx.read(views.read_cash_warnings))

    def show_data(self, warnings: list[str]) -> None:
        self.text.setText("\n".join(warnings))
        self.setVisible(bool(warnings))
