"""A first look at the CSV of a bank without a profile, so the user can say which column holds
what: the delimiter, the header line (if any), the first rows, and a ``CsvMapping`` guessed from
the header words (Dutch, French, English) and from the data (date format, decimal sign).

    sample_csv(path) -> CsvSample
    guess_mapping(sample) -> CsvMapping
    mapping_to_dict(mapping) / mapping_from_dict(data)   (what a group setting can hold)
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from huurdersgroep_app.core.importers.bank.csv_profiles import DATE_FORMATS, CsvMapping
from huurdersgroep_app.core.importers.bank.reading import file_error, read_text
from huurdersgroep_app.core.importers.bank.statement import BankFileError
from huurdersgroep_app.core.importers.limits import record_problem
from huurdersgroep_app.i18n import _

_DELIMITERS = (";", ",", "\t")
_SEARCH = 30  # lines looked at for the header (some banks write a few lines about the selection first)
# The date formats a user can choose, with how 31 December 2024 looks in each.
DATE_CHOICES = (("%d/%m/%Y", "31/12/2024"), ("%d-%m-%Y", "31-12-2024"), ("%d.%m.%Y", "31.12.2024"),
                ("%Y-%m-%d", "2024-12-31"), ("%Y%m%d", "20241231"), ("%d/%m/%y", "31/12/24"),
                ("%d-%m-%y", "31-12-24"))
_OUT_WORDS = {"af", "debet", "debit", "débit", "d", "dt", "uit", "-"}
_IN_WORDS = {"bij", "credit", "crédit", "c", "cr", "in", "+"}
_LOOKS_LIKE_DATA = re.compile(r"[+-]?[\d.,/ -]*\d[\d.,/ -]*")
_SIMPLE_FIELDS = ("date", "amount", "debit", "credit", "direction", "value_date", "counterparty_name",
                  "counterparty_iban", "structured_reference", "decimal", "delimiter", "header")

# Header words per field, best first: an exact header beats a header that contains the word.
_WORDS = {
    "value_date": ("valutadatum", "valuta", "rentedatum", "date valeur", "date de valeur", "value date"),
    "date": ("boekingsdatum", "boekdatum", "datum", "date", "date comptable", "booking date", "transactiedatum",
             "uitvoeringsdatum", "date d'exécution"),
    "direction": ("af/bij", "af bij", "debet/credit", "débit/crédit", "d/c", "teken", "sign", "type"),
    "debit": ("af", "debet", "débit", "debit", "uitgaven", "money out", "uit", "dépenses"),
    "credit": ("bij", "credit", "crédit", "ontvangsten", "money in", "in", "recettes"),
    "amount": ("bedrag", "montant", "amount", "transactiebedrag", "bedrag (eur)"),
    "counterparty_iban": ("tegenrekening", "rekening tegenpartij", "iban tegenpartij", "compte contrepartie",
                          "compte de la contrepartie", "counterparty iban", "counterparty account", "iban",
                          "rekening", "compte", "account"),
    "counterparty_name": ("naam tegenpartij", "tegenpartij", "naam", "nom contrepartie", "nom", "contrepartie",
                          "counterparty", "name", "begunstigde", "bénéficiaire", "payee"),
    "description": ("omschrijving", "mededeling", "mededelingen", "communication", "description", "libellé",
                    "bericht", "message", "details", "détails"),
    "structured_reference": ("gestructureerde mededeling", "betalingskenmerk", "communication structurée",
                             "referentie", "référence", "reference", "kenmerk"),
}


@dataclass(frozen=True)
class CsvSample:
    delimiter: str
    header: bool
    names: list[str]  # header names; '' for every column of a file without a header line
    rows: list[list[str]]  # the first data rows, each padded to the number of columns
    key: str  # the header layout: the same bank's next file has the same key

    def column_label(self, position: int) -> str:
        return self.names[position] if self.header and self.names[position].strip() else str(position + 1)


def sample_csv(path, rows: int = 8) -> CsvSample:
    """The first rows of a bank's CSV for the column mapping step; a file that cannot be sampled
    is one translated BankFileError (the reader's boundary), never a traceback."""
    text = read_text(path)
    try:
        return sample_text(text, rows)
    except BankFileError:
        raise
    except Exception as error:  # noqa: BLE001 - a malformed file is told in one line
        raise file_error(_("The file cannot be read as {format} ({reason}).").format(
            format="CSV", reason=str(error)[:200] or type(error).__name__)) from error


def sample_text(text: str, rows: int = 8) -> CsvSample:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(_DELIMITERS, key=first.count)
    try:
        records = [cells for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)][:_SEARCH + rows]
    except csv.Error:
        records = [line.split(delimiter) for line in text.splitlines()[:_SEARCH + rows]]
    for number, cells in enumerate(records, start=1):
        problem = record_problem(cells)
        if problem:
            raise file_error(problem, number)
    records = [cells for cells in records if any(cell.strip() for cell in cells)]
    # The table starts at the first record as wide as most records (lines about the selection are narrower).
    width = Counter(len(cells) for cells in records).most_common(1)[0][0] if records else 0
    start = next((i for i, cells in enumerate(records) if len(cells) == width), 0)
    table = [(cells + [""] * width)[:width] for cells in records[start:]]
    header = bool(table) and not any(_LOOKS_LIKE_DATA.fullmatch(cell.strip()) for cell in table[0] if cell.strip())
    names = [cell.strip() for cell in table[0]] if header else [""] * width
    key = delimiter.join(name.lower() for name in names) if header else f"<{width} columns without header>"
    return CsvSample(delimiter, header, names, table[1:][:rows] if header else table[:rows], key)


