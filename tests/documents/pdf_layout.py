"""Where the text of a generated PDF stands, read with pdfplumber (every glyph with its box).

- ``lines(path)``: the text lines of each page as pdfplumber groups them (cells of a table row on one
  line, gaps as spaces, no-break spaces as spaces). A value printed whole is inside one line; a value
  cut ('…') or broken over two lines is not.
- ``overlapping(path)``: glyphs drawn over other glyphs (a label over its value, text into a QR code's
  caption) — two characters whose boxes share more than a third of the smaller one.

A plain module, not a conftest, so tests import it by name (like ``sample_group``)."""
from __future__ import annotations

from dataclasses import dataclass

import pdfplumber


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page, in points
    bottom: float


def normal(text: str) -> str:
    """Spaces as pdfplumber gives them: a no-break space (Babel's, inside amounts) reads as a space."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def lines(path) -> list[Line]:
    found = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines(strip=True, return_chars=False):
                found.append(Line(number, normal(line["text"]), line["x0"], line["x1"], line["top"],
                                  line["bottom"]))
    return found


def words(path) -> list[tuple[int, dict]]:
    """(page number, pdfplumber word) for every word: its text and box (x0, x1, top, bottom)."""
    found = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            found += [(number, w) for w in page.extract_words(keep_blank_chars=False, use_text_flow=True)]
    return found


def page_texts(path) -> list[str]:
    with pdfplumber.open(str(path)) as pdf:
        return [normal(page.extract_text() or "") for page in pdf.pages]


def overlapping(path) -> list[tuple[int, str, str]]:
    """(page, text around the first glyph, text around the second) for glyphs drawn over each other."""
    clashes = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            chars = [c for c in page.chars if c["text"].strip()]
            chars.sort(key=lambda c: c["x0"])
            for i, a in enumerate(chars):
                for b in chars[i + 1:]:
                    if b["x0"] >= a["x1"]:
                        break
                    dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    if dx <= 0 or dy <= 0:
                        continue
                    smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]),
                                  (b["x1"] - b["x0"]) * (b["bottom"] - b["top"])) or 1
                    if dx * dy > smaller / 3:
                        clashes.append((number, _around(page, a), _around(page, b)))
    return clashes


def _around(page, char) -> str:
    box = (max(char["x0"] - 40, 0), max(char["top"] - 1, 0), min(char["x1"] + 40, page.width),
           min(char["bottom"] + 1, page.height))
    return normal(page.within_bbox(box).extract_text() or char["text"])
