"""The block model (``documents.blocks``) as an editable Word/LibreOffice document that looks like our PDFs.

python-docx's own template is an American one (US English spelling, Calibri, no page numbers), so
the styles are built here at run time instead: the PDF's font (DejaVu Sans), sizes and accent colour
for the title and headings, the group's language on every style (Word then checks Dutch spelling
as Dutch), the letterhead in the page header above a rule, 'Page X of Y' as fields in the footer,
tables with the PDF's header line and row rules, signature blocks that never split over two pages,
and a letter's address in a frame where a window envelope shows it.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents import envelope
from huurdersgroep_app.core.documents.base import FONT as PDF_FONT
from huurdersgroep_app.core.documents.base import FONT_BOLD, DocumentInfo, check_target, register_fonts
from huurdersgroep_app.core.documents.table_layout import fit_widths, keep_dates_whole, text_width
from huurdersgroep_app.i18n import _, format_date, get_language

FONT = "DejaVu Sans"
ACCENT = RGBColor(0x1F, 0x5F, 0x8B)
MUTED = RGBColor(0x5A, 0x64, 0x6E)
WARNING = RGBColor(0xB0, 0x00, 0x20)  # the PDF's warning red (documents.base.WARNING)
RULE = "C8D3DC"
ACCENT_HEX = "1F5F8B"
LANGUAGE_TAGS = {"nl_BE": "nl-BE", "nl_NL": "nl-NL", "fr_BE": "fr-BE", "en": "en-GB"}
PAGE_WIDTH, MARGIN = 210, 18  # mm, as the PDF
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
CELL_MARGIN_MM = 1.2  # a table cell's left and right margins
# A word processor lays text out a little wider than reportlab measures it: a value that just fits
# the PDF's column broke in LibreOffice.
WORD_SLACK_PT = 1.5
SIGNATURE_SPACE_MM = 8  # above a signature block, as the PDF's spacer
LABEL_MARGINS_MM = 6  # a table cell's left and right margins (about 1.9 mm each) and a gap


def language_tag(lang: str | None = None) -> str:
    return LANGUAGE_TAGS.get(lang or get_language(), "nl-BE")


def _set_language(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)


def _set_font(rpr, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):  # a theme font would win over ours
            del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _styles(doc, tag: str) -> None:
    """Our look on the template's styles; the language on the defaults and on every style."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_font(rpr, FONT)
    _set_language(rpr, tag)
    for style in doc.styles:
        element = style.element.get_or_add_rPr() if hasattr(style.element, "get_or_add_rPr") else None
        if element is not None:
            _set_language(element, tag)
            if element.find(qn("w:rFonts")) is not None:
                _set_font(element, FONT)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before, after in (("Title", 16, 0, 6), ("Heading 1", 16, 0, 6), ("Heading 2", 12, 8, 3),
                                      ("Heading 3", 10.5, 6, 2)):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.italic = False
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(before), Pt(after)
        style.paragraph_format.keep_with_next = True  # a heading never stays alone at the bottom of a page
        border = style.element.get_or_add_pPr().find(qn("w:pBdr"))
        if border is not None:  # the template's Title underline is not ours
            border.getparent().remove(border)
    for name in ("Header", "Footer"):  # the template's centre and right tabs would catch our own
        doc.styles[name].paragraph_format.tab_stops.clear_all()
    core = doc.core_properties
    core.language = tag


def _rule_below(paragraph, color: str = RULE, size: int = 6) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "4"), ("w:color", color)):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def _small(run, size: float = 8, color: RGBColor = MUTED):
    run.font.size, run.font.color.rgb = Pt(size), color
    return run


