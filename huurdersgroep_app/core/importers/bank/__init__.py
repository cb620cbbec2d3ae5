"""Bank statement parsers. Every format is read into the neutral ``BankStatement`` of
``statement.py``; booking the lines is the finance service's job, not the parser's.

    detect_format(path) -> 'camt053' | 'mt940' | 'coda' | 'csv'     (from the content)
    parse_bank_file(path, format='auto', csv_mapping=None) -> list[BankStatement]

A file that cannot be read raises ``BankFileError`` (a DomainError whose translated message names
the line, and the field where there is one): the whole file or nothing, never a partial result.
"""
from __future__ import annotations

import csv
import dataclasses
import re
from collections import Counter

from huurdersgroep_app.core.importers.bank.camt053 import parse_camt053
from huurdersgroep_app.core.importers.bank.coda import parse_coda
from huurdersgroep_app.core.importers.bank.csv_bank import detect_profile, parse_csv
from huurdersgroep_app.core.importers.bank.csv_profiles import PROFILES, CsvMapping
from huurdersgroep_app.core.importers.bank.mt940 import parse_mt940
from huurdersgroep_app.core.importers.bank.reading import decode, file_error, read_bytes
from huurdersgroep_app.core.importers.bank.statement import BankFileError, BankStatement, BankTransaction
from huurdersgroep_app.i18n import _

__all__ = ["BankFileError", "BankStatement", "BankTransaction", "CsvMapping", "FORMATS", "PROFILES",
           "detect_format", "parse_bank_file"]

FORMATS = {"camt053": "CAMT.053", "mt940": "MT940", "coda": "CODA", "csv": "CSV"}
_CODA_HEADER = re.compile(r"0{5}\d{6}\d{3}05")  # record 0: zeros, creation date, bank id, application 05
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
    if detect_profile(head) is not None or any(d in first_line for d in (";", ",", "\t")):
        return "csv"
    raise file_error(_("This file is not a bank statement we can read. Export CAMT.053 (XML), MT940, "
                       "CODA or CSV from your bank."))


_PARSERS = {"camt053": parse_camt053, "mt940": parse_mt940, "coda": parse_coda}


def parse_bank_file(path, format: str = "auto", csv_mapping: CsvMapping | dict | None = None
                    ) -> list[BankStatement]:
    """All statements in the file. ``csv_mapping`` is the user's column mapping for a CSV of a
    bank without a profile."""
    if format == "auto":
        format = detect_format(path)
    if format not in FORMATS:
        raise file_error(_("Unknown bank file format '{format}'.").format(format=format))
    try:
        statements = parse_csv(path, csv_mapping) if format == "csv" else _PARSERS[format](path)
    except BankFileError:
        raise
    except (ValueError, ArithmeticError, LookupError, TypeError, AttributeError, AssertionError,
            UnicodeError, csv.Error) as error:  # a case no check foresaw: still a message, not a traceback
        raise file_error(_("The file cannot be read as {format} ({reason}).").format(
            format=FORMATS[format], reason=error)) from error
    return [_distinct(statement) for statement in statements]


def _distinct(statement: BankStatement) -> BankStatement:
    """Two identical lines in one file (two equal card payments on one day at one shop) are two
    payments; the second gets '#2' on its bank reference, so an importer that skips known lines
    by ``fingerprint`` keeps both, and re-importing the file still adds nothing."""
    account = statement.account_iban or statement.account_number
    seen: Counter[str] = Counter()
    transactions = []
    for transaction in statement.transactions:
        key = transaction.fingerprint(account)
        seen[key] += 1
        if seen[key] > 1:
            transaction = dataclasses.replace(
                transaction, bank_reference=f"{transaction.bank_reference}#{seen[key]}")
        transactions.append(transaction)
    statement.transactions = transactions
    return statement
