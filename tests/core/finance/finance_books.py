"""Test helpers: a small set of books to work on, and independent sums straight from SQL rows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from huurdersgroep_app.core.db import seal
from huurdersgroep_app.core.db.models.finance import Entry, FinancialYear
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.core.services.finance import accounts, categories, entries

BANK_IBAN = "BE68 5390 0754 7034"
D = Decimal


@dataclass
class Books:
    db: object
    cash: int
    bank: int
    cat: dict[str, int]

    def entry(self, day: date, amount, code: str | None, account: str = "bank", **extra) -> int:
        with self.db.transaction() as s:
            return entries.add_entry(s, entries.EntryInput(day, getattr(self, account), amount,
                                                           self.cat[code] if code else None, **extra)).id

    def close(self, year: int) -> None:
        """Seal a year and mark it closed directly (the closing checks have their own tests)."""
        with self.db.transaction() as s:
            if s.get(FinancialYear, year) is None:
                s.add(FinancialYear(year=year, status="open", notes=""))
                s.flush()
            seal.seal_year(seal.for_session(s), year, "2000-01-01T00:00:00+00:00")
            s.get(FinancialYear, year).status = "closed"
            s.get(FinancialYear, year).closed_on = date(year + 1, 1, 15)

    def count(self, model=Entry) -> int:
        with self.db.reading() as s:
            return len(s.scalars(select(model.id)).all())


def make_books(db) -> Books:
    with db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        bank = accounts.add_account(s, "Bank", "bank", BANK_IBAN).id
        cat = {c.code: c.id for c in categories.list_categories(s)}
    return Books(db, cash, bank, cat)


def tx(day: date, amount: str, name: str = "", iban: str = "", text: str = "", ref: str = "",
       bank_ref: str = "", line: int | None = None) -> BankTransaction:
    return BankTransaction(booking_date=day, amount=D(amount), counterparty_name=name, counterparty_iban=iban,
                           description=text, structured_reference=ref, bank_reference=bank_ref, line=line)


def statement(*transactions: BankTransaction, opening: str | None = "100.00", closing: str | None = None,
              iban: str = "BE68539007547034", statement_id: str = "S1") -> BankStatement:
    opened = D(opening) if opening is not None else None
    if closing is None and opened is not None:
        closed = opened + sum((t.amount for t in transactions), D("0"))
    else:
        closed = D(closing) if closing is not None else None
    last = max((t.booking_date for t in transactions), default=None)
    return BankStatement(account_iban=iban, statement_id=statement_id, opening_balance=opened,
                         closing_balance=closed, closing_date=last, transactions=list(transactions))
