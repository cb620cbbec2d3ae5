"""Bank CSV exports: the bank is recognised from its header line (or, for banks that write none,
from the shape of a row) and read with its profile; any other bank with a ``CsvMapping`` the user
fills in. Amounts are read by the profile's decimal sign, strictly: '12,5x' is an error that names
its line, never a guess."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from huurdersgroep_app.core.amounts import AmountError, parse_amount
from huurdersgroep_app.core.importers.bank.csv_profiles import PROFILES, CsvMapping
from huurdersgroep_app.core.importers.limits import record_problem
from huurdersgroep_app.core.importers.bank.mt940_details import read_details
from huurdersgroep_app.core.importers.bank.reading import file_error, parse_date_format, read_text, squeeze
from huurdersgroep_app.core.importers.bank.references import compact_iban, find_reference, normalise_reference
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.i18n import N_, _

_DELIMITERS = (";", ",", "\t")
_HEADER_SEARCH = 30  # Belfius writes a dozen lines about the selection before its header
_OUT = {"af", "debet", "debit", "d", "dt", "-", "uit"}
_IN = {"bij", "credit", "c", "cr", "+", "in"}


@dataclass
class _Layout:
    mapping: CsvMapping
    delimiter: str
    first_data: int  # index of the first data record
    columns: dict[str, int]  # header name (lower case) → position


def parse_csv(path, mapping: CsvMapping | dict | None = None) -> list[BankStatement]:
    return parse_csv_text(read_text(path), mapping)


def detect_profile(text: str) -> CsvMapping | None:
    """The bank profile that fits this file, or None."""
    layout = _find_profile(text)
    return layout.mapping if layout else None


def parse_csv_text(text: str, mapping: CsvMapping | dict | None = None) -> list[BankStatement]:
    if isinstance(mapping, dict):
        mapping = CsvMapping(**mapping)
    if mapping is not None and mapping.amount is None and mapping.debit is None and mapping.credit is None:
        raise file_error(_("Choose the column with the amount (or the columns with money out and money in)."))
    layout = _find_profile(text) if mapping is None else _locate(text, mapping)
    if layout is None:
        raise file_error(_("The columns of this CSV file are not those of a bank we know ({banks}). "
                           "Choose which column holds what.").format(banks=", ".join(p.name for p in PROFILES)))
    records = _records(text, layout.delimiter)[layout.first_data:]
    reader = _RowReader(layout)
    rows = [reader.read(line, cells) for line, cells in records if any(cell.strip() for cell in cells)]
    rows = [row for row in rows if row is not None]
    if not rows:
        raise file_error(_("The file contains no transactions."))
    return _statements(rows)


def _records(text: str, delimiter: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """(first line of the record, cells); a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, previous = [], 0
    try:
        for cells in reader:
            problem = record_problem(cells)
            if problem:
                raise file_error(problem, previous + 1)
            records.append((previous + 1, cells))
            previous = reader.line_num
            if limit is not None and len(records) >= limit:
                break
    except csv.Error as error:
        raise file_error(_("this line cannot be read as CSV ({reason}).").format(reason=error),
                         reader.line_num) from None
    return records


def _find_profile(text: str) -> _Layout | None:
    for delimiter in _DELIMITERS:
        try:
            records = _records(text, delimiter, _HEADER_SEARCH)
        except Exception:
            continue
        for index, (_line, cells) in enumerate(records):
            names = {cell.strip().lower(): position for position, cell in enumerate(cells)}
            for profile in PROFILES:
                if profile.signature and profile.signature <= names.keys():
                    return _Layout(profile, delimiter, index + 1, names)
        first = next((cells for _line, cells in records if any(c.strip() for c in cells)), None)
        for profile in PROFILES:
            if first and profile.delimiter in (None, delimiter) and profile.matches_row(first):
                return _Layout(profile, delimiter, 0, {})
    return None


def _locate(text: str, mapping: CsvMapping) -> _Layout:
    """Where the data starts for a mapping the user gave: after the line that holds its column names."""
    delimiter = mapping.delimiter or _guess_delimiter(text)
    if not mapping.header:
        return _Layout(mapping, delimiter, 0, {})
    wanted = {column.lower() for column in _columns(mapping) if isinstance(column, str)}
    for index, (_line, cells) in enumerate(_records(text, delimiter, _HEADER_SEARCH)):
        names = {cell.strip().lower(): position for position, cell in enumerate(cells)}
        if wanted <= names.keys():
            return _Layout(mapping, delimiter, index + 1, names)
    raise file_error(_("No header line with the columns {columns} was found.").format(
        columns=", ".join(sorted(wanted))), 1)


def _guess_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(_DELIMITERS, key=first.count)


def _columns(mapping: CsvMapping):
    single = (mapping.date, mapping.amount, mapping.debit, mapping.credit, mapping.direction, mapping.value_date,
              mapping.counterparty_name, mapping.counterparty_iban, mapping.structured_reference, mapping.account,
              mapping.currency, mapping.balance_after, mapping.balance_before, mapping.status)
    return [c for c in (*single, *mapping.description, *mapping.description_fallback, *mapping.bank_reference)
            if c is not None]


