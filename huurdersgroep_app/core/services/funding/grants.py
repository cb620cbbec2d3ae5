"""Grants per funder and year: the amount (a lump sum, a rate per dwelling with the calculator,
or per project), the reference, the categories it may be spent on, the application and
accountability deadlines, the payments received (bank entries charged to it) and the status."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Category, Entry
from huurdersgroep_app.core.db.models.finance_plans import GRANT_AMOUNT_KINDS, GRANT_STATUSES, Funder, Grant
from huurdersgroep_app.core.db.models.funding import grant_category
from huurdersgroep_app.core.db.models.members import Complex
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.finance.common import ZERO, read_amount, read_date
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

CENT = Decimal("0.01")
STATUS_LABELS = {"applied": N_("Applied for"), "granted": N_("Granted"), "paid": N_("Paid"),
                 "accounted": N_("Accounted for"), "closed": N_("Closed")}
AMOUNT_KIND_LABELS = {"lump_sum": N_("Lump sum"), "per_dwelling": N_("Per dwelling"),
                      "per_project": N_("Per project")}


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def amount_kind_label(kind: str) -> str:
    return _(AMOUNT_KIND_LABELS.get(kind, kind))


@dataclass
class GrantInput:
    funder_id: int
    year: int
    amount: object = None            # lump sum or per project; per dwelling: computed
    amount_kind: str = "lump_sum"
    dwelling_rate: object = None     # per dwelling: the rate agreed with this funder
    dwellings: int | None = None     # per dwelling: None counts the dwellings of the complexes
    reference: str = ""
    category_ids: list[int] = field(default_factory=list)
    application_deadline: date | str | None = None
    accountability_deadline: date | str | None = None
    status: str = "granted"
    applied_on: date | str | None = None
    conditions: str = ""
    notes: str = ""


def dwellings_in_complexes(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(Complex.dwellings), 0))) or 0)


def per_dwelling_amount(rate: Decimal, dwellings: int) -> Decimal:
    """The calculator: there is no legal norm, so the rate is the one agreed with the funder."""
    return (rate * dwellings).quantize(CENT, rounding=ROUND_HALF_UP)


def _clean(session: Session, data: GrantInput) -> dict:
    problems: dict[str, str] = {}
    get_or_raise(session, Funder, data.funder_id, N_("Funder {id} does not exist."), id=data.funder_id)
    if not isinstance(data.year, int) or not 1900 < data.year < 2200:
        problems["year"] = _("'{value}' is not a year.").format(value=data.year)
    if data.amount_kind not in GRANT_AMOUNT_KINDS:
        problems["amount_kind"] = _("Unknown kind of amount '{kind}'. Choose one of: {choices}.").format(
            kind=data.amount_kind, choices=", ".join(GRANT_AMOUNT_KINDS))
    if data.status not in GRANT_STATUSES:
        problems["status"] = _("Unknown status '{status}'. Choose one of: {choices}.").format(
            status=data.status, choices=", ".join(GRANT_STATUSES))
    rate, dwellings = None, None
    if data.amount_kind == "per_dwelling":
        rate = read_amount(data.dwelling_rate, "dwelling_rate", problems, positive=True)
        dwellings = data.dwellings if data.dwellings is not None else dwellings_in_complexes(session)
        if dwellings <= 0:
            problems["dwellings"] = _("Give the number of dwellings (no complex has dwellings yet).")
        amount = per_dwelling_amount(rate, dwellings) if rate is not None and "dwellings" not in problems else None
    else:
        amount = read_amount(data.amount, "amount", problems, positive=True)
    known = set(session.scalars(select(Category.id).where(Category.id.in_(data.category_ids or [0]))))
    if set(data.category_ids) - known:
        problems["category_ids"] = _("One of the chosen categories does not exist (any more).")
    values = dict(
        funder_id=data.funder_id, year=data.year, amount=amount, amount_kind=data.amount_kind,
        dwelling_rate=rate, dwellings=dwellings, reference=(data.reference or "").strip(), status=data.status,
        application_deadline=read_date(data.application_deadline, "application_deadline", problems, required=False),
        deadline=read_date(data.accountability_deadline, "accountability_deadline", problems, required=False),
        applied_on=read_date(data.applied_on, "applied_on", problems, required=False),
        conditions=(data.conditions or "").strip(), notes=(data.notes or "").strip())
    if problems:
        raise ValidationError(problems)
    return values


def add_grant(session: Session, data: GrantInput) -> Grant:
    values = _clean(session, data)
    if session.scalar(select(Grant.id).where(Grant.funder_id == data.funder_id, Grant.year == data.year,
                                             Grant.reference == values["reference"])):
        raise DomainError(_("This funder already has a grant for {year} with this reference.").format(year=data.year))
    grant = Grant(**values)
    session.add(grant)
    session.flush()
    set_eligible_categories(session, grant.id, data.category_ids)
    return grant


def update_grant(session: Session, grant_id: int, data: GrantInput) -> Grant:
    """Change a grant (same checks as a new one); its payments and accountability date stay."""
    grant = get_grant(session, grant_id)
    values = _clean(session, data)
    clash = session.scalar(select(Grant.id).where(Grant.funder_id == data.funder_id, Grant.year == data.year,
                                                  Grant.reference == values["reference"], Grant.id != grant_id))
    if clash:
        raise DomainError(_("This funder already has a grant for {year} with this reference.").format(year=data.year))
    for key, value in values.items():
        setattr(grant, key, value)
    session.flush()
    set_eligible_categories(session, grant.id, data.category_ids)
    return grant


def get_grant(session: Session, grant_id: int) -> Grant:
    return get_or_raise(session, Grant, grant_id, N_("Grant {id} does not exist."), id=grant_id)


def set_eligible_categories(session: Session, grant_id: int, category_ids) -> None:
    get_grant(session, grant_id)
    session.execute(delete(grant_category).where(grant_category.c.grant_id == grant_id))
    ids = list(dict.fromkeys(category_ids or []))
    if ids:
        session.execute(insert(grant_category), [dict(grant_id=grant_id, category_id=c) for c in ids])


def eligible_category_ids(session: Session, grant_id: int) -> list[int]:
    return list(session.scalars(select(grant_category.c.category_id).where(grant_category.c.grant_id == grant_id)
                                .order_by(grant_category.c.category_id)))


def set_status(session: Session, grant_id: int, status: str) -> Grant:
    if status not in GRANT_STATUSES:
        raise ValidationError({"status": _("Unknown status '{status}'. Choose one of: {choices}.").format(
            status=status, choices=", ".join(GRANT_STATUSES))})
    grant = get_grant(session, grant_id)
    grant.status = status
    return grant


def record_accountability(session: Session, grant_id: int, filed_on: date | str) -> Grant:
    """The accountability for the grant was handed to the funder on ``filed_on``."""
    problems: dict[str, str] = {}
    day = read_date(filed_on, "accounted_on", problems)
    if problems:
        raise ValidationError(problems)
    grant = get_grant(session, grant_id)
    grant.accounted_on = day
    if GRANT_STATUSES.index(grant.status) < GRANT_STATUSES.index("accounted"):
        grant.status = "accounted"
    return grant


def link_payment(session: Session, entry_id: int, grant_id: int) -> Entry:
    """Charge a received payment (a money-in entry) to the grant; the grant is then paid."""
    grant = get_grant(session, grant_id)
    entry = get_or_raise(session, Entry, entry_id, N_("Entry {id} does not exist."), id=entry_id)
    if entry.amount <= 0:
        raise DomainError(_("A payment received is money in; entry {id} is money out.").format(id=entry_id))
    entry.grant_id = grant.id
    if grant.status in ("applied", "granted"):
        grant.status = "paid"
    return entry


@dataclass(frozen=True)
class Payment:
    entry_id: int
    booked_on: date
    amount: Decimal
    counterparty: str
    description: str


def payments(session: Session, grant_id: int) -> list[Payment]:
    rows = session.execute(select(Entry.id, Entry.booked_on, Entry.amount, Entry.counterparty, Entry.description)
                           .where(Entry.grant_id == grant_id, Entry.amount > 0).order_by(Entry.booked_on, Entry.id))
    return [Payment(*row) for row in rows]


def grant_for_payment(session: Session, funder_id: int, year: int) -> int | None:
    """The grant a payment from the funder in ``year`` belongs to: the funder's open grant of that
    year (the oldest when there are several), else None."""
    return session.scalar(select(Grant.id).where(Grant.funder_id == funder_id, Grant.year == year,
                                                 Grant.status.not_in(("accounted", "closed")))
                          .order_by(Grant.id).limit(1))


@dataclass(frozen=True)
class GrantView:
    id: int
    funder_id: int
    funder: str
    year: int
    amount: Decimal
    amount_kind: str
    reference: str
    status: str
    application_deadline: date | None
    accountability_deadline: date | None
    accounted_on: date | None
    received: Decimal


def grant_views(session: Session, year: int | None = None, funder_id: int | None = None) -> list[GrantView]:
    received = dict(session.execute(select(Entry.grant_id, func.sum(Entry.amount))
                                    .where(Entry.grant_id.is_not(None),
                                           Entry.amount > 0).group_by(Entry.grant_id)).all())
    query = select(Grant, Funder.name).join(Funder, Funder.id == Grant.funder_id).order_by(Grant.year, Funder.name,
                                                                                            Grant.id)
    if year is not None:
        query = query.where(Grant.year == year)
    if funder_id is not None:
        query = query.where(Grant.funder_id == funder_id)
    return [GrantView(g.id, g.funder_id, name, g.year, g.amount, g.amount_kind, g.reference, g.status,
                      g.application_deadline, g.deadline, g.accounted_on, received.get(g.id) or ZERO)
            for g, name in session.execute(query)]
