"""The rows behind the entries table: filter by period, account, category and text.

Text matching is case- and accent-insensitive ('cafe' finds 'Café') and done on one folded text
per row, which stays fast for tens of thousands of entries.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import Account, Category, Entry, EntryLine, Receipt
from huurdersgroep_app.core.services.finance.categories import label
from huurdersgroep_app.core.services.names import fold

UNCATEGORISED = 0  # category filter value: entries with a line not yet in a category


@dataclass
class EntryFilter:
    start: date | None = None
    end: date | None = None
    account_id: int | None = None
    category_id: int | None = None  # UNCATEGORISED for lines without a category
    text: str = ""
    member_id: int | None = None
    grant_id: int | None = None


@dataclass(frozen=True)
class EntryRow:
    id: int
    booked_on: date
    account_id: int
    account_name: str
    amount: Decimal
    counterparty: str
    description: str
    categories: str  # the line categories' labels, joined
    category_ids: tuple[int | None, ...]
    receipts: int
    receipt_number: str
    member_id: int | None
    member_name: str
    grant_id: int | None
    from_bank: bool

    @property
    def split(self) -> bool:
        return len(self.category_ids) > 1

    @property
    def categorised(self) -> bool:
        return None not in self.category_ids


def search_text(row: EntryRow) -> str:
    """The folded text a search matches against; a table model computes it once per row and then
    filters on every keystroke without touching the database."""
    return fold(" ".join((row.counterparty, row.description, row.receipt_number, row.categories, row.member_name,
                          str(row.amount))))


def _query(flt: EntryFilter):
    query = select(Entry.id, Entry.booked_on, Entry.account_id, Account.name, Entry.amount, Entry.counterparty,
                   Entry.description, Entry.receipt_number, Entry.member_id, Entry.grant_id,
                   Entry.bank_fingerprint.is_not(None)).join(Account, Account.id == Entry.account_id)
    if flt.start:
        query = query.where(Entry.booked_on >= flt.start)
    if flt.end:
        query = query.where(Entry.booked_on <= flt.end)
    if flt.account_id:
        query = query.where(Entry.account_id == flt.account_id)
    if flt.member_id:
        query = query.where(Entry.member_id == flt.member_id)
    if flt.grant_id:
        query = query.where(Entry.grant_id == flt.grant_id)
    if flt.category_id == UNCATEGORISED:
        query = query.where(exists().where(EntryLine.entry_id == Entry.id, EntryLine.category_id.is_(None)))
    elif flt.category_id:
        query = query.where(exists().where(EntryLine.entry_id == Entry.id, EntryLine.category_id == flt.category_id))
    return query.order_by(Entry.booked_on, Entry.id)


def search_entries(session: Session, flt: EntryFilter | None = None) -> list[EntryRow]:
    flt = flt or EntryFilter()
    found = session.execute(_query(flt)).all()
    if not found:
        return []
    ids = [r[0] for r in found]
    low, high = min(ids), max(ids)  # a range scan beats a huge IN list
    labels = {c.id: label(c) for c in session.scalars(select(Category))}
    lines: dict[int, list[int | None]] = defaultdict(list)
    for entry_id, category_id in session.execute(
            select(EntryLine.entry_id, EntryLine.category_id).where(EntryLine.entry_id.between(low, high))
            .order_by(EntryLine.id)):
        lines[entry_id].append(category_id)
    receipts = dict(session.execute(select(Receipt.entry_id, func.count()).where(
        Receipt.entry_id.between(low, high)).group_by(Receipt.entry_id)).all())
    member_ids = {r[8] for r in found if r[8]}
    members = {m.id: m.full_name for m in session.scalars(select(Member).where(Member.id.in_(member_ids)))} \
        if member_ids else {}
    needle = fold(flt.text.strip())
    rows = []
    for (entry_id, booked_on, account_id, account_name, amount, counterparty, description, receipt_number,
         member_id, grant_id, from_bank) in found:
        category_ids = tuple(lines.get(entry_id, ()))
        shown = "; ".join(dict.fromkeys(labels.get(c, "") if c else label(None) for c in category_ids))
        row = EntryRow(entry_id, booked_on, account_id, account_name, amount, counterparty, description, shown,
                       category_ids, receipts.get(entry_id, 0), receipt_number, member_id,
                       members.get(member_id, ""), grant_id, bool(from_bank))
        if not needle or needle in search_text(row):
            rows.append(row)
    return rows
