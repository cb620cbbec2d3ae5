"""What every letter shares: the address where a window envelope shows it, a fresh page numbering
per letter, label/value blocks laid out by measuring their text (the DRAFT mark is drawn on every page by
documents.base from DocumentInfo.draft).

The window of a DL or C5 envelope with a left window (DIN 5008 / NEN 1026 and the Belgian post's
guidance agree closely) sits about 20 mm from the left edge and 45 mm from the top, 90 × 45 mm.
The address is drawn at that place on the page, wherever the letter's flow stands, and the flow
continues under the window, so the letterhead above it and the date below it never cover it.
"""
from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from huurdersgroep_app.core.documents.base import FONT, content_box, page_size, register_fonts
from huurdersgroep_app.core.documents.table_layout import keep_dates_whole, text_width
from huurdersgroep_app.i18n import format_date

WINDOW_LEFT = 20 * mm
WINDOW_TOP = 45 * mm  # from the top edge of the page
WINDOW_WIDTH = 90 * mm
WINDOW_HEIGHT = 45 * mm
WINDOW_INSET = 4 * mm  # the text keeps clear of the window's edges (the letter shifts in the envelope)
ADDRESS_SIZE = 10
ADDRESS_LEADING = 13
# The block style of a letter's place-and-date line: the body's size, as the advice and dues letters
# print it (the invitation and the cover letter printed it smaller, which read as a footnote).
PLACE_DATE_STYLE = "body"


def place_and_date(city: str, on: date) -> str:
    """'Gent, 3 December 2026', or the date alone when the group has no town."""
    day = format_date(on, "long")
    return f"{city.strip()}, {day}" if (city or "").strip() else day


class WindowAddress(Flowable):
    """The addressee at the window position; takes the room down to the window's bottom edge.

    It also starts the page numbering of a new letter, so each letter of a batch reads '1 of 1'."""

    def __init__(self, lines: list[str], new_letter: bool = True):
        super().__init__()
        register_fonts()
        self.lines = [line for line in lines if line]
        self.new_letter = new_letter

    def wrap(self, available_width, available_height):
        # The flowable's top stands ``available_height`` above the frame's bottom; it reaches down to
        # the window's bottom edge, so what follows (the date, the subject) starts under the window.
        _x, frame_bottom, _w, _h = content_box(page_size())
        top_from_page_top = page_size()[1] - (frame_bottom + available_height)
        self.width = available_width
        self.height = max(WINDOW_TOP + WINDOW_HEIGHT - top_from_page_top, 0)
        return self.width, self.height

    def draw(self):
        c = self.canv
        if self.new_letter and hasattr(c, "start_section"):
            c.start_section()
        x0, y0 = c.absolutePosition(0, 0)
        page_height = c._pagesize[1]
        # Draw in page coordinates, whatever the frame's origin.
        left = WINDOW_LEFT + WINDOW_INSET - x0
        baseline = page_height - WINDOW_TOP - WINDOW_INSET - ADDRESS_SIZE - y0
        c.saveState()
        c.setFillColor(colors.black)
        for n, line in enumerate(self.lines[:7]):  # 45 mm hold seven lines; an address never needs more
            font, size = FONT, ADDRESS_SIZE
            while text_width(line, font, size) > WINDOW_WIDTH - 2 * WINDOW_INSET and size > 7:
                size -= 0.5  # a long line gets smaller, never cut: the post must read all of it
            c.setFont(font, size)
            c.drawString(left, baseline - n * ADDRESS_LEADING, line)
        c.restoreState()


class NewDocument(Flowable):
    """Takes no room; the page it stands on begins a document of its own in a batch (a proxy form per
    member), so its pages are numbered '1 of 1' like a letter's."""

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        if hasattr(self.canv, "start_section"):
            self.canv.start_section()


def label_value_table(rows: list[tuple[str, str]], width: float, style, label_style) -> Table:
    """Label: value lines where the label column is as wide as its widest label, measured in the
    label's font (never a fixed x), and the values wrap in what is left."""
    gap = 4 * mm
    label_width = max((text_width(label, label_style.fontName, label_style.fontSize) for label, _v in rows),
                      default=0) + gap
    label_width = min(label_width, width * 0.55)
    data = [[Paragraph(escape(label), label_style), Paragraph(escape(keep_dates_whole(value)), style)]
            for label, value in rows]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return table
