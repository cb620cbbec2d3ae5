"""Column widths that never cut a value, and line wrapping at word boundaries, for both table engines.

The rule every table follows (issue 9): an amount, a date or a reference is never cut or broken
over two lines, so each column is at least as wide as its widest *word* — Babel writes amounts
with no-break spaces ('€\u00a01.525,13'), dates and structured references have no space at all — and
a column marked ``whole`` (a value of several words) as wide as its widest value. Text wraps at
spaces onto more lines. Widths are measured with reportlab's ``stringWidth`` in the real (embedded)
font. When even the values cannot all fit the page, the table's font gets smaller; only as a last
resort does a word in a text column break between characters.

Both the canvas tables (``tables.py``) and the Platypus tables (``blocks.py``, the advice and signal
reports) take their widths from ``fit_widths``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

from huurdersgroep_app.i18n import date_locale

# What a line may break at: the ASCII space and the other breaking spaces reportlab's Paragraph also
# breaks at. The no-break spaces (U+00A0, U+202F) are left out on purpose: Babel puts them inside amounts.
_BREAKING = re.compile("[ \t\n\u2000-\u200b\u3000]+")
MIN_FONT_SIZE = 6.0


def keep_dates_whole(text: str) -> str:
    """Running text with no-break spaces inside its written-out dates, in the current language: a line
    never ends on the day with the month on the next ('31 / december 2026'). Dates a user typed (a
    decision's text) stay whole too. In a table cell, bind them before the columns are measured."""
    return _date_pattern(date_locale()).sub(lambda m: m.group(0).replace(" ", "\u00a0"), text) if text else text


@lru_cache(maxsize=16)
def _date_pattern(locale: str) -> re.Pattern:
    from babel.dates import get_month_names

    names = {name for width in ("wide", "abbreviated") for context in ("format", "stand-alone")
             for name in get_month_names(width, context, locale).values()}
    months = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    # '31 december 2026', '1er janvier 2026', '31 déc. 2026', '31 December' (a year is optional)
    return re.compile(rf"\b\d{{1,2}}(?:er)? (?:{months})\.?(?!\w)(?: \d{{4}}\b)?", re.IGNORECASE)


@lru_cache(maxsize=262144)
def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


@lru_cache(maxsize=131072)
def longest_word(text: str, font: str, size: float) -> float:
    """The width of the widest unbreakable piece of ``text``."""
    if not text:
        return 0.0
    words = _BREAKING.split(text)
    if len(words) == 1:
        return text_width(text, font, size)
    return max(text_width(word, font, size) for word in words)


@dataclass(frozen=True)
class ColumnNeed:
    """What one column asks of the table: its share of the spare width and the width it cannot go below."""

    share: float
    minimum: float  # points, padding included
    breakable: bool  # True: a text column, whose long words may break as a last resort


def distribute(needs: Sequence[ColumnNeed], total: float) -> list[float] | None:
    """Widths from the shares, each at least its minimum; None when the minimums do not fit in ``total``."""
    floor = sum(n.minimum for n in needs)
    if floor > total + 0.01:
        return None
    shares = [max(n.share, 0.0) for n in needs]
    # Columns below their minimum take it; the rest share what is left in proportion to their shares,
    # repeated because a column that gives up width can itself fall below its minimum.
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(needs)) if i not in fixed]
        room = total - sum(fixed.values())
        if not free:  # every column at its minimum: the room left goes to them in proportion
            return [n.minimum + room * n.minimum / (floor or 1) for n in needs]
        share_sum = sum(shares[i] for i in free)
        widths = [fixed.get(i, 0.0) for i in range(len(needs))]
        for i in free:
            widths[i] = room * shares[i] / share_sum if share_sum else room / len(free)
        short = [i for i in free if widths[i] < needs[i].minimum - 0.01]
        if not short:
            return widths
        for i in short:
            fixed[i] = needs[i].minimum


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` at most ``width`` wide, broken at spaces; a word wider than a line breaks
    between characters (only text columns get there, and only when the page is too narrow)."""
    return list(_wrap(text, font, size, round(width, 2)))


@lru_cache(maxsize=65536)
def _wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    if text_width(text, font, size) <= width and "\n" not in text:
        return (text,)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in _BREAKING.split(paragraph.strip()):
            if not word:
                continue
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width(word, font, size) > width and len(word) > 1:
                cut = _longest_start(word, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return tuple(lines)


def _longest_start(word: str, font: str, size: float, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fit_widths(header: Sequence[str], rows: Sequence[Sequence[str]], shares: Sequence[float], total: float, *,
               font: str, header_font: str, size: float, padding: float, whole: Sequence[bool] = (),
               bold_rows: Sequence[bool] = (), bold_font: str = "") -> tuple[list[float], float]:
    """(column widths, font size) for a table whose values all show whole.

    ``whole[i]``: column i holds values of several words that must stay on one line (else only its
    words are kept whole). ``bold_rows[r]``: row r is drawn in ``bold_font`` (totals), which is wider.
    """
    columns = len(shares)
    current = size
    while True:
        needs = _needs(header, rows, shares, font, header_font, current, padding, whole, bold_rows,
                       bold_font or header_font, columns)
        widths = distribute(needs, total)
        if widths is not None:
            return widths, current
        if current <= MIN_FONT_SIZE:
            break
        current = max(MIN_FONT_SIZE, round(current - 0.5, 2))
    # Even at the smallest size the values do not fit: text columns give up their long words.
    relaxed = [n if not n.breakable else ColumnNeed(n.share, 2 * padding + current, True) for n in needs]
    widths = distribute(relaxed, total)
    if widths is None:  # values alone wider than the page: share by width asked, values may overflow
        floor = sum(n.minimum for n in relaxed) or 1
        widths = [total * n.minimum / floor for n in relaxed]
    return widths, current


def _needs(header, rows, shares, font, header_font, size, padding, whole, bold_rows, bold_font,
           columns) -> list[ColumnNeed]:
    widest = [longest_word(str(h or ""), header_font, size) for h in header] + [0.0] * (columns - len(header))
    for r, row in enumerate(rows):
        cell_font = bold_font if r < len(bold_rows) and bold_rows[r] else font
        for i, value in enumerate(row[:columns]):
            if value is None or value == "":
                continue
            text = value if isinstance(value, str) else str(value)
            if i < len(whole) and whole[i]:
                used = max(text_width(line, cell_font, size) for line in text.split("\n"))
            else:
                used = longest_word(text, cell_font, size)
            if used > widest[i]:
                widest[i] = used
    return [ColumnNeed(shares[i], widest[i] + 2 * padding + 0.5, not (i < len(whole) and whole[i]))
            for i in range(columns)]
