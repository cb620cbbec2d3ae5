"""Long tables drawn straight onto a ``DocumentCanvas``: fast enough for 10,000-row lists.

Platypus lays out a Table cell by cell and is 5–15× slower than drawing the same rows directly
(DESIGN §7: ≈0.7 s against ≈4–9.6 s for 10,000 members), so documents that list many people
use this module instead. Cells wrap at word boundaries onto more lines; amounts, dates and
references are never cut or broken: each column is at least as wide as its widest word, a right-aligned
(or ``whole``) column as wide as its widest value (``table_layout.fit_widths``).
For prose, letters and short tables, use ``base.build_pdf`` (Platypus).

Usage::

    def draw(flow: PageFlow) -> None:
        flow.title(_("Member list"), subtitle=_("124 members"))
        flow.table([Column(_("Name"), 3), Column(_("Member since"), 1, align="right")],
                   rows, title=_("Members"))

    pages = write_document(target, DocumentInfo(letterhead, _("Member list")), draw)

``PageFlow`` keeps a cursor that moves down the content box between letterhead and footer and
starts a new page when the next thing does not fit. ``PageFlow.table`` repeats the table's
title ('… (continued)') and its header row on every page it runs onto, stripes every other row,
and never leaves a title or a header alone at the foot of a page.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from huurdersgroep_app.core.documents.base import (
    ACCENT, FONT, FONT_BOLD, MUTED, DocumentCanvas, DocumentInfo, check_target, content_box,
    page_size, register_fonts,
)
from huurdersgroep_app.core.documents.table_layout import fit_widths, keep_dates_whole, text_width, wrap_text
from huurdersgroep_app.i18n import _

ELLIPSIS = "…"
HEADER_FILL = colors.HexColor("#dde8f0")
STRIPE_FILL = colors.HexColor("#f2f5f8")
MARK_FILL = colors.HexColor("#fde9c8")  # rows that need attention (e.g. due to step down)


@dataclass(frozen=True)
class Column:
    """One column: its header text, its share of the table width, and how its text aligns."""

    title: str
    width: float = 1.0  # a share: widths (2, 1, 1) give the first column half the table
    align: str = "left"  # "left", "right" or "center"
    sample: str = ""  # the widest text that must show in full (e.g. '10000'); widens it like its header
    whole: bool | None = None  # keep each value on one line; None: yes for right/center aligned columns

    @property
    def keeps_whole(self) -> bool:
        return self.whole if self.whole is not None else self.align != "left"


@dataclass(frozen=True)
class Row:
    """A row with its own look; plain sequences of cells are ordinary rows."""

    cells: Sequence
    bold: bool = False
    fill: colors.Color | None = None  # replaces the zebra stripe
    rule_above: bool = False  # a line above the row, e.g. before a total


@dataclass(frozen=True)
class TableStyle:
    font_size: float = 9
    row_height: float = 14
    padding: float = 3
    keep_rows: int = 3  # rows that must fit under a title and header, else a new page first
    # False where a document places its last rows itself (the sign-in sheet's blank rows).
    keep_last_pair: bool = True  # the last row never goes alone onto a new page


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` if it fits in ``width`` points, else its longest start that fits followed by '…'."""
    return _fit(text, font, size, width)[0]


@lru_cache(maxsize=65536)
def _fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    # Cached: long lists repeat the same complex names, dates and words on every page.
    used = stringWidth(text, font, size)
    if used <= width:
        return text, used
    room = width - stringWidth(ELLIPSIS, font, size)
    if room <= 0:
        return "", 0.0
    low, high = 0, len(text)  # longest prefix that fits, by bisection: long e-mail addresses are common
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= room:
            low = middle
        else:
            high = middle - 1
    cut = text[:low].rstrip() + ELLIPSIS
    return cut, stringWidth(cut, font, size)


def _cell_text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


