"""The payments received for a grant: money-in entries of the grant's year, the funder's own (from
its IBAN) first. Ticking one charges it to the grant; the bank import does so by itself for
payments from the funder's IBAN."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout

from huurdersgroep_app.core.services.funding import grants, views
from huurdersgroep_app.i18n import _, format_money
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.kit.widgets import fit_to_screen, hint


def link_payments(session, grant_id: int, entry_ids: list[int]) -> int:
    """One user action: every ticked entry charged to the grant."""
    for entry_id in entry_ids:
        grants.link_payment(session, entry_id, grant_id)
    return len(entry_ids)


class PaymentsDialog(QDialog):
    def __init__(self, ctx: AppContext, grant_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.grant_id = ctx, grant_id
        self.setWindowTitle(_("Payments received"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Tick the entries in the cash book that are payments of this grant. Payments from "
                                "the funder's own account are listed first.")))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Payments received"))
        self.choices = ctx.read(views.payment_choices, grant_id)
        for choice in self.choices:
            text = f"{formats.short_date(choice.booked_on)}  {format_money(choice.amount)}  {choice.counterparty}"
            if choice.description:
                text += f" – {choice.description}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, choice.entry_id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if choice.linked:  # charged already; moving it is done from the cash book
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if choice.linked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if not self.choices:
            layout.addWidget(hint(_("No money came in during the grant's year that is not charged elsewhere.")))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 40, 24)

    def ticked(self) -> list[int]:
        found = []
        for number in range(self.list.count()):
            item = self.list.item(number)
            if item.checkState() == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                found.append(item.data(Qt.ItemDataRole.UserRole))
        return found

    def save(self) -> bool:
        result = attempt(self.ctx, self, None, lambda: self.ctx.call(link_payments, self.grant_id, self.ticked()))
        if result:
            self.accept()
        return bool(result)
