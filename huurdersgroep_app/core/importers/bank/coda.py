"""Belgian CODA (Febelfin's coded statement of account), read with ``febelfin-coda``.

CODA is 128-column records: 0 header, 1 old balance, 2.x movements, 3.x information, 4 free
text, 8 new balance, 9 trailer with totals. The library checks the totals; we feed it the lines
one by one so that whatever it stumbles on is reported with its line. A movement the customer or
the bank grouped (type 1 or 2, e.g. a collective transfer) is booked per detail (type 5 or 6),
like a CAMT batch; a movement with cost details (type 3) stays one line, as on the statement.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import coda as febelfin

from huurdersgroep_app.core.importers.bank.reading import CENT, file_error, read_text, squeeze
from huurdersgroep_app.core.importers.bank.references import compact_iban, find_reference, normalise_reference
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.i18n import N_, _

_RECORDS = {"0": N_("header record (0)"), "1": N_("old balance record (1)"), "2": N_("movement record (2)"),
            "3": N_("information record (3)"), "4": N_("free message record (4)"),
            "8": N_("new balance record (8)"), "9": N_("trailer record (9)")}
_GROUPED = {"1": "5", "2": "6"}  # global movement type → type of its details
_STRUCTURED = {"101", "102"}  # Belgian structured communication (OGM)


def parse_coda(path) -> list[BankStatement]:
    return parse_coda_text(read_text(path))


def parse_coda_text(text: str) -> list[BankStatement]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.strip() and line[0] not in _RECORDS:
            raise file_error(_("'{kind}' is not a CODA record type.").format(kind=line[0]), number)
    feeder = _Feeder(lines)
    try:
        parsed = febelfin.CODA(feeder)
    except Exception:  # the library asserts, or trips over a field it cannot read
        raise _record_error(lines, feeder.line) from None
    if not parsed.statements:
        raise file_error(_("No statement found: a CODA file starts with a header record (0)."), 1)
    movement_lines = _movement_lines(lines)
    trailers = [number for number, line in enumerate(lines, start=1) if line.startswith("9")]
    statements = []
    for index, statement in enumerate(parsed.statements):
        if statement.number_records is None or index >= len(trailers):  # no trailer: the file was cut short
            raise file_error(_("The last statement has no trailer record (9): the file is incomplete."),
                             len(lines))
        _verify_totals(statement, trailers[index])
        statements.append(_statement(statement, movement_lines.get(index, {})))
    return statements


def _verify_totals(statement, line: int) -> None:
    """The trailer's totals against the movements. The library asserts this too, but asserts
    vanish under ``python -O``; a damaged file must be refused either way."""
    amounts = [move.amount for move in statement.moves]
    credit = sum((a for a in amounts if a > 0), Decimal("0"))
    debit = -sum((a for a in amounts if a < 0), Decimal("0"))
    if (credit, debit) != (statement.total_credit, statement.total_debit) or \
            statement.new_balance - statement.old_balance != credit - debit:
        raise file_error(_("the totals do not match the movements of the statement: the file is damaged."),
                         line, _RECORDS["9"])


class _Feeder:
    """The file's records for the library, counting lines as they are read."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.line = 0

    def __iter__(self):
        for number, record in enumerate(self.lines, start=1):
            self.line = number  # kept on the reader so a message can name the line being read
            if record.strip():
                yield record


def _record_error(lines: list[str], number: int):
    record = lines[number - 1] if 0 < number <= len(lines) else ""
    kind = record[:1]
    if kind == "9":
        return file_error(_("the totals do not match the movements of the statement: the file is damaged."),
                          number, _RECORDS["9"])
    if kind == "0" and record[127:128] not in ("2", ""):
        return file_error(_("only CODA version 2 can be read."), number, _RECORDS["0"])
    field = _RECORDS[kind] if kind in _RECORDS else None
    return file_error(_("this CODA record cannot be read."), number, field)


def _movement_lines(lines: list[str]) -> dict[int, dict[tuple[str, str], int]]:
    """(statement index) → (sequence, detail) → line of its movement record 2.1."""
    found: dict[int, dict[tuple[str, str], int]] = {}
    index = -1
    for number, line in enumerate(lines, start=1):
        if line.startswith("0"):
            index += 1
        elif line.startswith("21"):
            found.setdefault(index, {})[(line[2:6], line[6:10])] = number
    return found


def _statement(statement, lines: dict[tuple[str, str], int]) -> BankStatement:
    account = statement.account
    names = _information_names(statement)
    transactions = []
    for move in statement.moves:
        details = [d for d in move.moves if d.transaction_type == _GROUPED.get(move.transaction_type)]
        if details and sum((d.amount for d in details), Decimal("0")) == move.amount:
            for detail in details:
                transactions.append(_transaction(detail, lines, names, parent=move))
        else:
            transactions.append(_transaction(move, lines, names))
    return BankStatement(
        account_iban=compact_iban(account) if statement._account_structure in ("2", "3") else "",
        account_number=account, currency=statement.account_currency or "EUR",
        statement_id=statement.new_sequence or statement.old_sequence or "",
        opening_balance=_money(statement.old_balance), opening_date=_date(statement.old_balance_date),
        closing_balance=_money(statement.new_balance), closing_date=_date(statement.new_balance_date),
        transactions=transactions)


def _transaction(move, lines, names, parent=None) -> BankTransaction:
    structured = move.communication_type in _STRUCTURED
    communication = move.communication or ""
    description = "" if structured else squeeze(communication)
    if not description and parent is not None and parent.communication_type not in _STRUCTURED:
        description = squeeze(parent.communication or "")
    reference = normalise_reference(communication) if structured else find_reference(description)
    name = squeeze(move.counterparty_name or "") or names.get(move.sequence, "")
    bank_reference = squeeze(move.bank_reference or "")
    if parent is not None:
        bank_reference = f"{bank_reference}/{move.detail_sequence}"
    return BankTransaction(
        booking_date=_date(move.entry_date), value_date=_date(move.value_date), amount=_money(move.amount),
        counterparty_name=name, counterparty_iban=compact_iban(move.counterparty_account or ""),
        description=description, structured_reference=reference, bank_reference=bank_reference,
        line=lines.get((move.sequence, move.detail_sequence)))


def _information_names(statement) -> dict[str, str]:
    """Counterparty names that only an information record (3.1, type 001) carries."""
    names: dict[str, str] = {}
    for informations in statement.informations.values():
        for information in informations:
            if information.communication_type == "001" and information.sequence not in names:
                names[information.sequence] = squeeze(information.name)
    return names


def _money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT)


def _date(value) -> date | None:
    return date(value.year, value.month, value.day) if value else None
