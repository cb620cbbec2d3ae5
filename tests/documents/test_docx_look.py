"""The DOCX files read back: our own styles (not python-docx's US template), the letterhead in the
header, 'Page X of Y' as fields, the group's language, tables like the PDF, signatures kept together,
the address at the window of a window envelope."""
from __future__ import annotations

import zipfile
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents import envelope
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.documents.docx_writer import write_docx
from huurdersgroep_app.i18n import language

HEAD = Letterhead("Huurdersgroep De Linde", ("Lindelaan 12", "9000 Gent"), "info@delinde.example",
                  "0751.950.136", "BE68 5390 0754 7034")
INFO = DocumentInfo(HEAD, "Notulen: bestuursvergadering", created=date(2025, 1, 14))


def _letter(n: int = 1) -> list:
    out = []
    for i in range(n):
        if i:
            out.append(b.PageBreak())
        out += [b.Address([f"Anna Peeters {i}", "Lindelaan 4", "9000 Gent"]), b.Para("Gent, 14 januari 2025"),
                b.Title("Uitnodiging"), b.Heading("Agenda", 3), b.Para("Tekst van de brief."),
                b.Table(["Actie", "Wie", "Tegen"], [["Offerte", "Chris", "1/2/2025"]], [0.6, 0.2, 0.2]),
                b.Para("Met vriendelijke groeten,"),
                b.Signatures([("Voorzitter", "Anna Peeters"), ("Verslaggever", "Chris Claes")])]
    return out


def _write(tmp_path, lang="nl_BE", blocks=None, name="x.docx"):
    path = tmp_path / name
    with language(lang):
        write_docx(path, INFO, blocks or _letter())
    return path


@pytest.mark.parametrize(("lang", "tag"), [("nl_BE", "nl-BE"), ("nl_NL", "nl-NL"), ("fr_BE", "fr-BE")])
def test_the_document_language_is_the_groups_on_every_style(tmp_path, lang, tag):
    path = _write(tmp_path, lang)
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    assert "en-US" not in styles
    defaults = docx.Document(str(path)).styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == tag
    assert docx.Document(str(path)).core_properties.language == tag


def test_styles_are_the_pdfs_font_sizes_and_accent(tmp_path):
    document = docx.Document(str(_write(tmp_path)))
    assert document.styles["Normal"].font.name == "DejaVu Sans"
    for name, size in (("Heading 1", 16), ("Heading 2", 12), ("Heading 3", 10.5)):
        style = document.styles[name]
        assert (style.font.name, style.font.size.pt, str(style.font.color.rgb)) == ("DejaVu Sans", size, "1F5F8B")
        assert style.paragraph_format.keep_with_next  # a heading never ends a page
    assert "Calibri" not in zipfile.ZipFile(tmp_path / "x.docx").read("word/styles.xml").decode().split(
        "<w:docDefaults>")[1].split("</w:docDefaults>")[0]


def test_the_letterhead_is_in_the_header_with_a_rule_and_the_footer_numbers_pages(tmp_path):
    document = docx.Document(str(_write(tmp_path, "en")))
    header = document.sections[0].header
    texts = [p.text for p in header.paragraphs]
    assert texts[0] == "Huurdersgroep De Linde\tEnterprise no. 0751.950.136"
    assert texts[1] == "Lindelaan 12\tIBAN BE68 5390 0754 7034"
    assert header.paragraphs[-1]._p.find(".//" + qn("w:pBdr")) is not None
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Page " in footer and " of " in footer
    assert "Notulen: bestuursvergadering · 14 Jan 2025" in document.sections[0].footer.paragraphs[0].text


def test_each_letter_of_a_batch_is_numbered_on_its_own(tmp_path):
    document = docx.Document(str(_write(tmp_path, blocks=_letter(3))))
    assert len(document.sections) == 3
    assert "SECTIONPAGES" in document.sections[0].footer._element.xml
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in document.sections[1:]]
    assert all(x is not None and x.get(qn("w:start")) == "1" for x in starts)


def test_the_address_sits_at_the_envelope_window(tmp_path):
    document = docx.Document(str(_write(tmp_path)))
    section = document.sections[0]
    first = document.paragraphs[0]
    assert first.text == "Anna Peeters 0\nLindelaan 4\n9000 Gent"
    # the text area starts at the window's top; the address is indented to the window's left edge
    assert abs(section.top_margin - Mm(envelope.TOP_MM)) < Mm(0.1)
    left = section.left_margin + (first.paragraph_format.left_indent or 0)
    assert abs(left - Mm(envelope.LEFT_MM)) < Mm(0.1)
    assert section.header_distance + Mm(5 * 4) < Mm(envelope.TOP_MM)  # the letterhead ends above it


