"""How long reading a 10,000-entry CAMT.053 file takes (the bank import's target is ≤ 3 s for the
whole import, so parsing must leave most of that to booking). Also times detect_format, and the
same number of lines as MT940 and as a KBC CSV for comparison.

Run: PYTHONPATH=. python benchmarks/bench_bank.py [ENTRIES]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from huurdersgroep_app.core.importers.bank import detect_format, parse_bank_file

NAMES = ["Françoise Dupré", "Jan Peeters", "Els Van den Broeck", "Ahmed El Amrani", "Zoë Geërts",
         "Drukkerij Hélène & Zoë bv", "Brasserie Ça Va", "Zaalverhuur Sint-Joris vzw", "Gemeente Gent"]


def _iban(rng: random.Random) -> str:
    account = f"{rng.randint(0, 9_999_999_999):010d}"
    bban = account + f"{int(account) % 97 or 97:02d}"
    check = 98 - int(bban + "111400") % 97
    return f"BE{check:02d}{bban}"


def _ogm(n: int) -> str:
    base = f"{n:010d}"
    return base + f"{int(base) % 97 or 97:02d}"


def write_camt(path: Path, entries: int, seed: int = 7) -> Decimal:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    parts, total = [], Decimal("0")
    for i in range(entries):
        cents = rng.randint(100, 250_000)
        credit = rng.random() < 0.45
        amount = Decimal(cents).scaleb(-2)
        total += amount if credit else -amount
        day = (start + timedelta(days=i * 365 // entries)).isoformat()
        role = "Dbtr" if credit else "Cdtr"
        remittance = (f"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp>"
                      f"<Ref>+++{_ogm(i)[:3]}/{_ogm(i)[3:7]}/{_ogm(i)[7:]}+++</Ref></CdtrRefInf></Strd>"
                      if credit and i % 3 == 0 else f"<Ustrd>Factuur {2024000 + i} – kopieën en drank</Ustrd>")
        parts.append(f"""
      <Ntry>
        <Amt Ccy="EUR">{amount}</Amt>
        <CdtDbtInd>{"CRDT" if credit else "DBIT"}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>{day}</Dt></BookgDt>
        <ValDt><Dt>{day}</Dt></ValDt>
        <AcctSvcrRef>BENCH{i:08d}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>E2E-{i}</EndToEndId></Refs>
            <Amt Ccy="EUR">{amount}</Amt>
            <CdtDbtInd>{"CRDT" if credit else "DBIT"}</CdtDbtInd>
            <RltdPties>
              <{role}><Pty><Nm>{rng.choice(NAMES).replace("&", "&amp;")}</Nm></Pty></{role}>
              <{role}Acct><Id><IBAN>{_iban(rng)}</IBAN></Id></{role}Acct>
            </RltdPties>
            <RmtInf>{remittance}</RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>""")
    opening = Decimal("100000.00")
    closing = opening + total
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2025-01-01T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>BENCH-2024</Id>
      <CreDtTm>2025-01-01T06:00:00</CreDtTm>
      <Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{opening}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{abs(closing)}</Amt>
        <CdtDbtInd>{"CRDT" if closing >= 0 else "DBIT"}</CdtDbtInd><Dt><Dt>2024-12-31</Dt></Dt></Bal>{"".join(parts)}
    </Stmt>
  </BkToCstmrStmt>
</Document>
""", encoding="utf-8")
    return total


def write_mt940(path: Path, entries: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    lines = [":20:BENCH", ":25:NL71RABO0123456789", ":28C:1", ":60F:C240101EUR100000,00"]
    total = Decimal("100000.00")
    for i in range(entries):
        amount = Decimal(rng.randint(100, 250_000)).scaleb(-2)
        credit = rng.random() < 0.45
        total += amount if credit else -amount
        lines += [f":61:240101{'C' if credit else 'D'}{str(amount).replace('.', ',')}N102EREF", _iban(rng),
                  f":86:/EREF/E2E-{i}/NAME/{rng.choice(NAMES)}/REMI/Factuur {2024000 + i}"]
    lines.append(f":62F:{'C' if total >= 0 else 'D'}241231EUR{str(abs(total)).replace('.', ',')}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_kbc(path: Path, entries: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    rows = ["Rekeningnummer;Rubrieknaam;Naam;Munt;Afschriftnummer;Datum;Omschrijving;Valuta;Bedrag;Saldo;credit;"
            "debet;rekeningnummer tegenpartij;BIC tegenpartij;Naam tegenpartij;Adres tegenpartij;"
            "gestructureerde mededeling;Vrije mededeling"]
    for i in range(entries):
        amount = f"{'-' if rng.random() < 0.55 else ''}{rng.randint(1, 2500)},{rng.randint(0, 99):02d}"
        rows.append(f"BE68 5390 0754 7034;Zicht;De Linde;EUR;{i // 50};{1 + i % 28:02d}/03/2024;Overschrijving;"
                    f"{1 + i % 28:02d}/03/2024;{amount};;;;{_iban(rng)};;{rng.choice(NAMES)};;;Factuur {i}")
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))


def timed(label: str, action):
    t0 = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - t0:6.3f} s")
    return result


def main(entries: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        camt, mt940, kbc = Path(folder) / "camt.xml", Path(folder) / "mt940.sta", Path(folder) / "kbc.csv"
        write_camt(camt, entries)
        write_mt940(mt940, entries)
        write_kbc(kbc, entries)
        print(f"{entries:,} entries; CAMT.053 file {camt.stat().st_size / 1e6:.1f} MB")
        timed("detect_format (CAMT.053)", lambda: detect_format(camt))
        (statement,) = timed("parse_bank_file CAMT.053 (detect + parse)", lambda: parse_bank_file(camt))
        assert len(statement.transactions) == entries and statement.balance_mismatch() is None
        timed("parse_bank_file MT940", lambda: parse_bank_file(mt940))
        timed("parse_bank_file KBC CSV", lambda: parse_bank_file(kbc))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
