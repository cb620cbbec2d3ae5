"""Editable Word documents (python-docx) on the group's letterhead, for letters people touch up.

The letterhead sits in the page header (name, address, contact, registration and IBAN), so it
repeats on every page as in the PDFs; fonts are left to Word's defaults except the size.
"""
from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from huurdersgroep_app.core.documents.base import Letterhead
from huurdersgroep_app.i18n import _

ACCENT = RGBColor(0x1F, 0x5F, 0x8B)
MUTED = RGBColor(0x55, 0x55, 0x55)


def new_document(letterhead: Letterhead, title: str):
    """A4 document with the letterhead in its header and ``title`` in its properties."""
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = letterhead.name
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(35), Mm(20)
    doc.styles["Normal"].font.size = Pt(10.5)
    header = section.header
    first = header.paragraphs[0]
    run = first.add_run(letterhead.name)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(13), ACCENT
    details = [*letterhead.address_lines, letterhead.contact_line,
               letterhead.registration and _("Reg. no. {number}").format(number=letterhead.registration),
               letterhead.iban and f"IBAN {letterhead.iban}"]
    line = header.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.LEFT
    small = line.add_run("  ·  ".join(x for x in details if x))
    small.font.size, small.font.color.rgb = Pt(8), MUTED
    return doc
