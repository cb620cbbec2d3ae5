"""Bank statement parsers. Every format is read into the neutral ``BankStatement`` of
``statement.py``; booking the lines is the finance service's job, not the parser's.

    detect_format(path) -> 'camt053' | 'mt940' | 'coda' | 'csv'     (from the content)
    parse_bank_file(path, format='auto', csv_mapping=None) -> list[BankStatement]

A file that cannot be read raises ``BankFileError`` (a DomainError whose translated message names
the line, and the field where there is one): the whole file or nothing, never a partial result.
"""
from __future__ import annotations

import csv
import re
from collections import Counter

from huurdersgroep_app.core.importers.bank.bounds import check_bounds
from huurdersgroep_app.core.importers.bank.csv_profiles import PROFILES, CsvMapping
from huurdersgroep_app.core.importers.bank.reading import decode, file_error, read_bytes
from huurdersgroep_app.core.importers.bank.statement import BankFileError, BankStatement, BankTransaction
from huurdersgroep_app.i18n import _

__all__ = ["BankFileError", "BankStatement", "BankTransaction", "CsvMapping", "FORMATS", "PROFILES",
           "detect_format", "parse_bank_file"]

FORMATS = {"camt053": "CAMT.053", "mt940": "MT940", "coda": "CODA", "csv": "CSV"}
# Record 0 of CODA: zeros, creation date, bank id, application code, in 128 columns ending in the version.
_CODA_HEADER = re.compile(r"0{5}\d{6}\d{3}\d{2}.{111}\d")
_MT940_TAG = re.compile(r"^:(20|25|28C?|60[FM]|61|86|940):", re.MULTILINE)
_OTHER_ISO = re.compile(r"(camt\.05[0-9]|pain\.\d{3})")


def detect_format(path) -> str:
    """Which parser reads this file, judged by its content (a bank's .txt may be MT940, CODA or
    CSV, and a .xml must really be a CAMT.053)."""
    head = decode(read_bytes(path)[:65536])
    stripped = head.lstrip()
    if stripped.startswith("<"):
        if "camt.053" in head:
            return "camt053"
        other = _OTHER_ISO.search(head)
        if other:
            raise file_error(_("This is a {kind} file, not a bank statement. Export the statement "
                               "(CAMT.053) from your bank instead.").format(kind=other.group(1)))
        raise file_error(_("This XML file is not a CAMT.053 bank statement."))
    first_line = next((line for line in head.splitlines() if line.strip()), "")
    if _CODA_HEADER.match(first_line):
        return "coda"
    if stripped.startswith("{1:") or _MT940_TAG.search(head):
        return "mt940"
    from huurdersgroep_app.core.importers.bank.csv_bank import detect_profile  # here: see _parser
    if detect_profile(head) is not None or _looks_like_table(head):
        return "csv"
    raise file_error(_("This file is not a bank statement we can read. Export CAMT.053 (XML), MT940, "
                       "CODA or CSV from your bank."))


def _looks_like_table(text: str) -> bool:
    """At least two rows of three or more columns with one delimiter: a CSV of some bank, which a
    column mapping can read (a letter with a comma in it is not)."""
    for delimiter in (";", ",", "\t"):
        try:
            widths = Counter(len(row) for row in csv.reader(text.splitlines()[:20], delimiter=delimiter) if any(row))
        except csv.Error:
            continue
        if any(width >= 3 and count >= 2 for width, count in widths.items()):
            return True
    return False


def _parser(format: str):
    """The reader of one format, imported here and not at the top: importing this package (for
    ``BankStatement``, which the finance services and so the first page need) must not cost the
    parsers and their libraries (schwifty, mt940, the XML reader) until a file is read."""
    if format == "camt053":
        from huurdersgroep_app.core.importers.bank.camt053 import parse_camt053
        return parse_camt053
    if format == "mt940":
        from huurdersgroep_app.core.importers.bank.mt940 import parse_mt940
        return parse_mt940
    if format == "coda":
        from huurdersgroep_app.core.importers.bank.coda import parse_coda
        return parse_coda
    from huurdersgroep_app.core.importers.bank.csv_bank import parse_csv
    return parse_csv


def parse_bank_file(path, format: str = "auto", csv_mapping: CsvMapping | dict | None = None
                    ) -> list[BankStatement]:
    """All statements in the file. ``csv_mapping`` is the user's column mapping for a CSV of a
    bank without a profile."""
    if format != "auto" and format not in FORMATS:
        raise file_error(_("Unknown bank file format '{format}'.").format(format=format))
    try:
        if format == "auto":
            format = detect_format(path)
        statements = _parser(format)(path, csv_mapping) if format == "csv" else _parser(format)(path)
    except BankFileError:
        raise
    except MemoryError:
        raise file_error(_("The file is too large to be read on this computer. Export a shorter period.")) from None
    except Exception as error:  # noqa: BLE001 - the reader's boundary: a case no check foresaw is still one line
        name = FORMATS.get(format, _("a bank statement"))
        raise file_error(_("The file cannot be read as {format} ({reason}).").format(
            format=name, reason=str(error)[:200] or type(error).__name__)) from error
    check_bounds(statements)
    return statements

