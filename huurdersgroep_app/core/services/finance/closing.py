"""Closing a financial year: checks first, then the lock.

Problems block the closing: an earlier year still open, the year not ended yet, entries without
a category, entries whose lines do not add up, a bank account whose balance in the books differs
from the last imported statement of the year. Warnings do not block but are listed for the
kascommissie: missing receipts, no statement imported, no budget, allowances above the cap, a cash
box below zero. What the books cannot prove (statements missing from the series, months without a
bank line, a 1 January balance taken from a later statement) is asked: the year closes only once the
user confirms it (closing_gaps).
Closing freezes the year's opening balances and writes the next year's (= this year's closing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db import seal
from huurdersgroep_app.core.db.models.finance import (Account, BankStatementRecord, Entry, EntryLine,
                                                      OpeningBalance)
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.allowances import allowance_rows
from huurdersgroep_app.core.services.finance.balances import account_balances, balance_on
from huurdersgroep_app.core.services.finance.budget import get_budget
from huurdersgroep_app.core.services.finance.closing_gaps import negative_cash, to_confirm
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.finance.grants import unspent_grant_warning
from huurdersgroep_app.core.services.finance.receipts import missing_receipts
from huurdersgroep_app.core.services.finance.search import UNCATEGORISED, EntryFilter, EntryRow, search_entries
from huurdersgroep_app.i18n import _, format_date, format_money, ngettext


class YearNotReadyError(DomainError):
    """The closing checks found problems; ``problems`` lists them, one sentence each."""

    def __init__(self, year: int, problems: list[str]):
        self.problems = problems
        super().__init__(_("The year {year} cannot be closed yet:").format(year=year) + "\n" + "\n".join(problems))


class ConfirmationNeededError(YearNotReadyError):
    """Nothing blocks but what the user has to confirm (``problems``); close again with confirmed=True."""

    def __init__(self, year: int, questions: list[str]):
        DomainError.__init__(self, _("Before the year {year} is closed, confirm:").format(year=year) + "\n" +
                             "\n".join(questions))
        self.problems = questions


@dataclass(frozen=True)
class BankCheck:
    account_id: int
    account_name: str
    statement_date: date | None
    statement_balance: Decimal | None
    books_balance: Decimal
    later_entries: int = 0  # bank entries of the year dated after the last statement

    @property
    def ok(self) -> bool:
        return self.statement_balance is not None and self.statement_balance == self.books_balance


@dataclass
class ClosingReport:
    year: int
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    uncategorised: list[EntryRow] = field(default_factory=list)
    missing_receipts: list[EntryRow] = field(default_factory=list)
    bank_checks: list[BankCheck] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)  # to be confirmed by the user before closing
    already_closed: bool = False  # the other checks still run, for the audit pack of a closed year

    @property
    def can_close(self) -> bool:
        return not self.problems and not self.already_closed


def _unbalanced_entries(session: Session, start: date, end: date) -> list[int]:
    sums = (select(EntryLine.entry_id, func.sum(EntryLine.amount).label("total"))
            .group_by(EntryLine.entry_id).subquery())
    return list(session.scalars(select(Entry.id).outerjoin(sums, sums.c.entry_id == Entry.id).where(
        Entry.booked_on.between(start, end), func.coalesce(sums.c.total, 0) != Entry.amount)))


def _bank_checks(session: Session, year: int) -> list[BankCheck]:
    start, end = year_bounds(year)
    checks = []
    for account in session.scalars(select(Account).where(Account.kind == "bank").order_by(Account.name)):
        last = session.scalar(select(BankStatementRecord).where(
            BankStatementRecord.account_id == account.id, BankStatementRecord.closing_balance.is_not(None),
            BankStatementRecord.closing_date.between(start, end))
            .order_by(BankStatementRecord.closing_date.desc(), BankStatementRecord.id.desc()).limit(1))
        if last is None:
            checks.append(BankCheck(account.id, account.name, None, None, balance_on(session, account.id, end)))
        else:
            later = session.scalar(select(func.count(Entry.id)).where(
                Entry.account_id == account.id, Entry.booked_on > last.closing_date, Entry.booked_on <= end))
            checks.append(BankCheck(account.id, account.name, last.closing_date, last.closing_balance,
                                    balance_on(session, account.id, last.closing_date), later))
    return checks


def closing_checks(session: Session, year: int, today: date | None = None) -> ClosingReport:
    today = today or date.today()
    start, end = year_bounds(year)
    report = ClosingReport(year, already_closed=years.is_closed(session, year))
    # The seals of this year and the years before it: closed books changed outside the program, or
    # their guards removed, are a problem for the kascommissie and for the year built on them.
    report.problems += [problem.message for problem in seal.seal_problems(seal.for_session(session))
                        if problem.year is None or problem.year <= year]
    if not report.already_closed:
        if today <= end:
            report.problems.append(_("The year {year} has not ended yet.").format(year=year))
        earlier = [row.year for row in years.list_years(session) if row.year < year and row.status == "open"]
        if earlier:
            report.problems.append(_("Close {years} first.").format(years=", ".join(map(str, earlier))))
    report.uncategorised = search_entries(session, EntryFilter(start=start, end=end, category_id=UNCATEGORISED))
    if report.uncategorised:
        report.problems.append(ngettext("{count} entry has no category yet.", "{count} entries have no category yet.",
                                        len(report.uncategorised)).format(count=len(report.uncategorised)))
    unbalanced = _unbalanced_entries(session, start, end)
    if unbalanced:
        report.problems.append(ngettext(
            "{count} entry's lines do not add up to its amount (entry {ids}).",
            "{count} entries' lines do not add up to their amount (entries {ids}).", len(unbalanced)).format(
            count=len(unbalanced), ids=", ".join(map(str, unbalanced[:10]))))
    report.bank_checks = _bank_checks(session, year)
    for check in report.bank_checks:
        if check.statement_balance is None:
            report.warnings.append(_("No bank statement of {year} was imported for '{account}'. Compare its balance "
                                     "in the books, {amount}, with the bank's year-end statement.").format(
                year=year, account=check.account_name, amount=format_money(check.books_balance)))
        elif check.later_entries:
            report.problems.append(_("'{account}': the last imported statement ends on {date}, but the books have "
                                     "entries after it. Import the statements up to 31 December.").format(
                account=check.account_name, date=format_date(check.statement_date)))
        elif not check.ok:
            report.problems.append(_("'{account}': the bank statement of {date} says {bank}, the books say {books} "
                                     "(difference {difference}).").format(
                account=check.account_name, date=format_date(check.statement_date),
                bank=format_money(check.statement_balance), books=format_money(check.books_balance),
                difference=format_money(check.statement_balance - check.books_balance)))
    report.confirmations = to_confirm(session, year)
    report.warnings.extend(negative_cash(session, year))
    unspent = unspent_grant_warning(session, year)
    if unspent:
        report.warnings.append(unspent)
    report.missing_receipts = missing_receipts(session, year)
    if report.missing_receipts:
        report.warnings.append(ngettext("{count} expense has no receipt attached.",
                                        "{count} expenses have no receipt attached.",
                                        len(report.missing_receipts)).format(count=len(report.missing_receipts)))
    if get_budget(session, year) is None:
        report.warnings.append(_("There is no budget for {year}.").format(year=year))
    for row in allowance_rows(session, year):
        if row.over_cap:
            report.warnings.append(_("{name} received {total} in volunteer allowances, more than the yearly maximum "
                                     "of {cap}.").format(name=row.name, total=format_money(row.total),
                                                         cap=format_money(row.cap)))
    return report


def close_year(session: Session, year: int, closed_on: date | None = None, today: date | None = None,
               confirmed: bool = False) -> ClosingReport:
    """Run the checks; refuse with YearNotReadyError (ConfirmationNeededError when only the user's
    confirmation is missing), or lock the year. Returns the checks' report."""
    today = today or date.today()
    report = closing_checks(session, year, today)
    if report.already_closed:
        raise DomainError(_("The year {year} is already closed.").format(year=year))
    if report.problems:
        raise YearNotReadyError(year, report.problems)
    if report.confirmations and not confirmed:
        raise ConfirmationNeededError(year, report.confirmations)
    closing = {row.account_id: row for row in account_balances(session, year)}
    stored = {(ob.account_id, ob.year): ob for ob in session.scalars(
        select(OpeningBalance).where(OpeningBalance.year.in_((year, year + 1))))}
    for account_id, row in closing.items():
        if (account_id, year) not in stored:  # freeze the opening the report used
            session.add(OpeningBalance(account_id=account_id, year=year, amount=row.opening))
        following = stored.get((account_id, year + 1))
        if following is None:
            session.add(OpeningBalance(account_id=account_id, year=year + 1, amount=row.closing))
        else:
            following.amount = row.closing
    session.flush()
    status = years.ensure_year(session, year)
    # Sealed before it is marked closed: the database refuses a seal for a year that is already closed.
    seal.seal_year(seal.for_session(session), year, datetime.now(timezone.utc).isoformat(timespec="seconds"))
    status.status, status.closed_on = "closed", closed_on or today
    session.flush()
    return report
