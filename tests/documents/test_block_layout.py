"""The block documents' layout (issue 9), read from where pdfplumber finds the words: a label of a
field list stands clear of its value, and a heading directly followed by another never stays alone at
the foot of a page (the minutes' '8. Elections' above 'Election of chair' on the next page)."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead

import pdf_layout

INFO = DocumentInfo(Letterhead("Huurdersgroep De Linde", ("Lindelaan 12", "9000 Gent")), "Procès-verbal",
                    created=date(2025, 3, 29))


def _word(found, text):
    return next(w for _page, w in found if w["text"] == text)


def test_the_longest_label_stands_clear_of_its_value(tmp_path):
    out = tmp_path / "fields.pdf"
    b.write_pdf(out, INFO, [b.Fields([("Date", "samedi 29 mars 2025"), ("Président(e)", "Paula Hermans"),
                                      ("Secrétaire de séance", "Maria Michiels")])])
    found = pdf_layout.words(out)
    # more than a word space: 'Secrétaire de séance Maria Michiels' must not read as one phrase
    assert _word(found, "Maria")["x0"] - _word(found, "séance")["x1"] >= 12


@pytest.mark.parametrize("filler_mm", range(150, 231, 3))
def test_a_heading_followed_by_a_heading_never_stays_alone(tmp_path, filler_mm):
    out = tmp_path / "headings.pdf"
    b.write_pdf(out, INFO, [b.Spacer(filler_mm), b.Heading("8. Verkiezingen", 3),
                            b.Heading("Verkiezing van voorzitter (1 zetel)", 3),
                            b.Table(["Kandidaat", "Stemmen", "Verkozen"], [["Paula Hermans", "12", "ja"]],
                                    [0.5, 0.2, 0.3])])
    found = pdf_layout.words(out)
    pages = {text: next(page for page, w in found if w["text"] == text) for text in ("Verkiezingen", "voorzitter",
                                                                                    "Paula")}
    assert pages["Verkiezingen"] == pages["voorzitter"] == pages["Paula"], (filler_mm, pages)


def test_a_run_of_headings_does_not_push_the_first_to_the_next_page(tmp_path):
    """Twenty agenda items with nothing noted under them: the first follows the attendance on page 1."""
    out = tmp_path / "items.pdf"
    b.write_pdf(out, INFO, [b.Title("Verslag"), b.Para("Quorum: geen quorum vereist.")]
                + [b.Heading(f"{n}. Agendapunt{n}", 3) for n in range(1, 21)])
    found = pdf_layout.words(out)
    assert next(page for page, w in found if w["text"] == "Agendapunt1") == 1


@pytest.mark.parametrize("lang", ["nl_BE", "fr_BE", "en"])
def test_a_long_date_in_running_text_never_breaks_after_the_day(tmp_path, lang):
    """'… op 31 / december 2026': the day at the end of a line and the month on the next read as two
    things. Filler words bring the day to the very end of the first line, with no room for the month."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from huurdersgroep_app.core.documents.base import FONT, content_box, page_size, register_fonts
    from huurdersgroep_app.i18n import format_date, language

    register_fonts()
    with language(lang):
        day = format_date(date(2026, 12, 31), "long")
        width = content_box(page_size())[2]
        words: list[str] = []
        while stringWidth(" ".join([*words, "mmm", "31"]), FONT, 10) <= width - 4:
            words.append("mmm")
        out = tmp_path / "date.pdf"
        b.write_pdf(out, INFO, [b.Para(" ".join(words) + " " + day + " en verder.")])
    plain = pdf_layout.normal(day)
    assert any(plain in line.text for line in pdf_layout.lines(out)), [line.text for line in pdf_layout.lines(out)]


def test_a_date_inside_a_table_cell_never_breaks_after_the_day(tmp_path):
    """The minutes' action points: 'afgewerkt 29 / maart 2025' in a narrow status column. The text may
    wrap before the date, never inside it."""
    from huurdersgroep_app.i18n import format_date, language

    out = tmp_path / "cells.pdf"
    with language("nl_BE"):
        done = "afgewerkt " + format_date(date(2025, 3, 29), "long")
        b.write_pdf(out, INFO, [b.Table(["Actie", "Wie", "Uiterlijk", "Vanaf", "Status"],
                                        [["Verslag van de jaarvergadering in de nieuwsbrief zetten", "Ayşe Yılmaz",
                                          "29 april 2024", "30 maart 2024", done]],
                                        [0.3, 0.18, 0.17, 0.17, 0.18], whole=(2, 3))])
    texts = [line.text for line in pdf_layout.lines(out)]
    assert any("29 maart 2025" in text for text in texts), texts
