"""Volunteer allowances per volunteer per year, checked against the caps of the entry's year in
the rule profile (``[[finance.volunteer_allowance]]``, a table keyed by year): per year, and where
the region sets them per day (Belgium) and per month (the Netherlands). Above a cap the allowance
may be taxed, so warn."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance_plans import VolunteerAllowance
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.common import ZERO, read_amount, read_date
from huurdersgroep_app.core.services.funding import rule_values
from huurdersgroep_app.core.services.funding.rule_values import AllowanceCaps
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _, format_date, format_money


def allowance_caps(session: Session, year: int) -> AllowanceCaps:
    return rule_values.allowance_caps(rule_profile(session), year)


def allowance_cap(session: Session, year: int | None = None) -> Decimal:
    """The yearly cap of ``year`` (this year when None); 0 where the region sets none."""
    return allowance_caps(session, year or date.today().year).per_year or ZERO


@dataclass(frozen=True)
class AllowanceRow:
    member_id: int
    name: str
    total: Decimal
    cap: Decimal

    @property
    def over_cap(self) -> bool:
        return bool(self.cap) and self.total > self.cap


def cap_warnings(session: Session, member_id: int, year: int) -> list[str]:
    """Every cap of ``year`` the volunteer's allowances pass: per year, per day, per month."""
    caps = allowance_caps(session, year)
    rows = session.execute(select(VolunteerAllowance.amount, VolunteerAllowance.paid_on, VolunteerAllowance.days)
                           .where(VolunteerAllowance.member_id == member_id, VolunteerAllowance.year == year)).all()
    name = session.get(Member, member_id).full_name
    total = sum((amount for amount, _day, _days in rows), ZERO)
    warnings = []
    if caps.per_year and total > caps.per_year:
        warnings.append(_("{name} received {total} in volunteer allowances in {year}, more than the yearly maximum "
                          "of {cap}.").format(name=name, total=format_money(total), year=year,
                                              cap=format_money(caps.per_year)))
    if caps.per_day:
        per_day: dict = {}
        for amount, day, days in rows:
            if days and days > 1:  # an allowance for several days: its average per day
                if amount / days > caps.per_day:
                    warnings.append(_("{name} received {amount} for {days} days, more than the daily maximum of "
                                      "{cap}.").format(name=name, amount=format_money(amount), days=days,
                                                       cap=format_money(caps.per_day)))
            else:
                per_day[day] = per_day.get(day, ZERO) + amount
        for day, amount in sorted(per_day.items(), key=lambda item: (item[0] is None, item[0] or date.min)):
            if amount > caps.per_day:
                when = format_date(day) if day else _("one day")
                warnings.append(_("{name} received {amount} for {day}, more than the daily maximum of {cap}; if it "
                                  "pays for several days, record the number of days.").format(
                    name=name, amount=format_money(amount), day=when, cap=format_money(caps.per_day)))
    if caps.per_month:
        per_month: dict = {}
        for amount, day, _days in rows:
            if day is not None:
                per_month[day.month] = per_month.get(day.month, ZERO) + amount
        for month, amount in sorted(per_month.items()):
            if amount > caps.per_month:
                warnings.append(_("{name} received {amount} in {month}, more than the monthly maximum of {cap}.")
                                .format(name=name, amount=format_money(amount),
                                        month=f"{month:02d}/{year}", cap=format_money(caps.per_month)))
    return warnings


def cap_warning(session: Session, member_id: int, year: int) -> str | None:
    warnings = cap_warnings(session, member_id, year)
    return " ".join(warnings) if warnings else None


def add_allowance(session: Session, member_id: int, year: int, amount, description: str = "",
                  paid_on: date | str | None = None, entry_id: int | None = None, days: int | None = None
                  ) -> tuple[VolunteerAllowance, str | None]:
    """Record an allowance; returns it and a warning when it passes a cap of its year
    (``days``: the days of volunteering it pays for, where the cap is per day)."""
    get_or_raise(session, Member, member_id, N_("This member does not exist (any more)."))
    years.ensure_open(session, year)  # a closed year's allowances are part of its seal
    problems: dict[str, str] = {}
    value = read_amount(amount, "amount", problems, positive=True)
    day = read_date(paid_on, "paid_on", problems, required=False)
    if days is not None and (not isinstance(days, int) or days < 1):
        problems["days"] = _("The number of days must be a whole number of at least 1.")
    if problems:
        raise ValidationError(problems)
    allowance = VolunteerAllowance(member_id=member_id, year=year, amount=value, paid_on=day,
                                   description=description.strip(), entry_id=entry_id, days=days)
    session.add(allowance)
    session.flush()
    return allowance, cap_warning(session, member_id, year)


def allowance_rows(session: Session, year: int) -> list[AllowanceRow]:
    cap = allowance_cap(session, year)
    rows = session.execute(select(Member.id, Member.first_name, Member.last_name, func.sum(VolunteerAllowance.amount))
                           .join(VolunteerAllowance, VolunteerAllowance.member_id == Member.id)
                           .where(VolunteerAllowance.year == year).group_by(Member.id)
                           .order_by(Member.last_name, Member.first_name))
    return [AllowanceRow(mid, f"{first} {last}".strip(), total, cap) for mid, first, last, total in rows]
