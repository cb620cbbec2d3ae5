"""Money moved between the group's own accounts (cash deposited at the bank, cash withdrawn):
neither income nor expense, so it never appears in the categories, only in the balances."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Transfer
from huurdersgroep_app.core.errors import NotFoundError, ValidationError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.accounts import get_account
from huurdersgroep_app.core.services.finance.common import read_amount, read_date, year_bounds
from huurdersgroep_app.core.services.finance.entries import get_entry
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _


@dataclass(frozen=True)
class TransferRow:
    id: int
    transferred_on: date
    from_account: str
    to_account: str
    amount: Decimal
    description: str


def add_transfer(session: Session, transferred_on: date | str, from_account_id: int, to_account_id: int,
                 amount, description: str = "", bank_fingerprint: str | None = None) -> Transfer:
    problems: dict[str, str] = {}
    day = read_date(transferred_on, "transferred_on", problems)
    value = read_amount(amount, "amount", problems, positive=True)
    for key, account_id in (("from_account_id", from_account_id), ("to_account_id", to_account_id)):
        try:
            get_account(session, account_id)
        except NotFoundError as exc:
            problems[key] = str(exc)
    if from_account_id == to_account_id:
        problems["to_account_id"] = _("A transfer needs two different accounts.")
    if problems:
        raise ValidationError(problems)
    years.ensure_open(session, day)
    transfer = Transfer(transferred_on=day, from_account_id=from_account_id, to_account_id=to_account_id,
                        amount=value, description=(description or "").strip(), bank_fingerprint=bank_fingerprint)
    session.add(transfer)
    session.flush()
    return transfer


def get_transfer(session: Session, transfer_id: int) -> Transfer:
    return get_or_raise(session, Transfer, transfer_id, N_("This transfer does not exist (any more)."))


def delete_transfer(session: Session, transfer_id: int) -> None:
    transfer = get_transfer(session, transfer_id)
    years.ensure_open(session, transfer.transferred_on)
    session.delete(transfer)
    session.flush()


def list_transfers(session: Session, year: int) -> list[TransferRow]:
    start, end = year_bounds(year)
    rows = session.scalars(select(Transfer).where(Transfer.transferred_on.between(start, end))
                           .order_by(Transfer.transferred_on, Transfer.id))
    return [TransferRow(t.id, t.transferred_on, t.from_account.name, t.to_account.name, t.amount, t.description)
            for t in rows]


def entry_to_transfer(session: Session, entry_id: int, other_account_id: int) -> Transfer:
    """Turn a bank line that is really a movement between own accounts (a cash deposit) into a
    transfer. The bank fingerprint moves along, so importing the file again still adds nothing."""
    entry = get_entry(session, entry_id)
    years.ensure_open(session, entry.booked_on)
    fingerprint, amount = entry.bank_fingerprint, entry.amount
    source, target = (other_account_id, entry.account_id) if amount > 0 else (entry.account_id, other_account_id)
    description = entry.description or entry.counterparty
    day = entry.booked_on
    session.delete(entry)
    session.flush()
    return add_transfer(session, day, source, target, abs(amount), description, bank_fingerprint=fingerprint)
