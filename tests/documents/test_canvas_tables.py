"""tables.py: text fitting, column widths, and a table that runs over pages."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from huurdersgroep_app.core.documents.base import FONT, FONT_BOLD, DocumentInfo, Letterhead, register_fonts
from huurdersgroep_app.core.documents.tables import (
    ELLIPSIS, Column, PageFlow, Row, fit_text, write_document,
)
from huurdersgroep_app.core.documents.table_layout import fit_widths, wrap_text
from huurdersgroep_app.core.errors import DomainError

INFO = DocumentInfo(Letterhead("Huurdersgroep Çelikpark", ("Dorpsstraat 1", "9000 Gent")), "Test list")


@pytest.fixture(autouse=True)
def fonts():
    register_fonts()


def test_fit_text_keeps_short_text_and_cuts_long_text_with_an_ellipsis():
    assert fit_text("Nguyễn", FONT, 9, 200) == "Nguyễn"
    long = "vandenbroucke-mueller.marie@een-heel-lange-domeinnaam.example.be"
    cut = fit_text(long, FONT, 9, 80)
    assert cut.endswith(ELLIPSIS) and long.startswith(cut[:-1])
    assert stringWidth(cut, FONT, 9) <= 80
    # The longest start that fits: one more character would not.
    assert stringWidth(long[:len(cut)] + ELLIPSIS, FONT, 9) > 80
    assert fit_text(long, FONT, 9, 2) == ""


def _widths(header, rows, shares, total, whole=()):
    return fit_widths(header, rows, shares, total, font=FONT, header_font=FONT_BOLD, size=9, padding=3,
                      whole=whole)


def test_column_widths_follow_shares_and_make_room_for_the_widest_word():
    widths, size = _widths(["A", "B", "C"], [["x", "y", "z"]], [2, 1, 1], 400)
    assert widths == pytest.approx([200, 100, 100]) and size == 9
    # A narrow column holding a long word (a date, an amount) takes what it needs from the others.
    rows = [["Jan", "€\u00a09.999.999,99"]]
    widths, _size = _widths(["Name", "Amount"], rows, [10, 0.5], 400)
    assert sum(widths) == pytest.approx(400)
    assert widths[1] >= stringWidth("€\u00a09.999.999,99", FONT, 9) + 6
    # A 'whole' column is as wide as its widest value, spaces and all.
    widths, _size = _widths(["Name", "When"], [["Jan", "30 maart 2026 om 19.30 uur"]], [10, 0.5], 400,
                            whole=[False, True])
    assert widths[1] >= stringWidth("30 maart 2026 om 19.30 uur", FONT, 9) + 6


def test_values_that_cannot_all_fit_shrink_the_font_instead_of_being_cut():
    rows = [["€\u00a09.999.999,99"] * 6]
    widths, size = _widths(["A"] * 6, rows, [1] * 6, 360)
    assert size < 9
    assert all(w >= stringWidth(rows[0][0], FONT, size) + 6 for w in widths)


def test_wrap_text_breaks_at_spaces_and_keeps_no_break_spaces():
    lines = wrap_text("Bestuursvergadering van de huurdersgroep Rabot", FONT, 9, 110)
    assert len(lines) > 1 and " ".join(lines) == "Bestuursvergadering van de huurdersgroep Rabot"
    assert wrap_text("€\u00a01.525,13", FONT, 9, 1000) == ["€\u00a01.525,13"]


def draw_long_table(flow: PageFlow) -> None:
    flow.title("Test list", subtitle="a subtitle")
    flow.paragraph("An introduction long enough to wrap over more than one line when the page is narrow. " * 3)
    rows = [[f"Row {i:03d}", "Łukasz Ådne Çelik", str(i)] for i in range(1, 161)]
    rows.append(Row(["Total", "", "160"], bold=True, rule_above=True))
    flow.table([Column("Label", 2), Column("Name", 3), Column("Count", 1, align="right")], rows,
               title="Long table")
    flow.table([Column("Empty")], [], title="Nothing here", empty_text="No rows.")


def test_long_table_repeats_title_and_header_on_every_page():
    buffer = io.BytesIO()
    pages = write_document(buffer, INFO, draw_long_table)
    texts = [page.extract_text() for page in PdfReader(buffer).pages]
    assert pages == len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in text
        assert "Huurdersgroep Çelikpark" in text
    for text in texts[1:-1]:
        assert "Long table (continued)" in text
    table_pages = [t for t in texts if "Row " in t]
    assert all("Label Name Count" in t for t in table_pages)
    rows = [line for t in texts for line in t.splitlines() if line.startswith("Row ")]
    assert rows == [f"Row {i:03d} Łukasz Ådne Çelik {i}" for i in range(1, 161)]
    assert "Total 160" in texts[-1]
    assert "Nothing here" in texts[-1] and "No rows." in texts[-1]


def test_landscape_pages_are_wider_than_high():
    buffer = io.BytesIO()
    write_document(buffer, INFO, lambda flow: flow.table([Column("A")], [["x"]]), landscape=True)
    box = PdfReader(buffer).pages[0].mediabox
    assert box.width > box.height


def test_missing_folder_or_a_folder_as_target_is_refused(tmp_path):
    with pytest.raises(DomainError, match="does not exist"):
        write_document(tmp_path / "nowhere" / "list.pdf", INFO, lambda flow: None)
    with pytest.raises(DomainError, match="folder"):
        write_document(tmp_path, INFO, lambda flow: None)


def test_the_last_row_never_stands_alone_on_a_new_page():
    # The audit pack's receipts index put its last row alone on the last page, under the repeated header.
    for count in range(40, 80):
        buffer = io.BytesIO()
        rows = [[f"Row {i:03d}", "x", str(i)] for i in range(1, count + 1)]
        write_document(buffer, INFO, lambda flow, rows=rows: flow.table(
            [Column("Label"), Column("Name"), Column("Count", align="right")], rows, title="Index"))
        texts = [page.extract_text() for page in PdfReader(buffer).pages]
        per_page = [sum(line.startswith("Row ") for line in text.splitlines()) for text in texts]
        assert sum(per_page) == count
        assert all(n != 1 for n in per_page[1:]), (count, per_page)
