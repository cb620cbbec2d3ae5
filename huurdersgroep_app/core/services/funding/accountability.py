"""The accountability per grant: what was received, what was spent per category (the entries
charged to the grant), which spending falls outside the grant's eligible categories, the
receipts index (which charged expenses lack a receipt), and the balance to carry over or pay
back — or the overspending that needs the funder's consent.

Amounts spent are positive (a refund charged to the grant lowers its category). Ineligible
spending is shown but not counted against the grant: the funder would not accept it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Category, Entry, EntryLine, Receipt
from huurdersgroep_app.core.db.models.finance_plans import Funder, Grant
from huurdersgroep_app.core.services.finance.categories import label
from huurdersgroep_app.core.services.finance.ledger import entry_numbers
from huurdersgroep_app.core.services.funding.grants import Payment, eligible_category_ids, payments

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CategorySpending:
    category_id: int | None
    label: str
    amount: Decimal  # spent, positive
    eligible: bool


@dataclass(frozen=True)
class ReceiptLine:
    entry_id: int
    number: int | None  # the entry's running number in the ledger of its year
    booked_on: date
    counterparty: str
    description: str
    amount: Decimal  # spent, positive
    receipt_number: str
    receipts: int
    needs_receipt: bool

    @property
    def missing(self) -> bool:
        return self.needs_receipt and not self.receipts


@dataclass
class GrantAccount:
    grant_id: int
    funder_id: int
    funder: str
    year: int
    reference: str
    granted: Decimal
    status: str
    deadline: date | None
    accounted_on: date | None
    payments: list[Payment] = field(default_factory=list)
    spending: list[CategorySpending] = field(default_factory=list)
    receipts: list[ReceiptLine] = field(default_factory=list)
    restricted: bool = False  # the grant names eligible categories

    @property
    def received(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def spent_eligible(self) -> Decimal:
        return sum((s.amount for s in self.spending if s.eligible), ZERO)

    @property
    def spent_ineligible(self) -> Decimal:
        return sum((s.amount for s in self.spending if not s.eligible), ZERO)

    @property
    def balance(self) -> Decimal:
        """Received minus the eligible spending: to carry over or pay back (negative: overspent)."""
        return self.received - self.spent_eligible

    @property
    def overspent(self) -> Decimal:
        """Eligible spending beyond the granted amount: needs the funder's consent."""
        return max(self.spent_eligible - self.granted, ZERO)

    @property
    def missing_receipts(self) -> list[ReceiptLine]:
        return [r for r in self.receipts if r.missing]


def grant_account(session: Session, grant: Grant, numbers: dict[int, int] | None = None) -> GrantAccount:
    eligible = set(eligible_category_ids(session, grant.id))
    account = GrantAccount(grant.id, grant.funder_id, grant.funder.name, grant.year, grant.reference, grant.amount,
                           grant.status, grant.deadline, grant.accounted_on, payments(session, grant.id),
                           restricted=bool(eligible))
    spent: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    categories = {c.id: c for c in session.scalars(select(Category))}
    for category_id, amount in session.execute(
            select(EntryLine.category_id, func.sum(EntryLine.amount)).join(Entry, Entry.id == EntryLine.entry_id)
            .where(Entry.grant_id == grant.id, Entry.amount < 0).group_by(EntryLine.category_id)):
        spent[category_id] -= amount
    for category_id, amount in sorted(spent.items(), key=lambda kv: label(categories.get(kv[0]))):
        if amount:
            ok = category_id is not None and (not eligible or category_id in eligible)
            account.spending.append(CategorySpending(category_id, label(categories.get(category_id)), amount, ok))
    numbers = entry_numbers(session, grant.year) if numbers is None else numbers
    receipts = dict(session.execute(select(Receipt.entry_id, func.count(Receipt.id)).join(Entry)
                                    .where(Entry.grant_id == grant.id).group_by(Receipt.entry_id)).all())
    needing = set(session.scalars(select(EntryLine.entry_id).join(Entry, Entry.id == EntryLine.entry_id)
                                  .join(Category, Category.id == EntryLine.category_id)
                                  .where(Entry.grant_id == grant.id, Category.needs_receipt.is_(True))))
    for entry in session.scalars(select(Entry).where(Entry.grant_id == grant.id, Entry.amount < 0)
                                 .order_by(Entry.booked_on, Entry.id)):
        account.receipts.append(ReceiptLine(entry.id, numbers.get(entry.id), entry.booked_on, entry.counterparty,
                                            entry.description, -entry.amount, entry.receipt_number,
                                            receipts.get(entry.id, 0), entry.id in needing))
    return account


def grant_accounts(session: Session, year: int, funder_id: int | None = None) -> list[GrantAccount]:
    """Every grant of ``year`` (of one funder, if given), by funder name."""
    query = select(Grant).join(Funder, Funder.id == Grant.funder_id).where(Grant.year == year)
    if funder_id is not None:
        query = query.where(Grant.funder_id == funder_id)
    numbers = entry_numbers(session, year)
    return [grant_account(session, g, numbers) for g in session.scalars(query.order_by(Funder.name, Grant.id))]