def test_minutes_without_an_address_start_under_the_letterhead(tmp_path):
    path = _write(tmp_path, blocks=[b.Title("Notulen"), b.Para("Tekst")])
    assert docx.Document(str(path)).sections[0].top_margin < Mm(envelope.TOP_MM)


def test_tables_repeat_their_header_and_signatures_stay_together(tmp_path):
    document = docx.Document(str(_write(tmp_path)))
    table, signatures = document.tables
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r.bold for c in header.cells for r in c.paragraphs[0].runs)
    assert [round(c.width.mm) for c in table.columns] == [104, 35, 35]  # the block's shares of 174 mm
    rows = signatures.rows
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    for row in rows[:-1]:
        assert all(c.paragraphs[0].paragraph_format.keep_with_next for c in row.cells)
    body = document.element.body
    before = signatures._tbl.getprevious()
    assert before.tag == qn("w:p") and before.find(".//" + qn("w:keepNext")) is not None
    assert body.index(before) < body.index(signatures._tbl)
    assert [c.text for c in rows[2].cells] == ["Anna Peeters", "", "Chris Claes"]  # a gap between the lines


def test_the_page_numbers_are_as_small_as_the_footers_words(tmp_path):
    """Each part of a page-number field in a run of its own with the footer's 8 pt (sz 16), as Word
    writes fields: with begin, code and shown number in one run, LibreOffice printed the digits in the
    paragraph's 10 pt ('Pagina 1 van 1' with large numbers; seen converting the proxy form)."""
    document = docx.Document(str(_write(tmp_path)))
    runs = document.sections[0].footer.paragraphs[0]._p.findall(qn("w:r"))
    fields = [r for r in runs if r.find(qn("w:fldChar")) is not None or r.find(qn("w:instrText")) is not None]
    assert len(fields) == 2 * 4  # PAGE and NUMPAGES: begin, code, separate, end
    assert all(len(r.findall(qn("w:fldChar"))) + len(r.findall(qn("w:instrText"))) == 1 for r in fields)
    for run in runs:
        size = run.find(qn("w:rPr")).find(qn("w:sz"))
        assert size is not None and size.get(qn("w:val")) == "16"


def test_a_field_label_fits_its_column(tmp_path):
    """'Balances on 31 December' (the activity report's money in brief) broke over two lines in Word and
    LibreOffice: the label column was 2 mm a character wide, narrower than DejaVu's bold."""
    from huurdersgroep_app.core.documents.base import FONT_BOLD, register_fonts
    from huurdersgroep_app.core.documents.table_layout import text_width

    labels = ["Income", "Balances on 31 December"]
    document = docx.Document(str(_write(tmp_path, blocks=[b.Fields([(k, "€1,625.19") for k in labels])])))
    (table,) = document.tables
    first = table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))[0]
    width_mm = int(first.get(qn("w:w"))) / 1440 * 25.4
    register_fonts()
    # the widest label and the two cell margins (Word's default 0.19 cm each)
    assert width_mm >= text_width(labels[1], FONT_BOLD, 10) * 25.4 / 72 + 2 * 1.9, width_mm


def test_the_signatures_stand_apart_from_the_line_above(tmp_path):
    """As the PDF's 8 mm: in the Word proxy form the roles sat right under 'Place and date ____'."""
    document = docx.Document(str(_write(tmp_path)))
    table = document.tables[-1]
    roles = [cell.paragraphs[0] for cell in table.rows[0].cells if cell.text]
    assert [p.text for p in roles] == ["Voorzitter", "Verslaggever"]
    assert all(p.paragraph_format.space_before is not None and p.paragraph_format.space_before >= Mm(8)
               for p in roles)


def test_table_columns_are_sized_like_the_pdfs(tmp_path):
    """The Word table took its column shares as they are, so a value the PDF keeps whole broke there
    ('nog te / bepalen' in the year plan's 'Wanneer', a column of 15 %): now the PDF's fit_widths."""
    from huurdersgroep_app.core.documents.base import FONT, register_fonts
    from huurdersgroep_app.core.documents.table_layout import text_width

    table_block = b.Table(["Wanneer", "Wat"], [["13/01/2026", "Bestuursvergadering"], ["nog te bepalen", "Buurtfeest"]],
                          [0.1, 0.9], whole=(0,))
    document = docx.Document(str(_write(tmp_path, blocks=[table_block])))
    (table,) = document.tables
    first = table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))[0]
    width_pt = int(first.get(qn("w:w"))) / 20
    register_fonts()
    assert width_pt >= text_width("nog te bepalen", FONT, 9) + 2 * 1.2 * 72 / 25.4, width_pt