@dataclass
class _Row:
    account: str
    transaction: BankTransaction
    before: Decimal | None
    after: Decimal | None


class _RowReader:
    def __init__(self, layout: _Layout):
        self.mapping = layout.mapping
        self.columns = layout.columns

    def cell(self, cells: list[str], column) -> str:
        if column is None:
            return ""
        position = column if isinstance(column, int) else self.columns.get(column.lower())
        if position is None or position >= len(cells):
            return ""
        value = cells[position].strip()
        if len(value) > 1 and value[0] == value[-1] == "'":  # ASN quotes its texts with '…'
            value = value[1:-1].strip()
        return value

    def money(self, text: str, line: int, field: str) -> Decimal:
        """The profile's decimal sign when it has one, else the interface language's notation; a
        minus before or after the number, never rounded (the parser of every amount, core.amounts)."""
        try:
            return parse_amount(text, decimal=self.mapping.decimal or None)
        except AmountError as error:
            raise file_error(error.message, line, field) from None

    def read(self, line: int, cells: list[str]) -> _Row | None:
        m, get = self.mapping, (lambda column: self.cell(cells, column))
        if m.status is not None and get(m.status).lower() in m.rejected:
            return None  # a refused payment never left the account
        booked = parse_date_format(get(m.date), m.date_formats, line, N_("date"))
        value_text = get(m.value_date)
        valued = parse_date_format(value_text, m.date_formats, line, N_("value date")) if value_text else None
        amount = self.amount(get, line)
        description = squeeze(" ".join(get(c) for c in m.description if get(c))) or \
            squeeze(" ".join(get(c) for c in m.description_fallback if get(c)))
        name, iban = squeeze(get(m.counterparty_name)), compact_iban(get(m.counterparty_iban))
        reference = normalise_reference(get(m.structured_reference))
        if m.free_text_details:
            details = read_details(description)
            name, iban = name or details.counterparty_name, iban or compact_iban(details.counterparty_account)
            description, reference = details.description, reference or details.structured_reference
        before_text, after_text = get(m.balance_before), get(m.balance_after)
        return _Row(account=get(m.account), transaction=BankTransaction(
            booking_date=booked, value_date=valued, amount=amount, currency=get(m.currency) or "EUR",
            counterparty_name=name, counterparty_iban=iban, description=description,
            structured_reference=reference or find_reference(description),
            bank_reference="/".join(get(c) for c in m.bank_reference if get(c)), line=line),
            before=self.money(before_text, line, N_("balance")) if before_text else None,
            after=self.money(after_text, line, N_("balance")) if after_text else None)

    def amount(self, get, line: int) -> Decimal:
        m = self.mapping
        if m.amount is not None:
            text = get(m.amount)
            if not text:
                raise file_error(_("the amount is missing."), line, N_("amount"))
            value = self.money(text, line, N_("amount"))
            if m.direction is None:
                return value
            direction = get(m.direction).lower()
            if direction not in _OUT | _IN:
                raise file_error(_("'{value}' says neither money in nor money out.").format(
                    value=get(m.direction)), line, N_("credit/debit"))
            return -abs(value) if direction in _OUT else abs(value)
        debit, credit = get(m.debit), get(m.credit)
        if not (debit or credit):
            raise file_error(_("the amount is missing."), line, N_("amount"))
        if credit and self.money(credit, line, N_("credit")):
            return abs(self.money(credit, line, N_("credit")))
        return -abs(self.money(debit or "0", line, N_("debit")))


def _statements(rows: list[_Row]) -> list[BankStatement]:
    """One statement per account in the file, in the order they first appear."""
    groups: dict[str, list[_Row]] = {}
    for row in rows:
        groups.setdefault(row.account, []).append(row)
    statements = []
    for account, group in groups.items():
        statement = BankStatement(account_iban=compact_iban(account), account_number=account,
                                  currency=group[0].transaction.currency,
                                  transactions=[row.transaction for row in group])
        _balances(statement, group)
        statements.append(statement)
    return statements


def _balances(statement: BankStatement, group: list[_Row]) -> None:
    """Opening and closing balance from the per-line balances, when the file has them and they
    chain (oldest first or newest first); otherwise the statement has no balances to check."""
    pairs = []
    for row in group:
        amount = row.transaction.amount
        before = row.before if row.before is not None else (row.after - amount if row.after is not None else None)
        after = row.after if row.after is not None else (before + amount if before is not None else None)
        if before is None or after is None:
            return
        pairs.append((before, after, row.transaction.booking_date))
    if all(pairs[i][0] == pairs[i - 1][1] for i in range(1, len(pairs))):
        first, last = pairs[0], pairs[-1]
    elif all(pairs[i][0] == pairs[i + 1][1] for i in range(len(pairs) - 1)):
        first, last = pairs[-1], pairs[0]
    else:
        return
    statement.opening_balance, statement.opening_date = first[0], first[2]
    statement.closing_balance, statement.closing_date = last[1], last[2]