def column_ref(sample: CsvSample, position: int):
    """A column by its header name when that name is unique (so a reordered export still reads),
    by position otherwise."""
    name = sample.names[position]
    if sample.header and name and [n.lower() for n in sample.names].count(name.lower()) == 1:
        return name
    return position


def _values(sample: CsvSample, position: int) -> list[str]:
    return [row[position].strip() for row in sample.rows if row[position].strip()]


def _find(sample: CsvSample, field: str, taken: set[int]) -> int | None:
    names = [name.lower() for name in sample.names]
    for exact in (True, False):
        for word in _WORDS[field]:
            for position, name in enumerate(names):
                if position not in taken and (name == word if exact else
                                              len(word) > 3 and word in name):
                    return position
    return None


def guess_date_format(values: list[str]) -> str:
    for fmt, _example in DATE_CHOICES:
        try:
            days = [datetime.strptime(value, fmt) for value in values]
        except ValueError:
            continue
        if values and all(day.year >= 1900 for day in days):
            return fmt
    return DATE_CHOICES[0][0]


def guess_decimal(values: list[str]) -> str:
    if any(re.search(r"\d,\d{1,2}$", value) for value in values):
        return ","
    if any(re.search(r"\d\.\d{1,2}$", value) for value in values):
        return "."
    return ","


def guess_mapping(sample: CsvSample) -> CsvMapping:
    found: dict[str, int] = {}
    taken: set[int] = set()
    # A column of only 'Af'/'Bij', 'D'/'C' … says the direction, whatever its header.
    for position in range(len(sample.names)):
        values = {value.lower() for value in _values(sample, position)}
        if values and values <= _OUT_WORDS | _IN_WORDS and values & _OUT_WORDS | values & _IN_WORDS:
            found["direction"] = position
            taken.add(position)
            break
    if sample.header:
        for field in _WORDS:
            if field not in found:
                position = _find(sample, field, taken)
                if position is not None:
                    found[field] = position
                    taken.add(position)
    if "amount" in found or not ("debit" in found and "credit" in found):
        found.pop("debit", None)  # one amount column, or only half of a pair: the user chooses
        found.pop("credit", None)
    else:
        found.pop("direction", None)  # money out and money in have their own columns
    ref = {field: column_ref(sample, position) for field, position in found.items()}
    date_position = found.get("date", 0 if sample.names else None)
    money = [v for field in ("amount", "debit", "credit") if field in found for v in _values(sample, found[field])]
    return CsvMapping(
        date=ref.get("date", 0), amount=ref.get("amount"), debit=ref.get("debit"), credit=ref.get("credit"),
        direction=ref.get("direction"), value_date=ref.get("value_date"),
        counterparty_name=ref.get("counterparty_name"), counterparty_iban=ref.get("counterparty_iban"),
        description=(ref["description"],) if "description" in ref else (),
        structured_reference=ref.get("structured_reference"),
        date_formats=(guess_date_format(_values(sample, date_position) if date_position is not None else []),),
        decimal=guess_decimal(money), delimiter=sample.delimiter, header=sample.header)


def mapping_to_dict(mapping: CsvMapping) -> dict:
    data = {field: getattr(mapping, field) for field in _SIMPLE_FIELDS}
    data["description"] = list(mapping.description)
    data["date_formats"] = list(mapping.date_formats)
    return data


def mapping_from_dict(data: dict) -> CsvMapping:
    known = {field: data[field] for field in _SIMPLE_FIELDS if field in data}
    return CsvMapping(**known, description=tuple(data.get("description", ())),
                      date_formats=tuple(data.get("date_formats", ())) or DATE_FORMATS)
