"""The funding dossier: one PDF per funder and year, bound from the documents the app already
makes — each written by its own writer, so every figure is the one the finance and meeting
documents show — in this order: cover letter, contents, compliance checklist, activity report,
financial report, budget vs actual, next year's budget and year plan, accountability per grant,
kascommissie report, minutes of the annual meeting, board list, members per complex.

Sections can be left out; a section whose data is missing is named on the checklist, never
dropped in silence. The contents page gives each section's page in the dossier, the PDF has a
bookmark per section, and every page carries one footer: the dossier's, with its own page number.
The parts are laid out into one PDF (``base.binding``): each is drawn once, its pages put in place
with their number, no part written and read back.
The file is written only at the end: a cancelled or failed run
leaves no half dossier behind.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import (FONT, FOOTER_Y, MARGIN, MUTED, Binding, DocumentCanvas, binding,
                                                   check_target)
from huurdersgroep_app.core.documents.funding import sections as s
from huurdersgroep_app.core.documents.funding.checklist import SectionState, checklist_blocks
from huurdersgroep_app.core.documents.funding.common import document_info
from huurdersgroep_app.core.documents.funding.cover_letter import cover_letter_blocks
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.progress import CancelToken, Steps
from huurdersgroep_app.core.services.finance.results import reused_results
from huurdersgroep_app.core.services.funding.compliance import check_funder
from huurdersgroep_app.core.services.funding.funders import get_funder
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _

SECTIONS = s.SECTIONS  # (key, label) in dossier order; re-exported for the GUI's check boxes
SECTION_KEYS = tuple(key for key, _label in SECTIONS)


@dataclass(frozen=True)
class DossierPart:
    key: str
    title: str
    first_page: int  # 1-based page of the dossier
    pages: int


@dataclass
class DossierResult:
    pages: int
    parts: list[DossierPart] = field(default_factory=list)
    missing: list[SectionState] = field(default_factory=list)  # named on the checklist

    def part(self, key: str) -> DossierPart | None:
        return next((p for p in self.parts if p.key == key), None)


def _part(bound: Binding, write: Callable[[io.BytesIO], object]) -> DocumentCanvas:
    """Lay out one part with its own writer; its pages wait in the binding (the buffer stays empty)."""
    write(io.BytesIO())
    return bound.take()


def _contents(bound: Binding, session: Session, year: int, funder: str, entries: list[tuple[str, int]],
              today: date | None) -> DocumentCanvas:
    blocks = [b.Title(_("Contents")), b.Para(_("Funding dossier {year} for {funder}").format(year=year, funder=funder),
                                            "muted"),
              b.Table([_("Document"), _("Page")], [[title, str(page)] for title, page in entries], [0.85, 0.15])]
    info = document_info(session, _("Funding dossier {year}").format(year=year), today, year)
    return _part(bound, lambda buffer: b.write_pdf(buffer, info, blocks))


def write_funding_dossier(session: Session, year: int, funder_id: int, target, *, sections=None,
                          today: date | None = None, progress=None, cancel: CancelToken | None = None
                          ) -> DossierResult:
    """Bind the dossier of ``funder_id`` for ``year`` into ``target`` (a path or a binary file).

    ``sections``: the keys of ``SECTIONS`` to put in (default: all); the cover letter, the contents
    and the checklist are always there. ``progress(done, total)`` is called after each part;
    ``cancel`` (core.progress.CancelToken) stops between parts, writing nothing."""
    check_target(target)
    funder = get_funder(session, funder_id).name
    wanted = set(SECTION_KEYS if sections is None else sections)
    unknown = wanted - set(SECTION_KEYS)
    if unknown:
        raise DomainError(_("Unknown part of the dossier: {names}. Choose from: {choices}.").format(
            names=", ".join(sorted(unknown)), choices=", ".join(SECTION_KEYS)))
    today = today or date.today()
    steps = Steps(progress, cancel, total=sum(1 for spec in s.SECTION_SPECS if spec.key not in s.ALWAYS) + 4)
    with binding() as bound, reused_results():  # the parts show the same year's figures: read them once
        result = _write(bound, session, year, funder_id, funder, wanted, today, steps)
        bound.save(target, _("Funding dossier {year}").format(year=year) + f" · {funder}",
                   get_organisation(session).name)
    return result


def _write(bound: Binding, session: Session, year: int, funder_id: int, funder: str, wanted: set[str], today: date,
           steps: Steps) -> DossierResult:
    """Lay out every part, then put their pages in the binding in dossier order, numbered."""
    context = s.SectionContext(session, year, funder_id, today)
    optional = [spec for spec in s.SECTION_SPECS if spec.key not in s.ALWAYS]
    states: list[SectionState] = []
    made: list[tuple[str, str, DocumentCanvas]] = []  # key, title, laid-out part
    for spec in optional:
        title = spec.title(context)
        if spec.key not in wanted:
            states.append(SectionState(title, "left_out"))
        else:
            problem = spec.problem(context)
            if problem:
                states.append(SectionState(title, "missing", problem))
            else:
                made.append((spec.key, title, _part(bound, lambda buffer, spec=spec: spec.write(context, buffer))))
                states.append(SectionState(title, "included"))
        steps.advance()
    report = check_funder(session, funder_id, year, today)
    checklist = _part(bound, lambda buffer: b.write_pdf(buffer, document_info(
        session, _("Compliance checklist {year}").format(year=year), today), checklist_blocks(report, states)))
    steps.advance()
    contents_titles = [_("Compliance checklist")] + [title for _key, title, _part in made]
    cover = _part(bound, lambda buffer: b.write_pdf(buffer, document_info(
        session, _("Cover letter: funding dossier {year}").format(year=year), today),
        cover_letter_blocks(session, year, funder_id, contents_titles, today)))
    steps.advance()
    body = [("checklist", _("Compliance checklist"), checklist)] + made
    counts = [part.page_count for _key, _title, part in body]
    contents_pages = 1
    for _attempt in range(3):  # the contents page(s) shift what follows; settle their own length
        first = cover.page_count + contents_pages + 1
        starts = [first + sum(counts[:i]) for i in range(len(body))]
        entries = [(title, page) for (_k, title, _d), page in zip(body, starts, strict=True)]
        contents = _contents(bound, session, year, funder, entries, today)
        if contents.page_count == contents_pages:
            break
        contents_pages = contents.page_count
    steps.advance()
    result = _bind(bound, [("cover_letter", _("Cover letter"), cover), ("contents", _("Contents"), contents)] + body,
                   _("Funding dossier {year}").format(year=year) + f" · {funder}", steps)
    result.missing = [st for st in states if st.state == "missing"]
    steps.advance()
    return result


def _bind(bound: Binding, parts: list[tuple[str, str, DocumentCanvas]], label: str, steps: Steps) -> DossierResult:
    """The parts' pages in order, each with a bookmark on its first page and the dossier's footer with
    its page number (the parts draw no footer of their own)."""
    steps.check()
    result = DossierResult(sum(part.page_count for _key, _title, part in parts))
    page = 0
    for key, title, part in parts:
        first = page

        def number(canvas: DocumentCanvas, index: int, key=key, title=title, first=first) -> None:
            if index == 0:
                bound.canvas.bookmarkPage(key)
                bound.canvas.addOutlineEntry(title, key, 0)
            canvas.setFont(FONT, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN, FOOTER_Y, _("{label} · page {page} of {total}").format(
                label=label, page=first + index + 1, total=result.pages))

        part.emit_pages(number)
        result.parts.append(DossierPart(key, title, page + 1, part.page_count))
        page += part.page_count
    bound.canvas.showOutline()  # the PDF opens with its bookmarks shown
    steps.check()
    return result
