"""The one definition of income and expenses, used by every report, page and document.

Income is what came in on the income categories, expenses what went out on the expense
categories, each **netted**: a credit note — a refund received on an expense category, or money
paid back on an income category — lowers its own category instead of counting as income (or
expense) of its own. What was netted is kept per category (``netted``), so a report can say so.
Lines not in a category yet are neither: they are kept apart, signed (``uncategorised``).

Per account the same split holds: opening + income − expenses + not categorised + transfers =
closing (``balances.account_balances``), so the balances table of a report and its result agree.
"""
from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Category, Entry, EntryLine
from huurdersgroep_app.core.services.finance.common import ZERO


@dataclass
class CategoryResult:
    """One category's money of a period, in the category's own direction (both positive)."""
    kind: str  # income | expense
    gross: Decimal = ZERO  # received on an income category, spent on an expense category
    netted: Decimal = ZERO  # the credit notes: money in the other direction, deducted from gross

    @property
    def actual(self) -> Decimal:
        return self.gross - self.netted


@dataclass
class AccountResult:
    income: Decimal = ZERO
    expense: Decimal = ZERO
    uncategorised: Decimal = ZERO  # signed

    @property
    def result(self) -> Decimal:
        return self.income - self.expense + self.uncategorised


@dataclass
class MoneyResults:
    categories: dict[int, CategoryResult] = field(default_factory=dict)
    accounts: dict[int, AccountResult] = field(default_factory=lambda: defaultdict(AccountResult))
    uncategorised: Decimal = ZERO  # signed

    def total(self, kind: str) -> Decimal:
        return sum((r.actual for r in self.categories.values() if r.kind == kind), ZERO)

    @property
    def result(self) -> Decimal:
        return self.total("income") - self.total("expense") + self.uncategorised


def _zero(amount: Decimal) -> Decimal:
    """Never '-0.00'."""
    return amount if amount else ZERO


# {(session, start, end): MoneyResults} while ``reused_results()`` is open; None otherwise.
_REUSED: ContextVar[dict | None] = ContextVar("finance_reused_results", default=None)


@contextmanager
def reused_results():
    """Inside, ``money_results`` of one period is read once per session and handed to every caller
    (who only read it): for a document bound from parts that each show the year's figures (the
    funding dossier: activity report, financial report, budget vs actual, kascommissie…), in a
    session that does not write meanwhile."""
    token = _REUSED.set({})
    try:
        yield
    finally:
        _REUSED.reset(token)


def money_results(session: Session, start: date, end: date) -> MoneyResults:
    """Income and expenses of start..end (inclusive) per category and per account, credit notes netted."""
    reused = _REUSED.get()
    if reused is None:
        return _money_results(session, start, end)
    key = (id(session), start, end)
    if key not in reused:
        reused[key] = _money_results(session, start, end)
    return reused[key]


def _money_results(session: Session, start: date, end: date) -> MoneyResults:
    money_in = func.sum(case((EntryLine.amount > 0, EntryLine.amount), else_=0))
    money_out = func.sum(case((EntryLine.amount < 0, EntryLine.amount), else_=0))
    rows = session.execute(select(EntryLine.category_id, Category.kind, Entry.account_id, money_in, money_out)
                           .join(Entry, Entry.id == EntryLine.entry_id)
                           .outerjoin(Category, Category.id == EntryLine.category_id)
                           .where(Entry.booked_on >= start, Entry.booked_on <= end)
                           .group_by(EntryLine.category_id, Category.kind, Entry.account_id))
    results = MoneyResults()
    for category_id, kind, account_id, came_in, went_out in rows:
        came_in, went_out = Decimal(came_in or 0), -Decimal(went_out or 0)  # both positive
        account = results.accounts[account_id]
        if category_id is None:
            results.uncategorised += came_in - went_out
            account.uncategorised += came_in - went_out
            continue
        row = results.categories.setdefault(category_id, CategoryResult(kind))
        if kind == "income":
            row.gross, row.netted = row.gross + came_in, row.netted + went_out
            account.income += came_in - went_out
        else:
            row.gross, row.netted = row.gross + went_out, row.netted + came_in
            account.expense += went_out - came_in
    for row in results.categories.values():
        row.gross, row.netted = _zero(row.gross), _zero(row.netted)
    for account in results.accounts.values():
        account.income, account.expense = _zero(account.income), _zero(account.expense)
        account.uncategorised = _zero(account.uncategorised)
    results.uncategorised = _zero(results.uncategorised)
    return results
