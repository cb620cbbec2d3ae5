"""Fonts and reportlab's layout machinery are loaded when a document uses them (issue 8 §5): a table
drawn on the canvas imports no Platypus, and a Platypus table or a chart's label made later in the
same process still names only the embedded DejaVu fonts."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFace

from huurdersgroep_app import paths
from huurdersgroep_app.core.documents import base

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead, build_pdf
from huurdersgroep_app.core.documents.tables import Column, write_document

info = DocumentInfo(Letterhead("Huurdersgroep Proef"), "Ledenlijst")
write_document(sys.argv[1], info, lambda flow: flow.table([Column("Naam")], [["Anna Peeters"]], title="Leden"))
print("platypus imported" if "reportlab.platypus" in sys.modules else "no platypus", flush=True)

import huurdersgroep_app.core.documents.finance.common  # the charts' module brings in the graphics
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Table

drawing = Drawing(200, 40)
drawing.add(String(0, 10, "Kaslabel"))  # no fontName: the graphics' default
build_pdf(sys.argv[2], info, [Table([["gewone cel"]]), drawing])
"""


def font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(str(path)).pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_canvas_table_needs_no_platypus_and_later_platypus_and_charts_stay_in_dejavu(tmp_path):
    canvas_pdf, platypus_pdf = tmp_path / "list.pdf", tmp_path / "story.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(canvas_pdf), str(platypus_pdf)], env=env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["no", "platypus"]
    assert "Anna Peeters" in PdfReader(str(canvas_pdf)).pages[0].extract_text()
    text = PdfReader(str(platypus_pdf)).pages[0].extract_text()
    assert "gewone cel" in text and "Kaslabel" in text
    assert font_names(canvas_pdf) == {"DejaVuSans", "DejaVuSans-Bold"}
    assert font_names(platypus_pdf) <= {"DejaVuSans", "DejaVuSans-Bold"}  # no Helvetica for cell or label


def test_faces_registered_before_reading_carry_the_names_in_their_files():
    base.register_fonts()
    for name, file in ((base.FONT, "DejaVuSans.ttf"), (base.FONT_BOLD, "DejaVuSans-Bold.ttf"),
                       (base.FONT_ITALIC, "DejaVuSans-Oblique.ttf")):
        assert base._FontFace(None, name, paths.FONTS_DIR / file).name == TTFontFace(str(paths.FONTS_DIR / file)).name


def test_a_face_is_read_from_its_file_once_even_through_a_kept_reference(monkeypatch):
    from reportlab.pdfbase import ttfonts

    reads, real = [], ttfonts.TTFontFace
    monkeypatch.setattr(ttfonts, "TTFontFace", lambda file, *a, **k: reads.append(file) or real(file, *a, **k))
    font = base._LazyTTFont(base.FONT_BOLD, paths.FONTS_DIR / "DejaVuSans-Bold.ttf")
    kept = font.face  # as reportlab's stringWidth does: the face first, then several of its tables
    assert kept.charWidths and kept.ascent > 0 and font.stringWidth("Bestuur", 10) > 0
    assert len(reads) == 1
