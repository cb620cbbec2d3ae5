"""MT940 (SWIFT customer statement), the older export of Dutch banks, read with ``mt-940``.

The library knows the banks' layouts; we cut the file into statements ourselves (at each ``:20:``)
so every statement keeps its own balances and every line its line number, check each tag with the
library's own patterns first so a broken line is named, and turn its output into the neutral
``BankStatement``. Balances that do not add up are kept as they are: ``balance_mismatch()`` says
by how much, the import does not stop for it.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import mt940

from huurdersgroep_app.core.importers.bank.mt940_details import counterparty_iban, read_details
from huurdersgroep_app.core.importers.bank.reading import CENT, file_error, read_text
from huurdersgroep_app.core.importers.bank.references import compact_iban
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.i18n import N_, _

_TAG = re.compile(r"^:(?P<tag>\d{2}|NS)(?P<sub>[A-Z])?:")
_CHECKED = {60, 61, 62, 64, 65}  # tags whose content we check line by line before parsing
_FIELD_NAMES = {60: N_("opening balance"), 61: N_("statement line"), 62: N_("closing balance"),
                64: N_("available balance"), 65: N_("forward available balance")}
_OPTIONS = mt940.Options.all()  # the fixes the next release switches on: reversal signs, BOM, long :86:


def parse_mt940(path) -> list[BankStatement]:
    return parse_mt940_text(read_text(path))


def parse_mt940_text(text: str) -> list[BankStatement]:
    blocks = _blocks(text)
    if not blocks:
        raise file_error(_("No statement found: an MT940 statement starts with a ':20:' line."))
    return [_statement(start, lines) for start, lines in blocks]


def _blocks(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """The statements, each a list of (line number, line); what stands between a statement's end
    ('-') and the next ':20:' (bank headers like 'ABNANL2A', ':940:') is left out. Trailing spaces
    are kept: in a wrapped :86: they tell where a word ended."""
    blocks: list[tuple[int, list[tuple[int, str]]]] = []
    ended = True
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line.startswith(":20:"):
            blocks.append((number, []))
            ended = False
        if ended or not line.strip() or line.startswith("{"):
            continue
        if line.strip() in ("-", "-}"):
            ended = True
            continue
        blocks[-1][1].append((number, line))
    return blocks


def _tags(lines: list[tuple[int, str]]):
    """(line number, tag number, full tag, content) for every tag; content spans continuation lines."""
    found: list[list] = []
    for number, line in lines:
        match = _TAG.match(line)
        if match:
            tag = int(match["tag"]) if match["tag"].isdigit() else match["tag"]
            found.append([number, tag, match["tag"] + (match["sub"] or ""), line[match.end():]])
        elif found:
            found[-1][3] += "\n" + line
    return found


def _check(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Run the library's own pattern on each balance and statement line, so a bad one is named
    with its line. Return, for every :61: in order, its line and the raw :86: that follows it."""
    probe = mt940.models.Transactions(options=_OPTIONS)
    statement_lines: list[list] = []
    previous = None
    for number, tag_id, full_tag, content in _tags(lines):
        if tag_id == 86 and previous == 61:  # an :86: after :62F: describes the statement, not a line
            statement_lines[-1][1] = content
        previous = tag_id
        if tag_id not in _CHECKED:
            continue
        tag = probe.tags.get(full_tag) or probe.tags.get(tag_id)
        field = _FIELD_NAMES[tag_id]
        first_line = content.split("\n")[0].strip()
        try:  # the content as the library will see it: lines without trailing spaces
            parsed = tag.parse(probe, "\n".join(part.rstrip() for part in content.split("\n")).strip())
            tag(probe, dict(parsed))
        except Exception:  # the library raises RuntimeError, ValueError, InvalidOperation …
            raise file_error(_("':{tag}:{content}' cannot be read.").format(tag=full_tag, content=first_line),
                             number, field) from None
        amount = parsed.get("amount") or ","
        # SWIFT amounts always have a decimal comma; more than two decimals cannot be exact to the cent
        if "," not in amount or len(amount.partition(",")[2]) > 2:
            raise file_error(_("the amount in ':{tag}:{content}' is not written as SWIFT writes amounts "
                               "(with a decimal comma, to the cent).").format(tag=full_tag, content=first_line),
                             number, field)
        if tag_id == 61:
            statement_lines.append([number, ""])
    return [(number, details) for number, details in statement_lines]


def _statement(start: int, lines: list[tuple[int, str]]) -> BankStatement:
    statement_lines = _check(lines)
    collection = mt940.models.Transactions(options=_OPTIONS)
    try:
        collection.parse("\n".join(line for _number, line in lines))
    except Exception:
        raise file_error(_("This statement cannot be read as MT940."), start) from None
    data = collection.data
    opening = data.get("final_opening_balance") or data.get("intermediate_opening_balance") or \
        data.get("opening_balance")
    closing = data.get("final_closing_balance") or data.get("intermediate_closing_balance") or \
        data.get("closing_balance")
    if opening is None:
        raise file_error(_("The statement has no opening balance (:60F:)."), start)
    if closing is None:  # a statement without its end is a file cut short: nothing is imported
        raise file_error(_("The statement has no closing balance (:62F:): the file is incomplete."), start)
    if len(statement_lines) != len(collection):
        raise file_error(_("This statement cannot be read as MT940."), start)
    account = (data.get("account_identification") or "").strip()
    currency = opening.amount.currency or "EUR"
    return BankStatement(
        account_iban=_account_iban(account), account_number=account, currency=currency,
        statement_id=_statement_id(data),
        opening_balance=_money(opening.amount.amount), opening_date=_date(opening.date),
        closing_balance=_money(closing.amount.amount), closing_date=_date(closing.date),
        transactions=[_transaction(t.data, line, raw_details, currency)
                      for t, (line, raw_details) in zip(collection, statement_lines, strict=True)])


def _transaction(data: dict, line: int, raw_details: str, currency: str) -> BankTransaction:
    details = read_details(raw_details)
    value_date = _date(data["date"])
    bank_reference = (data.get("bank_reference") or "").strip()
    return BankTransaction(
        booking_date=_date(data.get("entry_date") or data["date"]), value_date=value_date,
        amount=_money(data["amount"].amount), currency=data["amount"].currency or currency,
        counterparty_name=details.counterparty_name,
        counterparty_iban=counterparty_iban(details, data.get("extra_details") or ""),
        description=details.description, structured_reference=details.structured_reference,
        bank_reference="" if bank_reference.upper() == "NONREF" else bank_reference, line=line)


def _account_iban(account: str) -> str:
    """':25:NL71RABO0123456789', ':25:NL71RABO0123456789 EUR', ':25:NL20INGB0001234567EUR',
    ':25:INGBNL2A/NL20INGB0001234567' → the IBAN; '517852257' or 'TRIODOSBANK/0390123456' → ''."""
    for candidate in (account.split(" ")[0], account.rpartition("/")[2]):
        iban = compact_iban(candidate)
        if not iban and candidate[-3:].isalpha():
            iban = compact_iban(candidate[:-3])
        if iban:
            return iban
    return ""


def _statement_id(data: dict) -> str:
    number, sequence = data.get("statement_number") or "", data.get("sequence_number") or ""
    if number.strip("0"):
        return f"{number}/{sequence}" if sequence else number
    return (data.get("transaction_reference") or "").strip()


def _money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT)


def _date(value) -> date:
    return date(value.year, value.month, value.day)
