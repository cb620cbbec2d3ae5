"""The ledger of a year: every entry line in date order with a running number per year (the
number the kascommissie refers to), for the audit pack and the spreadsheet export."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import Account, Category, Entry, EntryLine, Receipt
from huurdersgroep_app.core.db.models.finance_plans import Funder, Grant
from huurdersgroep_app.core.services.finance.categories import label
from huurdersgroep_app.core.services.finance.common import year_bounds


@dataclass(frozen=True)
class LedgerLine:
    number: int  # running number of the entry in the year
    entry_id: int
    booked_on: date
    account: str
    counterparty: str
    description: str
    category: str
    kind: str  # income | expense | '' (not categorised)
    amount: Decimal  # the line's signed amount
    entry_amount: Decimal
    member: str
    grant: str
    receipt_number: str
    receipts: int
    structured_reference: str = ""  # as the bank gave it; the audit committee checks it against the dues


def entry_numbers(session: Session, year: int) -> dict[int, int]:
    start, end = year_bounds(year)
    ids = session.scalars(select(Entry.id).where(Entry.booked_on.between(start, end))
                          .order_by(Entry.booked_on, Entry.id))
    return {entry_id: n for n, entry_id in enumerate(ids, start=1)}


def ledger_lines(session: Session, year: int) -> list[LedgerLine]:
    start, end = year_bounds(year)
    categories = {c.id: c for c in session.scalars(select(Category))}
    grants = {g: f"{f} {y}" for g, f, y in session.execute(select(Grant.id, Funder.name, Grant.year).join(Funder))}
    receipts = dict(session.execute(select(Receipt.entry_id, func.count()).join(Entry).where(
        Entry.booked_on.between(start, end)).group_by(Receipt.entry_id)).all())
    rows = session.execute(
        select(Entry.id, Entry.booked_on, Account.name, Entry.counterparty, Entry.description, EntryLine.category_id,
               EntryLine.amount, Entry.amount, Member.first_name, Member.last_name, Entry.grant_id,
               Entry.receipt_number, Entry.structured_reference)
        .join(Account, Account.id == Entry.account_id).join(EntryLine, EntryLine.entry_id == Entry.id)
        .outerjoin(Member, Member.id == Entry.member_id)
        .where(Entry.booked_on.between(start, end)).order_by(Entry.booked_on, Entry.id, EntryLine.id))
    result, numbers = [], {}
    for (entry_id, booked_on, account, counterparty, description, category_id, amount, entry_amount, first, last,
         grant_id, receipt_number, reference) in rows:
        number = numbers.setdefault(entry_id, len(numbers) + 1)
        category = categories.get(category_id)
        result.append(LedgerLine(number, entry_id, booked_on, account, counterparty, description, label(category),
                                 category.kind if category else "", amount, entry_amount,
                                 f"{first or ''} {last or ''}".strip(), grants.get(grant_id, ""), receipt_number,
                                 receipts.get(entry_id, 0), reference or ""))
    return result
