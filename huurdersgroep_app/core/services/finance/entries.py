"""Entries: one movement on one account, split over categories. The lines always add up to the
entry's amount (sign convention in ``core.db.models.finance``: + in, − out)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import Category, Entry, EntryLine
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment, Grant
from huurdersgroep_app.core.errors import NotFoundError, ValidationError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.accounts import get_account
from huurdersgroep_app.core.services.finance.categories import DUES, label
from huurdersgroep_app.core.services.finance.common import compact_iban, read_amount, read_date
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, format_date, format_money, ngettext


@dataclass
class LineInput:
    category_id: int | None
    amount: Decimal | str | int
    note: str = ""


@dataclass
class EntryInput:
    """A form's entry. Give ``lines`` to split it; else one line in ``category_id`` for the amount."""

    booked_on: date | str
    account_id: int
    amount: Decimal | str | int
    category_id: int | None = None
    lines: list[LineInput] = field(default_factory=list)
    counterparty: str = ""
    counterparty_iban: str = ""
    description: str = ""
    member_id: int | None = None
    grant_id: int | None = None
    receipt_number: str = ""
    dues_year: int | None = None  # dues paid in December for next year; default the entry's year


def _clean(session: Session, data: EntryInput) -> tuple[dict, list[tuple[int | None, Decimal, str]]]:
    problems: dict[str, str] = {}
    booked_on = read_date(data.booked_on, "booked_on", problems)
    amount = read_amount(data.amount, "amount", problems)
    try:
        account = get_account(session, data.account_id)
        if not account.active:
            problems["account_id"] = _("The account '{name}' is no longer in use.").format(name=account.name)
    except NotFoundError as exc:
        problems["account_id"] = str(exc)
    raw_lines = data.lines or [LineInput(data.category_id, data.amount)]
    lines = []
    for i, line in enumerate(raw_lines):
        line_amount = read_amount(line.amount, f"lines.{i}.amount", problems)
        if line.category_id is not None and session.get(Category, line.category_id) is None:
            problems[f"lines.{i}.category_id"] = _("This category does not exist (any more).")
        lines.append((line.category_id, line_amount, (line.note or "").strip()))
    if amount is not None and all(a is not None for _c, a, _n in lines):
        total = sum((a for _c, a, _n in lines), Decimal("0.00"))
        if total != amount:
            problems["lines"] = _("The split lines add up to {total}, not to the entry's amount {amount}.").format(
                total=format_money(total), amount=format_money(amount))
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        problems["member_id"] = _("This member does not exist (any more).")
    if data.grant_id is not None and session.get(Grant, data.grant_id) is None:
        problems["grant_id"] = _("This grant does not exist (any more).")
    if problems:
        raise ValidationError(problems)
    values = dict(booked_on=booked_on, account_id=data.account_id, amount=amount,
                  counterparty=data.counterparty.strip(), counterparty_iban=compact_iban(data.counterparty_iban),
                  description=data.description.strip(), member_id=data.member_id, grant_id=data.grant_id,
                  receipt_number=data.receipt_number.strip())
    return values, lines


def _sync_dues(session: Session, entry: Entry, dues_year: int | None) -> None:
    """A dues line with a member records the member's payment for the year."""
    dues_ids = set(session.scalars(select(Category.id).where(Category.code == DUES)))
    dues_amount = sum((line.amount for line in entry.lines if line.category_id in dues_ids), Decimal("0.00"))
    existing = session.scalar(select(DuesPayment).where(DuesPayment.entry_id == entry.id))
    if entry.member_id is None or dues_amount <= 0:
        if existing is not None:
            session.delete(existing)
        return
    year = dues_year or (existing.year if existing else entry.booked_on.year)
    if existing is None:
        session.add(DuesPayment(member_id=entry.member_id, year=year, entry_id=entry.id, amount=dues_amount))
    else:
        existing.member_id, existing.year, existing.amount = entry.member_id, year, dues_amount


def add_entry(session: Session, data: EntryInput) -> Entry:
    values, lines = _clean(session, data)
    years.ensure_open(session, values["booked_on"])
    entry = Entry(**values, lines=[EntryLine(category_id=c, amount=a, note=n) for c, a, n in lines])
    session.add(entry)
    session.flush()
    _sync_dues(session, entry, data.dues_year)
    session.flush()
    return entry


def get_entry(session: Session, entry_id: int) -> Entry:
    return get_or_raise(session, Entry, entry_id, N_("This entry does not exist (any more)."))


def update_entry(session: Session, entry_id: int, data: EntryInput) -> Entry:
    entry = get_entry(session, entry_id)
    values, lines = _clean(session, data)
    years.ensure_open(session, entry.booked_on, values["booked_on"])
    for key, value in values.items():
        setattr(entry, key, value)
    entry.lines = [EntryLine(category_id=c, amount=a, note=n) for c, a, n in lines]
    session.flush()
    _sync_dues(session, entry, data.dues_year)
    session.flush()
    return entry


