"""The advice dossiers table: plain ``AdviceRow``s with the days left before the group's deadline
and the landlord's reply date; what is late is shown in dark red, finished dossiers greyed."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.labels import kind_label, status_label, topic_label
from huurdersgroep_app.core.services.advices.dossiers import BEFORE_SENT, OPEN_STATUSES
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, Column, RowsTableModel
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR

SHOW_OPEN, SHOW_ALL = "open", "all"


def days_left(row, today: date) -> int | None:
    """Days before the group's own deadline, while its advice is still to be sent."""
    return deadlines.days_left(row.group_deadline, today) if row.status in BEFORE_SENT else None


def days_text(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return _("due today")
    if days > 0:
        return ngettext("{n} day left", "{n} days left", days).format(n=days)
    return ngettext("{n} day late", "{n} days late", -days).format(n=-days)


def reply_overdue(row, today: date) -> bool:
    return row.status == "sent" and row.reply_due is not None and row.reply_due < today


def _reference_key(row) -> tuple:
    parts = row.reference.split("-")
    return tuple(int(p) if p.isdigit() else 0 for p in parts[1:]) or (0,)


def advice_columns(today: date) -> list[Column]:
    def reply_text(r) -> str:
        shown = formats.short_date(r.reply_due) if r.status in ("sent", "replied", "closed") else ""
        return _("{date} (late)").format(date=shown) if shown and reply_overdue(r, today) else shown

    return [
        Column(_("Reference"), lambda r: r.reference, sort=_reference_key, chars=11, priority=ESSENTIAL),
        Column(_("Title"), lambda r: r.title, chars=36, tooltip=lambda r: r.title, priority=ESSENTIAL),
        Column(_("Kind"), lambda r: kind_label(r.kind), chars=12, priority=LOW),
        Column(_("Topic"), lambda r: topic_label(r.topic), chars=18),
        Column(_("Status"), lambda r: status_label(r.status), chars=16, priority=HIGH),
        Column(_("Our deadline"), lambda r: formats.short_date(r.group_deadline), sort=lambda r: r.group_deadline,
               chars=10, priority=HIGH),
        Column(_("Days left"), lambda r: days_text(days_left(r, today)), sort=lambda r: days_left(r, today),
               chars=11, priority=HIGH),
        Column(_("Reply due"), reply_text,
               sort=lambda r: r.reply_due if r.status in ("sent", "replied", "closed") else None, chars=17),
        Column(_("Complexes"), lambda r: ", ".join(r.complexes) or _("Whole stock"), chars=18, priority=LOW),
    ]


ALERT_COLUMNS = (6, 7)  # days left, reply due


class AdviceTableModel(RowsTableModel):
    def __init__(self, rows=(), parent=None, today: date | None = None):
        self.today = today or date.today()
        super().__init__(advice_columns(self.today), rows, parent,
                         dimmed=lambda r: r.status not in OPEN_STATUSES)

    def late(self, row) -> bool:
        left = days_left(row, self.today)
        return (left is not None and left < 0) or reply_overdue(row, self.today)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() in ALERT_COLUMNS:
            row = self.rows[index.row()]
            if self.late(row):
                return QBrush(QColor(ERROR_COLOUR))
        return super().data(index, role)


def advice_search_text(row) -> str:
    return " ".join((row.reference, row.title, topic_label(row.topic), status_label(row.status),
                     kind_label(row.kind), *row.complexes))


def advice_test(show: str, year: int | None):
    """The status and year filters as one test of a row."""
    def accepts(row) -> bool:
        if show == SHOW_OPEN and row.status not in OPEN_STATUSES:
            return False
        if show not in (SHOW_OPEN, SHOW_ALL) and row.status != show:
            return False
        return year is None or row.requested_on.year == year
    return accepts
