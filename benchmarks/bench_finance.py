"""Benchmark of the money area (issue 5) on a large group: 10 years × 5,000 entries.

Run: ``PYTHONPATH=. python benchmarks/bench_finance.py [--years 10] [--entries 5000] [--import-lines 10000]
[--members N] [--keep DIR]``

Builds the benchmark database (``bigdb``: 10,000 members in 60 complexes) and adds the books by
Core bulk inserts: a cash box and a bank account, ``--entries`` entries a year (one in ten split
over two categories), budgets, a bank statement per month; every year but the last is closed.
Then prints, each next to its target:
- the import of a ``--import-lines`` CAMT.053 file (generated here) into the open year: parsing,
  booking (preview + write + commit), and importing the same file again (adds nothing);
  target ≤ 3 s;
- the financial annual report of the last closed year (PDF); target ≤ 1 s;
- budget vs actual of the open year (the figures alone, and the PDF); target ≤ 1 s;
- the year-closing checks of the open year; target ≤ 1 s;
- for information: the audit pack and the ledger spreadsheet of a 5,000-entry year, balances, and the
  seal check of every closed year (what the check on open and ``huurdersgroep check`` do).
Not a test: timings depend on the machine, so nothing here asserts.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import func, insert, select  # noqa: E402

from bigdb import make_big_db  # noqa: E402
from camt_file import CamtLine, write_camt053  # noqa: E402

from huurdersgroep_app import i18n  # noqa: E402
from huurdersgroep_app.core.db import seal  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.db.models.finance import (BankStatementRecord, Entry, EntryLine, FinancialYear,  # noqa: E402
                                                      OpeningBalance)
from huurdersgroep_app.core.services.finance import accounts, budget, categories  # noqa: E402
from huurdersgroep_app.core.services.finance.balances import account_balances, balance_on  # noqa: E402

IBAN = "BE68 5390 0754 7034"
PARTIES = [(f"Leverancier {n}", f"BE{random.Random(n).randint(10, 99)}{n:014d}") for n in range(1, 120)]
WORDS = ("Zaalhuur", "Koffie", "Kopieën", "Drukwerk bewonersblad", "Vorming", "Lidgeld", "Werkingsmiddelen",
         "Subsidie", "Kantoormateriaal", "Buurtfeest", "Bankkosten", "Verzekering")


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<52} {value:<14} {target}")


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def _entries_for_year(rng: random.Random, year: int, count: int, first_id: int, cash: int, bank: int,
                      income: list[int], expense: list[int]) -> tuple[list[dict], list[dict]]:
    entries, lines = [], []
    for n in range(count):
        entry_id = first_id + n
        money_in = rng.random() < 0.3
        cents = rng.randint(100, 90_000) if money_in else -rng.randint(100, 40_000)
        amount = Decimal(cents) / 100
        name, iban = rng.choice(PARTIES)
        day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        entries.append(dict(id=entry_id, booked_on=day, account_id=bank if rng.random() < 0.8 else cash,
                            amount=amount, counterparty=name, counterparty_iban=iban,
                            description=f"{rng.choice(WORDS)} {day:%m/%Y}", member_id=None, grant_id=None,
                            receipt_number="", structured_reference="", bank_reference="", bank_fingerprint=None))
        pool = income if money_in else expense
        if rng.random() < 0.1 and abs(cents) >= 200:  # a split entry
            part = Decimal(cents // 2) / 100
            lines += [dict(entry_id=entry_id, category_id=rng.choice(pool), amount=part, note=""),
                      dict(entry_id=entry_id, category_id=rng.choice(pool), amount=amount - part, note="")]
        else:
            lines.append(dict(entry_id=entry_id, category_id=rng.choice(pool), amount=amount, note=""))
    return entries, lines


def build_books(path: Path, years: list[int], per_year: int, seed: int, before_closing=None) -> dict:
    """``before_closing(session)``: changes to the books a caller needs while every year is still open."""
    rng = random.Random(seed)
    with Database(path, backup_on_close=False) as db, db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        bank = accounts.add_account(s, "Zichtrekening", "bank", IBAN).id
        cats = categories.list_categories(s)
        income = [c.id for c in cats if c.kind == "income"]
        expense = [c.id for c in cats if c.kind == "expense"]
        s.execute(insert(OpeningBalance.__table__), [
            dict(account_id=cash, year=years[0], amount=Decimal("250.00")),
            dict(account_id=bank, year=years[0], amount=Decimal("5000.00"))])
        next_id = 1
        for year in years:
            entries, lines = _entries_for_year(rng, year, per_year, next_id, cash, bank, income, expense)
            s.execute(insert(Entry.__table__), entries)
            s.execute(insert(EntryLine.__table__), lines)
            next_id += per_year
            for category in rng.sample(income + expense, 12):
                budget.set_budget_line(s, year, category, Decimal(rng.randint(100, 20_000)))
        s.flush()
        # A statement per month whose closing balance is the bank's balance, as after imports.
        records = []
        for year in years:
            for month in range(1, 13):
                last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
                records.append(dict(account_id=bank, statement_id=f"{year}-{month:02d}", opening_date=None,
                                    opening_balance=None, closing_date=last,
                                    closing_balance=balance_on(s, bank, last), transactions=0, file_name=""))
        s.execute(insert(BankStatementRecord.__table__), records)
        if before_closing is not None:
            before_closing(s)
            s.flush()
        # Every year but the last is closed, with the openings the year closing would have written, and sealed.
        for year in years[:-1]:
            for row in account_balances(s, year):
                s.add(OpeningBalance(account_id=row.account_id, year=year + 1, amount=row.closing))
            s.flush()
            seal.seal_year(seal.for_session(s), year, "2000-01-01T00:00:00+00:00")
            s.add(FinancialYear(year=year, status="closed", closed_on=date(year + 1, 2, 1), notes=""))
            s.flush()
    return dict(cash=cash, bank=bank)


def camt_lines(rng: random.Random, year: int, count: int) -> list[CamtLine]:
    found = []
    for n in range(count):
        name, iban = rng.choice(PARTIES)
        cents = rng.randint(100, 90_000) if rng.random() < 0.3 else -rng.randint(100, 40_000)
        found.append(CamtLine(date(year, 1, 1) + timedelta(days=rng.randrange(300)), Decimal(cents) / 100,
                              name, iban, f"{rng.choice(WORDS)} {n}", reference=f"BNK{year}{n:07d}"))
    return sorted(found, key=lambda x: x.booked_on)


def bench_import(db: Database, path: Path, lines: int) -> None:
    from huurdersgroep_app.core.importers.bank import parse_bank_file
    from huurdersgroep_app.core.services.finance.bank_import import import_statements

    started = time.perf_counter()
    statements = parse_bank_file(path)
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    with db.transaction() as s:
        account = accounts.find_account(s, IBAN)
        preview = import_statements(s, account, statements, dry_run=False, file_name=path.name)
    booked = time.perf_counter() - started
    print(f"Bank import of a {lines:,}-line CAMT.053 file ({path.stat().st_size / 1e6:.1f} MB)")
    line("parse the file", seconds(parsed))
    line(f"preview + book {preview.booked:,} lines + commit", seconds(booked))
    line("total", seconds(parsed + booked), "target ≤ 3 s")
    started = time.perf_counter()
    statements = parse_bank_file(path)
    with db.transaction() as s:
        again = import_statements(s, accounts.find_account(s, IBAN), statements, dry_run=False)
    line(f"the same file again ({again.booked} new, {again.duplicates:,} known)",
         seconds(time.perf_counter() - started))


def timed(label: str, target: str, action) -> None:
    started = time.perf_counter()
    result = action()
    extra = f" ({result})" if result is not None else ""
    line(label + extra, seconds(time.perf_counter() - started), target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--import-lines", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the database and documents in this folder")
    args = parser.parse_args()
    i18n.set_language("nl_BE")
    work = Path(tempfile.mkdtemp(prefix="bench-finance-"))
    this_year = date.today().year
    years = list(range(this_year - args.years + 1, this_year + 1))
    path = work / "big.sqlite"
    started = time.perf_counter()
    make_big_db(path, members=args.members, seed=args.seed)
    build_books(path, years, args.entries, args.seed)
    print(f"Finance benchmark — {args.years} years × {args.entries:,} entries, {args.members:,} members, "
          f"{date.today()}; database built in {time.perf_counter() - started:.1f} s")
    camt = write_camt053(work / "statement.xml", IBAN.replace(" ", ""),
                         camt_lines(random.Random(args.seed), this_year, args.import_lines), Decimal("0.00"),
                         f"BENCH-{this_year}")
    from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
    from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
    from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
    from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx
    from huurdersgroep_app.core.services.finance.closing import closing_checks
    from huurdersgroep_app.core.services.finance.figures import budget_vs_actual

    with Database(path, backup_on_close=False) as db:
        bench_import(db, camt, args.import_lines)
        closed = years[-2]
        with db.reading() as s:
            count = s.scalar(select(func.count(Entry.id)))
            print(f"Reports ({count:,} entries in the database)")
            timed(f"financial annual report {closed} (PDF, pages)", "target ≤ 1 s",
                  lambda: write_financial_report(s, work / "financial-report.pdf", closed))
            timed(f"budget vs actual {this_year}, figures only", "target ≤ 1 s",
                  lambda: len(budget_vs_actual(s, this_year).expense))
            timed(f"budget vs actual {this_year} (PDF, pages)", "target ≤ 1 s",
                  lambda: write_budget_vs_actual(s, work / "budget-vs-actual.pdf", this_year))
            timed(f"year-closing checks {this_year} (problems)", "target ≤ 1 s",
                  lambda: len(closing_checks(s, this_year, today=date(this_year + 1, 1, 5)).problems))
            timed(f"balances {closed} (accounts)", "", lambda: len(account_balances(s, closed)))
            timed(f"seal check of the {len(years) - 1} closed years (problems)", "for information",
                  lambda: len(seal.file_seal_problems(path)))
            timed(f"audit pack {closed} (PDF, pages)", "for information",
                  lambda: write_audit_pack(s, work / "audit-pack.pdf", closed))
            timed(f"ledger {closed} as XLSX (rows)", "for information",
                  lambda: write_ledger_xlsx(s, work / "ledger.xlsx", closed))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for file in work.iterdir():
            shutil.copy2(file, args.keep / file.name)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
