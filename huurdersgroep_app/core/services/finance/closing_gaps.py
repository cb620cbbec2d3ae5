"""What the books cannot prove on their own, checked before a year is closed: bank statements
missing from the numbered series, months in which a bank account has no line at all, a 1 January
balance that was taken from a statement of later in the year, and a cash box that holds less than
nothing. The first three are asked of the user (the year closes only once they confirm them); the
last is a warning, since it is an entry missing or wrong, never a real amount of cash."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, func, or_, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Account, BankStatementRecord, Entry, OpeningBalance, Transfer
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.i18n import _, format_date, format_money, ngettext

# A statement's number is its id's last group of at most three digits ('STMT-3', '003', the '3' of
# MT940's '3/1'); a long number (a date, a bank's running id) is no statement number.
_NUMBER = re.compile(r"(?:^|\D)0*(\d{1,3})(?:/\d+)?$")


def statement_number(statement_id: str) -> int | None:
    found = _NUMBER.search((statement_id or "").strip())
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 5, 6, 7] → '1–2, 5–7'."""
    parts, start = [], None
    for number, following in zip(numbers, [*numbers[1:], None], strict=True):
        start = number if start is None else start
        if following != number + 1:
            parts.append(str(start) if start == number else f"{start}–{number}")
            start = None
    return ", ".join(parts)


@dataclass(frozen=True)
class _Statement:
    number: int | None
    opening_date: date | None
    opening_balance: object
    closing_date: date | None


def _statements(session: Session, account_id: int, year: int) -> list[_Statement]:
    rows = session.execute(select(BankStatementRecord.statement_id, BankStatementRecord.opening_date,
                                  BankStatementRecord.opening_balance, BankStatementRecord.closing_date)
                           .where(BankStatementRecord.account_id == account_id,
                                  extract("year", BankStatementRecord.closing_date) == year))
    return [_Statement(statement_number(sid), opened, balance, closed) for sid, opened, balance, closed in rows]


def missing_statements(session: Session, account_id: int, year: int) -> list[int]:
    """Numbers missing from the year's series. Banks number a year's statements from 1; one that
    numbers on across the years continues from last year's last number."""
    numbers = sorted({s.number for s in _statements(session, account_id, year) if s.number})
    if not numbers:
        return []
    before = [s.number for s in _statements(session, account_id, year - 1) if s.number]
    first = max(before) + 1 if before and max(before) + 1 <= numbers[0] else 1
    return [n for n in range(first, numbers[-1] + 1) if n not in set(numbers)]


def months_without_lines(session: Session, account_id: int, year: int) -> list[int]:
    """Months (1-12) in which the account has no entry and no transfer."""
    month = extract("month", Entry.booked_on)
    seen = set(session.scalars(select(month).where(Entry.account_id == account_id,
                                                   extract("year", Entry.booked_on) == year).distinct()))
    moved = extract("month", Transfer.transferred_on)
    seen |= set(session.scalars(select(moved).where(
        or_(Transfer.from_account_id == account_id, Transfer.to_account_id == account_id),
        extract("year", Transfer.transferred_on) == year).distinct()))
    return [m for m in range(1, 13) if m not in {int(x) for x in seen}]


def opening_from_later_statement(session: Session, account_id: int, year: int) -> _Statement | None:
    """The year's first statement, when it starts after 1 January and the books' opening balance is
    its opening balance: then that balance stands in for the one of 1 January unproven."""
    if years.is_closed(session, year - 1):
        return None  # the opening is last year's closing, checked then
    stored = session.scalar(select(OpeningBalance.amount).where(OpeningBalance.account_id == account_id,
                                                                OpeningBalance.year == year))
    dated = [s for s in _statements(session, account_id, year) if s.opening_date and s.opening_balance is not None]
    if stored is None or not dated:
        return None
    first = min(dated, key=lambda s: s.opening_date)
    if first.opening_date > date(year, 1, 1) and first.opening_balance == stored:
        return first
    return None


def _month_names(months: list[int]) -> str:
    return ", ".join(format_date(date(2000, m, 1), "MMMM") for m in months)


def to_confirm(session: Session, year: int) -> list[str]:
    """One sentence per thing the user must confirm before the year closes."""
    found: list[str] = []
    bank_accounts = session.scalars(select(Account).where(Account.kind == "bank").order_by(Account.name))
    for account in bank_accounts:
        has_lines = session.scalar(select(func.count(Entry.id)).where(
            Entry.account_id == account.id, extract("year", Entry.booked_on) == year))
        if not has_lines:
            continue  # "no statement imported" is already a warning of its own
        gaps = missing_statements(session, account.id, year)
        if gaps:
            found.append(ngettext(
                "'{account}': statement {numbers} of {year} was not imported. Import it, or confirm that it "
                "does not exist.",
                "'{account}': statements {numbers} of {year} were not imported. Import them, or confirm that "
                "they do not exist.", len(gaps)).format(account=account.name, numbers=_ranges(gaps), year=year))
        empty = months_without_lines(session, account.id, year)
        if empty:
            found.append(ngettext(
                "'{account}' has no bank line in {months} {year}. Confirm that nothing moved on the account "
                "that month.",
                "'{account}' has no bank line in {count} months of {year}: {months}. Confirm that nothing moved "
                "on the account in those months.", len(empty)).format(
                account=account.name, months=_month_names(empty), count=len(empty), year=year))
        later = opening_from_later_statement(session, account.id, year)
        if later is not None:
            found.append(_("'{account}': the balance on 1 January {year}, {amount}, was taken from the statement "
                           "that starts on {date}. Confirm it with the bank's balance on 1 January, or set the "
                           "opening balance by hand.").format(
                account=account.name, year=year, amount=format_money(later.opening_balance),
                date=format_date(later.opening_date)))
    return found


def negative_cash(session: Session, year: int, end: date | None = None) -> list[str]:
    """A warning per cash box whose balance at the end (of the year, or on ``end``) is below zero."""
    warnings = []
    cash = {a.id for a in session.scalars(select(Account).where(Account.kind == "cash"))}
    for row in account_balances(session, year, end=end):
        if row.account_id in cash and row.closing < 0:
            warnings.append(_("The cash box '{account}' holds {amount} on {date}: less than nothing. An income is "
                              "missing or an expense was booked on the wrong account.").format(
                account=row.name, amount=format_money(row.closing), date=format_date(end or date(year, 12, 31))))
    return warnings
