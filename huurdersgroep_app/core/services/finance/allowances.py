"""Volunteer allowances per volunteer per year, checked against the profile's yearly cap
(``finance.volunteer_allowance_cap_year``): above it the allowance may be taxed, so warn."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance_plans import VolunteerAllowance
from huurdersgroep_app.core.errors import NotFoundError, ValidationError
from huurdersgroep_app.core.services.finance.common import ZERO, read_amount, read_date
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.i18n import _, format_money


def allowance_cap(session: Session) -> Decimal:
    return rule_profile(session).decimal("finance", "volunteer_allowance_cap_year")


@dataclass(frozen=True)
class AllowanceRow:
    member_id: int
    name: str
    total: Decimal
    cap: Decimal

    @property
    def over_cap(self) -> bool:
        return bool(self.cap) and self.total > self.cap


def cap_warning(session: Session, member_id: int, year: int) -> str | None:
    total = session.scalar(select(func.sum(VolunteerAllowance.amount)).where(
        VolunteerAllowance.member_id == member_id, VolunteerAllowance.year == year)) or ZERO
    cap = allowance_cap(session)
    if cap and total > cap:
        member = session.get(Member, member_id)
        return _("{name} received {total} in volunteer allowances in {year}, more than the yearly maximum of "
                 "{cap}.").format(name=member.full_name, total=format_money(total), year=year,
                                  cap=format_money(cap))
    return None


def add_allowance(session: Session, member_id: int, year: int, amount, description: str = "",
                  paid_on: date | str | None = None, entry_id: int | None = None
                  ) -> tuple[VolunteerAllowance, str | None]:
    """Record an allowance; returns it and a warning when the volunteer's year total passes the cap."""
    if session.get(Member, member_id) is None:
        raise NotFoundError(_("This member does not exist (any more)."))
    problems: dict[str, str] = {}
    value = read_amount(amount, "amount", problems, positive=True)
    day = read_date(paid_on, "paid_on", problems, required=False)
    if problems:
        raise ValidationError(problems)
    allowance = VolunteerAllowance(member_id=member_id, year=year, amount=value, paid_on=day,
                                   description=description.strip(), entry_id=entry_id)
    session.add(allowance)
    session.flush()
    return allowance, cap_warning(session, member_id, year)


def allowance_rows(session: Session, year: int) -> list[AllowanceRow]:
    cap = allowance_cap(session)
    rows = session.execute(select(Member.id, Member.first_name, Member.last_name, func.sum(VolunteerAllowance.amount))
                           .join(VolunteerAllowance, VolunteerAllowance.member_id == Member.id)
                           .where(VolunteerAllowance.year == year).group_by(Member.id)
                           .order_by(Member.last_name, Member.first_name))
    return [AllowanceRow(mid, f"{first} {last}".strip(), total, cap) for mid, first, last, total in rows]
