"""Balances per account: opening + income − expense + not categorised + transfers in − transfers
out = closing.

Income and expense are those of the one definition (``results``: per category, credit notes
netted), so the balances table of a report adds up to the same income and expenses as its
result; lines not categorised yet are their own signed column, so the identity holds for every
account even before entries are categorised. The closing itself is counted from the entries.
The opening of a year is the stored opening balance of that year, or else the latest stored
opening before it carried forward with the movements since (so the opening of year N+1 is the
closing of year N; the year closing also stores it, freezing it).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Account, Entry, OpeningBalance, Transfer
from huurdersgroep_app.core.services.finance.common import ZERO
from huurdersgroep_app.core.services.finance.results import AccountResult, money_results


@dataclass(frozen=True)
class AccountBalance:
    account_id: int
    name: str
    kind: str
    iban: str
    opening: Decimal
    income: Decimal
    expense: Decimal  # positive: spent on expense categories, refunds netted (may be negative)
    transfers_in: Decimal
    transfers_out: Decimal
    closing: Decimal
    uncategorised: Decimal = ZERO  # signed: lines not in a category yet

    @property
    def transfers_net(self) -> Decimal:
        return self.transfers_in - self.transfers_out


def _movements(session: Session, start: date | None, end: date) -> dict[tuple[int, int], Decimal]:
    """Net movement per (account, year) of the entries and transfers dated start..end (inclusive)."""
    net: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    year = func.strftime("%Y", Entry.booked_on)
    query = select(Entry.account_id, year, func.sum(Entry.amount)).where(Entry.booked_on <= end)
    if start:
        query = query.where(Entry.booked_on >= start)
    for account_id, y, amount in session.execute(query.group_by(Entry.account_id, year)):
        net[(account_id, int(y))] += amount
    tyear = func.strftime("%Y", Transfer.transferred_on)
    for column, sign in ((Transfer.to_account_id, 1), (Transfer.from_account_id, -1)):
        query = select(column, tyear, func.sum(Transfer.amount)).where(Transfer.transferred_on <= end)
        if start:
            query = query.where(Transfer.transferred_on >= start)
        for account_id, y, amount in session.execute(query.group_by(column, tyear)):
            net[(account_id, int(y))] += amount * sign
    return net


def opening_balances(session: Session, year: int) -> dict[int, Decimal]:
    """Opening balance on 1 January of ``year`` for every account."""
    accounts = list(session.scalars(select(Account.id)))
    base: dict[int, tuple[int, Decimal]] = {}
    for account_id, y, amount in session.execute(
            select(OpeningBalance.account_id, OpeningBalance.year, OpeningBalance.amount)
            .where(OpeningBalance.year <= year).order_by(OpeningBalance.year)):
        base[account_id] = (y, amount)  # the latest stored year wins
    start_year = min((base[a][0] for a in accounts if a in base), default=None)
    if start_year is not None and any(a not in base for a in accounts):
        start_year = None
    start = date(start_year, 1, 1) if start_year is not None and start_year < year else None
    if start_year == year:
        return {a: base[a][1] for a in accounts}
    net = _movements(session, start, date(year - 1, 12, 31))
    result = {}
    for account_id in accounts:
        from_year, amount = base.get(account_id, (None, ZERO))
        moved = sum((value for (a, y), value in net.items()
                     if a == account_id and (from_year is None or y >= from_year)), ZERO)
        result[account_id] = amount + moved
    return result


def account_balances(session: Session, year: int, end: date | None = None) -> list[AccountBalance]:
    """The balance sheet of every account for ``year`` (up to ``end``, default 31 December)."""
    start, end = date(year, 1, 1), end or date(year, 12, 31)
    openings = opening_balances(session, year)
    flows: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    results = money_results(session, start, end).accounts
    moved = dict(session.execute(select(Entry.account_id, func.sum(Entry.amount))
                                 .where(Entry.booked_on >= start, Entry.booked_on <= end).group_by(Entry.account_id))
                 .all())
    for column, slot in ((Transfer.to_account_id, 0), (Transfer.from_account_id, 1)):
        for account_id, amount in session.execute(
                select(column, func.sum(Transfer.amount)).where(Transfer.transferred_on >= start,
                                                                Transfer.transferred_on <= end).group_by(column)):
            flows[account_id][slot] += amount
    rows = []
    for account in session.scalars(select(Account).order_by(Account.kind.desc(), Account.name)):
        t_in, t_out = flows[account.id]
        opening = openings.get(account.id, ZERO)
        money = results.get(account.id, AccountResult())
        rows.append(AccountBalance(account.id, account.name, account.kind, account.iban, opening, money.income,
                                   money.expense, t_in, t_out, opening + moved.get(account.id, ZERO) + t_in - t_out,
                                   money.uncategorised))
    return rows


def balance_on(session: Session, account_id: int, day: date) -> Decimal:
    """What the books say the account held at the end of ``day``."""
    for row in account_balances(session, day.year, end=day):
        if row.account_id == account_id:
            return row.closing
    return ZERO


def closing_balance(session: Session, account_id: int, year: int) -> Decimal:
    return balance_on(session, account_id, date(year, 12, 31))
