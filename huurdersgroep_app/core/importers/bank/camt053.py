"""ISO 20022 CAMT.053 (bank-to-customer statement), the XML every Belgian and Dutch bank offers.

Read with the standard library: ``xml.etree`` builds the tree (fast, in C) and a second pass of
``pyexpat`` gives every element its line, so messages and booked lines can say where they stand.
The element names we read are the same in versions .001.02 to .001.08 (and later); where a
version moved something (a party's name under ``Pty`` since .04, a detail's own ``Amt`` since
.03) both places are looked at.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from xml.parsers import expat

from huurdersgroep_app.core.importers.bank.reading import file_error, parse_iso_date, plain_amount, read_bytes
from huurdersgroep_app.core.importers.bank.references import compact_iban, find_reference, normalise_reference
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.i18n import _

NAMESPACE = re.compile(r"urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$")
_INCOMPLETE = {expat.errors.codes[name] for name in (
    expat.errors.XML_ERROR_NO_ELEMENTS, expat.errors.XML_ERROR_UNCLOSED_TOKEN,
    expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION)}
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
    reader = _Reader(dict(zip(elements, _start_lines(data))))
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


def _start_lines(data: bytes) -> list[int]:
    """The line of every element's start tag, in document order (the order of ``iter()``)."""
    parser = expat.ParserCreate()
    lines: list[int] = []
    append = lines.append
    parser.StartElementHandler = lambda name, attributes: append(parser.CurrentLineNumber)
    parser.Parse(data, True)
    return lines


def _text(element: ET.Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


class _Reader:
    def __init__(self, lines: dict[ET.Element, int]):
        self.lines = lines

    def line(self, element: ET.Element) -> int | None:
        return self.lines.get(element)

    def statement(self, stmt: ET.Element) -> BankStatement:
        account = stmt.find("Acct")
        iban = compact_iban(_text(account, "Id/IBAN"))
        statement = BankStatement(account_iban=iban,
                                  account_number=_text(account, "Id/IBAN") or _text(account, "Id/Othr/Id"),
                                  currency=_text(account, "Ccy") or "EUR",
                                  statement_id=_text(stmt, "Id") or _text(stmt, "ElctrncSeqNb"))
        for balance in stmt.iterfind("Bal"):
            code = _text(balance, "Tp/CdOrPrtry/Cd") or _text(balance, "Tp/CdOrPrtry/Prtry")
            if code in _OPENING and (statement.opening_balance is None or code == "OPBD"):
                statement.opening_balance, statement.opening_date = self._balance(balance)
            elif code in _CLOSING and statement.closing_balance is None:
                statement.closing_balance, statement.closing_date = self._balance(balance)
        for entry in stmt.iterfind("Ntry"):
            statement.transactions.extend(self.entry(entry))
        return statement

    def _balance(self, balance: ET.Element):
        amount, currency = self._signed(balance, _("balance"))
        when = _text(balance, "Dt/Dt") or _text(balance, "Dt/DtTm")
        return amount, (parse_iso_date(when, self.line(balance), _("balance date")) if when else None)

    def _signed(self, element: ET.Element, field: str, default_sign: str = "") -> tuple[Decimal, str]:
        """The amount with its sign: CRDT is money in, DBIT money out."""
        amount_element = element.find("Amt")
        if amount_element is None:
            raise file_error(_("the amount is missing."), self.line(element), field)
        value = plain_amount(amount_element.text or "", self.line(amount_element), field)
        indicator_element = element.find("CdtDbtInd")
        indicator = _text(element, "CdtDbtInd") or default_sign
        if indicator not in ("CRDT", "DBIT"):
            where = indicator_element if indicator_element is not None else element
            raise file_error(_("'{value}' is neither CRDT (credit) nor DBIT (debit).").format(value=indicator),
                             self.line(where), _("credit/debit"))
        return (value if indicator == "CRDT" else -value), amount_element.get("Ccy", "EUR")

    def entry(self, entry: ET.Element) -> list[BankTransaction]:
        status = _text(entry, "Sts/Cd") or _text(entry, "Sts")
        if status and status != "BOOK":  # pending and information-only lines are not on the books
            return []
        line = self.line(entry)
        amount, currency = self._signed(entry, _("amount"))
        reversal = _text(entry, "RvslInd").lower() in ("true", "1")
        booked = _text(entry, "BookgDt/Dt") or _text(entry, "BookgDt/DtTm")
        valued = _text(entry, "ValDt/Dt") or _text(entry, "ValDt/DtTm")
        if not (booked or valued):
            raise file_error(_("the entry has no booking date."), line, _("booking date"))
        common = dict(booking_date=parse_iso_date(booked or valued, line, _("booking date")),
                      value_date=parse_iso_date(valued, line, _("value date")) if valued else None,
                      currency=currency)
        reference = _text(entry, "AcctSvcrRef") or _text(entry, "NtryRef")
        fallback_text = _text(entry, "AddtlNtryInf")
        details = entry.findall("NtryDtls/TxDtls")
        sign = "CRDT" if amount > 0 else "DBIT"
        parts = [self._detail_amount(detail, sign) for detail in details]
        if len(details) > 1 and None not in parts and sum(parts, Decimal("0")) == amount:
            # A batch: one line on the statement, several payments behind it; each is booked on its own.
            return [BankTransaction(amount=part, line=self.line(detail), **common,
                                    bank_reference=_text(detail, "Refs/AcctSvcrRef") or (
                                        f"{reference}/{index}" if reference else ""),
                                    **self._detail_fields(detail, part, reversal, fallback_text))
                    for index, (detail, part) in enumerate(zip(details, parts), start=1)]
        fields = self._detail_fields(details[0] if details else None, amount, reversal, fallback_text)
        if len(details) > 1:  # the parts do not add up: keep the statement's line, tell all it holds
            texts = [self._detail_fields(d, amount, reversal, "")["description"] for d in details]
            fields["description"] = " | ".join(t for t in texts if t) or fallback_text
        return [BankTransaction(amount=amount, line=line, bank_reference=reference, **common, **fields)]

    def _detail_amount(self, detail: ET.Element, sign: str) -> Decimal | None:
        # .03 and later: Amt and CdtDbtInd on the detail; .02: only AmtDtls/TxAmt/Amt, the entry's sign.
        holder = detail if detail.find("Amt") is not None else detail.find("AmtDtls/TxAmt")
        return None if holder is None else self._signed(holder, _("amount"), sign)[0]

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
        lines = [(e.text or "").strip() for e in remittance.iterfind("Ustrd")] if remittance is not None else []
        if remittance is not None:
            lines += [_text(s, "AddtlRmtInf") for s in remittance.iterfind("Strd")]
        description = " ".join(line for line in lines if line) or _text(detail, "AddtlTxInf") or fallback_text
        structured = ""
        if remittance is not None:
            structured = next((normalise_reference(ref.text or "")
                               for ref in remittance.iterfind("Strd/CdtrRefInf/Ref") if (ref.text or "").strip()), "")
        return dict(counterparty_name=name, counterparty_iban=iban, description=description,
                    structured_reference=structured or find_reference(description))


def _party(parties: ET.Element | None, role: str) -> tuple[str, str]:
    if parties is None:
        return "", ""
    name = _text(parties, f"{role}/Nm") or _text(parties, f"{role}/Pty/Nm")
    account = _text(parties, f"{role}Acct/Id/IBAN") or _text(parties, f"{role}Acct/Id/Othr/Id")
    return " ".join(name.split()), compact_iban(account)
