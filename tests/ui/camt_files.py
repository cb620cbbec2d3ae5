"""Small CAMT.053 (camt.053.001.02) statements written by the tests, following the ISO 20022
message definition: one statement per account with opening (OPBD) and closing (CLBD) balances."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Line:
    day: date
    amount: Decimal  # + money in, − money out
    name: str
    iban: str = ""
    text: str = ""
    reference: str = ""  # a structured reference (+++…+++)


def _balance(code: str, amount: Decimal, day: date) -> str:
    sign = "CRDT" if amount >= 0 else "DBIT"
    return (f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">{abs(amount):.2f}</Amt>"
            f"<CdtDbtInd>{sign}</CdtDbtInd><Dt><Dt>{day.isoformat()}</Dt></Dt></Bal>")


def _entry(number: int, line: Line) -> str:
    incoming = line.amount > 0
    party, account = ("Dbtr", "DbtrAcct") if incoming else ("Cdtr", "CdtrAcct")
    remittance = (f"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp>"
                  f"<Ref>{line.reference}</Ref></CdtrRefInf></Strd>" if line.reference
                  else f"<Ustrd>{escape(line.text)}</Ustrd>")
    iban = f"<{account}><Id><IBAN>{line.iban}</IBAN></Id></{account}>" if line.iban else ""
    return (f"<Ntry><NtryRef>{number}</NtryRef><Amt Ccy=\"EUR\">{abs(line.amount):.2f}</Amt>"
            f"<CdtDbtInd>{'CRDT' if incoming else 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>"
            f"<BookgDt><Dt>{line.day.isoformat()}</Dt></BookgDt><ValDt><Dt>{line.day.isoformat()}</Dt></ValDt>"
            f"<AcctSvcrRef>REF{line.day:%Y%m%d}{number:03d}</AcctSvcrRef>"
            f"<NtryDtls><TxDtls><Amt Ccy=\"EUR\">{abs(line.amount):.2f}</Amt>"
            f"<CdtDbtInd>{'CRDT' if incoming else 'DBIT'}</CdtDbtInd>"
            f"<RltdPties><{party}><Nm>{escape(line.name)}</Nm></{party}>{iban}</RltdPties>"
            f"<RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>")


def write_camt(path: Path, iban: str, opening: Decimal, lines: list[Line], closing: Decimal | None = None,
               statement_id: str = "STMT-1") -> Path:
    """One statement; ``closing`` defaults to opening + the lines (give another to make a mismatch)."""
    first, last = min(x.day for x in lines), max(x.day for x in lines)
    closing = opening + sum((x.amount for x in lines), Decimal("0")) if closing is None else closing
    body = "".join(_entry(n, line) for n, line in enumerate(lines, start=1))
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
        f"<GrpHdr><MsgId>MSG-{statement_id}</MsgId><CreDtTm>{last.isoformat()}T06:00:00</CreDtTm></GrpHdr>"
        f"<Stmt><Id>{statement_id}</Id><CreDtTm>{last.isoformat()}T06:00:00</CreDtTm>"
        f"<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>"
        f"{_balance('OPBD', opening, first)}{_balance('CLBD', closing, last)}{body}"
        "</Stmt></BkToCstmrStmt></Document>\n", encoding="utf-8")
    return path
