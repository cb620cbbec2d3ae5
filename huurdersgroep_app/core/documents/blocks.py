"""A small neutral document model (title, headings, paragraphs, tables, signature lines) with two
renderers: PDF on the letterhead (reportlab) and DOCX (python-docx).

Letters and minutes are written once as blocks, so the PDF and the editable DOCX always hold
the same text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, KeepTogether, ListFlowable, ListItem, PageBreak as _PageBreak,
                                Paragraph, Spacer as _Spacer, Table as _Table, TableStyle)

from huurdersgroep_app.core.documents.base import (ACCENT, FONT, FONT_BOLD, RULE, DocumentInfo, build_pdf,
                                                   content_box, page_size, styles)
from huurdersgroep_app.core.documents.letter_parts import NewDocument, WindowAddress
from huurdersgroep_app.core.documents.table_layout import fit_widths, keep_dates_whole, text_width
from huurdersgroep_app.core.documents.tables import TableStyle as CanvasTableStyle

# Room a heading wants under it on its page: itself and a few lines (or a table's header and first
# rows), so a heading never stands alone at the foot of a page.
KEEP_WITH_HEADING = 28 * mm
# A table's last page holds at least this many of its rows, never a lone one: the sign-in sheet's rule
# (it adds keep_rows - 1 blank rows where its last page would hold a single row).
LAST_ROWS = CanvasTableStyle().keep_rows - 1
# The paragraphs before a signature block that stay on its page (the minutes' last notes or decision
# and their count; a letter's last sentence and its greeting).
SIGN_WITH = 2
# A heading directly followed by another ('8. Elections' then 'Election of chair') asks for the room of
# the next one too: else the first fits, the second breaks the page and the first stays alone.
HEADING_ROOM = 10 * mm


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 2 or 3
    keep_mm: float = 0  # room asked for what follows, if more than KEEP_WITH_HEADING (a short section kept whole)


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | small | muted | big | huge
    bold: bool = False
    lead: str = ""  # printed in bold before the text ('Decision 2026-07: ')


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    numbered: bool = False
    style: str = "body"


@dataclass(frozen=True)
class Fields:
    """Label: value lines (date, time, place …)."""

    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # shares of the text width; a column still gets at least its widest word
    wrap: bool = True  # False: plain cells, much faster for very long lists
    row_height_mm: float | None = None  # room to sign
    font_size: float = 9
    whole: tuple[int, ...] = ()  # columns whose values (of several words) stay on one line


@dataclass(frozen=True)
class Signatures:
    """Signature lines side by side: (role, name)."""

    people: list[tuple[str, str]]


@dataclass(frozen=True)
class Spacer:
    height_mm: float = 4


@dataclass(frozen=True)
class PageBreak:
    # True: the next page begins a document of its own in a batch, numbered on its own (the DOCX
    # restarts its page numbers at every break anyway).
    new_document: bool = False


@dataclass(frozen=True)
class Address:
    """The addressee block of a letter."""

    lines: list[str]


@dataclass
class Story:
    blocks: list = field(default_factory=list)

    def add(self, *blocks) -> "Story":
        self.blocks.extend(blocks)
        return self


def _text(value: str) -> str:
    return escape(value or "").replace("\n", "<br/>")


def _running(value: str) -> str:
    """Running text: its dates stay whole at a line break (a table's cells are bound in ``_pdf_table``,
    before their columns are measured)."""
    return _text(keep_dates_whole(value))


def _pdf_flowables(blocks: list, width: float) -> list:
    st = dict(styles())
    st["big"] = st["body"].clone("big", fontSize=15, leading=20)
    st["huge"] = st["title"].clone("huge", fontSize=28, leading=34, spaceAfter=10)
    st["para"] = st["body"].clone("para", spaceAfter=4)
    out: list = []
    trailing: list[int] = []  # where the paragraphs just before the current block start in ``out``
    heading_at: int | None = None  # where the heading above those paragraphs starts, if one is
    for index, block in enumerate(blocks):
        if isinstance(block, Para):
            trailing.append(len(out))
        elif not isinstance(block, (Spacer, Signatures)):
            trailing = []
            heading_at = len(out) if isinstance(block, Heading) else None
        if isinstance(block, Title):
            out.append(Paragraph(_running(block.text), st["title"]))
        elif isinstance(block, Heading):
            # Only the next heading: a run of empty agenda items is a list of headings that may break
            # anywhere, and asking room for all of them left half a page blank above the first.
            then_heading = index + 1 < len(blocks) and isinstance(blocks[index + 1], Heading)
            out.append(CondPageBreak(max(KEEP_WITH_HEADING, block.keep_mm * mm) + (HEADING_ROOM if then_heading
                                                                                   else 0)))
            out.append(Paragraph(_running(block.text), st["h2" if block.level <= 2 else "h3"]))
        elif isinstance(block, Para):
            style = st["para" if block.style == "body" else block.style]
            text = _running(block.text)
            text = f"<b>{text}</b>" if block.bold else text
            out.append(Paragraph(f"<b>{_text(block.lead)}</b>{text}" if block.lead else text, style))
        elif isinstance(block, Bullets):
            style = st["big" if block.style == "big" else "body"]
            items = [ListItem(Paragraph(_running(t), style)) for t in block.items]
            out.append(ListFlowable(items, bulletType="1" if block.numbered else "bullet", start=None if
                                    block.numbered else "•", bulletFormat="%s." if block.numbered else None,
                                    leftIndent=style.fontSize * 2.2, bulletFontName=FONT,
                                    bulletFontSize=style.fontSize,
                                    # a paragraph's space after it: without it the next paragraph read
                                    # as one more item of the list (the funding dossier's cover letter)
                                    spaceAfter=st["para"].spaceAfter))
        elif isinstance(block, Fields):
            data = [[Paragraph(f"<b>{_text(k)}</b>", st["body"]), Paragraph(_running(v), st["body"])]
                    for k, v in block.rows]
            table = _Table(data, colWidths=_field_widths(block, width), hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
            out.append(table)
        elif isinstance(block, Table):
            out.append(_pdf_table(block, width, st))
        elif isinstance(block, Signatures):
            # The last lines go onto the signatures' page with them: alone at the top of a page, the
            # signatures signed nothing one could see (the minutes' last page held only them).
            start = trailing[-SIGN_WITH:][0] if trailing else len(out)
            if trailing and len(trailing) <= SIGN_WITH and heading_at is not None:
                start = heading_at  # all the lines under a heading go: the heading goes with them
            kept = out[start:]
            del out[start:]
            out.append(KeepTogether(kept + _pdf_signatures(block, width, st)))
            trailing = []
        elif isinstance(block, Spacer):
            out.append(_Spacer(1, block.height_mm * mm))
        elif isinstance(block, PageBreak):
            out.append(_PageBreak())
            if block.new_document:
                out.append(NewDocument())
        elif isinstance(block, Address):
            # At the window of the envelope; a letter begins here, so its pages are numbered on their own.
            out.append(WindowAddress(block.lines))
            out.append(_Spacer(1, 6 * mm))
    return out


def _field_widths(block: Fields, width: float) -> list[float]:
    """The label column as wide as its longest label (so it never runs under the value), at most 45 %;
    at least a quarter, so a letter's field lists line up."""
    # The label cell's right padding (6) and a clear gap: with a word space only, 'Secrétaire de séance
    # Maria Michiels' read as one phrase.
    pad = 6 + 12
    label = max((text_width(k, FONT_BOLD, 10) for k, _v in block.rows), default=0) + pad
    label = min(max(label, width * 0.25), width * 0.45)
    return [label, width - label]


