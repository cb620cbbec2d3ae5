"""The group's accounts (a cash box, one or more bank accounts) and their opening balances."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import ACCOUNT_KINDS, Account, OpeningBalance
from huurdersgroep_app.core.errors import DomainError, LockedYearError, NotFoundError, ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.common import compact_iban, read_amount
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

KIND_LABELS = {"cash": N_("Cash box"), "bank": N_("Bank account")}


def _clean(session: Session, name: str, kind: str, iban: str, exclude_id: int | None = None) -> tuple[str, str]:
    problems: dict[str, str] = {}
    name = (name or "").strip()
    if kind not in ACCOUNT_KINDS:
        problems["kind"] = _("Choose a cash box or a bank account.")
    if not name:
        problems["name"] = _("The name of the account is required.")
    elif any(a.name.casefold() == name.casefold() and a.id != exclude_id for a in list_accounts(session)):
        problems["name"] = _("There is already an account called '{name}'.").format(name=name)
    try:
        iban = v.clean_iban(iban)
    except v.FieldError as exc:
        problems["iban"] = str(exc)
    if kind == "bank" and not iban and "iban" not in problems:
        problems["iban"] = _("A bank account needs its IBAN.")
    if iban and find_by_iban(session, iban, exclude_id=exclude_id):
        problems["iban"] = _("The account {iban} is already registered.").format(iban=iban)
    if problems:
        raise ValidationError(problems)
    return name, iban


def add_account(session: Session, name: str, kind: str = "bank", iban: str = "", notes: str = "") -> Account:
    name, iban = _clean(session, name, kind, iban)
    account = Account(name=name, kind=kind, iban=iban if kind == "bank" else "", notes=notes, active=True)
    session.add(account)
    session.flush()
    return account


def update_account(session: Session, account_id: int, name: str, iban: str = "", notes: str = "",
                   active: bool = True) -> Account:
    account = get_account(session, account_id)
    name, iban = _clean(session, name, account.kind, iban, exclude_id=account.id)
    if name != account.name:
        year = years.first_closed_year_using(session, account_id=account.id)
        if year is not None:
            raise LockedYearError(_("The account '{name}' is used in the closed year {year}, whose books are "
                                    "locked, so its name stays as it was.").format(name=account.name, year=year))
    account.name, account.iban, account.notes, account.active = name, iban, notes, active
    return account


def get_account(session: Session, account_id: int) -> Account:
    return get_or_raise(session, Account, account_id, N_("This account does not exist (any more)."))


def list_accounts(session: Session, active_only: bool = False) -> list[Account]:
    query = select(Account).order_by(Account.kind.desc(), Account.name)  # cash first, then banks
    if active_only:
        query = query.where(Account.active.is_(True))
    return list(session.scalars(query))


def find_by_iban(session: Session, iban: str, exclude_id: int | None = None) -> Account | None:
    wanted = compact_iban(iban)
    if not wanted:
        return None
    return next((a for a in list_accounts(session) if compact_iban(a.iban) == wanted and a.id != exclude_id), None)


def find_account(session: Session, iban_or_name: str) -> Account | None:
    text = (iban_or_name or "").strip()
    return find_by_iban(session, text) or next(
        (a for a in list_accounts(session) if a.name.casefold() == text.casefold()), None)


def resolve_account(session: Session, iban_or_name: str, create: bool = False) -> tuple[Account, bool]:
    """The account a user named; an IBAN the group does not have yet becomes a new bank account
    when ``create`` (the command line), else NotFoundError (the GUI asks first, then creates).
    Returns (account, created)."""
    found = find_account(session, iban_or_name)
    if found:
        return found, False
    try:
        iban = v.clean_iban(iban_or_name)
    except v.FieldError:
        iban = ""
    if iban and create:
        return add_account(session, _("Bank {iban}").format(iban=iban), "bank", iban), True
    known = ", ".join(a.name for a in list_accounts(session)) or _("none yet")
    if iban:
        raise NotFoundError(_("The group has no account {iban} yet. Add it first (known accounts: {known}).")
                            .format(iban=iban, known=known))
    raise NotFoundError(_("There is no account '{name}'. Known accounts: {known}.").format(
        name=iban_or_name, known=known))


def stored_opening_balance(session: Session, account_id: int, year: int) -> Decimal | None:
    return session.scalar(select(OpeningBalance.amount).where(OpeningBalance.account_id == account_id,
                                                              OpeningBalance.year == year))


def set_opening_balance(session: Session, account_id: int, year: int, amount) -> OpeningBalance:
    """What the account held on 1 January. Refused for a closed year, and for the year after a
    closed year, whose opening is the closed year's closing balance."""
    get_account(session, account_id)
    problems: dict[str, str] = {}
    value = read_amount(amount, "amount", problems, allow_zero=True)
    if problems:
        raise ValidationError(problems)
    years.ensure_open(session, year)
    if years.is_closed(session, year - 1):
        raise DomainError(_("The opening balance of {year} is the closing balance of {previous}, which is "
                            "closed; it cannot be entered by hand.").format(year=year, previous=year - 1))
    row = session.scalar(select(OpeningBalance).where(OpeningBalance.account_id == account_id,
                                                      OpeningBalance.year == year))
    if row is None:
        row = OpeningBalance(account_id=account_id, year=year, amount=value)
        session.add(row)
    else:
        row.amount = value
    session.flush()
    return row
