"""Ballot papers for a secret vote at an election: the candidates with a box each, 1, 2 or 4 to an A4
page (the whole page, two halves or four quarters) with dashed cut lines between them.

Drawn straight on the canvas, without the letterhead and 'page X of Y' of the other documents: a
page is cut apart, and every paper must look the same as every other (a paper that kept the page's
header or footer could be told apart in the ballot box). Each paper carries the group's name itself.

A paper is never split: when the candidates of an election do not fit in the chosen part of a page,
even in a smaller font (and, on a half or a whole page, in two columns), the ballot papers are refused
with the number per page that does fit. A secretary who asked for quarters and cuts a stack of
quarters must not get halves she did not count on."""
from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import (ACCENT, FONT, FONT_BOLD, MUTED, check_target, pdf_language,
                                                   register_fonts)
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members.board import role_label
from huurdersgroep_app.core.services.meetings.elections import elections_of_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import get_meeting, meeting_heading
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, ngettext

BOX = "\u2610"  # ☐, in DejaVu Sans
SCISSORS = "\u2702"  # ✂, in DejaVu Sans (checked by tests/documents/test_ballot_layout.py)
PER_PAGE = (1, 2, 4)
PAGE_MARGIN = 12 * mm  # from the paper's edge: what office printers leave unprinted, and more
CUT_GAP = 9 * mm  # from a cut line to the paper's text, so a crooked cut takes nothing away
NAME_SIZES = (13, 12, 11, 10)  # the candidates' font, largest first; 10 pt still reads well at arm's length
COLUMN_GAP = 8 * mm
MIN_WIDTH_FOR_COLUMNS = 150 * mm  # a quarter (85 mm of text) keeps one column: two would cramp the names


@dataclass(frozen=True)
class Cell:
    """The text area of one paper on the page, in points from the bottom left."""

    x: float
    y: float
    width: float
    height: float


def cells(per_page: int) -> list[Cell]:
    """The papers' text areas, in reading order: 1 → the page; 2 → top and bottom half; 4 → quarters
    (top left, top right, bottom left, bottom right)."""
    if per_page not in PER_PAGE:
        raise DomainError(_("Choose 1, 2 or 4 ballot papers per page."))
    width, height = A4
    columns, rows = {1: (1, 1), 2: (1, 2), 4: (2, 2)}[per_page]
    part_w, part_h = width / columns, height / rows
    out = []
    for row in range(rows):
        for column in range(columns):
            left = PAGE_MARGIN if column == 0 else CUT_GAP
            right = PAGE_MARGIN if column == columns - 1 else CUT_GAP
            top = PAGE_MARGIN if row == 0 else CUT_GAP
            bottom = PAGE_MARGIN if row == rows - 1 else CUT_GAP
            x0, y_top = column * part_w, height - row * part_h
            out.append(Cell(x0 + left, y_top - part_h + bottom, part_w - left - right, part_h - top - bottom))
    return out


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    colour: object = colors.black
    space_before: float = 0


@dataclass(frozen=True)
class Paper:
    """One election's paper as laid out for a cell: the header lines and the candidates' columns."""

    header: list[Line]
    name_size: float
    columns: list[list[list[str]]]  # per column, per candidate: the lines of the name
    column_width: float
    row_height: float


def _wrapped(text: str, font: str, size: float, width: float, **style) -> list[Line]:
    parts = simpleSplit(text, font, size, width) or [""]
    return [Line(part, font, size, space_before=style.get("space_before", 0) if n == 0 else 0,
                 colour=style.get("colour", colors.black)) for n, part in enumerate(parts)]


def _header(group: str, heading: str, election, width: float) -> list[Line]:
    lines = _wrapped(group, FONT, 8, width, colour=MUTED)
    lines += _wrapped(_("Ballot paper"), FONT_BOLD, 16, width, colour=ACCENT, space_before=2)
    lines += _wrapped(heading, FONT, 9, width)
    # 'Verkiezing van: bestuurslid' read as half a sentence; the office in one phrase.
    office = _("Election for the office of {role}").format(role=role_label(election.role).lower())
    lines += _wrapped(office, FONT_BOLD, 11, width, space_before=5)
    lines += _wrapped(ngettext("Mark at most {n} box.", "Mark at most {n} boxes.", election.seats).format(
        n=election.seats), FONT, 10, width, space_before=1)
    return lines


def _header_height(lines: list[Line]) -> float:
    return sum(line.size * 1.3 + line.space_before for line in lines)


def _layout(header: list[Line], names: list[str], cell: Cell) -> Paper | None:
    """Every name whole in the cell: on one line in the largest font that allows it (in one column, else
    two where the cell is wide), else over at most two lines; None if even that does not fit."""
    room = cell.height - _header_height(header) - 4 * mm
    for most_lines in (1, 2):  # a smaller font first, before a name is broken over two lines
        for size in NAME_SIZES:
            box = size * 1.6  # the box and the space after it
            for count in (1, 2) if cell.width >= MIN_WIDTH_FOR_COLUMNS else (1,):
                column_width = (cell.width - COLUMN_GAP * (count - 1)) / count
                split = [simpleSplit(name, FONT, size, column_width - box) for name in names]
                if any(len(lines) > most_lines for lines in split):
                    continue
                row_height = max(2 * size, max(len(lines) for lines in split) * size * 1.2 + size * 0.8)
                per_column = math.ceil(len(names) / count)
                if per_column * row_height <= room:
                    columns = [split[n * per_column:(n + 1) * per_column] for n in range(count)]
                    return Paper(header, size, columns, column_width, row_height)
    return None


