"""Choosing the parser from the content, the one entry point, and references made comparable."""
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.importers.bank import BankFileError, detect_format, parse_bank_file
from huurdersgroep_app.core.importers.bank.references import (compact_iban, find_reference, format_ogm,
                                                              normalise_reference, ogm_is_valid, rf_is_valid)

FIXTURES = Path(__file__).parent / "fixtures" / "bank"


@pytest.mark.parametrize("sample, expected", [
    ("camt053/accents-v02.xml", "camt053"), ("camt053/batch-v08.xml", "camt053"),
    ("mt940/rabobank-iban.sta", "mt940"), ("mt940/abnamro.sta", "mt940"), ("mt940/triodos.sta", "mt940"),
    ("coda/CODA.txt", "coda"), ("coda/CODA-empty.txt", "coda"),
])
def test_content_decides_not_the_extension(tmp_path, sample, expected):
    source = FIXTURES / sample
    assert detect_format(source) == expected
    renamed = tmp_path / "export.csv"  # what a download folder makes of it
    renamed.write_bytes(source.read_bytes())
    assert detect_format(renamed) == expected
    assert parse_bank_file(renamed) == parse_bank_file(source)


def test_bank_file_errors_are_domain_errors_with_a_line():
    error = BankFileError("Line 3: broken", 3)
    assert isinstance(error, DomainError) and error.line == 3


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"Dear treasurer,\nhere are the figures.\n", "not a bank statement we can read"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a bank statement we can read"),
])
def test_files_that_are_no_statement_get_a_message(tmp_path, content, message):
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    with pytest.raises(BankFileError, match=message):
        parse_bank_file(path)


def test_a_missing_file_and_an_unknown_format(tmp_path):
    with pytest.raises(BankFileError, match="does not exist"):
        parse_bank_file(tmp_path / "nowhere.xml")
    with pytest.raises(BankFileError, match="Unknown bank file format 'ofx'"):
        parse_bank_file(FIXTURES / "coda" / "CODA.txt", format="ofx")


@pytest.mark.parametrize("forced", ["mt940", "coda", "csv"])
def test_forcing_the_wrong_format_is_a_message_not_a_traceback(forced):
    with pytest.raises(BankFileError):
        parse_bank_file(FIXTURES / "camt053" / "accents-v02.xml", format=forced)


def test_an_error_in_the_last_statement_gives_nothing_of_the_first(tmp_path):
    text = (FIXTURES / "camt053" / "several-statements-v02.xml").read_text(encoding="utf-8")
    path = tmp_path / "statements.xml"
    path.write_text(text.replace('<Amt Ccy="EUR">1.23</Amt>', '<Amt Ccy="EUR">1.2.3</Amt>'), encoding="utf-8")
    with pytest.raises(BankFileError, match="'1.2.3' is not an amount"):
        parse_bank_file(path)


def test_belgian_structured_communication():
    assert ogm_is_valid("090933755493")
    assert not ogm_is_valid("090933755494")
    assert normalise_reference("+++090/9337/55493+++") == "090933755493"
    assert normalise_reference("***090/9337/55493***") == "090933755493"
    assert normalise_reference("090/9337/55493") == "090933755493"
    assert normalise_reference(" rf18 5390 0754 7034 ") == "RF18539007547034"
    assert rf_is_valid("RF18539007547034") and not rf_is_valid("RF19539007547034")
    assert normalise_reference("0000 0004 2188 6595") == "0000000421886595"  # a Dutch betalingskenmerk
    assert find_reference("lidgeld +++090/9337/55493+++ 2024") == "090933755493"
    assert find_reference("order 090/9337/55494 +++090/9337/55494+++") == ""  # wrong check digits
    assert find_reference("zie RF18 5390 0754 7034") == "RF18539007547034"


@given(st.integers(min_value=1, max_value=9_999_999_999))
def test_any_valid_ogm_survives_every_spelling(base):
    digits = f"{base:010d}"
    digits += f"{int(digits) % 97 or 97:02d}"
    assert ogm_is_valid(digits)
    written = format_ogm(digits)
    assert normalise_reference(written) == digits
    assert find_reference(f"Lidgeld {written} Jansen") == digits


def test_iban_shapes():
    assert compact_iban("be68 5390 0754 7034") == "BE68539007547034"
    assert compact_iban("517852257") == ""
    assert compact_iban("P001234567") == ""
    assert compact_iban("NL20INGB0001234567EUR") == ""  # ING's account with its currency glued on
    assert compact_iban("NL71RABO0123456789") == "NL71RABO0123456789"  # wrong check digits, right layout
    assert compact_iban("XX12345678901234") == ""  # no such country
    assert compact_iban("NL71RABO01234567") == ""  # too short for the Netherlands
