"""Two short parts of the funding dossier: the compliance checklist (every condition of the
funder met / not met / to confirm with its evidence, and which documents the dossier holds or
misses) and the member count per complex (counts only, never an address)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.funding.common import document_info
from huurdersgroep_app.core.services.funding.activity import activity_year
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET, TO_CONFIRM
from huurdersgroep_app.core.services.funding.compliance import ComplianceReport
from huurdersgroep_app.core.services.members.complexes import reach_note, total_reach
from huurdersgroep_app.i18n import _, format_date, format_number, format_percent, ngettext


@dataclass(frozen=True)
class SectionState:
    title: str
    state: str  # "included" | "left_out" (the user chose so) | "missing" (its data is missing)
    reason: str = ""


def checklist_blocks(report: ComplianceReport, sections: list[SectionState]) -> list:
    out: list = [b.Title(_("Compliance checklist")),
                 b.Para(_("{funder} · conditions for {year}").format(funder=report.funder, year=report.year), "muted")]
    counts = [ngettext("{n} condition met", "{n} conditions met", report.count(MET)).format(n=report.count(MET)),
              ngettext("{n} not met", "{n} not met", report.count(NOT_MET)).format(n=report.count(NOT_MET)),
              ngettext("{n} to confirm", "{n} to confirm", report.count(TO_CONFIRM)).format(n=report.count(TO_CONFIRM))]
    out.append(b.Para(" · ".join(counts), bold=True))
    rows = []
    for r in report.results:
        # Not inside an f-string: the extractor does not see a message there, and 'To do' stayed English
        # in every language.
        words = r.evidence + (" — " + _("To do: {todo}").format(todo=r.todo) if r.todo else "")
        mark = {MET: "✓ ", NOT_MET: "✗ ", TO_CONFIRM: "? "}.get(r.status, "")
        rows.append([r.label, mark + r.status_label, words])
    if rows:
        out.append(b.Table([_("Condition"), _("Status"), _("Evidence")], rows, [0.34, 0.14, 0.52], font_size=8.5))
    else:
        out.append(b.Para(_("This funder has no conditions recorded."), "muted"))
    out.append(b.Heading(_("Documents in this dossier")))
    labels = {"included": _("included"), "left_out": _("left out on purpose"), "missing": _("MISSING")}
    out.append(b.Table([_("Document"), _("In the dossier"), _("Why not")],
                       [[s.title, labels[s.state], s.reason] for s in sections], [0.38, 0.2, 0.42], font_size=8.5))
    missing = [s for s in sections if s.state == "missing"]
    if missing:
        out.append(b.Para(ngettext("{n} document is missing: its data is not in the app yet.",
                                   "{n} documents are missing: their data is not in the app yet.",
                                   len(missing)).format(n=len(missing)), bold=True))
    return out


def member_count_blocks(session: Session, year: int, today: date | None = None, facts=None) -> list:
    facts = facts or activity_year(session, year, today)
    on = min(facts.end, today or date.today())
    rows = []
    for c in facts.complexes:
        rows.append([c.name or _("No complex"), format_number(c.dwellings) if c.dwellings else "–",
                     format_number(c.members), format_percent(c.reach) if c.reach is not None else "–"])
    total = total_reach(facts.complexes, without_complex=lambda c: not c.name)
    # No complex with a known number of dwellings: '–' as on the rows, not a total of 0 dwellings.
    rows.append([_("Total"), format_number(total.dwellings) if total.dwellings else "–", format_number(total.members),
                 format_percent(total.reach) if total.reach is not None else "–"])
    return [b.Title(_("Members per complex")),
            b.Para(_("Members on {date}; reach = members per dwelling.").format(date=format_date(on, "long")),
                   "muted"),
            # Plain cells (no Paragraph per cell): a large group has a hundred complexes; names fit a line.
            b.Table([_("Complex"), _("Dwellings"), _("Members"), _("Reach")], rows, [0.46, 0.18, 0.18, 0.18],
                    wrap=False),
            b.Para(_("Counts only: the dossier holds no member's address, phone or e-mail."), "small")] + \
        ([b.Para(reach_note(total), "small")] if reach_note(total) else [])


def member_count_info(session: Session, year: int, today: date | None = None):
    return document_info(session, _("Members per complex {year}").format(year=year), today)
