"""The bank statements imported so far, per account: which periods are in the books already, so
a treasurer sees at a glance which statement to import next."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Account, BankStatementRecord
from huurdersgroep_app.core.services.finance.common import year_bounds


@dataclass(frozen=True)
class StatementRow:
    id: int
    account_id: int
    account_name: str
    statement_id: str
    opening_date: date | None
    opening_balance: Decimal | None
    closing_date: date | None
    closing_balance: Decimal | None
    transactions: int
    file_name: str
    imported_at: datetime | None


def statement_rows(session: Session, year: int | None = None) -> list[StatementRow]:
    """Imported statements, newest first; with ``year``, those whose closing date lies in it."""
    query = (select(BankStatementRecord, Account.name).join(Account, Account.id == BankStatementRecord.account_id)
             .order_by(BankStatementRecord.closing_date.desc(), BankStatementRecord.id.desc()))
    if year is not None:
        start, end = year_bounds(year)
        query = query.where(BankStatementRecord.closing_date.between(start, end))
    return [StatementRow(r.id, r.account_id, name, r.statement_id, r.opening_date, r.opening_balance, r.closing_date,
                         r.closing_balance, r.transactions, r.file_name, r.imported_at)
            for r, name in session.execute(query)]
