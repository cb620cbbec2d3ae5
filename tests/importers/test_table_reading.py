"""Reading member lists as Excel writes them: CSV in its encodings and delimiters, and XLSX."""
from datetime import date, datetime

import openpyxl
import pytest

from huurdersgroep_app.core.errors import DomainError, ImportError_
from huurdersgroep_app.core.importers.tabular import read_table


def write(path, text: str, encoding: str = "utf-8", bom: bool = False):
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def test_semicolon_csv_in_utf8_with_bom(tmp_path):
    path = write(tmp_path / "leden.csv", "Voornaam;Naam;Gemeente\r\nAyşe;Çelik;Gent\r\nJan;Peeters;Gent\r\n", bom=True)
    table = read_table(path)
    assert table.headers == ["Voornaam", "Naam", "Gemeente"]  # the BOM is not part of the first header
    assert table.rows == [["Ayşe", "Çelik", "Gent"], ["Jan", "Peeters", "Gent"]]
    assert table.lines == [2, 3]
    assert (table.delimiter, table.encoding) == (";", "utf-8-sig")


def test_comma_csv_with_quoted_commas(tmp_path):
    path = write(tmp_path / "members.csv", 'First name,Last name,Address\nJan,Peeters,"Lindelaan 12, bus 3"\n')
    table = read_table(path)
    assert table.delimiter == ","
    assert table.rows == [["Jan", "Peeters", "Lindelaan 12, bus 3"]]


def test_semicolon_wins_when_a_header_holds_a_comma(tmp_path):
    path = write(tmp_path / "leden.csv", "Naam, voornaam;Adres\nPeeters, Jan;Lindelaan 12\n")
    table = read_table(path)
    assert table.headers == ["Naam, voornaam", "Adres"]
    assert table.rows == [["Peeters, Jan", "Lindelaan 12"]]


def test_windows_1252_file_keeps_its_accents(tmp_path):
    path = write(tmp_path / "leden.csv",
                 "Voornaam;Naam;Opmerkingen\nAyse;Çelik;café\nAnna;Vandenbroucke-Müller;€ 5 lidgeld\n",
                 encoding="cp1252")
    table = read_table(path)
    assert table.encoding == "cp1252"
    assert table.rows == [["Ayse", "Çelik", "café"], ["Anna", "Vandenbroucke-Müller", "€ 5 lidgeld"]]


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    path = tmp_path / "leden.txt"
    path.write_bytes("Voornaam\tNaam\r\nŁukasz\tNguyễn\r\n".encode("utf-16"))
    table = read_table(path)
    assert table.rows == [["Łukasz", "Nguyễn"]]


def test_line_numbers_count_blank_lines_and_line_breaks_inside_cells(tmp_path):
    text = 'Naam;Opmerkingen\nPeeters;"twee\nregels"\n;\n\nJanssens;\n'
    table = read_table(write(tmp_path / "leden.csv", text))
    assert table.rows == [["Peeters", "twee\nregels"], ["Janssens", ""]]
    assert table.lines == [2, 6]


def test_columns_without_header_are_named_by_letter_and_empty_ones_dropped(tmp_path):
    table = read_table(write(tmp_path / "leden.csv", "Naam;;Naam;;\nPeeters;x;Jan;;\nJanssens;;An;;extra\n"))
    assert table.headers == ["Naam", "B", "Naam (2)", "E"]
    assert table.rows == [["Peeters", "x", "Jan", ""], ["Janssens", "", "An", "extra"]]


def test_xlsx_first_sheet_with_dates_and_numbers_as_text(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leden"
    sheet.append([None])
    sheet.append(["Naam", "Lid sinds", "Postcode", "GSM", "Huurder", "Bijdrage"])
    sheet.append(["Çelik", datetime(2021, 3, 4), 9000, 471123456, True, 2.5])
    sheet.append([])
    sheet.append(["Peeters", date(2020, 1, 31), 9000.0, None, False, 3])
    book.create_sheet("Andere").append(["Niet", "dit"])
    path = tmp_path / "leden.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.format == "xlsx"
    assert table.headers == ["Naam", "Lid sinds", "Postcode", "GSM", "Huurder", "Bijdrage"]
    assert table.rows == [["Çelik", "2021-03-04", "9000", "471123456", "yes", "2.5"],
                          ["Peeters", "2020-01-31", "9000", "", "no", "3"]]
    assert (table.header_line, table.lines) == (2, [3, 5])


@pytest.mark.parametrize("name, content, expected", [
    ("leden.csv", b"", "is empty"),
    ("leden.csv", b";;\r\n;;\r\n", "is empty"),
    ("leden.csv", b"Naam;Voornaam\r\n", "only a header"),
    ("leden.pdf", b"%PDF-1.4", "not a CSV or Excel"),
    ("leden.xls", b"\xd0\xcf\x11\xe0rest", "old Excel format"),
    ("leden.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
    ("leden.csv", b"Naam\x00;\x00x\x81\x00", "cannot be read as text"),
])
def test_unusable_files_give_one_clear_message_naming_the_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportError_) as exc:
        read_table(path)
    assert isinstance(exc.value, DomainError)
    assert expected in exc.value.message
    assert name in exc.value.message


def test_missing_file(tmp_path):
    with pytest.raises(ImportError_, match="does not exist"):
        read_table(tmp_path / "nergens.csv")