class PageFlow:
    """A cursor moving down the content box of a ``DocumentCanvas``, breaking pages itself."""

    def __init__(self, canvas: DocumentCanvas, pagesize):
        register_fonts()
        self.canvas = canvas
        self.x, bottom, self.width, height = content_box(pagesize)
        self.bottom = bottom
        self.top = bottom + height
        self.y = self.top
        self.page = 1
        self.rows_on_page: dict[int, int] = {}  # table rows drawn per page, to spot a lone row on a page

    # ----- cursor
    def room(self) -> float:
        return self.y - self.bottom

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.y = self.top

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit (a full page always 'fits')."""
        if height > self.room() and self.y < self.top:
            self.new_page()

    def space(self, height: float) -> None:
        """A vertical gap; none at the top of a page, where it would only push content down."""
        if self.y < self.top:
            self.y = max(self.bottom, self.y - height)

    # ----- text
    def title(self, text: str, subtitle: str = "") -> None:
        c = self.canvas
        lines = wrap_text(text, FONT_BOLD, 16, self.width)
        self.ensure(20 * len(lines) + 20)
        c.setFillColor(ACCENT)
        c.setFont(FONT_BOLD, 16)
        for line in lines:
            c.drawString(self.x, self.y - 16, line)
            self.y -= 20
        self.y -= 2
        if subtitle:
            c.setFillColor(MUTED)
            c.setFont(FONT, 10)
            for line in wrap_text(subtitle, FONT, 10, self.width):
                c.drawString(self.x, self.y - 10, line)
                self.y -= 13
            self.y -= 3
        c.setFillColor(colors.black)
        self.y -= 6

    def heading(self, text: str, keep_with_next: float = 60) -> None:
        """A section title; moves to a new page when it would stand alone at the foot."""
        self.ensure(self._heading_height(text) + keep_with_next)
        self._heading(text)

    def _heading_height(self, text: str) -> float:
        return 15 * len(wrap_text(text, FONT_BOLD, 12, self.width)) + 3

    def _heading(self, text: str) -> None:
        c = self.canvas
        c.setFillColor(colors.black)
        c.setFont(FONT_BOLD, 12)
        for line in wrap_text(text, FONT_BOLD, 12, self.width):
            c.drawString(self.x, self.y - 12, line)
            self.y -= 15
        self.y -= 3

    def paragraph(self, text: str, *, size: float = 9.5, bold: bool = False, color=None, whole: bool = False) -> None:
        """Wrapped text over the full width, breaking pages between lines; ``whole``: on one page (a
        warning read as half a sentence at the foot of a page says something else)."""
        font = FONT_BOLD if bold else FONT
        leading = size * 1.35
        c = self.canvas
        lines = wrap_text(keep_dates_whole(text), font, size, self.width)  # its dates stay whole
        if whole:
            self.ensure(leading * len(lines))
        for line in lines:
            self.ensure(leading)
            c.setFont(font, size)
            c.setFillColor(color or colors.black)
            c.drawString(self.x, self.y - size, line)
            self.y -= leading
        c.setFillColor(colors.black)
        self.y -= size * 0.4

    # ----- tables
    def table(self, columns: Sequence[Column], rows: Iterable, *, title: str = "", empty_text: str = "",
              style: TableStyle = TableStyle(), continues: str = "") -> int:
        """Draw ``rows`` (sequences of cells, or ``Row``) under a header; returns the rows drawn.

        ``continues`` names the page title a table without a ``title`` of its own stands under: the
        pages it runs onto say '{continues} (continued)' above the header, as a titled table's do. In a
        document of several long sections (the audit pack's ledger and receipts index) a page of bare
        columns does not say which one it belongs to.

        The rows are measured before anything is drawn (the widths come from the widest values), so an
        iterator is read into a list first."""
        rows = list(rows)
        table = _TableDrawer(self, columns, style, rows)
        keep = min(style.keep_rows, max(len(rows), 1))
        first = sum(table.row_height(row) for row in rows[:keep]) or table.style.row_height
        self.ensure(table.header_height + first + (self._heading_height(title) if title else 0))
        if title:
            self._heading(title)
        table.header()
        again = title or continues
        count = here = 0  # rows drawn in all, and on this page
        for index, row in enumerate(rows):
            height = table.row_height(row)
            # The last row (often the total) never goes alone onto a new page: the one before it goes
            # with it, where that leaves two or more rows behind.
            lone_last = (table.style.keep_last_pair and index == len(rows) - 2 and here >= 2
                         and height <= self.room() < height + table.row_height(rows[-1]))
            if (height > self.room() or lone_last) and self.y < self.top:
                self.new_page()
                here = 0
                if again:
                    self._heading(_("{title} (continued)").format(title=again))
                table.header()
            table.row(row, index, height)
            self.rows_on_page[self.page] = self.rows_on_page.get(self.page, 0) + 1
            count += 1
            here += 1
        if not count and empty_text:
            table.row(Row([empty_text]), 1, table.style.row_height, span=True)
        self.space(table.style.row_height * 0.6)
        return count


def _cells_of(row) -> tuple[Sequence, bool]:
    return (row.cells, row.bold) if isinstance(row, Row) else (row, False)


class _TableDrawer:
    """Column geometry (from the widest values) and the drawing of one table's header and rows."""

    def __init__(self, flow: PageFlow, columns: Sequence[Column], style: TableStyle, rows: list):
        self.flow, self.columns = flow, list(columns)
        texts, bold = [], []
        for row in rows:
            cells, is_bold = _cells_of(row)
            texts.append([_cell_text(v) for v in cells])
            bold.append(is_bold)
        header = [col.title for col in self.columns]
        samples = [[col.sample for col in self.columns]]
        widths, size = fit_widths(header, samples + texts, [col.width for col in self.columns], flow.width,
                                  font=FONT, header_font=FONT_BOLD, size=style.font_size, padding=style.padding,
                                  whole=[col.keeps_whole for col in self.columns], bold_rows=[True] + bold,
                                  bold_font=FONT_BOLD)
        if size != style.font_size:  # a smaller font to keep every value whole: rows shrink with it
            ratio = size / style.font_size
            style = TableStyle(font_size=size, row_height=style.row_height * ratio, padding=style.padding,
                               keep_rows=style.keep_rows, keep_last_pair=style.keep_last_pair)
        self.style = style
        self.widths = widths
        self.lefts = []
        x = flow.x
        for width in self.widths:
            self.lefts.append(x)
            x += width
        # Text sits on a baseline that centres DejaVu's cap height in a one-line row; further lines
        # follow at ``leading``.
        self.baseline = (style.row_height - style.font_size * 0.72) / 2
        self.leading = style.font_size * 1.22
        self._header_lines = self._lines(header, FONT_BOLD)
        self.header_height = self._height(self._header_lines)

    def _lines(self, cells: Sequence, font: str) -> list[list[str]]:
        size, pad = self.style.font_size, self.style.padding
        return [wrap_text(_cell_text(value), font, size, width - 2 * pad) if value not in (None, "") else []
                for value, width in zip(cells, self.widths, strict=False)]

    def _height(self, lines: list[list[str]]) -> float:
        most = max((len(cell) for cell in lines), default=1)
        return self.style.row_height + self.leading * max(most - 1, 0)

    def row_height(self, row) -> float:
        cells, bold = _cells_of(row)
        size, pad = self.style.font_size, self.style.padding
        font = FONT_BOLD if bold else FONT
        # The common case, one line per cell, without wrapping anything.
        if all(text_width(_cell_text(v), font, size) <= w - 2 * pad
               for v, w in zip(cells, self.widths, strict=False)):
            return self.style.row_height
        return self._height(self._lines(cells, font))

    def header(self) -> None:
        flow, c = self.flow, self.flow.canvas
        bottom = flow.y - self.header_height
        c.setFillColor(HEADER_FILL)
        c.rect(flow.x, bottom, flow.width, self.header_height, stroke=0, fill=1)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.8)
        c.line(flow.x, bottom, flow.x + flow.width, bottom)
        self._texts(self._header_lines, flow.y, FONT_BOLD)
        flow.y = bottom

    def row(self, row, index: int, height: float, span: bool = False) -> None:
        flow, style, c = self.flow, self.style, self.flow.canvas
        bottom = flow.y - height
        if isinstance(row, Row):
            cells, bold, fill, rule = row.cells, row.bold, row.fill, row.rule_above
        else:
            cells, bold, fill, rule = row, False, None, False
        fill = fill or (STRIPE_FILL if index % 2 else None)
        if fill is not None:
            c.setFillColor(fill)
            c.rect(flow.x, bottom, flow.width, height, stroke=0, fill=1)
        if rule:
            c.setStrokeColor(MUTED)
            c.setLineWidth(0.6)
            c.line(flow.x, flow.y, flow.x + flow.width, flow.y)
        if span:
            c.setFillColor(MUTED)
            c.setFont(FONT, style.font_size)
            c.drawString(flow.x + style.padding, bottom + self.baseline,
                         fit_text(_cell_text(cells[0]), FONT, style.font_size, flow.width - 2 * style.padding))
        else:
            font = FONT_BOLD if bold else FONT
            self._texts(self._lines(cells, font), flow.y, font)
        flow.y = bottom

    def _texts(self, lines: list[list[str]], top: float, font: str) -> None:
        # One text object per row: far cheaper than a drawString (and its text object) per cell.
        style, c = self.style, self.flow.canvas
        size, pad = style.font_size, style.padding
        text = c.beginText()
        text.setFont(font, size)
        text.setFillColor(colors.black)
        first = top - style.row_height + self.baseline
        for cell, col, left, width in zip(lines, self.columns, self.lefts, self.widths, strict=False):
            for n, line in enumerate(cell):
                if not line:
                    continue
                used = text_width(line, font, size)
                if col.align == "left":
                    x = left + pad
                else:
                    x = left + width - pad - used if col.align == "right" else left + (width - used) / 2
                text.setTextOrigin(x, first - n * self.leading)
                text.textOut(line)
        c.drawText(text)


def write_document(target, info: DocumentInfo, draw: Callable[[PageFlow], None], *,
                   landscape: bool = False) -> int:
    """Make a PDF on the letterhead by handing a ``PageFlow`` to ``draw``; returns the page count.

    ``target`` is a path (its folder must exist) or a binary file object.
    """
    check_target(target)
    register_fonts()
    size = page_size(landscape)
    canvas = DocumentCanvas(str(target) if isinstance(target, (str, Path)) else target, pagesize=size,
                            info=info)
    flow = PageFlow(canvas, size)
    draw(flow)
    canvas.showPage()
    canvas.save()
    return canvas.page_count
