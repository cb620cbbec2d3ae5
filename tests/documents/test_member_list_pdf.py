"""The member list PDF: what each privacy level shows and hides, counts, pages, fonts."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from sample_group import PEOPLE, TODAY, add_person
from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.member_list import write_member_list
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members import complexes

# A member's row: running number first, member-since date last (the letterhead has numbers too).
MEMBER_ROW = re.compile(r"^(\d+) .* \d{1,2}/\d{1,2}/\d{2,4}$", re.M)
ACTIVE_NAMES = [f"{last}, {first}" for first, last, *_ in PEOPLE]
SURNAMES = [last for _, last, *_ in PEOPLE]
EMAILS = [email for *_, email, _ in PEOPLE if email]
PHONES = [phone for *_, phone in PEOPLE if phone]


def write(db, path, privacy, **kwargs) -> int:
    with db.reading() as s:
        return write_member_list(s, path, privacy, today=TODAY, **kwargs)


def test_names_level_lists_active_members_without_contact_data(db, group, tmp_path, pdf_pages):
    path = tmp_path / "names.pdf"
    assert write(db, path, "names") == 1
    text = pdf_pages(path)[0]
    for name in ACTIVE_NAMES:
        assert name in text
    assert "Member list of Huurdersgroep De Linde" in text
    assert "6 members" in text
    assert "Rabot" in text and "Westveld" in text
    assert i18n.format_date(date(2019, 3, 1), "short") in text  # member since
    for private in [*EMAILS, *PHONES, "Kerkstraat", "Land van Waaslaan", "@"]:
        assert private not in text
    assert "Oudlid" not in text  # former members stay in the database, not on the list


def test_names_are_sorted_as_a_flemish_group_does(db, group, tmp_path, pdf_lines):
    path = tmp_path / "names.pdf"
    write(db, path, "names")
    rows = [line for line in pdf_lines(path) if MEMBER_ROW.match(line)]
    order = [next(s for s in SURNAMES if s in row) for row in rows]
    # Flemish default (issue 12): 'Van den Broeck' sorts under V, as written; 'Çelik' under C.
    assert order == ["Çelik", "Hansen", "Kowalski", "Nguyễn", "Van den Broeck", "Vandenbroucke-Müller"]
    assert [int(row.split()[0]) for row in rows] == [1, 2, 3, 4, 5, 6]


def test_contact_level_shows_addresses_phones_emails_and_contact_way(db, group, tmp_path, pdf_pages):
    path = tmp_path / "contact.pdf"
    write(db, path, "contact")
    text = "\n".join(pdf_pages(path))
    for name in ACTIVE_NAMES:
        assert name in text
    for value in [*EMAILS, *PHONES, "Kerkstraat 7", "Land van Waaslaan 7", "9000 Gent"]:
        assert value in text
    celik = next(line for line in text.splitlines() if "Çelik" in line)
    assert celik.endswith("E-mail")
    kowalski = next(line for line in text.splitlines() if "Kowalski" in line)
    assert kowalski.endswith("Letter")
    assert "Confidential" in text
    assert "Oudlid" not in text and "pieter.oudlid@example.be" not in text


def test_contact_level_is_landscape(db, group, tmp_path):
    path = tmp_path / "contact.pdf"
    write(db, path, "contact")
    box = PdfReader(str(path)).pages[0].mediabox
    assert box.width > box.height


def test_counts_level_has_no_personal_data(db, group, tmp_path, pdf_lines):
    path = tmp_path / "counts.pdf"
    write(db, path, "counts")
    lines = pdf_lines(path)
    text = "\n".join(lines)
    for surname in [*SURNAMES, "Oudlid"]:
        assert surname not in text
    for private in [*EMAILS, *PHONES, "Kerkstraat"]:
        assert private not in text
    # Rabot: 60 dwellings, 3 active (the former member does not count); Westveld: 12 dwellings, 3 active.
    assert "Rabot 60 3 5%" in lines
    assert "Westveld 12 3 25%" in lines
    assert "Total 72 6 8%" in lines
    assert "6 members" in text


def test_counts_level_lists_members_without_a_complex(db, group, tmp_path, pdf_lines):
    with db.transaction() as s:
        add_person(s, "Noor", "Zonderwijk", None)
    path = tmp_path / "counts.pdf"
    write(db, path, "counts")
    lines = pdf_lines(path)
    assert "No complex – 1 –" in lines
    # Issue 12: the member without a complex is in the total but not in the reach (6/72, not 7/72).
    assert "Total 72 7 8%" in lines
    assert "1 member has no complex." in " ".join(lines)


def test_former_members_appear_only_when_asked(db, group, tmp_path, pdf_pages):
    path = tmp_path / "all.pdf"
    write(db, path, "names", include_former=True)
    text = pdf_pages(path)[0]
    assert "Oudlid, Pieter" in text
    assert i18n.format_date(date(2024, 6, 1), "short") in text
    assert "7 members" in text


def test_long_list_repeats_header_and_numbers_pages(db, tmp_path, pdf_pages):
    firsts = ["Ayşe", "Thi Lan", "Łukasz", "Ådne", "Marie", "Jan", "Fatima", "Mehmet", "Søren", "Chloé",
              "Zeynep", "Koen", "Inès", "Wojciech", "Ngozi"]
    lasts = ["Çelik", "Nguyễn", "Kowalski", "Hansen", "Vandenbroucke-Müller", "Van den Broeck", "El Amrani",
             "Yılmaz", "Peeters", "Dubois", "Öztürk", "Maes", "Nowak", "Şahin", "D'Hondt", "Okafor", "Claes",
             "Wouters", "Goossens", "Janssens"]
    with db.transaction() as s:
        cid = complexes.add_complex(s, "Groot Complex", 400).id
        for last in lasts:
            for first in firsts:
                add_person(s, first, last, cid)
    path = tmp_path / "long.pdf"
    pages = write(db, path, "names")
    texts = pdf_pages(path)
    assert pages == len(texts) > 3
    assert "300 members" in texts[0]
    numbers = []
    for index, text in enumerate(texts, start=1):
        assert "No. Name Complex Member since" in text
        assert f"Page {index} of {pages}" in text
        assert "Huurdersgroep De Linde" in text  # the letterhead too
        numbers += [int(m) for m in MEMBER_ROW.findall(text)]
    assert numbers == list(range(1, 301))  # no row lost or repeated at a page break
    all_text = "\n".join(texts)
    for last in lasts:
        assert all_text.count(f"{last}, Ayşe") == 1


def test_fonts_are_embedded_dejavu(db, group, tmp_path):
    path = tmp_path / "names.pdf"
    write(db, path, "contact")
    fonts = {}
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(name.split("+")[-1].startswith("DejaVuSans") for name in fonts)
    assert all(fonts.values())  # every font carries its glyphs


def test_document_follows_the_current_language(db, group, tmp_path, pdf_pages):
    path = tmp_path / "nl.pdf"
    with i18n.language("nl_BE"):
        write(db, path, "names")
        dutch_date = i18n.format_date(TODAY, "long")
    text = pdf_pages(path)[0]
    assert dutch_date in text and dutch_date != i18n.format_date(TODAY, "long")
    assert "Çelik, Ayşe" in text


def test_writes_into_a_file_object(db, group):
    buffer = io.BytesIO()
    assert write(db, buffer, "names") == 1
    assert buffer.getvalue().startswith(b"%PDF")


def test_refuses_unknown_privacy_level_and_missing_folder(db, group, tmp_path):
    with pytest.raises(DomainError, match="privacy"):
        write(db, tmp_path / "x.pdf", "everything")
    with pytest.raises(DomainError, match="does not exist"):
        write(db, tmp_path / "missing" / "x.pdf", "names")
    assert not (tmp_path / "missing").exists()


def test_empty_group_gets_a_clear_line(db, tmp_path, pdf_pages):
    path = tmp_path / "empty.pdf"
    write(db, path, "names")
    text = pdf_pages(path)[0]
    assert "0 members" in text and "No members yet." in text
