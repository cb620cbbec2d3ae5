"""Every document the app makes for a year, as one list: its key (the ``huurdersgroep report`` name),
title, group (members, meetings, advices, money, funding), formats and the function that makes it.
The Documents page shows this list; nothing here knows about a window.

A kind's ``make(session, target, request)`` writes the file and returns its number of pages (None
for a spreadsheet or Word file); it raises a DomainError in words when the year has nothing to
show (no annual meeting, no budget …). Writers are imported when a document is made, not with the
list, so the page opens without loading reportlab.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import N_, _

GROUPS: tuple[tuple[str, str], ...] = (
    ("members", N_("Members and board")),
    ("meetings", N_("Meetings")),
    ("advices", N_("Advices and signals")),
    ("money", N_("Money")),
    ("funding", N_("Funding")),
)
SUFFIXES = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx"}


@dataclass(frozen=True)
class Request:
    year: int
    funder_id: int | None = None
    fmt: str = "pdf"
    progress: Callable[[int, int], None] | None = None
    cancel: object | None = None  # a core.progress.CancelToken


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title_text: str  # N_ text
    group: str
    make: Callable[[Session, Path, Request], int | None]
    formats: tuple[str, ...] = ("pdf",)
    per_funder: bool = False  # made for one funder (the dossier, the accountability per grant)
    description_text: str = ""

    @property
    def title(self) -> str:
        return _(self.title_text)

    @property
    def description(self) -> str:
        return _(self.description_text) if self.description_text else ""

    def file_name(self, year: int, fmt: str = "pdf", funder: str = "") -> str:
        """A file name without folders, in the language in force: 'financieel-verslag-2025.pdf',
        'funding-dossier-2025-stad-kortrijk.pdf'. Lower case and hyphens, nothing Windows refuses."""
        return safe_file_stem(f"{self.title} {year} {funder}") + SUFFIXES.get(fmt, "." + fmt)


# Windows refuses these characters and these names (with any extension) in a file name.
_REFUSED = set('<>:"/\\|?*')
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(1, 10)} | {f"lpt{n}" for n in range(1, 10)}


def safe_file_stem(words: str) -> str:
    """'Funding dossier 2025 – Stad "Gent"/Wonen' → 'funding-dossier-2025-stad-gentwonen'."""
    kept = "".join(c for c in words.lower() if c not in _REFUSED and (c.isalnum() or c.isspace() or c in "-–_'"))
    stem = "-".join(part for part in kept.replace("–", " ").replace("_", " ").replace("'", " ").split() if part)
    stem = "-".join(p for p in stem.split("-") if p).strip(". ")
    return stem if stem and stem not in _RESERVED else (stem or "document") + "-1"


def dated_file_stem(words: str, day: date) -> str:
    """'board-list', 4 Dec 2026 → 'board-list-2026-12-04': a saved copy says when it was made."""
    return safe_file_stem(f"{words} {day.isoformat()}")


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


# -- the makers: one small function per document, each importing its writer ----------------------------
def _member_counts(session, target, r):
    from huurdersgroep_app.core.documents.member_list import write_member_list
    return write_member_list(session, target, privacy="counts")


def _member_names(session, target, r):
    from huurdersgroep_app.core.documents.member_list import write_member_list
    return write_member_list(session, target, privacy="names")


def _board_list(session, target, r):
    from huurdersgroep_app.core.documents.board_list import write_board_list
    return write_board_list(session, target)


def _privacy_statement(session, target, r):
    from huurdersgroep_app.core.documents.privacy.statement import write_privacy_statement
    return write_privacy_statement(session, target)


def _annual_minutes(session, target, r):
    from huurdersgroep_app.core.documents.minutes import write_minutes
    from huurdersgroep_app.core.services.meetings.overview import annual_meeting_status

    status = annual_meeting_status(session, r.year)
    if status.meeting_id is None:
        raise DomainError(_("There is no annual meeting in {year}.").format(year=r.year))
    return write_minutes(session, status.meeting_id, target, fmt=r.fmt)


def _proxy_form(session, target, r):
    from huurdersgroep_app.core.documents.proxy_form import write_proxy_form
    from huurdersgroep_app.core.services.meetings.overview import annual_meeting_status

    status = annual_meeting_status(session, r.year)
    if status.meeting_id is None:
        raise DomainError(_("There is no annual meeting in {year}.").format(year=r.year))
    return write_proxy_form(session, status.meeting_id, target, fmt=r.fmt)


def _decisions(session, target, r):
    from huurdersgroep_app.core.documents.decisions_register import write_decisions_register
    return write_decisions_register(session, r.year, target)


def _action_points(session, target, r):
    from huurdersgroep_app.core.documents.decisions_register import write_action_points
    return write_action_points(session, target, r.year)


def _signals(session, target, r):
    from huurdersgroep_app.core.documents.signals_report import write_signals_report
    return write_signals_report(session, target, *_year_span(r.year))


def _consultations(session, target, r):
    from huurdersgroep_app.core.documents.consultation_history import write_consultation_history
    return write_consultation_history(session, target, *_year_span(r.year))


def _budget(session, target, r):
    from huurdersgroep_app.core.documents.finance.budget import write_budget
    return write_budget(session, target, r.year)


def _budget_vs_actual(session, target, r):
    from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
    return write_budget_vs_actual(session, target, r.year)


def _financial_report(session, target, r):
    from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
    return write_financial_report(session, target, r.year)


def _audit_pack(session, target, r):
    from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
    return write_audit_pack(session, target, r.year)


def _ledger(session, target, r):
    from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx
    write_ledger_xlsx(session, target, r.year)
    return None


def _activity_report(session, target, r):
    from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
    return write_activity_report(session, r.year, target, r.fmt, progress=r.progress)


def _year_plan(session, target, r):
    from huurdersgroep_app.core.documents.funding.year_plan import write_year_plan
    return write_year_plan(session, r.year, target, r.fmt, progress=r.progress)


def _grant_accountability(session, target, r):
    from huurdersgroep_app.core.documents.funding.grant_accountability import write_grant_accountability
    return write_grant_accountability(session, r.year, target, r.fmt, funder_id=r.funder_id, progress=r.progress)


def _audit_committee(session, target, r):
    from huurdersgroep_app.core.documents.funding.audit_committee import write_audit_committee_report
    return write_audit_committee_report(session, r.year, target, r.fmt, progress=r.progress)


def _dossier(session, target, r):
    from huurdersgroep_app.core.documents.funding.dossier import write_funding_dossier
    from huurdersgroep_app.core.documents.funding.dossier_parts import chosen_parts
    return write_funding_dossier(session, r.year, r.funder_id, target, sections=chosen_parts(session, r.funder_id),
                                 progress=r.progress, cancel=r.cancel).pages


def _cover_letter(session, target, r):
    from huurdersgroep_app.core.documents.funding.cover_letter import write_cover_letter
    return write_cover_letter(session, r.year, r.funder_id, target, r.fmt, progress=r.progress)


_KINDS: list[DocumentKind] = [
    DocumentKind("member-counts", N_("Members per complex"), "members", _member_counts,
                 description_text=N_("How many members per complex, no names: for a funder or the landlord.")),
    DocumentKind("member-list", N_("Member list (names)"), "members", _member_names,
                 description_text=N_("Names and complex, without addresses or phone numbers.")),
    DocumentKind("board-list", N_("Board list"), "members", _board_list),
    DocumentKind("privacy-statement", N_("Privacy statement"), "members", _privacy_statement),
    DocumentKind("annual-minutes", N_("Minutes of the annual meeting"), "meetings", _annual_minutes, ("pdf", "docx")),
    DocumentKind("annual-proxy-form", N_("Proxy form for the annual meeting"), "meetings", _proxy_form, ("pdf", "docx"),
                 description_text=N_("A blank form to put with the invitation: a member who cannot come gives "
                                     "another member their vote, within the group's rules.")),
    DocumentKind("decisions-register", N_("Decisions register"), "meetings", _decisions),
    DocumentKind("action-points", N_("Action points"), "meetings", _action_points),
    DocumentKind("signals", N_("Signals report"), "advices", _signals),
    DocumentKind("consultation-history", N_("Consultations with the landlord"), "advices", _consultations),
    DocumentKind("budget", N_("Budget"), "money", _budget),
    DocumentKind("budget-vs-actual", N_("Budget against actual"), "money", _budget_vs_actual),
    DocumentKind("financial-report", N_("Financial report"), "money", _financial_report),
    DocumentKind("audit-pack", N_("Audit pack for the audit committee"), "money", _audit_pack),
    DocumentKind("ledger", N_("Ledger (spreadsheet)"), "money", _ledger, ("xlsx",)),
    DocumentKind("funding-dossier", N_("Funding dossier"), "funding", _dossier, per_funder=True,
                 description_text=N_("Everything the funder asks for the year, in one PDF: cover letter, contents, "
                                     "the compliance checklist, the reports, the budget, the accountability, the "
                                     "minutes, the board list and the members per complex.")),
    DocumentKind("cover-letter", N_("Cover letter to the funder"), "funding", _cover_letter, ("pdf", "docx"),
                 per_funder=True, description_text=N_("The letter that goes with the dossier; as Word to touch "
                                                      "it up before sending.")),
    DocumentKind("activity-report", N_("Activity report"), "funding", _activity_report, ("pdf", "docx"),
                 description_text=N_("The year's activities, members, meetings, advices and money in brief; the "
                                     "foreword, highlights and plans are written per year.")),
    DocumentKind("year-plan", N_("Year plan"), "funding", _year_plan, ("pdf", "docx"),
                 description_text=N_("The plan of the chosen year: choose next year to make the plan for it.")),
    DocumentKind("grant-accountability", N_("Accountability per grant"), "funding", _grant_accountability,
                 ("pdf", "xlsx"), description_text=N_("Every grant of the year: received, spent per eligible "
                                                      "category, receipts, the balance.")),
    DocumentKind("audit-committee", N_("Audit committee report"), "funding", _audit_committee,
                 description_text=N_("For a closed year: the members, what they checked and found, signatures.")),
]


def kinds() -> list[DocumentKind]:
    """Every kind, in the order of ``GROUPS`` and then as listed."""
    order = {key: n for n, (key, _t) in enumerate(GROUPS)}
    return sorted(_KINDS, key=lambda k: order.get(k.group, len(order)))


def get_kind(key: str) -> DocumentKind:
    for kind in _KINDS:
        if kind.key == key:
            return kind
    raise DomainError(_("Unknown document '{key}'.").format(key=key))


def make_document(session: Session, key: str, target: Path, year: int, funder_id: int | None = None,
                  fmt: str = "pdf", progress=None, cancel=None) -> int | None:
    kind = get_kind(key)
    if fmt not in kind.formats:
        raise DomainError(_("'{title}' cannot be made as {fmt}; it can be made as: {formats}.").format(
            title=kind.title, fmt=fmt, formats=", ".join(kind.formats)))
    if kind.per_funder and funder_id is None:
        raise DomainError(_("Choose the funder for '{title}'.").format(title=kind.title))
    return kind.make(session, Path(target), Request(year, funder_id, fmt, progress, cancel))


__all__ = ["GROUPS", "DocumentKind", "Request", "kinds", "get_kind", "make_document"]