def _pdf_table(block: Table, width: float, st) -> _Table:
    shares = list(block.widths)
    # Dates whole in the cells too ('afgewerkt 29 / maart 2025' in the minutes' status column), bound
    # before the columns are measured, so a column is as wide as its widest date.
    rows = [[keep_dates_whole(c) if isinstance(c, str) else c for c in row] for row in block.rows]
    widths, size = fit_widths(block.header, rows, shares, width, font=FONT, header_font=FONT_BOLD,
                              size=block.font_size, padding=3,
                              whole=[i in block.whole for i in range(len(shares))])
    block = Table(block.header, rows, block.widths, block.wrap, block.row_height_mm, size, block.whole)
    cell = st["cell"].clone("tcell", fontSize=block.font_size, leading=block.font_size * 1.25)
    head = st["cell_bold"].clone("thead", fontSize=block.font_size, leading=block.font_size * 1.25)
    if block.wrap:
        data = [[Paragraph(_text(h), head) for h in block.header]]
        data += [[Paragraph(_text(c), cell) for c in row] for row in block.rows]
    else:
        data = [list(block.header)] + [list(row) for row in block.rows]
    heights = None
    if block.row_height_mm:
        heights = [None] + [block.row_height_mm * mm] * len(block.rows)
    table = _Table(data, colWidths=widths, repeatRows=1, rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("FONTNAME", (0, 1), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), block.font_size),
        ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if heights else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    if len(block.rows) >= LAST_ROWS:
        # The last rows break onto a page together: a page holding one row of a table reads as a stray line.
        table.setStyle(TableStyle([("NOSPLIT", (0, len(block.rows) - LAST_ROWS + 1), (-1, -1))]))
    return table


def _pdf_signatures(block: Signatures, width: float, st) -> list:
    """Signature lines with a gap between them: a narrow empty column separates the people."""
    n = max(1, len(block.people))
    gap = 12 * mm
    cols, widths = [], []
    for i in range(n):
        if i:
            cols.append(None)
            widths.append(gap)
        cols.append(i)
        widths.append((width - gap * (n - 1)) / n)
    cells = [[Paragraph(_text(block.people[c][0]), st["small"]) if c is not None else "" for c in cols],
             ["" for _c in cols],
             [Paragraph(_text(block.people[c][1]), st["body"]) if c is not None else "" for c in cols]]
    table = _Table(cells, colWidths=widths, rowHeights=[None, 16 * mm, None], hAlign="LEFT")
    lines = [("LINEBELOW", (i, 1), (i, 1), 0.6, colors.black) for i, c in enumerate(cols) if c is not None]
    table.setStyle(TableStyle(lines + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [_Spacer(1, 8 * mm), table]


def write_pdf(target, info: DocumentInfo, blocks: list, *, landscape: bool = False) -> int:
    """Render the blocks on the letterhead; returns the number of pages."""
    _x, _y, width, _h = content_box(page_size(landscape))
    return build_pdf(Path(target) if isinstance(target, str) else target, info, _pdf_flowables(blocks, width),
                     landscape=landscape)


def write_docx(target, info: DocumentInfo, blocks: list) -> None:
    """The same blocks as an editable Word/LibreOffice document on our own styles (documents.docx_writer)."""
    from huurdersgroep_app.core.documents.docx_writer import write_docx as _write

    _write(target, info, blocks)
