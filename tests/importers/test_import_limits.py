"""Every failure of an import reader is one translated line, and files beyond the size limits are
refused before they are read into memory (issue 13 §3)."""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from huurdersgroep_app.core.errors import DomainError, ImportError_
from huurdersgroep_app.core.importers import limits
from huurdersgroep_app.core.importers.bank import BankFileError, parse_bank_file
from huurdersgroep_app.core.importers.bank.csv_guess import sample_csv
from huurdersgroep_app.core.importers.members import read_table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzzing import MEMBER_LINES  # noqa: E402


def member_csv(tmp_path, lines, name="leden.csv") -> Path:
    path = tmp_path / name
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def workbook(tmp_path, rows, name="leden.xlsx") -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def rewrite_sheet(path: Path, change) -> Path:
    """The same workbook with its first sheet's XML passed through ``change``."""
    source = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    path.write_bytes(out.getvalue())
    return path


def test_a_member_csv_with_more_than_18278_columns_is_one_clear_line(tmp_path):
    # Column letters end at ZZZ (18,278): the old reader died naming the 18,279th column.
    path = member_csv(tmp_path, ["Naam" + ";" * 18_280, ";".join(["x"] * 18_281)])
    with pytest.raises(ImportError_) as caught:
        read_table(path)
    assert "18281 columns" in str(caught.value) and "at most 200" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_bank_csv_with_more_than_18278_columns_is_one_clear_line(tmp_path):
    path = tmp_path / "bank.csv"
    path.write_text("Datum;Bedrag" + ";x" * 18_300 + "\n2024-01-02;12,50" + ";y" * 18_300 + "\n", encoding="utf-8")
    for read in (lambda: sample_csv(path),
                 lambda: parse_bank_file(path, "csv", csv_mapping={"date": "Datum", "amount": "Bedrag"})):
        with pytest.raises(BankFileError, match="Line 1: it has 18302 columns; at most 200"):
            read()
    with pytest.raises(BankFileError):  # recognised as no bank's format, in one line too
        parse_bank_file(path)


def test_one_very_wide_row_is_refused_naming_the_limit(tmp_path):
    path = member_csv(tmp_path, [MEMBER_LINES[0], MEMBER_LINES[1], "xx;" * 216_000])
    with pytest.raises(ImportError_, match=r"Line 3 of leden.csv: it is 648001 characters long; at most 100000"):
        read_table(path)
    path = member_csv(tmp_path, [MEMBER_LINES[0], MEMBER_LINES[1], "x" * 650_000])
    with pytest.raises(ImportError_, match=r"cannot be read as CSV near line 3"):
        read_table(path)


def test_a_too_long_cell_is_refused(tmp_path):
    path = member_csv(tmp_path, [MEMBER_LINES[0], MEMBER_LINES[1].replace("Kerkstraat", "K" * 10_001)])
    with pytest.raises(ImportError_, match="a cell of 10001 characters; at most 10000"):
        read_table(path)


def test_too_many_rows_in_csv_and_xlsx(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 2)
    with pytest.raises(ImportError_, match="more than 2 rows. Split the file"):
        read_table(member_csv(tmp_path, MEMBER_LINES))
    with pytest.raises(ImportError_, match="more than 2 rows"):
        read_table(workbook(tmp_path, [line.split(";") for line in MEMBER_LINES]))
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    assert len(read_table(member_csv(tmp_path, MEMBER_LINES))) == 3


def test_a_workbook_too_large_unzipped_is_refused_before_openpyxl_reads_it(tmp_path, monkeypatch):
    path = workbook(tmp_path, [line.split(";") for line in MEMBER_LINES])
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED", 1024)

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open a workbook beyond the limit")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    with pytest.raises(ImportError_, match=r"unpacks to 0 MB; workbooks of more than 0 MB unpacked"):
        read_table(path)


def test_a_real_zip_bomb_is_refused_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED", 5 * 2**20)  # the same check as at 100 MB, faster
    path = workbook(tmp_path, [line.split(";") for line in MEMBER_LINES])
    padding = b"<!--" + b" " * (6 * 2**20) + b"-->"
    rewrite_sheet(path, lambda data: data.replace(b"<sheetData>", padding + b"<sheetData>", 1))
    assert path.stat().st_size < 100_000
    with pytest.raises(ImportError_, match="unpacks to 6 MB; workbooks of more than 5 MB"):
        read_table(path)


def test_a_declared_million_rows_and_16384_columns_is_not_padded(tmp_path):
    path = rewrite_sheet(workbook(tmp_path, [line.split(";") for line in MEMBER_LINES]),
                         lambda data: data.replace(b'<dimension ref="A1:L4"/>', b'<dimension ref="A1:XFD1048576"/>'))
    table = read_table(path)
    assert len(table) == 3 and len(table.headers) == 12


def test_data_in_the_last_row_is_read_and_in_the_last_column_refused(tmp_path):
    far_row = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Zoë</t></is></c></row></sheetData>'.encode()
    path = rewrite_sheet(workbook(tmp_path, [line.split(";") for line in MEMBER_LINES]),
                         lambda data: data.replace(b"</sheetData>", far_row))
    table = read_table(path)
    assert table.lines[-1] == 1_048_576 and table.rows[-1][0] == "Zoë"
    far_column = b'<row r="5"><c r="XFD5" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = rewrite_sheet(workbook(tmp_path, [line.split(";") for line in MEMBER_LINES], "b.xlsx"),
                         lambda data: data.replace(b"</sheetData>", far_column))
    with pytest.raises(ImportError_, match="Line 5 of b.xlsx: it has 16384 columns"):
        read_table(path)


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],                        # cut off
    lambda data: data.replace(b"<row", b"<row <", 1),           # XML that does not parse
    lambda data: b"",                                           # an empty part
    lambda data: data.replace(b'r="A2"', b'r="A2" t="d"', 1),  # a 'date' that is none
])
def test_a_malformed_workbook_is_one_translated_line(tmp_path, damage):
    path = rewrite_sheet(workbook(tmp_path, [line.split(";") for line in MEMBER_LINES]), damage)
    with pytest.raises(ImportError_, match="is not a readable Excel workbook") as caught:
        read_table(path)
    assert "\n" not in str(caught.value)


def test_oversized_files_are_refused_by_size_first(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(ImportError_, match="files of more than 0 MB are not imported"):
        read_table(member_csv(tmp_path, MEMBER_LINES))
    bank = tmp_path / "bank.sta"
    bank.write_bytes(b":20:X\n" * 100)
    with pytest.raises(BankFileError, match="bank files of more than 0 MB are not imported"):
        parse_bank_file(bank)


def test_only_domain_errors_leave_the_readers(tmp_path):
    """Odd corners found by the fuzz run, each once as a plain test."""
    cases = {"zip.xlsx": b"PK\x03\x04garbage", "nul.csv": b"Naam;Straat\x00\r\nAn;Kerk\r\n",
             "empty.xlsx": b"", "text.xlsx": b"Naam;Straat\r\nAn;Kerk\r\n"}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(DomainError):
            read_table(tmp_path / name)
