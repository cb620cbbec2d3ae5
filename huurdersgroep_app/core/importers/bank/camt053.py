"""ISO 20022 CAMT.053 (bank-to-customer statement), the XML every Belgian and Dutch bank offers.

Read with the standard library: ``xml.etree`` builds the tree (fast, in C) and a second pass of
``pyexpat`` gives every element its line, so messages and booked lines can say where they stand.
The element names we read are the same in versions .001.02 to .001.08 (and later); where a
version moved something (a party's name under ``Pty`` since .04, a detail's own ``Amt`` since
.03) both places are looked at.
"""
from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from xml.parsers import expat

from huurdersgroep_app.core.importers.bank.reading import CENT, file_error, parse_iso_date, read_bytes
from huurdersgroep_app.core.importers.bank.references import compact_iban, find_reference, normalise_reference
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.i18n import N_, _

NAMESPACE = re.compile(r"urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$")
_INCOMPLETE = {expat.errors.codes[name] for name in (
    expat.errors.XML_ERROR_NO_ELEMENTS, expat.errors.XML_ERROR_UNCLOSED_TOKEN,
    expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION)}
_AMOUNT = re.compile(r"\d{1,18}(\.\d{1,5})?")
_OPENING = ("OPBD", "PRCD")  # opening booked; else the previous statement's closing booked
_CLOSING = ("CLBD",)


def parse_camt053(path) -> list[BankStatement]:
    return parse_camt053_bytes(read_bytes(path))


def parse_camt053_bytes(data: bytes) -> list[BankStatement]:
    root = _parse_xml(data)
    version = NAMESPACE.match(root.tag[1:].partition("}")[0]) if root.tag.startswith("{") else None
    if version is None or int(version.group(1)) < 2:
        raise file_error(_("This XML file is not a CAMT.053 bank statement."), 1)
    elements = list(root.iter())
    for element in elements:  # one spelling of the paths for every version
        element.tag = element.tag.rpartition("}")[2]
    reader = _Reader(_Lines(data, elements))
    statements = [reader.statement(stmt) for stmt in root.iterfind("BkToCstmrStmt/Stmt")]
    if not statements:
        raise file_error(_("The file contains no statement."), reader.line(root))
    return statements


def _parse_xml(data: bytes) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        line = error.position[0]
        if error.code in _INCOMPLETE:
            raise file_error(_("The file stops in the middle: it is incomplete or damaged."), line) from None
        reason = re.sub(r":\s*line \d+, column \d+$", "", str(error))
        raise file_error(_("The XML is damaged ({reason}).").format(reason=reason), line) from None


class _Lines:
    """The line of an element's start tag. Those of statements, balances, entries and details are
    found by a quick search of the raw bytes (checked against the tree: a comment holding such a
    tag makes the counts differ, and then it is not used); any other element, which only an error
    message asks for, through a full second pass of ``pyexpat``."""

    _QUICK = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(Stmt|Bal|Ntry|TxDtls)(?=[\s/>])")

    def __init__(self, data: bytes, elements: list[ET.Element]):
        self.data, self.elements = data, elements
        self.every: dict[ET.Element, int] | None = None
        wanted = [e for e in elements if e.tag in ("Stmt", "Bal", "Ntry", "TxDtls")]
        found = list(self._QUICK.finditer(data))
        self.quick: dict[ET.Element, int] = {}
        if len(found) == len(wanted) and all(m.group(1).decode() == e.tag for m, e in zip(found, wanted, strict=True)):
            line, position = 1, 0
            for match, element in zip(found, wanted, strict=True):
                line += data.count(b"\n", position, match.start())
                position = match.start()
                self.quick[element] = line

    def __call__(self, element: ET.Element) -> int | None:
        if element in self.quick:
            return self.quick[element]
        if self.every is None:
            self.every = dict(zip(self.elements, _start_lines(self.data), strict=False))
        return self.every.get(element)