def set_category(session: Session, entry_id: int, category_id: int | None) -> Entry:
    """Put one unsplit entry (typically fresh from the bank) in a category."""
    set_categories(session, [entry_id], category_id)
    return get_entry(session, entry_id)


def _described(entry: Entry) -> dict[str, str]:
    """The placeholders that name one entry in a message: {date} ({who}, {amount})."""
    return dict(date=format_date(entry.booked_on, "short"), who=entry.counterparty or entry.description or "–",
                amount=format_money(entry.amount))


def _refuse(bad: list[Entry], chosen: int, one: str, many: str, **values) -> None:
    """Raise a ValidationError naming the entry (one) or counting them (several) among the ``chosen``."""
    text = (one if len(bad) == 1 else many).format(**_described(bad[0]), count=len(bad), **values)
    if chosen > 1:  # the others were fine, and still nothing changed
        text += " " + _("Nothing was changed.")
    raise ValidationError({"category_id": text})


def _check_kind(session: Session, found: list[Entry], category_id: int) -> None:
    category = session.get(Category, category_id)
    if category is None:
        raise ValidationError({"category_id": _("This category does not exist (any more).")})
    name = label(category)
    if not category.active:
        raise ValidationError({"category_id": _("The category '{name}' is no longer in use; choose another "
                                                "one.").format(name=name)})
    income = category.kind == "income"
    wrong = [entry for entry in found if (entry.amount < 0 if income else entry.amount > 0)]
    if wrong and income:
        _refuse(wrong, len(found),
                _("'{name}' is an income category, but the entry of {date} ({who}, {amount}) is money out. "
                  "A refund is booked in the entry itself (Change…)."),
                ngettext("'{name}' is an income category, but {count} of the chosen entries is money out.",
                         "'{name}' is an income category, but {count} of the chosen entries are money out.",
                         len(wrong)), name=name)
    if wrong:
        _refuse(wrong, len(found),
                _("'{name}' is an expense category, but the entry of {date} ({who}, {amount}) is money in. "
                  "A refund is booked in the entry itself (Change…)."),
                ngettext("'{name}' is an expense category, but {count} of the chosen entries is money in.",
                         "'{name}' is an expense category, but {count} of the chosen entries are money in.",
                         len(wrong)), name=name)


def set_categories(session: Session, entry_ids: list[int], category_id: int | None) -> int:
    """Put several unsplit entries in one category (the cash book's table and its 'Set category…'), all
    or nothing; returns how many entries changed. ``None`` takes the category off again.

    Refused, with nothing changed, when an entry lies in a closed year, is split over several categories
    (which line should change? the entry's own form divides it), or runs the other way than the category:
    an expense category for money in. A refund booked against an expense is made in the entry's form,
    which offers the other kind on purpose; a batch that mixes the two is a slip of the mouse."""
    wanted = list(dict.fromkeys(entry_ids))
    if not wanted:
        raise ValidationError({"entry_ids": _("Choose one or more entries first.")})
    found = [get_entry(session, entry_id) for entry_id in wanted]
    years.ensure_open(session, *(entry.booked_on for entry in found))
    split = [entry for entry in found if len(entry.lines) > 1]
    if split:
        _refuse(split, len(found),
                _("The entry of {date} ({who}, {amount}) is split over several categories; open it with "
                  "Change… to set the category of each line."),
                ngettext("{count} of the chosen entries is split over several categories; open it with Change… "
                         "to set the category of each line.",
                         "{count} of the chosen entries are split over several categories; open them with "
                         "Change… to set the category of each line.", len(split)))
    if category_id is not None:
        _check_kind(session, found, category_id)
    changed = 0
    for entry in found:
        if [line.category_id for line in entry.lines] == [category_id]:
            continue
        # The line's amount and note stay; only its category changes (and the dues payment with it).
        note = entry.lines[0].note if entry.lines else ""
        update_entry(session, entry.id, entry_input(entry, lines=[LineInput(category_id, entry.amount, note)]))
        changed += 1
    return changed


def delete_entry(session: Session, entry_id: int) -> None:
    entry = get_entry(session, entry_id)
    years.ensure_open(session, entry.booked_on)
    session.delete(entry)
    session.flush()


def entry_input(entry: Entry, **changes) -> EntryInput:
    """The form values of a stored entry, to edit it."""
    data = EntryInput(booked_on=entry.booked_on, account_id=entry.account_id, amount=entry.amount,
                      lines=[LineInput(line.category_id, line.amount, line.note) for line in entry.lines],
                      counterparty=entry.counterparty, counterparty_iban=entry.counterparty_iban,
                      description=entry.description, member_id=entry.member_id, grant_id=entry.grant_id,
                      receipt_number=entry.receipt_number)
    if "category_id" in changes:
        data.lines = []
    for key, value in changes.items():
        setattr(data, key, value)
    return data
