"""How each bank writes its CSV export: which column holds what, the date and number format.

A profile is a ``CsvMapping`` with a name and a way to recognise the file: the column names of
its header line (``signature``), or, for the banks that export without a header line (ABN AMRO's
TAB file, Triodos, ASN/SNS), the shape of a data row (``row_shape``: column → pattern). The same
``CsvMapping`` is what a user fills in for any other bank (the generic mapping).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

Column = str | int  # a header name (matched without regard to case) or a 0-based position
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y%m%d", "%d/%m/%y", "%d-%m-%y")


@dataclass(frozen=True)
class CsvMapping:
    date: Column  # booking date
    amount: Column | None = None  # signed, or unsigned with ``direction``
    debit: Column | None = None  # or two unsigned columns, money out and money in
    credit: Column | None = None
    direction: Column | None = None  # 'Af'/'Bij', 'Debet'/'Credit', 'D'/'C'
    value_date: Column | None = None
    counterparty_name: Column | None = None
    counterparty_iban: Column | None = None
    description: tuple[Column, ...] = ()  # joined with spaces
    description_fallback: tuple[Column, ...] = ()  # used when ``description`` is empty
    structured_reference: Column | None = None
    bank_reference: tuple[Column, ...] = ()  # joined with '/'
    account: Column | None = None  # the group's own account, when the file names it
    currency: Column | None = None
    balance_after: Column | None = None  # lets us give the statement its balances
    balance_before: Column | None = None
    status: Column | None = None
    rejected: frozenset[str] = frozenset({"geweigerd", "refusé", "refuse", "rejected", "geannuleerd"})
    date_formats: tuple[str, ...] = DATE_FORMATS
    decimal: str = ""  # ',' or '.'; '' = guess per amount as people type them
    delimiter: str | None = None  # None = found from the header line
    header: bool = True
    free_text_details: bool = False  # the description is MT940-style :86: text (ABN AMRO)
    name: str = ""
    signature: frozenset[str] = field(default=frozenset(), compare=False)
    row_shape: tuple[tuple[int, str], ...] = field(default=(), compare=False)

    def matches_row(self, row: list[str]) -> bool:
        return bool(self.row_shape) and all(
            index < len(row) and re.fullmatch(pattern, row[index].strip()) for index, pattern in self.row_shape)


def _names(*names: str) -> frozenset[str]:
    return frozenset(name.lower() for name in names)


_DMY, _YMD8, _NUMBER_COMMA = r"\d{2}-\d{2}-\d{4}", r"\d{8}", r"[+-]?[\d.]*\d(,\d+)?"

PROFILES: tuple[CsvMapping, ...] = (
    # Belgium
    CsvMapping(name="KBC", date="Datum", value_date="Valuta", amount="Bedrag", currency="Munt",
               account="Rekeningnummer", counterparty_name="Naam tegenpartij",
               counterparty_iban="rekeningnummer tegenpartij", description=("Vrije mededeling",),
               description_fallback=("Omschrijving",), structured_reference="gestructureerde mededeling",
               bank_reference=("Afschriftnummer",), balance_after="Saldo", decimal=",",
               signature=_names("Rekeningnummer", "Afschriftnummer", "Datum", "Bedrag",
                                "gestructureerde mededeling")),
    CsvMapping(name="BNP Paribas Fortis", date="Uitvoeringsdatum", value_date="Valutadatum", amount="Bedrag",
               currency="Valuta rekening", account="Rekeningnummer", counterparty_name="Naam van de tegenpartij",
               counterparty_iban="Tegenpartij", description=("Mededeling",), description_fallback=("Details",),
               bank_reference=("Volgnummer",), status="Status", decimal=",",
               signature=_names("Volgnummer", "Uitvoeringsdatum", "Valutadatum", "Bedrag",
                                "Naam van de tegenpartij")),
    CsvMapping(name="Belfius", date="Boekingsdatum", value_date="Valutadatum", amount="Bedrag", currency="Devies",
               account="Rekening", counterparty_name="Naam tegenpartij bevat",
               counterparty_iban="Rekening tegenpartij", description=("Mededelingen",),
               description_fallback=("Transactie",),
               bank_reference=("Rekeninguittrekselnummer", "Transactienummer"), decimal=",",
               signature=_names("Boekingsdatum", "Rekeninguittrekselnummer", "Transactienummer",
                                "Rekening tegenpartij", "Bedrag")),
    CsvMapping(name="ING België", date="Boekingsdatum", value_date="Valutadatum", amount="Bedrag",
               currency="Munteenheid", account="Rekeningnummer", counterparty_iban="Rekening tegenpartij",
               description=("Bericht",), description_fallback=("Omschrijving", "Detail van de omzet"),
               bank_reference=("Omzetnummer",), decimal=",",
               signature=_names("Rekeningnummer", "Naam van de rekening", "Rekening tegenpartij", "Omzetnummer",
                                "Boekingsdatum")),
    CsvMapping(name="Argenta", date="Boekdatum", value_date="Valuta datum", amount="Bedrag", currency="Munt",
               account="Nr v/d rekening", counterparty_name="Naam tegenpartij",
               counterparty_iban="Rekening tegenpartij", description=("Mededeling",),
               description_fallback=("Beschrijving",), bank_reference=("Referentie",), decimal=",",
               signature=_names("Nr v/d rekening", "Boekdatum", "Referentie", "Naam tegenpartij", "Mededeling")),
    # The Netherlands
    CsvMapping(name="ING", date="Datum", amount="Bedrag (EUR)", direction="Af Bij", account="Rekening",
               counterparty_name="Naam / Omschrijving", counterparty_iban="Tegenrekening",
               description=("Mededelingen",), balance_after="Saldo na mutatie", date_formats=("%Y%m%d", "%d-%m-%Y"),
               decimal=",", signature=_names("Datum", "Naam / Omschrijving", "Af Bij", "Bedrag (EUR)")),
    CsvMapping(name="Rabobank", date="Datum", value_date="Rentedatum", amount="Bedrag", currency="Munt",
               account="IBAN/BBAN", counterparty_name="Naam tegenpartij",
               counterparty_iban="Tegenrekening IBAN/BBAN", structured_reference="Betalingskenmerk",
               description=("Omschrijving-1", "Omschrijving-2", "Omschrijving-3"), bank_reference=("Volgnr",),
               balance_after="Saldo na trn", date_formats=("%Y-%m-%d", "%d-%m-%Y"), decimal=",",
               signature=_names("IBAN/BBAN", "Volgnr", "Datum", "Bedrag", "Naam tegenpartij", "Omschrijving-1")),
    CsvMapping(name="ABN AMRO", date="Transactiedatum", value_date="Rentedatum", amount="Transactiebedrag",
               currency="Muntsoort", account="Rekeningnummer", description=("Omschrijving",),
               balance_before="Beginsaldo", balance_after="Eindsaldo", free_text_details=True,
               date_formats=("%Y%m%d", "%d-%m-%Y"), decimal=",",
               signature=_names("Rekeningnummer", "Muntsoort", "Transactiedatum", "Transactiebedrag",
                                "Omschrijving")),
    # ABN AMRO's TAB file has no header: account, currency, date, balance before, balance after,
    # value date, amount, description.
    CsvMapping(name="ABN AMRO (TAB)", header=False, delimiter="\t", account=0, currency=1, date=2,
               balance_before=3, balance_after=4, value_date=5, amount=6, description=(7,),
               free_text_details=True, date_formats=("%Y%m%d",), decimal=",",
               row_shape=((0, r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}|\d{7,10}"), (1, r"[A-Z]{3}"), (2, _YMD8),
                          (5, _YMD8), (6, _NUMBER_COMMA))),
    # Triodos: date, own account, amount, Debet/Credit, name, counterparty account, code,
    # description[, balance after].
    CsvMapping(name="Triodos", header=False, date=0, account=1, amount=2, direction=3, counterparty_name=4,
               counterparty_iban=5, description=(7,), balance_after=8, date_formats=("%d-%m-%Y",), decimal=",",
               row_shape=((0, _DMY), (2, r"[\d.]*\d(,\d+)?"), (3, r"(?i)debet|credit"))),
    # ASN Bank, SNS and RegioBank (de Volksbank) share one 19-column layout without a header.
    CsvMapping(name="ASN / SNS", header=False, delimiter=",", date=0, account=1, counterparty_iban=2,
               counterparty_name=3, balance_before=8, currency=9, amount=10, value_date=12,
               bank_reference=(15,), structured_reference=16, description=(17,), date_formats=("%d-%m-%Y",),
               decimal=".",
               row_shape=((0, _DMY), (7, r"[A-Z]{3}"), (8, r"-?\d+(\.\d+)?"), (9, r"[A-Z]{3}"),
                          (10, r"[+-]?\d+(\.\d+)?"), (11, _DMY))),
)
