"""The budget's forms: one budget line, the annual meeting's approval, and the per-dwelling
calculator that shows its formula and can put the result in the landlord's budget line."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services import group_rules
from huurdersgroep_app.core.services.meetings import approvals
from huurdersgroep_app.core.services.finance import budget, categories
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.dialogs import FormDialog, amount_value
from huurdersgroep_app.ui.finance.models import money, plain_amount
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import DateField, heading, hint

LANDLORD_BUDGET = "landlord_budget"


class BudgetLineDialog(FormDialog):
    """Planned income or expense for one category, with the reason for the amount."""

    def __init__(self, ctx: AppContext, year: int, line=None, parent=None):
        super().__init__(ctx, _("Budget {year}: a line").format(year=year), parent)
        self.year = year
        choices = [(c.id, c.label, c.kind) for c in ctx.read(views.category_choices, active_only=True)]
        self.category = self.form.add("category_id", _("Category"), QComboBox())
        for kind, title in (("income", _("Income")), ("expense", _("Expenses"))):
            for category_id, name, category_kind in choices:
                if category_kind == kind:
                    self.category.addItem(f"{title}: {name}", category_id)
        self.amount = self.form.add("amount", _("Amount for the year"), QLineEdit())
        self.amount.setPlaceholderText(_("for example 1.234,56"))
        self.justification = self.form.add("justification", _("Justification"), QPlainTextEdit())
        self.justification.setTabChangesFocus(True)
        self.justification.setPlaceholderText(_("How the amount was reached, e.g. 10 meetings × € 40 room rent"))
        self.justification.setMaximumHeight(self.fontMetrics().height() * 5)
        if line is not None:
            self.category.setCurrentIndex(max(self.category.findData(line.category_id), 0))
            self.category.setEnabled(False)
            self.amount.setText(plain_amount(line.amount))
            self.justification.setPlainText(line.justification)
        self.finish_layout()

    def store(self, session):
        return budget.set_budget_line(session, self.year, self.category.currentData(), amount_value(self.amount),
                                      self.justification.toPlainText()).id


class ApprovalDialog(FormDialog):
    """The annual meeting approved the budget: its decision, or when and where it is written down."""

    def __init__(self, ctx: AppContext, year: int, parent=None):
        super().__init__(ctx, _("Approval of the budget {year}").format(year=year), parent)
        self.year = year
        current = ctx.read(views.budget_approval, year)
        self.layout_.insertWidget(0, hint(_("Record the decision of the annual meeting that approved this "
                                            "budget.")))
        self.decision = self.form.add("decision_id", _("Decision"), QComboBox())
        self.decision.addItem(_("No decision in the app: fill in date and reference"), None)
        for choice in ctx.read(approvals.decision_choices, annual_only=True, since=date(year - 1, 1, 1)):
            self.decision.addItem(choice.label, choice.id)
        if current is not None and current.decision_id:
            self.decision.setCurrentIndex(max(self.decision.findData(current.decision_id), 0))
        self.day = self.form.add("approved_on", _("Approved on"),
                                 DateField(current.approved_on if current and current.approved_on else date.today()))
        self.reference = self.form.add("reference", _("Reference"),
                                       QLineEdit(current.reference if current else ""))
        self.reference.setPlaceholderText(_("for example Annual meeting of 15 March, decision 3"))
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self._decision_changed()
        self.finish_layout()

    def _decision_changed(self) -> None:
        by_hand = self.decision.currentData() is None
        self.day.setEnabled(by_hand)
        self.reference.setEnabled(by_hand)

    def store(self, session):
        if self.decision.currentData() is not None:
            return budget.approve_budget(session, self.year, decision_id=self.decision.currentData()).id
        return budget.approve_budget(session, self.year, self.day.text(), self.reference.text()).id


def dwelling_columns() -> list[Column]:
    return [Column(_("Complex"), lambda r: r[0], chars=24),
            Column(_("Dwellings"), lambda r: str(r[1]), align_right=True, chars=9),
            Column(_("Amount"), lambda r: money(r[2]), align_right=True, chars=12)]


class DwellingDialog(QDialog):
    """Number of dwellings × the rule profile's rate per dwelling, with the formula written out."""

    def __init__(self, ctx: AppContext, year: int, parent=None):
        super().__init__(parent)
        self.ctx, self.year = ctx, year
        self.setWindowTitle(_("Per-dwelling calculator"))
        self.calculation = ctx.read(budget.dwelling_calculation)
        calc = self.calculation
        layout = QVBoxLayout(self)
        kind = ctx.read(group_rules.rule_phrase, "finance", "funding_norm_per_dwelling")
        layout.addWidget(hint(_("The landlord's participation budget is often a fixed amount per dwelling. The "
                                "starting rate comes from the group's rules ({kind}).").format(kind=kind)))
        model = RowsTableModel(dwelling_columns(), calc.complexes, parent=self)
        table = table_view(model)
        table.setAccessibleName(_("Dwellings per complex"))
        size_columns(table, model.columns)
        layout.addWidget(table, 1)
        self.formula = heading(_("{dwellings} dwellings × {rate} = {total}").format(
            dwellings=calc.dwellings, rate=money(calc.rate), total=money(calc.total)), 2)
        layout.addWidget(self.formula)
        if not calc.dwellings:
            layout.addWidget(hint(_("Fill in the number of dwellings of each complex on the Overview page.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.use_button = QPushButton(_("Put {total} in the budget {year}").format(total=money(calc.total), year=year))
        self.use_button.setEnabled(bool(calc.total))
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button.clicked.connect(self.use)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 30)

    def formula_text(self) -> str:
        calc = self.calculation
        return _("{dwellings} dwellings × {rate} per dwelling").format(dwellings=calc.dwellings, rate=money(calc.rate))

    def use(self) -> bool:
        def put(session):
            category = categories.category_by_code(session, LANDLORD_BUDGET)
            return budget.set_budget_line(session, self.year, category.id, self.calculation.total,
                                          self.formula_text())

        if self.ctx.run(put, parent=self):
            self.accept()
            return True
        return False