def _draw_paper(c: Canvas, paper: Paper, cell: Cell) -> None:
    y = cell.y + cell.height
    x = cell.x
    for line in paper.header:
        y -= line.space_before + line.size * 1.3
        c.setFont(line.font, line.size)
        c.setFillColor(line.colour)
        c.drawString(x, y + line.size * 0.3, line.text)
    c.setFillColor(colors.black)
    top = y - 4 * mm
    size = paper.name_size
    for number, column in enumerate(paper.columns):
        cx = x + number * (paper.column_width + COLUMN_GAP)
        row_top = top
        for name_lines in column:
            first = row_top - (paper.row_height - len(name_lines) * size * 1.2) / 2 - size * 0.95
            c.setFont(FONT, size * 1.25)
            c.drawString(cx, first - size * 0.1, BOX)
            c.setFont(FONT, size)
            for n, text in enumerate(name_lines):
                c.drawString(cx + size * 1.6, first - n * size * 1.2, text)
            row_top -= paper.row_height


def _draw_cut_lines(c: Canvas, per_page: int, used: int) -> None:
    """Dashed lines where papers meet, each with the scissors at its start; a segment is drawn only
    beside a paper that is printed (the last page may hold fewer)."""
    width, height = A4
    c.saveState()
    c.setStrokeColor(MUTED)
    c.setFillColor(MUTED)
    c.setLineWidth(0.5)
    c.setDash(4, 3)
    edge = 6 * mm
    lead = 4 * mm  # the scissors stand in the first few millimetres of a line
    segments = []  # (x0, y0, x1, y1, the cells it borders)
    if per_page == 2:
        segments.append((edge + lead, height / 2, width - edge, height / 2, (0, 1)))
    elif per_page == 4:
        segments += [(edge + lead, height / 2, width / 2, height / 2, (0, 2)),
                     (width / 2, height / 2, width - edge, height / 2, (1, 3)),
                     (width / 2, height - edge - lead, width / 2, height / 2, (0, 1)),
                     (width / 2, height / 2, width / 2, edge, (2, 3))]
    for x0, y0, x1, y1, beside in segments:
        if min(beside) >= used:
            continue
        c.line(x0, y0, x1, y1)
    c.setDash()
    if per_page in (2, 4):  # the left end of the horizontal line is always drawn, the top of the vertical too
        c.setFont(FONT, 11)
        c.drawString(edge - 1.5 * mm, height / 2 - 3.8, SCISSORS)
        if per_page == 4:
            c.saveState()
            c.translate(width / 2 - 3.8, height - edge + 1.5 * mm)
            c.rotate(-90)
            c.drawString(0, 0, SCISSORS)
            c.restoreState()
    c.restoreState()


def ballot_pages(copies: int, per_page: int, elections: int) -> int:
    """Pages for ``copies`` papers of each election, every election on pages of its own (so each can
    go on paper of its own colour)."""
    return elections * math.ceil(max(1, copies) / per_page)


def _papers(session: Session, meeting_id: int, per_page: int) -> list[Paper]:
    meeting = get_meeting(session, meeting_id)
    elections = [e for e in elections_of_meeting(session, meeting_id) if e.candidates]
    if not elections:
        raise DomainError(_("This meeting has no election with candidates; add the election and its candidates "
                            "first."))
    cell = cells(per_page)[0]
    group, heading = get_organisation(session).name, meeting_heading(meeting)
    papers = []
    for election in elections:
        header = _header(group, heading, election, cell.width)
        paper = _layout(header, [c.name for c in election.candidates], cell)
        if paper is None:
            raise DomainError(_too_many(election, [c.name for c in election.candidates], group, heading, per_page))
        papers.append(paper)
    return papers


def _too_many(election, names: list[str], group: str, heading: str, per_page: int) -> str:
    fits = next((n for n in (2, 1) if n < per_page and _layout(_header(group, heading, election, cells(n)[0].width),
                                                               names, cells(n)[0]) is not None), None)
    office = role_label(election.role).lower()
    if fits is None:
        return _("The candidates for {office} ({n} names) do not fit on one ballot paper, even on a whole "
                 "page.").format(n=len(names), office=office)
    where = _("a quarter of a page") if per_page == 4 else _("half a page")
    return _("The candidates for {office} ({n} names) do not fit whole on {where}. Choose {fits} per "
             "page.").format(n=len(names), office=office, where=where, fits=fits)


def write_ballot(session: Session, meeting_id: int, target, copies: int = 2, per_page: int = 2) -> int:
    """``copies`` papers of each election with candidates, ``per_page`` (1, 2 or 4) to an A4 page;
    returns the number of pages."""
    if copies < 1:
        raise DomainError(_("Print at least one ballot paper."))
    places = cells(per_page)
    register_fonts()  # the layout measures the names in DejaVu
    papers = _papers(session, meeting_id, per_page)
    check_target(target)
    meeting = get_meeting(session, meeting_id)
    c = Canvas(str(target) if not hasattr(target, "write") else target, pagesize=A4, initialFontName=FONT,
               lang=pdf_language())
    c.setTitle(_("Ballot paper"))
    c.setSubject(meeting_heading(meeting))
    c.setAuthor(get_organisation(session).name)
    c.setCreator("huurdersgroep_app")
    pages = 0
    for paper in papers:
        for start in range(0, copies, per_page):
            used = min(per_page, copies - start)
            for cell in places[:used]:
                _draw_paper(c, paper, cell)
            _draw_cut_lines(c, per_page, used)
            c.showPage()
            pages += 1
    c.save()
    return pages