def _start_lines(data: bytes) -> list[int]:
    """The line of every element's start tag, in document order (the order of ``iter()``)."""
    parser = expat.ParserCreate()
    lines: list[int] = []
    append = lines.append
    parser.StartElementHandler = lambda name, attributes: append(parser.CurrentLineNumber)
    parser.Parse(data, True)
    return lines


@functools.lru_cache(maxsize=None)
def _steps(path: str) -> tuple[str, ...]:
    return tuple(path.split("/"))


def _find(element: ET.Element | None, path: str) -> ET.Element | None:
    """``element.find(path)`` one step at a time: a plain tag name stays in C, a path with '/'
    goes through ElementPath in Python, which made reading 10,000 entries twice as slow."""
    for step in _steps(path):
        if element is None:
            return None
        element = element.find(step)
    return element


def _text(element: ET.Element | None, path: str) -> str:
    found = _find(element, path)
    return (found.text or "").strip() if found is not None else ""


class _Reader:
    def __init__(self, lines: _Lines):
        self.line = lines

    def statement(self, stmt: ET.Element) -> BankStatement:
        account = stmt.find("Acct")
        iban = compact_iban(_text(account, "Id/IBAN"))
        statement = BankStatement(account_iban=iban,
                                  account_number=_text(account, "Id/IBAN") or _text(account, "Id/Othr/Id"),
                                  currency=_text(account, "Ccy") or "EUR",
                                  statement_id=_text(stmt, "Id") or _text(stmt, "ElctrncSeqNb"))
        for balance in stmt.findall("Bal"):
            code = _text(balance, "Tp/CdOrPrtry/Cd") or _text(balance, "Tp/CdOrPrtry/Prtry")
            if code in _OPENING and (statement.opening_balance is None or code == "OPBD"):
                statement.opening_balance, statement.opening_date = self._balance(balance)
            elif code in _CLOSING and statement.closing_balance is None:
                statement.closing_balance, statement.closing_date = self._balance(balance)
        for entry in stmt.findall("Ntry"):
            statement.transactions.extend(self.entry(entry))
        return statement

    def _balance(self, balance: ET.Element):
        amount, currency = self._signed(balance, N_("balance"))
        when = _text(balance, "Dt/Dt") or _text(balance, "Dt/DtTm")
        return amount, (parse_iso_date(when, self.line(balance), N_("balance date")) if when else None)

    def _signed(self, element: ET.Element, field: str, default_sign: str = "") -> tuple[Decimal, str]:
        """The amount with its sign: CRDT is money in, DBIT money out."""
        amount_element = element.find("Amt")
        if amount_element is None:
            raise file_error(_("the amount is missing."), self.line(element), field)
        text = (amount_element.text or "").strip()
        # exact to the cent or refused; the line is looked up only now, as it costs a second pass
        if not _AMOUNT.fullmatch(text) or Decimal(text) != Decimal(text).quantize(CENT):
            raise file_error(_("'{value}' is not an amount.").format(value=text), self.line(amount_element), field)
        value = Decimal(text).quantize(CENT)
        indicator_element = element.find("CdtDbtInd")
        indicator = _text(element, "CdtDbtInd") or default_sign
        if indicator not in ("CRDT", "DBIT"):
            where = indicator_element if indicator_element is not None else element
            raise file_error(_("'{value}' is neither CRDT (credit) nor DBIT (debit).").format(value=indicator),
                             self.line(where), N_("credit/debit"))
        return (value if indicator == "CRDT" else -value), amount_element.get("Ccy", "EUR")

    def entry(self, entry: ET.Element) -> list[BankTransaction]:
        status = _text(entry, "Sts/Cd") or _text(entry, "Sts")
        if status and status != "BOOK":  # pending and information-only lines are not on the books
            return []
        line = self.line(entry)
        amount, currency = self._signed(entry, N_("amount"))
        reversal = _text(entry, "RvslInd").lower() in ("true", "1")
        booked = _text(entry, "BookgDt/Dt") or _text(entry, "BookgDt/DtTm")
        valued = _text(entry, "ValDt/Dt") or _text(entry, "ValDt/DtTm")
        if not (booked or valued):
            raise file_error(_("the entry has no booking date."), line, N_("booking date"))
        common = dict(booking_date=parse_iso_date(booked or valued, line, N_("booking date")),
                      value_date=parse_iso_date(valued, line, N_("value date")) if valued else None,
                      currency=currency)
        reference = _text(entry, "AcctSvcrRef") or _text(entry, "NtryRef")
        fallback_text = _text(entry, "AddtlNtryInf")
        details = [d for block in entry.findall("NtryDtls") for d in block.findall("TxDtls")]
        sign = "CRDT" if amount > 0 else "DBIT"
        parts = [self._detail_amount(detail, sign) for detail in details]
        if len(details) > 1 and None not in parts and sum(parts, Decimal("0")) == amount:
            # A batch: one line on the statement, several payments behind it; each is booked on its own.
            return [BankTransaction(amount=part, line=self.line(detail), **common,
                                    bank_reference=_text(detail, "Refs/AcctSvcrRef") or (
                                        f"{reference}/{index}" if reference else ""),
                                    **self._detail_fields(detail, part, reversal, fallback_text))
                    for index, (detail, part) in enumerate(zip(details, parts, strict=True), start=1)]
        fields = self._detail_fields(details[0] if details else None, amount, reversal, fallback_text)
        if len(details) > 1:  # the parts do not add up: keep the statement's line, tell all it holds
            texts = [self._detail_fields(d, amount, reversal, "")["description"] for d in details]
            fields["description"] = " | ".join(t for t in texts if t) or fallback_text
        return [BankTransaction(amount=amount, line=line, bank_reference=reference, **common, **fields)]

    def _detail_amount(self, detail: ET.Element, sign: str) -> Decimal | None:
        # .03 and later: Amt and CdtDbtInd on the detail; .02: only AmtDtls/TxAmt/Amt, the entry's sign.
        holder = detail if detail.find("Amt") is not None else _find(detail, "AmtDtls/TxAmt")
        return None if holder is None else self._signed(holder, N_("amount"), sign)[0]

    def _detail_fields(self, detail: ET.Element | None, amount: Decimal, reversal: bool, fallback_text: str):
        """Counterparty and remittance of one payment. The counterparty of money in is the
        debtor; a reversal turns that round, as it undoes a payment the other way."""
        if detail is None:
            return dict(description=fallback_text, structured_reference=find_reference(fallback_text))
        parties = detail.find("RltdPties")
        first, second = ("Dbtr", "Cdtr") if (amount > 0) != reversal else ("Cdtr", "Dbtr")
        name, iban = _party(parties, first)
        if not (name or iban):
            name, iban = _party(parties, second)
        remittance = detail.find("RmtInf")
        structured_parts = remittance.findall("Strd") if remittance is not None else []
        lines = [(e.text or "").strip() for e in remittance.findall("Ustrd")] if remittance is not None else []
        lines += [_text(part, "AddtlRmtInf") for part in structured_parts]
        description = " ".join(line for line in lines if line) or _text(detail, "AddtlTxInf") or fallback_text
        structured = next((normalise_reference(reference) for reference in
                           (_text(part, "CdtrRefInf/Ref") for part in structured_parts) if reference), "")
        return dict(counterparty_name=name, counterparty_iban=iban, description=description,
                    structured_reference=structured or find_reference(description))


def _party(parties: ET.Element | None, role: str) -> tuple[str, str]:
    if parties is None:
        return "", ""
    name = _text(parties, f"{role}/Nm") or _text(parties, f"{role}/Pty/Nm")
    account = _text(parties, f"{role}Acct/Id/IBAN") or _text(parties, f"{role}Acct/Id/Othr/Id")
    return " ".join(name.split()), compact_iban(account)
