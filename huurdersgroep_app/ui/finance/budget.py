"""The budget tab: the year's budget per category with its justification, started from last year's
actuals or budget, the per-dwelling calculator and the approval; below it the budget against the
actuals of a period (usable mid-year at a board meeting); and the PDFs."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services.finance import budget
from huurdersgroep_app.core.services.finance.figures import FigureTable
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.documents import (budget_vs_actual_writer, budget_writer, document_button,
                                                    financial_report_writer)
from huurdersgroep_app.ui.finance.models import YearInfo, money, period_choices
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, table_view
from huurdersgroep_app.ui.kit.widgets import hint


@dataclass(frozen=True)
class FigureLine:
    label: str
    budget: Decimal | None
    actual: Decimal
    used: Decimal | None = None
    total: bool = False

    @property
    def difference(self) -> Decimal | None:
        return None if self.budget is None else self.actual - self.budget


def figure_lines(table: FigureTable) -> list[FigureLine]:
    """The table as it reads on paper: each section, its total, then the result."""
    lines = []
    for kind, title in (("income", _("Total income")), ("expense", _("Total expenses"))):
        rows = table.income if kind == "income" else table.expense
        lines += [FigureLine(r.label, r.budget, r.actual, r.used) for r in rows]
        lines.append(FigureLine(title, table.total(kind, "budget"), table.total(kind, "actual"), total=True))
    if table.uncategorised:
        lines.append(FigureLine(_("Not categorised yet"), None, table.uncategorised))
    lines.append(FigureLine(_("Result (income − expenses)"), table.result_budget, table.result_actual, total=True))
    return lines


def budget_columns() -> list[Column]:
    return [Column(_("Category"), lambda r: r.label, chars=36),
            Column(_("Kind"), lambda r: _("Income") if r.kind == "income" else _("Expense"), chars=8),
            Column(_("Amount"), lambda r: money(r.amount), align_right=True, chars=12),
            Column(_("Justification"), lambda r: r.justification, tooltip=lambda r: r.justification)]


def figure_columns() -> list[Column]:
    return [Column(_("Category"), lambda r: r.label, chars=36),
            Column(_("Budget"), lambda r: money(r.budget), align_right=True, chars=12),
            Column(_("Actual"), lambda r: money(r.actual), align_right=True, chars=12),
            Column(_("Difference"), lambda r: money(r.difference), align_right=True, chars=12),
            Column(_("Used"), lambda r: formats.percent(r.used) if r.used is not None else "", align_right=True,
                   chars=7)]


class FigureModel(RowsTableModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.rows[index.row()].total:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class BudgetTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = YearInfo(date.today().year, False)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)

        top = QGroupBox(_("Budget"))
        top_layout = QVBoxLayout(top)
        self.status = hint("")
        top_layout.addWidget(self.status)
        self.model = RowsTableModel(budget_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Budget lines"))
        # Measured: "Ontvangsten" and the long category names were cut beside a half-empty justification.
        fit_columns(self.table, "finance.budget", self.model.columns)
        top_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.line_button = QPushButton(_("Add or change a line…"))
        self.remove_button = QPushButton(_("Remove line"))
        self.start_button = QPushButton(_("Start from last year"))
        self.start_menu = QMenu(self.start_button)
        self.start_button.setMenu(self.start_menu)
        self.dwelling_button = QPushButton(_("Per-dwelling calculator…"))
        self.approve_button = QPushButton(_("Approval…"))
        for button in (self.line_button, self.remove_button, self.start_button, self.dwelling_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.approve_button)
        top_layout.addLayout(row)
        splitter.addWidget(top)

        bottom = QGroupBox(_("Budget against the actual figures"))
        bottom_layout = QVBoxLayout(bottom)
        period_row = QHBoxLayout()
        label = QLabel(_("Period:"))
        self.period = QComboBox()
        self.period.setAccessibleName(_("Period"))
        label.setBuddy(self.period)
        period_row.addWidget(label)
        period_row.addWidget(self.period)
        period_row.addStretch(1)
        bottom_layout.addLayout(period_row)
        self.figures = FigureModel(figure_columns(), parent=self)
        self.figures_table = table_view(self.figures, stretch_last=False)
        self.figures_table.setAccessibleName(_("Budget against the actual figures"))
        fit_columns(self.figures_table, "finance.budget_figures", self.figures.columns)  # "Resultaat (…" was cut
        bottom_layout.addWidget(self.figures_table, 1)
        splitter.addWidget(bottom)

        documents = QHBoxLayout()
        documents.addWidget(document_button(ctx, _("Budget (PDF)"), lambda: budget_writer(self.info.year),
                                            lambda: _("budget-{year}").format(year=self.info.year), self))
        documents.addWidget(document_button(ctx, _("Budget against actual (PDF)"), self._bva_writer,
                                            lambda: _("budget-vs-actual-{year}").format(year=self.info.year), self))
        documents.addWidget(document_button(ctx, _("Financial annual report (PDF)"),
                                            lambda: financial_report_writer(self.info.year),
                                            lambda: _("financial-report-{year}").format(year=self.info.year), self))
        documents.addStretch(1)
        layout.addLayout(documents)

        self.line_button.clicked.connect(self.edit_line)
        self.table.doubleClicked.connect(lambda _index: self.edit_line())
        self.remove_button.clicked.connect(self.remove_line)
        self.dwelling_button.clicked.connect(self.dwellings)
        self.approve_button.clicked.connect(self.approve)
        self.period.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def set_year(self, info: YearInfo) -> None:
        if info.year != self.info.year or not self.period.count():
            self.period.blockSignals(True)
            self.period.clear()
            for label, start, end in period_choices(info.year):
                self.period.addItem(label, (start, end))
            self.period.blockSignals(False)
        self.info = info
        previous = info.year - 1
        self.start_menu.clear()
        self.start_menu.addAction(_("From the actual figures of {year}").format(year=previous),
                                  lambda: self.start_from("actuals"))
        self.start_menu.addAction(_("From the budget of {year}").format(year=previous),
                                  lambda: self.start_from("budget"))

    def period_bounds(self) -> tuple[date, date]:
        return self.period.currentData() or (date(self.info.year, 1, 1), date(self.info.year, 12, 31))

    def refresh(self, *_args) -> None:
        if not self.period.count():
            self.set_year(self.info)
        start, end = self.period_bounds()
        view = self.ctx.read(views.read_budget, self.info.year, start, end)
        lines, table = view.lines, view.figures
        self.model.set_rows(lines)
        income = sum((r.amount for r in lines if r.kind == "income"), Decimal("0.00"))
        expense = sum((r.amount for r in lines if r.kind == "expense"), Decimal("0.00"))
        parts = [_("Budget {year}: {approval}").format(year=self.info.year, approval=view.approval)]
        if lines:
            parts.append(_("Planned income {income}, planned expenses {expense}, result {result}.").format(
                income=money(income), expense=money(expense), result=money(income - expense)))
        else:
            parts.append(_("No lines yet: add them one by one or start from last year."))
        self.status.setText("\n".join(parts))
        self.figures.set_rows(figure_lines(table))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.remove_button.setEnabled(selected_row(self.table) is not None)
        self.approve_button.setEnabled(self.model.rowCount() > 0)

    def _bva_writer(self):
        start, end = self.period_bounds()
        return budget_vs_actual_writer(self.info.year, start, end)

    # -- actions ---------------------------------------------------------------------------------------
    def edit_line(self) -> None:
        from huurdersgroep_app.ui.finance.budget_dialogs import BudgetLineDialog

        BudgetLineDialog(self.ctx, self.info.year, selected_row(self.table), parent=self).exec()

    def remove_line(self) -> None:
        line = selected_row(self.table)
        if line is not None and self.ctx.ask(_("Remove '{category}' from the budget {year}?").format(
                category=line.label, year=self.info.year), self):
            self.ctx.run(budget.remove_budget_line, self.info.year, line.category_id, parent=self)

    def start_from(self, source: str) -> None:
        previous = self.info.year - 1
        what = (_("the actual figures of {year}") if source == "actuals" else _("the budget of {year}")).format(
            year=previous)
        question = _("Fill the budget {year} from {what}? Lines you already filled in stay as they are.").format(
            year=self.info.year, what=what)
        if not self.ctx.ask(question, self):
            return
        result = self.ctx.run(budget.start_budget, self.info.year, source, parent=self)
        if result:
            self.ctx.show_info(ngettext("{count} line was added.", "{count} lines were added.", result.value).format(
                count=result.value), self)

    def dwellings(self) -> None:
        from huurdersgroep_app.ui.finance.budget_dialogs import DwellingDialog

        DwellingDialog(self.ctx, self.info.year, parent=self).exec()

    def approve(self) -> None:
        from huurdersgroep_app.ui.finance.budget_dialogs import ApprovalDialog

        ApprovalDialog(self.ctx, self.info.year, parent=self).exec()
