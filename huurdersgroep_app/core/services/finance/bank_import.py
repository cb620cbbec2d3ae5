"""Booking parsed bank statements (``core.importers.bank``) on one of the group's accounts.

    preview = import_statements(session, account, statements, dry_run=True)   # nothing written
    ... the GUI shows preview.lines, the user may change category_id / member_id or skip a line ...
    book_preview(session, preview)                                             # writes

- Idempotent: each line's fingerprint plus its occurrence number in the file (two identical
  €5 payments on one day are two lines) is stored on the entry; a line already booked is skipped.
- All-or-nothing: a new line dated in a closed year refuses the whole file (LockedYearError)
  before anything is written; the caller's transaction rolls back on any error.
- A statement whose closing balance does not match its opening balance plus its lines is
  reported in ``preview.mismatches``, never silently accepted and never a crash.
- Each new line gets a category suggested from earlier entries; dues are matched to members by
  their structured reference or their IBAN; a line from or to another own account is a transfer.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import (Account, BankStatementRecord, Entry, EntryLine,
                                                      OpeningBalance, Transfer)
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment, DuesYear
from huurdersgroep_app.core.errors import DomainError, LockedYearError
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.core.progress import CancelToken, ProgressCallback, Steps
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.categories import DUES, category_by_code
from huurdersgroep_app.core.services.finance.common import ZERO, compact_iban
from huurdersgroep_app.core.services.finance.dues import find_structured_reference, members_by_iban, \
    parse_dues_reference
from huurdersgroep_app.core.services.finance.suggestions import CategorySuggester
from huurdersgroep_app.core.services.funding.payments import FunderPayments, mark_grants_paid
from huurdersgroep_app.i18n import _, format_date, format_money, ngettext

_CHUNK = 500  # SQLite bound parameters per IN list


@dataclass
class PreviewLine:
    transaction: BankTransaction
    fingerprint: str
    duplicate: bool
    category_id: int | None = None
    reason: str = ""  # why this category or member: a key of suggestions.REASONS, 'reference', 'member_dues'
    member_id: int | None = None
    dues_year: int | None = None
    # The member the line was matched to as dues, and for which year: a category chosen in the preview
    # other than dues unlinks the member, and choosing dues again links them back.
    matched_member_id: int | None = None
    matched_dues_year: int | None = None
    transfer_account_id: int | None = None  # another own account: booked as a transfer
    grant_id: int | None = None  # money in from a funder's IBAN: the funder's open grant of that year
    skip: bool = False  # the user unticked it in the preview


@dataclass
class ImportPreview:
    account_id: int
    account_name: str
    statements: list[BankStatement]
    lines: list[PreviewLine]
    mismatches: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    file_name: str = ""
    booked: int = 0  # filled in by book_preview

    @property
    def new_lines(self) -> list[PreviewLine]:
        return [line for line in self.lines if not line.duplicate and not line.skip]

    @property
    def duplicates(self) -> int:
        return sum(1 for line in self.lines if line.duplicate)

    def summary(self) -> str:
        new = len(self.new_lines)
        return ngettext("{new} new line, {old} already booked.", "{new} new lines, {old} already booked.",
                        new).format(new=new, old=self.duplicates)


def _fingerprints(account: Account, transactions: list[BankTransaction]) -> list[str]:
    key = compact_iban(account.iban) or f"account:{account.id}"
    seen: Counter = Counter()
    result = []
    for t in transactions:
        fp = t.fingerprint(key)
        seen[fp] += 1
        result.append(f"{fp}#{seen[fp]}")
    return result


def _already_booked(session: Session, fingerprints: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(fingerprints), _CHUNK):
        chunk = fingerprints[i:i + _CHUNK]
        for model in (Entry, Transfer):
            found.update(session.scalars(select(model.bank_fingerprint).where(model.bank_fingerprint.in_(chunk))))
    return found


def _own_statements(account: Account, statements: list[BankStatement]) -> tuple[list[BankStatement], list[str]]:
    """The statements of ``account``; a file may also hold other accounts' statements (a savings
    account next to the current account): those are left out, with a warning."""
    if account.kind != "bank":
        raise DomainError(_("Bank statements can only be booked on a bank account, not on '{name}'.").format(
            name=account.name))
    own = compact_iban(account.iban)
    mine = [s for s in statements if not compact_iban(s.account_iban) or not own or compact_iban(s.account_iban) == own]
    others = sorted({s.account_iban for s in statements if s not in mine})
    if others and not mine:
        raise DomainError(_("The file holds statements of account {theirs}, not of {ours} ('{name}'). "
                            "Nothing was imported.").format(theirs=", ".join(others), ours=account.iban,
                                                             name=account.name))
    warnings = [_("The file also holds statements of {accounts}; they were left out. Import the file again "
                  "for that account.").format(accounts=", ".join(others))] if others else []
    return mine, warnings


def _check_statements(statements: list[BankStatement]) -> list[str]:
    mismatches = []
    for number, statement in enumerate(statements, start=1):
        foreign = {t.currency for t in statement.transactions} | {statement.currency}
        if foreign - {"EUR", ""}:
            raise DomainError(_("The file holds amounts in {currency}; only euro accounts can be imported.")
                              .format(currency=", ".join(sorted(foreign - {"EUR", ""}))))
        difference = statement.balance_mismatch()
        if difference is not None:
            mismatches.append(_(
                "Statement {statement}: the closing balance {closing} is not the opening balance {opening} "
                "plus its lines; it differs by {difference}. Check this statement with your bank.").format(
                statement=statement.statement_id or number, closing=format_money(statement.closing_balance),
                opening=format_money(statement.opening_balance), difference=format_money(difference)))
    return mismatches


def _refuse_closed_years(session: Session, lines: list[PreviewLine]) -> None:
    closed = years.closed_years(session)
    refused = [line for line in lines if not line.duplicate and line.transaction.booking_date.year in closed]
    if not refused:
        return
    first = refused[0].transaction
    where = _("line {line}").format(line=first.line) if first.line else format_date(first.booking_date)
    raise LockedYearError(ngettext(
        "{count} line of this file is dated in the closed year {year} (first: {where}). Nothing was imported; "
        "book a correction in an open year instead.",
        "{count} lines of this file are dated in the closed year {year} (first: {where}). Nothing was imported; "
        "book a correction in an open year instead.", len(refused)).format(
        count=len(refused), year=first.booking_date.year, where=where))


class _Matcher:
    """Suggests category, member and transfer for each new line."""

    def __init__(self, session: Session, account: Account):
        self.suggester = CategorySuggester.from_session(session)
        self.member_ibans = members_by_iban(session)
        self.member_ids = set(session.scalars(select(Member.id)))
        self.own = {compact_iban(a.iban): a.id for a in session.scalars(select(Account))
                    if a.iban and a.id != account.id}
        self.dues_id = category_by_code(session, DUES).id
        self.funding = FunderPayments(session)
        self.dues_amounts = dict(session.execute(select(DuesYear.year, DuesYear.amount)).all())
        # Each member's last dues payment: what fits when the group has not set the year's amount.
        last = (select(DuesPayment.member_id, func.max(DuesPayment.id).label("id"))
                .group_by(DuesPayment.member_id).subquery())
        self.last_paid = dict(session.execute(select(DuesPayment.member_id, DuesPayment.amount)
                                              .join(last, last.c.id == DuesPayment.id)).all())

    def dues_year_fitting(self, member_id: int, amount, booked_on) -> int | None:
        """The dues year a payment of ``amount`` from the member's own account fits, or None.

        The IBAN alone says nothing about what a payment is for (a member may pay for the landlord or
        a neighbour from their account, or share it): only an amount that is the dues of the booking
        year, or of the next one (paid in advance in December), or else what the member paid as dues
        last time, is proposed as dues."""
        for year in (booked_on.year, booked_on.year + 1):
            if self.dues_amounts.get(year) == amount:
                return year
        if not any(self.dues_amounts.get(y) for y in (booked_on.year, booked_on.year + 1)) \
                and self.last_paid.get(member_id) == amount:
            return booked_on.year
        return None

    def fill(self, line: PreviewLine) -> None:
        t = line.transaction
        money_in = t.amount > 0
        other = self.own.get(compact_iban(t.counterparty_iban))
        if other:
            line.transfer_account_id, line.reason = other, "own_account"
            return
        digits = find_structured_reference(t.structured_reference, t.description)
        found = parse_dues_reference(digits) if digits and money_in else None
        if found and found[1] in self.member_ids:
            line.dues_year, line.member_id = found
            line.matched_dues_year, line.matched_member_id = found
            line.category_id, line.reason = self.dues_id, "reference"
            return
        suggestion = self.suggester.suggest(t.counterparty_iban, t.counterparty_name, t.description, money_in)
        if money_in and self.funding.fill(line, suggestion):
            return
        member = self.member_ibans.get(compact_iban(t.counterparty_iban)) if money_in else None
        year = self.dues_year_fitting(member, t.amount, t.booking_date) if member else None
        if year is not None:
            line.member_id, line.dues_year, line.reason = member, year, "member_dues"
            line.matched_member_id, line.matched_dues_year = member, year
            line.category_id = self.dues_id
        elif member and suggestion and suggestion.category_id == self.dues_id:
            pass  # a member's account, but not the dues amount: not dues because earlier payments were
        elif suggestion:
            line.category_id, line.reason = suggestion.category_id, suggestion.reason


def import_statements(session: Session, account: Account, statements: list[BankStatement],
                      dry_run: bool = True, file_name: str = "", progress: ProgressCallback | None = None,
                      cancel: CancelToken | None = None) -> ImportPreview:
    """Preview (and unless ``dry_run``, book) the statements' lines on ``account``. ``progress``
    counts the lines matched (the slow part of a preview); ``cancel`` is looked at only before
    anything is booked."""
    statements, warnings = _own_statements(account, statements)
    mismatches = _check_statements(statements)
    transactions = [t for s in statements for t in s.transactions]
    fingerprints = _fingerprints(account, transactions)
    booked = _already_booked(session, fingerprints)
    lines = [PreviewLine(t, fp, fp in booked) for t, fp in zip(transactions, fingerprints, strict=True)]
    _refuse_closed_years(session, lines)
    matcher = _Matcher(session, account)
    steps = Steps(progress, cancel, total=len(lines))
    for number, line in enumerate(lines, start=1):
        if not line.duplicate:
            matcher.fill(line)
        if number % 50 == 0 or number == len(lines):
            steps(number)
    _mark_booked_transfers(session, account, lines)
    preview = ImportPreview(account.id, account.name, statements, lines, mismatches, warnings, file_name=file_name)
    # Said in the preview, before anything is booked: said only after booking, nobody saw it.
    opening = _opening_from_statement(session, account, preview)
    if opening is not None:
        preview.warnings.append(_opening_warning(account, *opening))
    if not dry_run:
        book_preview(session, preview)
    return preview


def _mark_booked_transfers(session: Session, account: Account, lines: list[PreviewLine]) -> None:
    """The other side of a transfer between own accounts may have been imported already."""
    for line in lines:
        if line.duplicate or not line.transfer_account_id:
            continue
        t = line.transaction
        source, target = ((line.transfer_account_id, account.id) if t.amount > 0
                          else (account.id, line.transfer_account_id))
        match = session.scalar(select(Transfer.id).where(
            Transfer.from_account_id == source, Transfer.to_account_id == target, Transfer.amount == abs(t.amount),
            Transfer.transferred_on.between(t.booking_date - timedelta(days=7), t.booking_date + timedelta(days=7))))
        if match:
            line.duplicate = True


def _opening_from_statement(session: Session, account: Account, preview: ImportPreview):
    """(year, amount, first day) when a new account's books will start from the bank's opening
    balance of its first statement; None when the account has books already."""
    if session.scalar(select(Entry.id).where(Entry.account_id == account.id).limit(1)) or \
            session.scalar(select(OpeningBalance.id).where(OpeningBalance.account_id == account.id).limit(1)):
        return None
    dated = [s for s in preview.statements if s.opening_balance is not None and s.transactions]
    if not dated:
        return None
    first = min(dated, key=lambda s: min(t.booking_date for t in s.transactions))
    first_day = min(t.booking_date for t in first.transactions)
    year = first_day.year
    if years.is_closed(session, year) or years.is_closed(session, year - 1):
        return None
    return year, first.opening_balance, first.opening_date or first_day


def _opening_warning(account: Account, year: int, amount, starts_on) -> str:
    if starts_on > date(year, 1, 1):
        return _("The first statement of '{name}' starts on {date}, not on 1 January: its opening balance, "
                 "{amount}, becomes the balance on 1 January {year}. If money moved before {date}, set the opening "
                 "balance by hand; the year closing will ask you to confirm it.").format(
            name=account.name, date=format_date(starts_on), amount=format_money(amount), year=year)
    return _("The opening balance of '{name}' for {year} is set to {amount}, the opening balance of the first "
             "statement. Check it.").format(name=account.name, year=year, amount=format_money(amount))


def _set_opening_from_statement(session: Session, account: Account, preview: ImportPreview) -> None:
    """A new account's books start from the bank's opening balance of its first statement (the
    preview has said so)."""
    opening = _opening_from_statement(session, account, preview)
    if opening is not None:
        session.add(OpeningBalance(account_id=account.id, year=opening[0], amount=opening[1]))


def book_preview(session: Session, preview: ImportPreview) -> int:
    """Write the preview's new lines; returns how many were booked.

    Rows go in as Core bulk inserts (10,000 lines in well under a second, where ORM objects take
    seconds); the closed-year check runs here first, and the database triggers back it up.
    """
    account = session.get(Account, preview.account_id)
    years.ensure_open(session, *{line.transaction.booking_date.year for line in preview.new_lines})
    _set_opening_from_statement(session, account, preview)
    session.flush()
    entry_rows, booked_lines, transfer_rows = [], [], []
    for line in preview.new_lines:
        t = line.transaction
        if line.transfer_account_id:
            source, target = ((line.transfer_account_id, account.id) if t.amount > 0
                              else (account.id, line.transfer_account_id))
            transfer_rows.append(dict(transferred_on=t.booking_date, from_account_id=source, to_account_id=target,
                                      amount=abs(t.amount), description=t.description or t.counterparty_name,
                                      bank_fingerprint=line.fingerprint))
            continue
        entry_rows.append(dict(
            booked_on=t.booking_date, account_id=account.id, amount=t.amount, counterparty=t.counterparty_name[:200],
            counterparty_iban=compact_iban(t.counterparty_iban), description=t.description, member_id=line.member_id,
            grant_id=line.grant_id, receipt_number="", structured_reference=t.structured_reference[:40],
            bank_reference=t.bank_reference[:100], bank_fingerprint=line.fingerprint))
        booked_lines.append(line)
    if entry_rows:
        table = Entry.__table__
        ids = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                              entry_rows).scalars().all()
        session.execute(insert(EntryLine.__table__), [
            dict(entry_id=entry_id, category_id=line.category_id, amount=line.transaction.amount, note="")
            for entry_id, line in zip(ids, booked_lines, strict=True)])
        dues_id = category_by_code(session, DUES).id
        dues = [dict(member_id=line.member_id, year=line.dues_year, entry_id=entry_id, amount=line.transaction.amount)
                for entry_id, line in zip(ids, booked_lines, strict=True)
                if line.member_id and line.dues_year and line.category_id == dues_id and line.transaction.amount > 0]
        if dues:
            session.execute(insert(DuesPayment.__table__), dues)
    if transfer_rows:
        session.execute(insert(Transfer.__table__), transfer_rows)
    mark_grants_paid(session, {line.grant_id for line in booked_lines if line.grant_id})
    _record_statements(session, account, preview)
    session.flush()
    preview.booked = len(entry_rows) + len(transfer_rows)
    return preview.booked


def _record_statements(session: Session, account: Account, preview: ImportPreview) -> None:
    known = {(r.statement_id, r.closing_date, r.closing_balance) for r in session.scalars(
        select(BankStatementRecord).where(BankStatementRecord.account_id == account.id))}
    for statement in preview.statements:
        key = (statement.statement_id, statement.closing_date, statement.closing_balance)
        if key in known or (statement.closing_balance is None and not statement.statement_id):
            continue
        known.add(key)
        closing_date = statement.closing_date or max((t.booking_date for t in statement.transactions), default=None)
        session.add(BankStatementRecord(
            account_id=account.id, statement_id=statement.statement_id[:100], opening_date=statement.opening_date,
            opening_balance=statement.opening_balance, closing_date=closing_date,
            closing_balance=statement.closing_balance, transactions=len(statement.transactions),
            file_name=preview.file_name[:300]))


def totals(preview: ImportPreview) -> tuple[Decimal, Decimal]:
    """(money in, money out) of the new lines, for the preview's footer."""
    money_in = sum((line.transaction.amount for line in preview.new_lines if line.transaction.amount > 0), ZERO)
    money_out = sum((-line.transaction.amount for line in preview.new_lines if line.transaction.amount < 0), ZERO)
    return money_in, money_out
