"""Funders and their grants: who pays how much for which year, on which conditions, by which
deadline; and per grant what was received and what was charged to it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.db.models.finance_plans import FUNDER_KINDS, Funder, Grant
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.common import ZERO, read_amount, read_date, year_bounds
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, format_money


def add_funder(session: Session, name: str, kind: str = "other", partner_id: int | None = None,
               notes: str = "") -> Funder:
    name = (name or "").strip()
    problems = {}
    if not name:
        problems["name"] = _("The name of the funder is required.")
    elif session.scalar(select(Funder.id).where(func.lower(Funder.name) == name.lower())):
        problems["name"] = _("There is already a funder called '{name}'.").format(name=name)
    if kind not in FUNDER_KINDS:
        problems["kind"] = _("Unknown kind of funder.")
    if problems:
        raise ValidationError(problems)
    funder = Funder(name=name, kind=kind, partner_id=partner_id, notes=notes)
    session.add(funder)
    session.flush()
    return funder


def add_grant(session: Session, funder_id: int, year: int, amount, conditions: str = "",
              deadline: date | str | None = None, reference: str = "") -> Grant:
    get_or_raise(session, Funder, funder_id, N_("This funder does not exist (any more)."))
    problems: dict[str, str] = {}
    value = read_amount(amount, "amount", problems, positive=True)
    day = read_date(deadline, "deadline", problems, required=False)
    if problems:
        raise ValidationError(problems)
    grant = Grant(funder_id=funder_id, year=year, amount=value, conditions=conditions.strip(), deadline=day,
                  reference=reference.strip(), notes="")
    session.add(grant)
    session.flush()
    return grant


@dataclass(frozen=True)
class GrantRow:
    grant_id: int
    funder: str
    year: int
    amount: Decimal
    received: Decimal
    spent: Decimal
    deadline: date | None
    conditions: str

    @property
    def balance(self) -> Decimal:
        """Received minus spent: what is left of the grant (negative: overspent)."""
        return self.received - self.spent


def grant_rows(session: Session, year: int | None = None) -> list[GrantRow]:
    money_in = func.sum(case((Entry.amount > 0, Entry.amount), else_=0))
    money_out = func.sum(case((Entry.amount < 0, Entry.amount), else_=0))
    flows = {gid: (i or ZERO, -(o or ZERO)) for gid, i, o in session.execute(
        select(Entry.grant_id, money_in, money_out).where(Entry.grant_id.is_not(None)).group_by(Entry.grant_id))}
    query = select(Grant).join(Funder).order_by(Grant.year, Funder.name)
    if year is not None:
        query = query.where(Grant.year == year)
    return [GrantRow(g.id, g.funder.name, g.year, g.amount, *flows.get(g.id, (ZERO, ZERO)), g.deadline,
                     g.conditions) for g in session.scalars(query)]


def unspent_grant_warning(session: Session, year: int, grants: list[GrantRow] | None = None,
                          balances: list | None = None) -> str:
    """One sentence when the year's grants show more money not yet spent than the group holds on
    31 December ('' otherwise): the grant balances cannot all be true then, most often because
    expenses paid with grant money were not charged to their grant. ``grants`` and ``balances``: the
    year's ``grant_rows`` and ``account_balances`` when the caller has read them already (the report)."""
    grants = grant_rows(session, year) if grants is None else grants
    balances = account_balances(session, year) if balances is None else balances
    unspent = sum((max(g.balance, ZERO) for g in grants), ZERO)
    held = sum((row.closing for row in balances), ZERO)
    if unspent <= held:
        return ""
    start, end = year_bounds(year)
    untagged = -(session.scalar(select(func.sum(Entry.amount)).where(
        Entry.booked_on.between(start, end), Entry.amount < 0, Entry.grant_id.is_(None))) or ZERO)
    return _("The grants of {year} show {unspent} not yet spent, but the group holds {held} in cash and bank on "
             "31 December: those balances cannot all be true. {untagged} of the year's expenses are charged to no "
             "grant; charge what was paid with grant money to its grant, or explain the difference to the "
             "funder.").format(year=year, unspent=format_money(unspent), held=format_money(held),
                               untagged=format_money(untagged))
