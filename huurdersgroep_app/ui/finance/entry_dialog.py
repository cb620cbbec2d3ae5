"""Add or change one entry of the cash book: date, account, money in or out, who, what, the
category lines (split if needed), the member for dues, the grant it is charged to, the receipt
number and the receipt files. An entry of a closed year opens read-only, with a note saying why."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGroupBox, QLabel, QLineEdit, QScrollArea,
                               QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.finance import entries
from huurdersgroep_app.core.services.finance.entries import EntryInput, LineInput
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.finance.models import YearInfo, plain_amount, typed_amount
from huurdersgroep_app.ui.finance.receipts import ReceiptList
from huurdersgroep_app.ui.finance.split import SplitLines
from huurdersgroep_app.ui.kit.widgets import DateField, Form, error_label, fit_to_screen, hint

OUT, IN = "out", "in"


class EntryDialog(QDialog):
    def __init__(self, ctx: AppContext, entry_id: int | None = None, *, day: date | None = None,
                 account_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.entry_id = entry_id
        self.saved_id: int | None = None
        default = EntryInput(booked_on=day or date.today(), account_id=account_id or 0, amount="")
        choices = ctx.read(views.load_choices, entry_id, default)
        self.data = choices.data
        stored_on = self.data.booked_on if isinstance(self.data.booked_on, date) else None
        self.read_only = entry_id is not None and stored_on is not None and stored_on.year in choices.closed
        self.setWindowTitle(_("New entry") if entry_id is None else _("Entry of {date}").format(
            date=formats.short_date(stored_on)))

        body = QWidget()
        column = QVBoxLayout(body)
        if self.read_only:
            note = hint(YearInfo(stored_on.year, True).closed_note())
            note.setStyleSheet("font-weight: bold;")
            column.addWidget(note)

        main = QGroupBox(_("Entry"))
        self.form = Form()
        main.setLayout(self.form)
        self.date = self.form.add("booked_on", _("Date"), DateField(stored_on))
        self.account = self.form.add("account_id", _("Account"), QComboBox())
        for account, name, active in choices.accounts:
            if active or account == self.data.account_id:
                self.account.addItem(name, account)
        self.account.setCurrentIndex(max(self.account.findData(self.data.account_id), 0))
        self.direction = self.form.add("direction", _("Money in or out"), QComboBox())
        self.direction.addItem(_("Money out (an expense)"), OUT)
        self.direction.addItem(_("Money in (income)"), IN)
        self.amount = self.form.add("amount", _("Amount"), QLineEdit())
        self.amount.setPlaceholderText(_("for example 12,50"))
        self.counterparty = self.form.add("counterparty", _("Paid to or received from"), QLineEdit())
        self.description = self.form.add("description", _("Description"), QLineEdit())
        column.addWidget(main)

        lines_box = QGroupBox(_("Category"))
        lines_layout = QVBoxLayout(lines_box)
        self.split = SplitLines(choices.categories)
        lines_layout.addWidget(self.split)
        column.addWidget(lines_box)

        details = QGroupBox(_("Member, grant and receipt"))
        self.details = Form(self.form.errors)
        details.setLayout(self.details)
        self.member = self.details.add("member_id", _("Member (for dues)"), QComboBox())
        self.member.addItem(_("No member"), None)
        for member_id, name in choices.members:
            self.member.addItem(name, member_id)
        self.grant = self.details.add("grant_id", _("Charged to grant"), QComboBox())
        self.grant.addItem(_("No grant"), None)
        for grant_id, name in choices.grants:
            self.grant.addItem(name, grant_id)
        self.receipt_number = self.details.add("receipt_number", _("Receipt number"), QLineEdit())
        self.receipts = ReceiptList(ctx, choices.receipts)
        self.details.addRow(QLabel(_("Receipts")), self.receipts)
        column.addWidget(details)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.general_error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close if self.read_only else
                                   QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self._fill()
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self.amount.textChanged.connect(self._amount_changed)
        if self.read_only:
            self._set_read_only()
        self.date.setFocus()
        fit_to_screen(self, 44, 44)

    # -- filling and reading back ------------------------------------------------------------------
    def _fill(self) -> None:
        data = self.data
        amount = data.amount if isinstance(data.amount, Decimal) else typed_amount(str(data.amount or ""))
        incoming = amount is not None and amount > 0
        self.direction.setCurrentIndex(self.direction.findData(IN if incoming else OUT))
        self.split.set_kind("income" if incoming else "expense")
        self.amount.setText(plain_amount(abs(amount)) if amount else "")
        self.counterparty.setText(data.counterparty)
        self.description.setText(data.description)
        self.member.setCurrentIndex(max(self.member.findData(data.member_id), 0))
        self.grant.setCurrentIndex(max(self.grant.findData(data.grant_id), 0))
        self.receipt_number.setText(data.receipt_number)
        sign = -1 if not incoming else 1
        if data.lines:
            for line in data.lines:
                shown = line.amount * sign if isinstance(line.amount, Decimal) and len(data.lines) > 1 else None
                self.split.add_line(line.category_id, shown, line.note)
        else:
            self.split.add_line(data.category_id)
        self.split.set_total(abs(amount) if amount else None)

    @property
    def sign(self) -> int:
        return 1 if self.direction.currentData() == IN else -1

    def _direction_changed(self) -> None:
        self.split.set_kind("income" if self.sign > 0 else "expense")

    def _amount_changed(self, text: str) -> None:
        amount = typed_amount(text)
        self.split.set_total(abs(amount) if amount is not None else None)

    def _set_read_only(self) -> None:
        # Read-only fields rather than disabled ones: the text stays black and can be copied.
        for edit in (self.date.edit, self.amount, self.counterparty, self.description, self.receipt_number):
            edit.setReadOnly(True)
        self.date.pick.setEnabled(False)
        for combo in (self.account, self.direction, self.member, self.grant):
            combo.setEnabled(False)
        self.split.set_read_only(True)
        self.receipts.set_read_only(True)

    def entry_input(self) -> EntryInput:
        """The form as the service takes it; a mistyped amount or date stays text so the service
        explains it under the field."""
        sign = self.sign
        typed = typed_amount(self.amount.text())
        amount = abs(typed) * sign if typed is not None else self.amount.text().strip()
        lines: list[LineInput] = []
        category_id = None
        if self.split.split:
            for category, value, note in self.split.values():
                lines.append(LineInput(category, value * sign if isinstance(value, Decimal) else value, note))
        else:
            category_id = self.split.values()[0][0]
        data = self.data
        return EntryInput(booked_on=self.date.text(), account_id=self.account.currentData() or 0, amount=amount,
                          category_id=category_id, lines=lines, counterparty=self.counterparty.text(),
                          counterparty_iban=data.counterparty_iban, description=self.description.text(),
                          member_id=self.member.currentData(), grant_id=self.grant.currentData(),
                          receipt_number=self.receipt_number.text())

    # -- saving ---------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.read_only:
            self.accept()
            return True
        data = self.entry_input()
        self.form.clear_problems()
        self.split.show_problem("")
        self.general_error.setVisible(False)

        def store(session):
            if self.entry_id is None:
                entry = entries.add_entry(session, data)
            else:
                entry = entries.update_entry(session, self.entry_id, data)
            self.receipts.apply(session, entry.id)
            return entry.id

        try:
            self.saved_id = self.ctx.call(store)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return False
        except DomainError as exc:  # a closed year, a receipt that cannot be read …
            self.ctx.show_error(exc.message, self)
            return False
        self.accept()
        return True

    def _show_problems(self, problems: dict[str, str]) -> None:
        rest = self.form.show_problems(problems)
        if not self.split.split and "lines.0.category_id" in rest:
            rest["lines"] = rest.pop("lines.0.category_id")
        line_problems = []
        for key in sorted(k for k in rest if k.startswith("lines")):
            reason = rest.pop(key)
            parts = key.split(".")
            line_problems.append(_("Line {number}: {reason}").format(number=int(parts[1]) + 1, reason=reason)
                                 if len(parts) > 1 else reason)
        self.split.show_problem("\n".join(line_problems))
        if rest:
            self.general_error.setText("\n".join(rest.values()))
            self.general_error.setVisible(True)
