"""The hallway poster (issue 9), read from the PDF: the labels' colon as each language writes it, and
the agenda's heading no smaller than the agenda it heads."""
from __future__ import annotations

import re

import pdfplumber
import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.invitation import write_poster
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import lifecycle as meetings

import meeting_group
import pdf_layout

DETAILS = {"en": ("Date: Saturday", "Time: 10:00"), "nl_BE": ("Datum: zaterdag", "Uur: 10:00"),
           "nl_NL": ("Datum: zaterdag", "Tijd: 10:00"), "fr_BE": ("Date : samedi", "Heure : 10:00")}
AGENDA = {"en": "Agenda", "nl_BE": "Agenda", "nl_NL": "Agenda", "fr_BE": "Ordre du jour"}


@pytest.fixture
def annual(db):
    meeting_group.build(db)
    with db.transaction() as s:
        return meetings.create_annual_meeting(s, "28/03/2026", "10:00", "Zaal Sint-Jan").id


@pytest.mark.parametrize("lang", tuple(DETAILS))
def test_the_details_read_as_the_language_writes_them(db, annual, tmp_path, lang):
    """French puts a space before the colon ('Date: samedi' was printed in every language's way but French's)."""
    out = tmp_path / "poster.pdf"
    with db.reading() as s, i18n.language(lang):
        write_poster(s, annual, out)
    text = [line.text for line in pdf_layout.lines(out)]
    for start in DETAILS[lang]:
        assert any(line.startswith(start) for line in text), (start, text)


def _sizes(path, text: str) -> list[float]:
    """The font size of each line starting with ``text``."""
    with pdfplumber.open(str(path)) as pdf:
        page = pdf.pages[0]
        found = []
        for line in page.extract_text_lines(return_chars=True):
            if pdf_layout.normal(line["text"]).startswith(text):
                found.append(max(c["size"] for c in line["chars"]))
        return found


@pytest.mark.parametrize("lang", tuple(AGENDA))
def test_the_agenda_heading_is_as_large_as_the_agenda(db, annual, tmp_path, lang):
    out = tmp_path / "poster.pdf"
    with db.reading() as s, i18n.language(lang):
        write_poster(s, annual, out)
    (heading,) = _sizes(out, AGENDA[lang])
    items = _sizes(out, "1.")
    assert items and heading >= max(items), (heading, items)


def _page_words(path) -> list[list[str]]:
    """Per page, the page numbers printed on it ('Pagina 1 van 2')."""
    return [re.findall(r"Pagina \d+ van \d+", text) for text in pdf_layout.page_texts(path)]


def test_a_one_page_poster_has_no_page_number_and_a_longer_one_has(db, annual, tmp_path):
    """'Pagina 1 van 1' on a sheet in the hallway said nothing; a poster that runs on is numbered."""
    out = tmp_path / "poster.pdf"
    with db.reading() as s, i18n.language("nl_BE"):
        write_poster(s, annual, out)
    assert _page_words(out) == [[]]
    with db.transaction() as s:
        for n in range(30):
            agenda.add_item(s, annual, agenda.AgendaItemInput(f"Punt nummer {n} van de lange agenda"))
    with db.reading() as s, i18n.language("nl_BE"):
        write_poster(s, annual, out)
    assert _page_words(out) == [["Pagina 1 van 2"], ["Pagina 2 van 2"]]
