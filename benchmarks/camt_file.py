"""Write a CAMT.053.001.02 bank statement file, as a bank would, for the finance benchmark and tests.

    write_camt053(path, iban, lines, opening=Decimal('0'), statement_id='...')

``lines`` are ``CamtLine``s; amounts are signed Decimals (+ in, − out). The statement's opening and
closing balances (PRCD/CLBD) are written so that they agree with the lines unless ``closing`` is
given (to make a file whose balances do not match).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class CamtLine:
    booked_on: date
    amount: Decimal
    name: str = ""
    iban: str = ""
    text: str = ""
    structured: str = ""  # 12 digits of a Belgian structured reference
    reference: str = ""  # the bank's own reference (AcctSvcrRef)


def _entry(line: CamtLine, number: int) -> str:
    credit = line.amount > 0
    party, account = ("Dbtr", "DbtrAcct") if credit else ("Cdtr", "CdtrAcct")
    remittance = (f"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp>"
                  f"<Ref>{line.structured}</Ref></CdtrRefInf></Strd>" if line.structured
                  else f"<Ustrd>{escape(line.text)}</Ustrd>")
    iban = f"<{account}><Id><IBAN>{line.iban}</IBAN></Id></{account}>" if line.iban else ""
    return (f"<Ntry><NtryRef>{number}</NtryRef><Amt Ccy=\"EUR\">{abs(line.amount):.2f}</Amt>"
            f"<CdtDbtInd>{'CRDT' if credit else 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>"
            f"<BookgDt><Dt>{line.booked_on.isoformat()}</Dt></BookgDt>"
            f"<ValDt><Dt>{line.booked_on.isoformat()}</Dt></ValDt>"
            f"<AcctSvcrRef>{escape(line.reference or f'REF{number:08d}')}</AcctSvcrRef>"
            f"<NtryDtls><TxDtls><Amt Ccy=\"EUR\">{abs(line.amount):.2f}</Amt>"
            f"<CdtDbtInd>{'CRDT' if credit else 'DBIT'}</CdtDbtInd>"
            f"<RltdPties><{party}><Nm>{escape(line.name)}</Nm></{party}>{iban}</RltdPties>"
            f"<RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>")


def _balance(code: str, amount: Decimal, day: date) -> str:
    return (f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{abs(amount):.2f}</Amt>"
            f"<CdtDbtInd>{'CRDT' if amount >= 0 else 'DBIT'}</CdtDbtInd><Dt><Dt>{day.isoformat()}</Dt></Dt></Bal>")


def camt053_text(iban: str, lines: list[CamtLine], opening: Decimal = Decimal("0.00"),
                 statement_id: str = "STMT-1", closing: Decimal | None = None) -> str:
    first = min((line.booked_on for line in lines), default=date.today())
    last = max((line.booked_on for line in lines), default=first)
    closing = opening + sum((line.amount for line in lines), Decimal("0.00")) if closing is None else closing
    entries = "".join(_entry(line, n) for n, line in enumerate(lines, start=1))
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
            f"<GrpHdr><MsgId>{escape(statement_id)}</MsgId><CreDtTm>{last.isoformat()}T06:00:00</CreDtTm></GrpHdr>"
            f"<Stmt><Id>{escape(statement_id)}</Id><CreDtTm>{last.isoformat()}T06:00:00</CreDtTm>"
            f"<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>"
            f"{_balance('PRCD', opening, first)}{_balance('CLBD', closing, last)}{entries}"
            "</Stmt></BkToCstmrStmt></Document>")


def write_camt053(path: Path, iban: str, lines: list[CamtLine], opening: Decimal = Decimal("0.00"),
                  statement_id: str = "STMT-1", closing: Decimal | None = None) -> Path:
    Path(path).write_text(camt053_text(iban, lines, opening, statement_id, closing), encoding="utf-8")
    return Path(path)
