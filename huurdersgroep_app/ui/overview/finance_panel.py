"""The money at a glance on the Overview page: the balance of each account in this year and what
still needs doing before the year can be closed (entries without a category, missing receipts)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from huurdersgroep_app.core.services.finance import snapshot as views
from huurdersgroep_app.core.services.finance.snapshot import MoneySnapshot
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.models import money
from huurdersgroep_app.ui.kit.widgets import hint


def snapshot_text(snap: MoneySnapshot) -> str:
    if not snap.balances:
        return _("No accounts yet. Add the cash box and the bank account on the Money page.")
    lines = [f"{name}: {money(amount)}" for name, amount in snap.balances]
    if len(snap.balances) > 1:
        lines.append(_("Together: {amount}").format(amount=money(sum((a for _n, a in snap.balances), Decimal("0")))))
    if snap.uncategorised:
        lines.append(ngettext("{count} entry has no category yet.", "{count} entries have no category yet.",
                              snap.uncategorised).format(count=snap.uncategorised))
    if snap.missing_receipts:
        lines.append(ngettext("{count} expense has no receipt attached.", "{count} expenses have no receipt attached.",
                              snap.missing_receipts).format(count=snap.missing_receipts))
    if not snap.uncategorised and not snap.missing_receipts:
        lines.append(_("Every entry has a category and its receipts."))
    return "\n".join(lines)


class FinancePanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.text = hint("")
        self.text.setAccessibleName(_("Money"))
        layout.addWidget(self.text)

    def refresh(self) -> None:
        self.show_data(self.ctx.read(views.read_money_snapshot))

    def show_data(self, snap: MoneySnapshot) -> None:
        self.setTitle(_("Money {year} (closed)").format(year=snap.year) if snap.closed
                      else _("Money {year}").format(year=snap.year))
        self.text.setText(snapshot_text(snap))
