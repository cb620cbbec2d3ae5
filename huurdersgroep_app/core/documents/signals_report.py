"""Signals by complex and category for a period: a report the group may hand to the landlord or a funder.

Anonymised by construction: signals come from ``shareable_signals`` (no confidential ones), the
reporter is never printed, addresses stop at the street, and the reporter's name and the house
number are taken out of the description where the secretary wrote them in.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.signals import SIGNAL_CATEGORIES
from huurdersgroep_app.core.documents.base import (FONT_BOLD, DocumentInfo, Letterhead, build_pdf, content_box,
                                                  page_size, styles)
from huurdersgroep_app.core.documents.report_parts import check_period, escape, fitted_table, grid_style
from huurdersgroep_app.core.services.advices.labels import category_label, signal_scope_label, signal_status_label
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.core.services.signals.register import shareable_signals
from huurdersgroep_app.i18n import _, format_date, ngettext

REDACTED = "[…]"




def anonymised_description(signal) -> str:
    """The description without the reporter's name or the house number after the street."""
    text = signal.description
    names = []
    if signal.member is not None:
        names += [signal.member.full_name, signal.member.last_name, signal.member.first_name]
    if signal.reporter_name:
        names += [signal.reporter_name, *signal.reporter_name.split()]
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", REDACTED, text, flags=re.I)
    if signal.street:
        text = re.sub(rf"({re.escape(signal.street)})\s*\d+\s*\w?(\s*(bus|box)\s*\w+)?\b", r"\1", text, flags=re.I)
    return text



def write_signals_report(session: Session, target: Path, date_from: date, date_to: date) -> int:
    """Write the PDF (landscape: nine categories side by side); returns its page count."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer

    check_period(date_from, date_to)
    org = get_organisation(session)
    items = sorted(shareable_signals(session, date_from, date_to), key=lambda s: (s.reported_on, s.id))
    st = styles()
    heading = st["h2"]
    title = _("Signals from tenants")
    period = _("{start} to {end}").format(start=format_date(date_from, "long"), end=format_date(date_to, "long"))
    info = DocumentInfo(Letterhead.from_organisation(org), title, subtitle=period)
    story: list = [Paragraph(escape(title), st["title"]), Paragraph(escape(period), st["muted"]), Spacer(1, 3 * mm),
                   Paragraph(escape(_("The problems tenants reported to {group}, by complex and category. Anonymised: "
                                      "no names and no house numbers; signals the group keeps confidential are left "
                                      "out.").format(group=org.name)), st["body"]), Spacer(1, 2 * mm)]
    if not items:
        story.append(Paragraph(escape(_("No signals were reported in this period.")), st["body"]))
        return build_pdf(target, info, story, landscape=True)
    story.append(Paragraph(escape(summary_line(items)), st["body"]))
    width = content_box(page_size(landscape=True))[2]
    story += [CondPageBreak(35 * mm), Paragraph(escape(_("By complex and category")), heading),
              _count_table(items, st, width)]
    continued = heading.clone("h2_continued", keepWithNext=True)  # never alone at the foot of a page
    by_complex: dict[str, list] = defaultdict(list)
    for s in items:
        by_complex[s.complex.name if s.complex else ""].append(s)
    for name in sorted(by_complex, key=lambda n: (n == "", n)):
        rows = by_complex[name]
        # A complex starts on a new page only when its heading and first rows would not fit.
        story.append(CondPageBreak(35 * mm))
        label = name or _("No complex")
        story.append(Paragraph(escape(label) + f" <font size=9 color='#555555'>({len(rows)})</font>", heading))
        # A complex's table that runs onto the next page says there whose signals these are.
        again = Paragraph(escape(_("{title} (continued)").format(title=label)), continued)
        story.append(_Continued(_detail_table(rows, st, width), again))
    return build_pdf(target, info, story, landscape=True)


class _Continued(Flowable):
    """A table that, where it breaks over a page, puts ``heading`` above the part on the next page
    (the column header alone repeats, and a page of signals did not say which complex they are of)."""

    def __init__(self, table, heading):
        super().__init__()
        self.table, self.heading = table, heading

    def wrap(self, available_width, available_height):
        self.width, self.height = self.table.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)

    def split(self, available_width, available_height):
        parts = self.table.split(available_width, available_height)
        if len(parts) < 2:
            return parts
        # A flowable is drawn once: each page the table reaches gets a copy of the heading.
        heading = Paragraph(self.heading.text, self.heading.style)
        return [parts[0], heading, *(_Continued(part, self.heading) for part in parts[1:])]


def summary_line(items) -> str:
    return ngettext("{n} signal, of which {collective} collective.", "{n} signals, of which {collective} collective.",
                    len(items)).format(n=len(items), collective=sum(s.scope == "collective" for s in items)) + " " + \
        _("Forwarded to the landlord: {forwarded}. Answered: {answered}. Resolved: {resolved}.").format(
            forwarded=sum(s.forwarded_on is not None for s in items),
            answered=sum(s.answered_on is not None for s in items),
            resolved=sum(s.status == "resolved" for s in items))


def _word_width(text: str, size: float) -> float:
    """The width a header needs so that it wraps only between words."""
    return max(stringWidth(word, FONT_BOLD, size) for word in text.split()) + 8


def count_grid(items) -> tuple[list[str], list[tuple[str, list[int], int]], list[int]]:
    """(categories that occur, [(complex name, count per category, total)], totals per category).

    Complexes by name, signals without a complex last (name '').
    """
    present = [c for c in SIGNAL_CATEGORIES if any(s.category == c for s in items)]
    grid: dict[str, Counter] = defaultdict(Counter)
    for s in items:
        grid[s.complex.name if s.complex else ""][s.category] += 1
    rows = [(name, [grid[name][c] for c in present], sum(grid[name].values()))
            for name in sorted(grid, key=lambda n: (n == "", n))]
    return present, rows, [sum(s.category == c for s in items) for c in present]


def _count_table(items, st, width: float):
    from reportlab.platypus import Paragraph, Table

    present, grid, totals = count_grid(items)
    titles = [category_label(c) for c in present] + [_("Total")]
    header_style = ParagraphStyle("count_header", parent=st["cell_bold"], fontSize=8, leading=10)
    widths = [max(_word_width(x, 8), 30) for x in titles]
    rows = [[Paragraph(escape(_("Complex")), header_style)] + [Paragraph(escape(x), header_style) for x in titles]]
    for name, counts, total in grid:
        rows.append([Paragraph(escape(name or _("No complex")), st["cell"])] + [str(n or "") for n in counts]
                    + [str(total)])
    rows.append([Paragraph(escape(_("Total")), st["cell_bold"])] + [str(n) for n in totals] + [str(len(items))])
    table = Table(rows, colWidths=[width - sum(widths)] + widths, repeatRows=1)
    table.setStyle(grid_style(numeric_from=1, total_row=True))
    return table


def _detail_table(rows, st, width: float):
    header = [_("Date"), _("Category"), _("Street"), _("Kind"), _("Status"), _("Problem")]
    data = [[format_date(s.reported_on, "short"), category_label(s.category), s.street, signal_scope_label(s.scope),
             signal_status_label(s.status), anonymised_description(s)] for s in rows]
    return fitted_table(header, data, [20, 34, 45, 24, 24, 110], width, st)
