"""Shared pieces of the Money page: amounts typed and shown, the year a tab works on, and the
cash book's table model with its filter proxy.

The cash book reads a whole year once (``search_entries``) and filters in the proxy on plain
fields and one precomputed folded text per row, like the members table: a keystroke costs
milliseconds and never touches the database.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QSortFilterProxyModel, Qt

from huurdersgroep_app.core.services.finance.common import CENT, parse_amount, plain_text
from huurdersgroep_app.core.services.finance.search import UNCATEGORISED, EntryRow, search_text
from huurdersgroep_app.core.services.names import fold
from huurdersgroep_app.i18n import _, format_money
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.row_filter import FoldedTextProxy
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, Column, RowsTableModel

ZERO = Decimal("0.00")


def money(amount: Decimal | None) -> str:
    """'€ 1.234,56' in the interface language; '' for no amount."""
    return "" if amount is None else format_money(amount)


def plain_amount(amount: Decimal) -> str:
    """12,50 as people type it back into a field (no currency sign, no thousands separator), in the
    interface language's notation, which the amount parser reads back exactly."""
    return plain_text(amount)


def typed_amount(text: str) -> Decimal | None:
    """An amount as people type it ('12,50', '1.234,56', '€ 5', '12,50-'); None when it is not one
    exactly (the service then explains why). Never a float, never rounded."""
    try:
        return parse_amount(text).quantize(CENT)
    except (InvalidOperation, ValueError):
        return None


@dataclass(frozen=True)
class YearInfo:
    """The year a tab shows, and whether its books are locked."""

    year: int
    closed: bool

    def closed_note(self) -> str:
        return _("The year {year} is closed: its books can be read and printed, but not changed. "
                 "Book a correction as a new entry in {next}.").format(year=self.year, next=self.year + 1)


# -- the cash book --------------------------------------------------------------------------------
def period_choices(year: int) -> list[tuple[str, date, date]]:
    """Whole year, the quarters and the months, as (label, first day, last day)."""
    choices = [(_("Whole year"), date(year, 1, 1), date(year, 12, 31))]
    for quarter in range(4):
        first = date(year, quarter * 3 + 1, 1)
        last = date(year, quarter * 3 + 3, 30 if quarter in (1, 2) else 31)
        choices.append((_("Quarter {number}").format(number=quarter + 1), first, last))
    for month in range(1, 13):
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        choices.append((_month_name(month), date(year, month, 1), last))
    return choices


def _month_name(month: int) -> str:
    """The month's name through Qt's locale data (already loaded; Babel would cost the start-up)."""
    from PySide6.QtCore import QLocale

    return QLocale().standaloneMonthName(month).capitalize()


def entry_columns(missing: set[int]) -> list[Column]:
    """``missing``: the ids of entries whose category needs a receipt that is not attached (the
    set is shared with the model and refilled with its rows)."""

    def receipt(row: EntryRow) -> str:
        if row.receipts:
            return _("Yes")
        return _("Missing") if row.id in missing else ""

    return [
        Column(_("Date"), lambda r: formats.short_date(r.booked_on), sort=lambda r: (r.booked_on, r.id), chars=10,
               priority=ESSENTIAL),
        Column(_("Account"), lambda r: r.account_name, chars=12),
        Column(_("Counterparty"), lambda r: r.counterparty or r.member_name, chars=22, priority=HIGH),
        Column(_("Description"), lambda r: r.description, tooltip=lambda r: r.description, chars=30,
               priority=HIGH),
        Column(_("Category"), lambda r: r.categories, tooltip=lambda r: r.categories, chars=22),
        Column(_("Money in"), lambda r: money(r.amount) if r.amount > 0 else "",
               sort=lambda r: r.amount if r.amount > 0 else None, align_right=True, chars=11, priority=ESSENTIAL),
        Column(_("Money out"), lambda r: money(-r.amount) if r.amount < 0 else "",
               sort=lambda r: -r.amount if r.amount < 0 else None, align_right=True, chars=11,
               priority=ESSENTIAL),
        Column(_("Receipt"), receipt, tooltip=lambda r: r.receipt_number, chars=7, priority=LOW),
    ]


class EntryTableModel(RowsTableModel):
    DATE_COLUMN, CATEGORY_COLUMN, RECEIPT_COLUMN = 0, 4, 7

    def __init__(self, rows=(), parent=None):
        self.missing: set[int] = set()
        super().__init__(entry_columns(self.missing), rows, parent, dimmed=None)
        self.texts: dict[int, str] = {}

    def set_rows(self, rows, missing_receipts=()) -> None:
        self.texts = {row.id: search_text(row) for row in rows}
        self.missing.clear()
        self.missing.update(missing_receipts)
        super().set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Uncategorised entries block the year closing and missing receipts worry the kascommissie.
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and 0 <= index.row() < len(self.rows) and (
                (index.column() == self.CATEGORY_COLUMN and not self.rows[index.row()].categorised) or
                (index.column() == self.RECEIPT_COLUMN and self.rows[index.row()].id in self.missing)):
            from PySide6.QtGui import QBrush, QColor

            from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR
            return QBrush(QColor(ERROR_COLOUR))
        return super().data(index, role)


class EntryFilterProxy(FoldedTextProxy):
    """Period, account, category ('not categorised' too) and search-as-you-type on the model's rows."""

    def __init__(self, parent=None):
        super().__init__(lambda row: self.sourceModel().texts.get(row.id, ""), parent)
        self.start: date | None = None
        self.end: date | None = None
        self.account_id: int | None = None
        self.category_id: int | None = None

    def set_filter(self, **values) -> None:
        if "text" in values:
            values["words"] = tuple(fold(values.pop("text")).split())
        if all(getattr(self, key) == value for key, value in values.items()):
            return
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, row: EntryRow) -> bool:
        if self.start is not None and row.booked_on < self.start:
            return False
        if self.end is not None and row.booked_on > self.end:
            return False
        if self.account_id is not None and row.account_id != self.account_id:
            return False
        if self.category_id == UNCATEGORISED:
            if row.categorised:
                return False
        elif self.category_id is not None and self.category_id not in row.category_ids:
            return False
        return True

    def shown_rows(self) -> list[EntryRow]:
        return self.source_rows()

    def totals(self) -> tuple[Decimal, Decimal]:
        """(money in, money out) of the rows shown."""
        rows = [row for row in self.sourceModel().rows if self.shows(row)]
        return (sum((r.amount for r in rows if r.amount > 0), ZERO),
                sum((-r.amount for r in rows if r.amount < 0), ZERO))
