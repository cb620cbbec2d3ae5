"""The Funding page's tables, and where in the app each unmet condition is put right.

The compliance check names the place with a stable key (``finance.budget``, ``meetings.annual`` …,
see ``compliance.FIX_KEYS``); ``FIX_PLACES`` turns it into a page of ``ui.pages`` and, for a page
with tabs, its tab. Keys of the Funding page itself are handled on this page."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from huurdersgroep_app.core.services.funding import grants
from huurdersgroep_app.core.services.funding.catalogue import EVIDENCE_FIX, MET, NOT_MET
from huurdersgroep_app.i18n import N_, _, format_money
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, LOW, Column, RowsTableModel

# key → (page, tab or None, the button's text). The Funding page's own keys stay here.
FIX_PLACES: dict[str, tuple[str, str | None, str]] = {
    "meetings": ("meetings", None, N_("Go to Meetings")),
    "meetings.annual": ("meetings", None, N_("Go to Meetings")),
    "meetings.elections": ("meetings", None, N_("Go to Meetings")),
    "board": ("board", None, N_("Go to Board")),
    "members": ("members", None, N_("Go to Members")),
    "finance.budget": ("finance", "budget", N_("Go to Money: Budget")),
    "finance.closing": ("finance", "closing", N_("Go to Money: Year closing")),
    "finance.cashbook": ("finance", "cashbook", N_("Go to Money: Cash book")),
}
# Written in a form of the Documents area (the document's own contents), for the year looked at.
TEXT_PLACES = {"funding.year_plan": ("year-plan", N_("Write the year plan…")),
               "finance.audit_committee": ("audit-committee", N_("Fill in the audit committee…"))}
OWN_PLACES = {EVIDENCE_FIX: N_("Add evidence…"), "funding.grants": N_("Go to the grants")}


def fix_button_text(key: str) -> str:
    if key in FIX_PLACES:
        return _(FIX_PLACES[key][2])
    if key in TEXT_PLACES:
        return _(TEXT_PLACES[key][1])
    return _(OWN_PLACES.get(key, N_("Add evidence…")))


def money(amount) -> str:
    return "" if amount is None else format_money(amount)


def funder_columns() -> list[Column]:
    return [Column(_("Funder"), lambda r: r.name, chars=26, priority=ESSENTIAL),
            Column(_("Kind"), lambda r: r.kind_label, chars=12, priority=LOW)]


def condition_columns() -> list[Column]:
    def status(line) -> str:
        return line.result.status_label if line.result is not None else _("switched off")

    def status_sort(line) -> int:
        order = {NOT_MET: 0, MET: 2}
        return 3 if line.result is None else order.get(line.result.status, 1)

    return [Column(_("Condition"), lambda r: r.label, chars=44, tooltip=lambda r: r.label, priority=ESSENTIAL),
            Column(_("Status"), status, sort=status_sort, chars=13, priority=ESSENTIAL),
            Column(_("Evidence"), lambda r: r.result.evidence if r.result else "", chars=40,
                   tooltip=lambda r: r.result.evidence if r.result else ""),
            Column(_("What to do"), lambda r: r.result.todo if r.result else "", chars=30,
                   tooltip=lambda r: r.result.todo if r.result else "")]


class ConditionsModel(RowsTableModel):
    """Conditions coloured by their status: not met in red, to confirm in amber, switched off greyed."""

    COLOURS = {NOT_MET: "#a00000", "to_confirm": "#8a5a00", MET: "#1b6e20"}

    def __init__(self, parent=None):
        super().__init__(condition_columns(), parent=parent, dimmed=lambda r: r.result is None)

    def data(self, index, role=None):
        from PySide6.QtCore import Qt

        role = Qt.ItemDataRole.DisplayRole if role is None else role
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 1:
            line = self.rows[index.row()]
            if line.result is not None:
                return QBrush(QColor(self.COLOURS.get(line.result.status, "#000000")))
        return super().data(index, role)


def grant_columns() -> list[Column]:
    return [Column(_("Year"), lambda r: str(r.year), sort=lambda r: r.year, chars=5),
            Column(_("Amount"), lambda r: money(r.amount), sort=lambda r: r.amount, align_right=True, chars=12),
            Column(_("Kind of amount"), lambda r: grants.amount_kind_label(r.amount_kind), chars=12),
            Column(_("Reference"), lambda r: r.reference, chars=12),
            Column(_("Status"), lambda r: grants.status_label(r.status), chars=12),
            Column(_("Received"), lambda r: money(r.received), sort=lambda r: r.received, align_right=True, chars=12),
            Column(_("Apply by"), lambda r: formats.short_date(r.application_deadline),
                   sort=lambda r: r.application_deadline, chars=10),
            Column(_("Account by"), lambda r: formats.short_date(r.accountability_deadline),
                   sort=lambda r: r.accountability_deadline, chars=10),
            Column(_("Accounted on"), lambda r: formats.short_date(r.accounted_on), sort=lambda r: r.accounted_on,
                   chars=10)]