def _letterhead(section, info: DocumentInfo) -> None:
    """As on the PDF: the name in the accent colour, address and contacts small, registration and IBAN
    on the right, a rule under it."""
    head = info.letterhead
    right = [x for x in (head.registration_text,
                         head.iban and f"IBAN {head.iban}") if x]
    left = [x for x in (*head.address_lines, head.contact_line) if x]
    header = section.header
    first = header.paragraphs[0]
    first.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
    if head.logo:
        try:
            import io

            first.add_run().add_picture(io.BytesIO(head.logo), height=Mm(14))
            first.add_run("  ")
        except Exception:  # a broken logo must never stop a document; the name still prints
            pass
    name = first.add_run(head.name)
    name.bold, name.font.size, name.font.color.rgb = True, Pt(12), ACCENT
    if right:
        _small(first.add_run("\t" + right[0]))
    lines = max(len(left), len(right) - 1)
    paragraph = first
    for i in range(lines):
        paragraph = header.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
        if i < len(left):
            _small(paragraph.add_run(left[i]))
        if i + 1 < len(right):
            _small(paragraph.add_run("\t" + right[i + 1]))
    first.paragraph_format.space_after = Pt(1)
    _rule_below(paragraph, RULE, 6)
    if info.draft:
        # Word has no page-wide word like the PDF's; a red line in the header stands on every page.
        mark = header.add_paragraph()
        run = mark.add_run(info.draft)
        run.bold = True
        _small(run, 14, WARNING)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in: begin, code, separator, shown
    number and end each in a run of its own, as Word writes them. In one run, LibreOffice printed the
    number in the paragraph's 10 pt beside the footer's 8 pt words ('Pagina 1 van 1' with large digits)."""
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {code} "
    end.set(qn("w:fldCharType"), "end")
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    for part in (begin, text, separate, shown, end):
        run = paragraph.add_run()
        run._r.append(part)
        _small(run)


def _footer(section, info: DocumentInfo, sections: int) -> None:
    """'Title · date' on the left, 'Page X of Y' on the right, as on the PDF."""
    paragraph = section.footer.paragraphs[0]
    if info.warning:
        # As on the PDF: a report of a closed year whose books no longer match their seal says so on every
        # page, so an edited Word copy cannot lose the warning with a page of its own.
        warning = paragraph.insert_paragraph_before()
        run = warning.add_run(info.warning)
        run.bold = True
        _small(run, 8, WARNING)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
    _small(paragraph.add_run(f"{info.title} · {format_date(info.created or date.today())}\t"))
    # The translated sentence with its two numbers as fields, in the translation's own order.
    text = _("Page {page} of {total}")
    for piece in _split_fields(text):
        if piece == "{page}":
            _field(paragraph, "PAGE")
        elif piece == "{total}":
            # Each letter of a batch is a section of its own: 'page 1 of 1', not 'page 27 of 39'.
            _field(paragraph, "SECTIONPAGES" if sections > 1 else "NUMPAGES")
        elif piece:
            _small(paragraph.add_run(piece))


def _split_fields(text: str) -> list[str]:
    import re

    return re.split(r"(\{page\}|\{total\})", text)


def _address(doc, lines: list[str]) -> None:
    """At the window of a window envelope: the letter's text area starts at the window's top (see
    write_docx) and the address is indented to its left edge."""
    paragraph = doc.add_paragraph()
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()
    paragraph.paragraph_format.left_indent = Mm(envelope.LEFT_MM - MARGIN)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.keep_together = True
    # What follows starts under the window, however short the address.
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.space_before = Mm(max(2.0, envelope.HEIGHT_MM - 4.5 * len(lines) - 6))


def _cell_margins(table, mm_: float = 1.2) -> None:
    props = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(mm_ * 1440 / 25.4)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    props.append(margins)


def _cell_border(cell, side: str, color: str, size: int) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = tcpr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tcpr.append(borders)
    element = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "0"), ("w:color", color)):
        element.set(qn(key), value)
    borders.append(element)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        trpr.append(element)


def _cant_split(row) -> None:
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _grid(table, widths) -> None:
    """Column widths in the table grid too: LibreOffice lays a table out by its grid, Word by its cells."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _table(doc, block: b.Table) -> None:
    """The PDF's table look: a bold accent header with a line under it, thin rules between rows."""
    register_fonts()
    table = doc.add_table(rows=1, cols=len(block.header))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _cell_margins(table, CELL_MARGIN_MM)
    # The PDF's widths: each column as wide as its widest date, amount or word (fit_widths), so 'nog te
    # bepalen' or a date does not break in Word where the PDF keeps it whole.
    points, font_size = fit_widths(block.header, block.rows, list(block.widths), TEXT_WIDTH * 72 / 25.4,
                                   font=PDF_FONT, header_font=FONT_BOLD, size=block.font_size,
                                   padding=CELL_MARGIN_MM * 72 / 25.4 + WORD_SLACK_PT,
                                   whole=[i in block.whole for i in range(len(block.widths))])
    widths = [Mm(width * 25.4 / 72) for width in points]
    size = Pt(font_size)
    for cell, text, width in zip(table.rows[0].cells, block.header, widths, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size, run.font.color.rgb = True, size, ACCENT
        cell.width = width
        _cell_border(cell, "bottom", ACCENT_HEX, 8)
    _repeat_header(table.rows[0])
    for row in block.rows:
        new = table.add_row()
        _cant_split(new)
        if block.row_height_mm:
            new.height = Mm(block.row_height_mm)
        for cell, text, width in zip(new.cells, row, widths, strict=False):
            cell.width = width
            run = cell.paragraphs[0].add_run(text)
            run.font.size = size
            _cell_border(cell, "bottom", RULE, 3)
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(1)
    _grid(table, widths)


def _fields(doc, block: b.Fields) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    # As the PDF: the label column as wide as its longest label, at least a quarter so a letter's field
    # lists line up, at most 45 %. Measured in the PDF's bold 10 pt (DejaVu, wider than most fonts a word
    # processor puts in its place) plus the cells' margins: 2 mm a character broke 'Balances on 31
    # December' over two lines.
    register_fonts()
    widest = max((text_width(k, FONT_BOLD, 10) for k, _v in block.rows), default=0) * 25.4 / 72
    label_width = min(max(widest + LABEL_MARGINS_MM, TEXT_WIDTH * 0.25), TEXT_WIDTH * 0.45)
    for label, value in block.rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(keep_dates_whole(value))
        for cell in cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(1)
    _grid(table, [Mm(label_width), Mm(TEXT_WIDTH - label_width)])


def _signatures(doc, block: b.Signatures) -> None:
    """Role, room to sign over a line, name: one block that never splits over two pages. A narrow empty
    column between the people keeps their lines apart, as on the PDF."""
    people = block.people or [("", "")]
    gap = 12
    columns = [None if i % 2 else i // 2 for i in range(2 * len(people) - 1)]
    table = doc.add_table(rows=3, cols=len(columns))
    table.autofit = False
    width = (TEXT_WIDTH - gap * (len(people) - 1)) / len(people)
    for col, person in enumerate(columns):
        if person is None:
            continue
        role, name = people[person]
        _small(table.cell(0, col).paragraphs[0].add_run(role), 8.5)
        # The PDF's 8 mm above the block: without it the roles sat on the line before ('Place and date',
        # 'Kind regards,') as if they were part of it.
        table.cell(0, col).paragraphs[0].paragraph_format.space_before = Mm(SIGNATURE_SPACE_MM)
        table.cell(2, col).paragraphs[0].add_run(name)
        _cell_border(table.cell(1, col), "bottom", "000000", 6)
    table.rows[1].height = Mm(16)
    for number, row in enumerate(table.rows):
        _cant_split(row)
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_together = True
            cell.paragraphs[0].paragraph_format.keep_with_next = number < len(table.rows) - 1
    _grid(table, [Mm(gap if person is None else width) for person in columns])


def _keep_with_next(doc) -> None:
    """The last lines before a signature block (as many paragraphs as the PDF keeps, ``b.SIGN_WITH``)
    stay on the signatures' page."""
    from docx.text.paragraph import Paragraph

    kept = 0
    for element in reversed([e for e in doc.element.body if e.tag != qn("w:sectPr")]):
        if element.tag != qn("w:p") or kept >= b.SIGN_WITH:
            break  # a table before them: the paragraphs after it are the last lines
        paragraph = Paragraph(element, doc._body)
        paragraph.paragraph_format.keep_with_next = True
        kept += bool(paragraph.text.strip())  # a spacer paragraph is kept too, but not counted


def write_docx(target, info: DocumentInfo, blocks: list, lang: str | None = None) -> None:
    check_target(target)
    doc = Document()
    tag = language_tag(lang)
    _styles(doc, tag)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH), Mm(297)
    section.left_margin = section.right_margin = Mm(MARGIN)
    # A letter's text starts at the envelope window, its address first; other documents under the letterhead.
    letter = any(isinstance(x, b.Address) for x in blocks)
    section.top_margin = Mm(envelope.TOP_MM if letter else MARGIN + 24)
    section.bottom_margin = Mm(MARGIN + 6)
    section.header_distance, section.footer_distance = Mm(MARGIN - 4), Mm(MARGIN - 8)
    _letterhead(section, info)
    _footer(section, info, 1 + sum(isinstance(x, b.PageBreak) for x in blocks))
    doc.core_properties.title = info.title
    doc.core_properties.author = info.letterhead.name
    doc.core_properties.subject = info.subtitle
    for block in blocks:
        if isinstance(block, b.Title):
            doc.add_paragraph(block.text, style="Heading 1")  # the outline (navigation pane) starts at it
        elif isinstance(block, b.Heading):
            doc.add_paragraph(block.text, style="Heading 2" if block.level <= 2 else "Heading 3")
        elif isinstance(block, b.Para):
            p = doc.add_paragraph()
            if block.lead:
                p.add_run(block.lead).bold = True
            run = p.add_run(keep_dates_whole(block.text))  # as in the PDF: no line break inside a date
            run.bold = block.bold
            if block.style in ("small", "muted"):
                _small(run, 8.5, MUTED if block.style == "muted" else RGBColor(0, 0, 0))
            elif block.style in ("big", "huge"):
                run.font.size = Pt(15 if block.style == "big" else 28)
        elif isinstance(block, b.Bullets):
            for item in block.items:
                doc.add_paragraph(keep_dates_whole(item), style="List Number" if block.numbered else "List Bullet")
        elif isinstance(block, b.Fields):
            _fields(doc, block)
        elif isinstance(block, b.Table):
            _table(doc, block)
        elif isinstance(block, b.Signatures):
            _keep_with_next(doc)
            _signatures(doc, block)
        elif isinstance(block, b.Spacer):
            doc.add_paragraph().paragraph_format.space_after = Pt(block.height_mm * 2)
        elif isinstance(block, b.PageBreak):
            # A new section per letter, so each letter of a batch starts a page with its address frame.
            new = doc.add_section(WD_SECTION.NEW_PAGE)
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:start"), "1")
            new._sectPr.append(numbering)
        elif isinstance(block, b.Address):
            _address(doc, block.lines)
    doc.save(str(target) if isinstance(target, Path) else target)


