"""Small forms of the Money page: an account, an opening balance, a transfer between the group's
own accounts. Each saves through one service call; the service's reasons appear under the fields."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit,
                               QVBoxLayout)

from huurdersgroep_app.core.services.finance import accounts, transfers
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.finance.models import plain_amount, typed_amount
from huurdersgroep_app.ui.kit.widgets import DateField, Form, error_label, hint


class FormDialog(QDialog):
    """A form, a message line and Save/Cancel; ``store(session)`` does the one service call."""

    def __init__(self, ctx: AppContext, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = Form()
        self.layout_.addLayout(self.form)
        self.general_error = error_label()
        self.layout_.addWidget(self.general_error)
        self.buttons = dialog_buttons(self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 28)

    def store(self, session):  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def save(self) -> bool:
        def work():
            self.result_value = self.ctx.call(self.store)  # set before the dialog closes

        return save_and_close(self, self.form.errors, work, self.general_error).ok


def amount_value(edit: QLineEdit):
    """The typed amount as a Decimal, or the raw text for the service to explain."""
    typed = typed_amount(edit.text())
    return typed if typed is not None else edit.text().strip()


class AccountDialog(FormDialog):
    """A new cash box or bank account, or a change of name, IBAN or use."""

    def __init__(self, ctx: AppContext, account_id: int | None = None, kind: str = "bank", iban: str = "",
                 parent=None):
        self.account_id = account_id
        current = ctx.read(views.account_view, account_id) if account_id else None
        kind = current.kind if current else kind
        title = (_("New bank account") if kind == "bank" else _("New cash box")) if current is None \
            else _("Change account: {name}").format(name=current.name)
        super().__init__(ctx, title, parent)
        self.kind = kind
        self.name = self.form.add("name", _("Name"), QLineEdit(current.name if current else ""))
        self.name.setPlaceholderText(_("for example Current account") if kind == "bank" else _("for example Cash box"))
        self.iban = QLineEdit(current.iban if current else iban)
        if kind == "bank":
            self.form.add("iban", _("Account number (IBAN)"), self.iban)
        self.notes = self.form.add("notes", _("Notes"), QPlainTextEdit(current.notes if current else ""))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.active = QCheckBox(_("In use (untick for an account the group closed)"))
        self.active.setChecked(current.active if current else True)
        if current is not None:
            self.form.addRow("", self.active)
        self.finish_layout()

    def store(self, session):
        if self.account_id is None:
            return accounts.add_account(session, self.name.text(), self.kind, self.iban.text(),
                                        self.notes.toPlainText()).id
        return accounts.update_account(session, self.account_id, self.name.text(), self.iban.text(),
                                       self.notes.toPlainText(), self.active.isChecked()).id


class OpeningBalanceDialog(FormDialog):
    """What an account held on 1 January of a year."""

    def __init__(self, ctx: AppContext, account_id: int, account_name: str, year: int, parent=None):
        super().__init__(ctx, _("Opening balance {year}: {name}").format(year=year, name=account_name), parent)
        self.account_id, self.year = account_id, year
        stored = ctx.read(accounts.stored_opening_balance, account_id, year)
        self.layout_.insertWidget(0, hint(_("What the account held on 1 January {year}: the amount on the bank "
                                            "statement, or the money counted in the cash box.").format(year=year)))
        self.amount = self.form.add("amount", _("Opening balance"),
                                    QLineEdit(plain_amount(stored) if stored is not None else ""))
        self.amount.setPlaceholderText(_("for example 1.234,56"))
        self.finish_layout()

    def store(self, session):
        return accounts.set_opening_balance(session, self.account_id, self.year, amount_value(self.amount))


class TransferDialog(FormDialog):
    """Money moved between own accounts (cash brought to the bank): neither income nor expense."""

    def __init__(self, ctx: AppContext, day: date | None = None, parent=None):
        super().__init__(ctx, _("Transfer between accounts"), parent)
        choices = [(a.id, a.name) for a in ctx.read(views.account_rows, True)]
        self.layout_.insertWidget(0, hint(_("For money moved between the group's own accounts, such as cash "
                                            "brought to the bank. It is neither income nor an expense.")))
        self.day = self.form.add("transferred_on", _("Date"), DateField(day or date.today()))
        self.source = self.form.add("from_account_id", _("From"), QComboBox())
        self.target = self.form.add("to_account_id", _("To"), QComboBox())
        for combo in (self.source, self.target):
            for account_id, name in choices:
                combo.addItem(name, account_id)
        if len(choices) > 1:
            self.target.setCurrentIndex(1)
        self.amount = self.form.add("amount", _("Amount"), QLineEdit())
        self.amount.setPlaceholderText(_("for example 12,50"))
        self.description = self.form.add("description", _("Description"), QLineEdit())
        self.finish_layout()

    def store(self, session):
        return transfers.add_transfer(session, self.day.text(), self.source.currentData() or 0,
                                      self.target.currentData() or 0, amount_value(self.amount),
                                      self.description.text()).id

