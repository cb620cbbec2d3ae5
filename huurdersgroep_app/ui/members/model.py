"""The members table: plain ``MemberRow``s, sorted in the model, filtered by a proxy on each
row's precomputed, case-folded ``search_text`` (see ``row_filter`` for why)."""
from __future__ import annotations

import re
from operator import attrgetter
from datetime import date

from huurdersgroep_app.core.services import names
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.row_filter import FoldedTextProxy
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, Column, RowsTableModel

STATUS_ACTIVE, STATUS_FORMER, STATUS_BOARD, STATUS_ALL = "active", "former", "board", "all"
NO_COMPLEX = -1  # complex filter value for members without a complex


def contact_way_label(way: str) -> str:
    labels = {"letter": _("Letter"), "email": _("E-mail"), "phone": _("Phone")}
    return labels.get(way, way)


def _house_number_key(number: str):
    """'2' before '10', and '10A' after '10'."""
    match = re.match(r"\s*(\d+)(.*)", number or "")
    return (int(match.group(1)), match.group(2).strip().casefold()) if match else (10**9, (number or "").casefold())


def _status(row) -> str:
    if not row.active:
        return _("Former member")
    return _("Board") if row.is_board else _("Member")


def member_columns() -> list[Column]:
    return [
        Column(_("Name"), lambda r: f"{r.last_name}, {r.first_name}" if r.first_name else r.last_name,
               sort=lambda r: r.sort_key, chars=26, priority=ESSENTIAL),
        Column(_("Address"), lambda r: r.address_line,
               sort=lambda r: (names.fold(r.street), _house_number_key(r.house_number), names.fold(r.box)),
               chars=24, priority=HIGH),
        Column(_("Postcode"), lambda r: r.postcode, chars=7, priority=LOW),
        Column(_("City"), lambda r: r.city, sort=lambda r: names.fold(r.city), chars=12, priority=LOW),
        Column(_("Complex"), lambda r: r.complex_name, sort=lambda r: names.fold(r.complex_name), chars=14,
               priority=HIGH),
        Column(_("Phone"), lambda r: r.phone, chars=14),
        Column(_("E-mail"), lambda r: r.email, chars=22),
        Column(_("Contact by"), lambda r: contact_way_label(r.contact_way), chars=8, priority=LOW),
        Column(_("Member since"), lambda r: formats.short_date(r.joined_on), sort=lambda r: r.joined_on, chars=10,
               priority=LOW),
        Column(_("Left on"), lambda r: formats.short_date(r.left_on), sort=lambda r: r.left_on, chars=10, priority=LOW),
        Column(_("Status"), _status, chars=13),
    ]


class MemberTableModel(RowsTableModel):
    NAME_COLUMN = 0

    def __init__(self, rows=(), parent=None):
        super().__init__(member_columns(), rows, parent, dimmed=lambda r: not r.active)


class MemberFilterProxy(FoldedTextProxy):
    """Search-as-you-type over ``row.search_text`` plus the status and complex filters."""

    def __init__(self, parent=None):
        super().__init__(attrgetter("search_text"), parent)
        self._status = STATUS_ACTIVE
        self._complex: int | None = None
        self._today = date.today()

    # -- filters -----------------------------------------------------------------------------
    def set_status(self, status: str) -> None:
        if status != self._status:
            self._change(lambda: setattr(self, "_status", status))

    def set_complex(self, complex_id: int | None) -> None:
        """None: every complex; ``NO_COMPLEX``: members without one."""
        if complex_id != self._complex:
            self._change(lambda: setattr(self, "_complex", complex_id))

    def _change(self, apply) -> None:
        def apply_today():
            apply()
            self._today = date.today()

        super()._change(apply_today)

    def accepts(self, row) -> bool:
        status = self._status
        if status != STATUS_ALL:
            active = row.left_on is None or row.left_on > self._today
            if status == STATUS_ACTIVE and not active:
                return False
            if status == STATUS_FORMER and active:
                return False
            if status == STATUS_BOARD and not (active and row.is_board):
                return False
        if self._complex is not None:
            if (row.complex_id or NO_COMPLEX) != self._complex:
                return False
        return True
