"""Volunteer allowances per volunteer per year, against the yearly maximum of the group's rules:
above it the allowance may be taxed, so the tab and the form warn."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app.core.services import group_rules
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.finance import allowances
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.choices import combo_value, member_combo
from huurdersgroep_app.ui.finance.dialogs import FormDialog, amount_value
from huurdersgroep_app.ui.finance.models import YearInfo, money
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, DateField, hint

WARNING_COLUMN = 3


def allowance_columns() -> list[Column]:
    return [Column(_("Volunteer"), lambda r: r.name, chars=24),
            Column(_("Received this year"), lambda r: money(r.total), sort=lambda r: r.total, align_right=True,
                   chars=14),
            Column(_("Yearly maximum"), lambda r: money(r.cap) if r.cap else "–", align_right=True, chars=14),
            Column(_("Warning"), lambda r: _("Above the maximum") if r.over_cap else "")]


class AllowanceModel(RowsTableModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.rows[index.row()].over_cap:
            return QBrush(QColor(ERROR_COLOUR))
        return super().data(index, role)


class AllowanceDialog(FormDialog):
    """One allowance paid to a volunteer; the service says when the year's total passes the maximum."""

    def __init__(self, ctx: AppContext, year: int, parent=None):
        super().__init__(ctx, _("Volunteer allowance {year}").format(year=year), parent)
        self.year = year
        self.warning: str | None = None
        people = ctx.read(members.member_choices)
        self.member = self.form.add("member_id", _("Volunteer"), member_combo(people, None))
        self.amount = self.form.add("amount", _("Amount"), QLineEdit())
        self.amount.setPlaceholderText(_("for example 12,50"))
        today = date.today()
        self.paid_on = self.form.add("paid_on", _("Paid on"),
                                     DateField(today if today.year == year else date(year, 12, 31)))
        self.description = self.form.add("description", _("What for"), QLineEdit())
        self.finish_layout()

    def store(self, session):
        allowance, self.warning = allowances.add_allowance(session, combo_value(self.member) or 0, self.year,
                                                           amount_value(self.amount), self.description.text(),
                                                           self.paid_on.text())
        return allowance.id


class AllowancesTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = YearInfo(date.today().year, False)
        layout = QVBoxLayout(self)
        self.note = hint("")
        layout.addWidget(self.note)
        self.model = AllowanceModel(allowance_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Volunteer allowances"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Record an allowance…"))
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_allowance)

    def set_year(self, info: YearInfo) -> None:
        self.info = info

    def refresh(self) -> None:
        view = self.ctx.read(views.read_allowances, self.info.year)
        rows, cap = view.rows, view.cap
        kind = self.ctx.read(group_rules.rule_phrase, "finance", "volunteer_allowance")
        self.model.set_rows(rows)
        over = [r.name for r in rows if r.over_cap]
        text = _("Volunteers may receive up to {cap} a year in allowances without tax ({kind}).").format(
            cap=money(cap), kind=kind)
        if over:
            text += " " + _("Above the maximum in {year}: {names}.").format(year=self.info.year, names=", ".join(over))
        elif not rows:
            text += " " + _("No allowances recorded for {year}.").format(year=self.info.year)
        self.note.setText(text)

    def add_allowance(self) -> None:
        dialog = AllowanceDialog(self.ctx, self.info.year, parent=self)
        if dialog.exec() and dialog.warning:
            self.ctx.show_error(dialog.warning, self, _("Above the yearly maximum"))
