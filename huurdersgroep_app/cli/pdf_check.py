"""Reading a PDF back for the self-test: is every font that draws text embedded in the file?

A font that is only named (reportlab's page preamble selects Helvetica before any text) draws
nothing and needs no embedding; text shown in a font without its font file would come out in
whatever the reader substitutes, so that is what this looks for.
"""
from __future__ import annotations

import re
from pathlib import Path

# A font selection (/F1 12 Tf) or a text-showing operator after its string or array.
_TOKENS = re.compile(rb"/([^\s/\[\]()<>]+)\s+[-\d.]+\s+Tf|([)>\]])\s*(Tj|TJ|'|\")")


def _embedded(font) -> bool:
    font = font.get_object()
    for descendant in font.get("/DescendantFonts", []) or []:
        font = descendant.get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return font.get("/Subtype") == "/Type3"  # drawn from the file's own glyph procedures
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def pdf_problems(path: Path) -> list[str]:
    from pypdf import PdfReader

    problems = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        fonts = fonts.get_object() if fonts is not None else {}
        embedded = {name.lstrip("/"): _embedded(font) for name, font in fonts.items()}
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        current = None
        for match in _TOKENS.finditer(data):
            if match.group(1) is not None:
                current = match.group(1).decode("latin-1")
            elif current is not None and not embedded.get(current, False):
                base = fonts.get("/" + current)
                name = str(base.get_object().get("/BaseFont")) if base is not None else current
                problems.append(f"page {number}: text in {name.lstrip('/')}, not embedded")
                break
    return problems
