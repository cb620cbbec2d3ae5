"""A grant of a funder for a year: a lump sum, a rate per dwelling (the calculator shows rate ×
dwellings as it is typed; there is no legal norm, so the rate is the one agreed with the funder)
or an amount per project; the categories it may be spent on; its deadlines and status."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QSpinBox

from huurdersgroep_app.core.services.finance.common import AmountError, parse_amount, plain_text
from huurdersgroep_app.core.services.funding import grants, views
from huurdersgroep_app.core.services.funding.grants import GRANT_AMOUNT_KINDS, GRANT_STATUSES, GrantInput
from huurdersgroep_app.i18n import _, format_money
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, text_box
from huurdersgroep_app.ui.kit.widgets import DateField


class GrantDialog(FormDialog):
    def __init__(self, ctx: AppContext, funder_id: int, year: int, grant_id: int | None = None, parent=None):
        super().__init__(ctx, _("New grant") if grant_id is None else _("Change grant"), _(
            "What the funder grants for a year. Per dwelling: the rate agreed with this funder times the "
            "number of dwellings (there is no legal amount per dwelling)."), _("Save"), parent)
        self.funder_id, self.grant_id = funder_id, grant_id
        form = ctx.read(views.grant_form, grant_id)
        current, choices, self.complex_dwellings = form.current, form.categories, form.complex_dwellings
        self.year = self.add("year", _("Year"), QSpinBox())
        self.year.setRange(1990, 2199)
        self.year.setValue(current.year if current else year)
        self.kind = self.add("amount_kind", _("Kind of amount"), QComboBox())
        for code in GRANT_AMOUNT_KINDS:
            self.kind.addItem(grants.amount_kind_label(code), code)
        self.kind.setCurrentIndex(max(self.kind.findData(current.amount_kind if current else "lump_sum"), 0))
        self.amount = self.add("amount", _("Amount"), QLineEdit(plain_text(current.amount) if current else ""))
        self.amount.setPlaceholderText(_("for example 750,00"))
        rate = current.dwelling_rate if current and current.dwelling_rate is not None else None
        self.rate = self.add("dwelling_rate", _("Rate per dwelling"), QLineEdit(plain_text(rate) if rate else ""))
        self.dwellings = self.add("dwellings", _("Dwellings"), QSpinBox())
        self.dwellings.setRange(0, 1_000_000)
        self.dwellings.setSpecialValueText(_("those of the complexes ({n})").format(n=self.complex_dwellings))
        self.dwellings.setValue(current.dwellings or 0 if current else 0)
        self.calculation = QLabel()
        self.calculation.setWordWrap(True)
        self.form.addRow("", self.calculation)
        self.reference = self.add("reference", _("Reference"), QLineEdit(current.reference if current else ""))
        self.status = self.add("status", _("Status"), QComboBox())
        for code in GRANT_STATUSES:
            self.status.addItem(grants.status_label(code), code)
        self.status.setCurrentIndex(max(self.status.findData(current.status if current else "granted"), 0))
        self.application = self.add("application_deadline", _("Apply by"),
                                    DateField(current.application_deadline if current else None))
        self.applied = self.add("applied_on", _("Applied on"), DateField(current.applied_on if current else None))
        self.accountability = self.add("accountability_deadline", _("Account by"),
                                       DateField(current.accountability_deadline if current else None))
        self.categories = self.add("category_ids", _("May be spent on"), QListWidget())
        chosen = set(current.category_ids) if current else set()
        for cid, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cid in chosen else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.categories.setMinimumHeight(self.fontMetrics().height() * 6)
        self.categories.setToolTip(_("Tick nothing when any expense counts."))
        self.conditions = self.add("conditions", _("Conditions in the decision"), text_box(2))
        self.conditions.setPlainText(current.conditions if current else "")
        self.notes = self.add("notes", _("Notes"), text_box(2))
        self.notes.setPlainText(current.notes if current else "")
        for signal in (self.kind.currentIndexChanged, self.rate.textChanged, self.dwellings.valueChanged):
            signal.connect(self._update_calculation)
        self._update_calculation()

    def per_dwelling(self) -> bool:
        return self.kind.currentData() == "per_dwelling"

    def _update_calculation(self, *_args) -> None:
        per_dwelling = self.per_dwelling()
        self.amount.setEnabled(not per_dwelling)
        self.rate.setEnabled(per_dwelling)
        self.dwellings.setEnabled(per_dwelling)
        self.calculation.setVisible(per_dwelling)
        if not per_dwelling:
            return
        dwellings = self.dwellings.value() or self.complex_dwellings
        try:
            rate = parse_amount(self.rate.text()) if self.rate.text().strip() else None
        except AmountError:
            rate = None
        if rate is None:
            self.calculation.setText(_("Type the rate to see the amount."))
        else:
            self.calculation.setText(_("{rate} × {n} dwellings = {amount}").format(
                rate=format_money(rate), n=dwellings, amount=format_money(grants.per_dwelling_amount(rate, dwellings))))

    def chosen_categories(self) -> list[int]:
        return [self.categories.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.categories.count())
                if self.categories.item(i).checkState() == Qt.CheckState.Checked]

    def data(self) -> GrantInput:
        return GrantInput(
            funder_id=self.funder_id, year=self.year.value(), amount=self.amount.text(),
            amount_kind=self.kind.currentData(), dwelling_rate=self.rate.text() if self.per_dwelling() else None,
            dwellings=(self.dwellings.value() or None) if self.per_dwelling() else None,
            reference=self.reference.text(), category_ids=self.chosen_categories(),
            application_deadline=self.application.text(), accountability_deadline=self.accountability.text(),
            status=self.status.currentData(), applied_on=self.applied.text(),
            conditions=self.conditions.toPlainText(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        if self.grant_id is None:
            return self.submit(grants.add_grant, self.data())
        return self.submit(grants.update_grant, self.grant_id, self.data())


class AccountedDialog(FormDialog):
    """The day the accountability was handed to the funder."""

    def __init__(self, ctx: AppContext, grant_id: int, parent=None):
        super().__init__(ctx, _("Accountability filed"), _(
            "The day the accountability for this grant was handed to the funder."), _("Save"), parent)
        self.grant_id = grant_id
        self.day = self.add_date("accounted_on", _("Filed on"), date.today())

    def save(self) -> bool:
        return self.submit(grants.record_accountability, self.grant_id, self.day.text())
