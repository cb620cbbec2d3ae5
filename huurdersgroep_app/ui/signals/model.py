"""The signal register table: plain ``SignalRow``s, the confidential ones marked in dark red bold,
finished ones greyed; and the page's filters (complex, category, period, status) as one test."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from huurdersgroep_app.core.services.advices.labels import category_label, signal_scope_label, signal_status_label
from huurdersgroep_app.core.services.signals.signals import FINISHED
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, MEDIUM, Column, RowsTableModel
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR

NO_COMPLEX = -1
OPEN_STATUSES = ("open", "forwarded", "answered")


def _date_column(title: str, attr: str, priority: int = MEDIUM) -> Column:
    return Column(title, lambda r: formats.short_date(getattr(r, attr)), sort=lambda r: getattr(r, attr), chars=10,
                  priority=priority)


def confidential_text(row) -> str:
    return _("Confidential") if row.confidential else ""


def signal_columns() -> list[Column]:
    return [
        Column(_("No."), lambda r: str(r.id), sort=lambda r: r.id, align_right=True, chars=5, priority=LOW),
        _date_column(_("Reported"), "reported_on", ESSENTIAL),
        Column(_("Complex"), lambda r: r.complex_name, chars=16, priority=HIGH),
        Column(_("Category"), lambda r: category_label(r.category), chars=14),
        Column(_("Problem"), lambda r: r.description, tooltip=lambda r: r.description, chars=36,
               priority=ESSENTIAL),
        Column(_("Status"), lambda r: signal_status_label(r.status), sort=lambda r: OPEN_STATUSES.index(r.status)
               if r.status in OPEN_STATUSES else 9, chars=10, priority=HIGH),
        Column(_("Confidential"), confidential_text, tooltip=lambda r: _(
            "Confidential: for the group's own follow-up, never printed in a shared document.")
            if r.confidential else "", chars=12),
        Column(_("Reported by"), lambda r: r.reporter, chars=16, priority=LOW),
        _date_column(_("Forwarded"), "forwarded_on"),
        _date_column(_("Answered"), "answered_on"),
        Column(_("Dossier"), lambda r: r.advice_reference, chars=11, priority=LOW),
        Column(_("Kind"), lambda r: signal_scope_label(r.scope), chars=10, priority=LOW),
    ]


CONFIDENTIAL_COLUMN = 6


class SignalTableModel(RowsTableModel):
    def __init__(self, rows=(), parent=None):
        super().__init__(signal_columns(), rows, parent, dimmed=lambda r: r.status in FINISHED)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == CONFIDENTIAL_COLUMN and 0 <= index.row() < len(self.rows) \
                and self.rows[index.row()].confidential:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ERROR_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


def signal_search_text(row) -> str:
    return " ".join((f"#{row.id}", row.description, row.address, row.complex_name, row.reporter,
                     category_label(row.category), row.advice_reference, confidential_text(row)))


@dataclass(frozen=True)
class SignalFilters:
    """The page's filters; None means 'any'."""

    complex_id: int | None = None
    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None
    open_only: bool = False

    def accepts(self, row) -> bool:
        if self.complex_id is not None and (row.complex_id or NO_COMPLEX) != self.complex_id:
            return False
        if self.category and row.category != self.category:
            return False
        if self.date_from and row.reported_on < self.date_from:
            return False
        if self.date_to and row.reported_on > self.date_to:
            return False
        if self.status and row.status != self.status:
            return False
        return not (self.open_only and row.status not in OPEN_STATUSES)


def cluster_columns() -> list[Column]:
    return [Column(_("Signals"), lambda c: str(c.count), sort=lambda c: c.count, align_right=True, chars=7),
            Column(_("Complex"), lambda c: c.complex_name or _("No particular complex"), chars=20),
            Column(_("Category"), lambda c: category_label(c.category), chars=16),
            Column(_("In words"), lambda c: c.describe(), chars=40)]
