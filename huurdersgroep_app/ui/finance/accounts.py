"""Accounts and balances: the cash box and bank accounts, their opening balance for the year, the
balances table (opening + income − expense ± transfers = closing) and the transfers of the year."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from huurdersgroep_app.core.services.finance import accounts, transfers
from huurdersgroep_app.core.services.finance.balances import AccountBalance
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.models import ZERO, YearInfo, money
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import hint


def account_columns() -> list[Column]:
    return [Column(_("Name"), lambda a: a.name, chars=18),
            Column(_("Kind"), lambda a: _(accounts.KIND_LABELS[a.kind]), chars=12),
            Column(_("Account number (IBAN)"), lambda a: a.iban or "–", chars=22),
            Column(_("In use"), lambda a: _("Yes") if a.active else _("No"))]


def balance_columns() -> list[Column]:
    def amount(title, get, chars=11):
        return Column(title, lambda r: money(get(r)), sort=get, align_right=True, chars=chars)

    return [Column(_("Account"), lambda r: r.name, chars=18),
            amount(_("Opening balance"), lambda r: r.opening, 13),
            amount(_("Income"), lambda r: r.income),
            amount(_("Expenses"), lambda r: r.expense),
            amount(_("Not categorised"), lambda r: r.uncategorised),
            amount(_("Transfers"), lambda r: r.transfers_net),
            amount(_("Closing balance"), lambda r: r.closing, 13)]


def transfer_columns() -> list[Column]:
    return [Column(_("Date"), lambda t: formats.short_date(t.transferred_on), sort=lambda t: t.transferred_on,
                   chars=10),
            Column(_("From"), lambda t: t.from_account, chars=14),
            Column(_("To"), lambda t: t.to_account, chars=14),
            Column(_("Amount"), lambda t: money(t.amount), sort=lambda t: t.amount, align_right=True, chars=11),
            Column(_("Description"), lambda t: t.description, tooltip=lambda t: t.description)]


def total_row(rows: list[AccountBalance]) -> AccountBalance:
    def add(name):
        return sum((getattr(r, name) for r in rows), ZERO)

    return AccountBalance(0, _("All accounts"), "", "", add("opening"), add("income"), add("expense"),
                          add("transfers_in"), add("transfers_out"), add("closing"), add("uncategorised"))


class BalanceModel(RowsTableModel):
    """The balances, with the total of all accounts in bold."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.rows[index.row()].account_id == 0:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _box(title: str, table, buttons: list[QPushButton], note: QLabel | None = None) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    if note is not None:
        layout.addWidget(note)
    layout.addWidget(table, 1)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return box


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = YearInfo(date.today().year, False)
        self.previous_closed = False
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)

        self.accounts_model = RowsTableModel(account_columns(), parent=self, dimmed=lambda a: not a.active)
        self.accounts_table = table_view(self.accounts_model)
        self.accounts_table.setAccessibleName(_("Accounts"))
        size_columns(self.accounts_table, self.accounts_model.columns)
        self.new_bank_button = QPushButton(_("New bank account…"))
        self.new_cash_button = QPushButton(_("New cash box…"))
        self.edit_button = QPushButton(_("Change…"))
        self.opening_button = QPushButton()
        splitter.addWidget(_box(_("Accounts"), self.accounts_table, [self.new_bank_button, self.new_cash_button,
                                                                     self.edit_button, self.opening_button]))

        self.balances_model = BalanceModel(balance_columns(), parent=self)
        self.balances_table = table_view(self.balances_model, stretch_last=False)
        self.balances_table.setAccessibleName(_("Balances"))
        size_columns(self.balances_table, self.balances_model.columns)
        self.balances_note = hint("")
        splitter.addWidget(_box(_("Balances"), self.balances_table, [], self.balances_note))

        self.transfers_model = RowsTableModel(transfer_columns(), parent=self)
        self.transfers_table = table_view(self.transfers_model)
        self.transfers_table.setAccessibleName(_("Transfers"))
        size_columns(self.transfers_table, self.transfers_model.columns)
        self.new_transfer_button = QPushButton(_("Transfer between accounts…"))
        self.delete_transfer_button = QPushButton(_("Delete transfer…"))
        splitter.addWidget(_box(_("Transfers between the group's accounts"), self.transfers_table,
                                [self.new_transfer_button, self.delete_transfer_button]))

        self.new_bank_button.clicked.connect(lambda: self.new_account("bank"))
        self.new_cash_button.clicked.connect(lambda: self.new_account("cash"))
        self.edit_button.clicked.connect(self.edit_account)
        self.accounts_table.doubleClicked.connect(lambda _index: self.edit_account())
        self.opening_button.clicked.connect(self.set_opening_balance)
        self.new_transfer_button.clicked.connect(self.new_transfer)
        self.delete_transfer_button.clicked.connect(self.delete_transfer)
        self.accounts_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.transfers_table.selectionModel().selectionChanged.connect(self._update_buttons)

    def set_year(self, info: YearInfo) -> None:
        self.info = info

    def refresh(self) -> None:
        view = self.ctx.read(views.read_accounts, self.info.year)
        account_list, balances, transfer_list, self.previous_closed = (view.accounts, view.balances, view.transfers,
                                                                       view.previous_closed)
        self.accounts_model.set_rows(account_list)
        self.balances_model.set_rows(balances + ([total_row(balances)] if len(balances) > 1 else []))
        self.transfers_model.set_rows(transfer_list)
        year = self.info.year
        self.balances_note.setText(
            _("Per account: opening balance on 1 January {year} + income − expenses ± not categorised ± transfers = "
              "closing balance on 31 December {year}.").format(year=year) +
            (" " + _("{year} is closed: these balances are final.").format(year=year) if self.info.closed else ""))
        self.opening_button.setText(_("Opening balance {year}…").format(year=year))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        account = selected_row(self.accounts_table)
        locked = self.info.closed
        self.edit_button.setEnabled(account is not None)
        self.opening_button.setEnabled(account is not None and not locked and not self.previous_closed)
        self.opening_button.setToolTip(
            _("The opening balance of {year} is the closing balance of {previous}, which is closed.").format(
                year=self.info.year, previous=self.info.year - 1) if self.previous_closed else "")
        self.new_transfer_button.setEnabled(not locked)
        self.delete_transfer_button.setEnabled(not locked and selected_row(self.transfers_table) is not None)

    def new_account(self, kind: str) -> None:
        from huurdersgroep_app.ui.finance.dialogs import AccountDialog

        AccountDialog(self.ctx, kind=kind, parent=self).exec()

    def edit_account(self) -> None:
        from huurdersgroep_app.ui.finance.dialogs import AccountDialog

        account = selected_row(self.accounts_table)
        if account is not None:
            AccountDialog(self.ctx, account.id, parent=self).exec()

    def set_opening_balance(self) -> None:
        from huurdersgroep_app.ui.finance.dialogs import OpeningBalanceDialog

        account = selected_row(self.accounts_table)
        if account is not None:
            OpeningBalanceDialog(self.ctx, account.id, account.name, self.info.year, parent=self).exec()

    def new_transfer(self) -> None:
        from huurdersgroep_app.ui.finance.dialogs import TransferDialog

        today = date.today()
        TransferDialog(self.ctx, today if today.year == self.info.year else date(self.info.year, 12, 31),
                       parent=self).exec()

    def delete_transfer(self) -> None:
        row = selected_row(self.transfers_table)
        if row is None:
            return
        question = _("Delete the transfer of {date} from {source} to {target} ({amount})?").format(
            date=formats.short_date(row.transferred_on), source=row.from_account, target=row.to_account,
            amount=money(row.amount))
        if self.ctx.ask(question, self):
            self.ctx.run(transfers.delete_transfer, row.id, parent=self)
