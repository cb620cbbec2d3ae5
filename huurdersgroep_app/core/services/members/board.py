"""Board offices, terms, history and the retirement rota (rooster van aftreden)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from huurdersgroep_app.core.db.models import OFFICE_ROLES, Member, Office
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.organisation import get_setting, rule_profile
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

ROLE_LABELS = {"chair": N_("Chair"), "secretary": N_("Secretary"), "treasurer": N_("Treasurer"),
               "board_member": N_("Board member"), "aspirant": N_("Aspirant board member")}
# Roles only one person holds at a time.
SINGLE_ROLES = ("chair", "secretary", "treasurer")
NEXT_ANNUAL_MEETING_SETTING = "meetings.next_annual_meeting"


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def term_years(session: Session) -> int:
    return int(rule_profile(session).get("board", "term_years", 3))


def assign_office(session: Session, member_id: int, role: str, start_on: date,
                  planned_end_on: date | None = None, notes: str = "") -> Office:
    member = get_or_raise(session, Member, member_id, N_("Member {id} does not exist."), id=member_id)
    if role not in OFFICE_ROLES:
        raise ValidationError({"role": _("Unknown office '{role}'.").format(role=role)})
    if not member.is_active(start_on):
        raise ValidationError({"member_id": _("{name} is not a member on {date}.").format(
            name=member.full_name, date=start_on)})
    planned_end_on = planned_end_on or add_years(start_on, term_years(session))
    if planned_end_on <= start_on:
        raise ValidationError({"planned_end_on": _("The end of the term must come after its start.")})
    for office in current_offices(session, start_on):
        if office.member_id == member_id and office.role == role:
            raise DomainError(_("{name} already holds this office.").format(name=member.full_name))
        if role in SINGLE_ROLES and office.role == role:
            raise DomainError(_("{name} is already {role}. End that office first.").format(
                name=office.member.full_name, role=role_label(role).lower()))
    office = Office(member_id=member_id, role=role, start_on=start_on, planned_end_on=planned_end_on, notes=notes)
    session.add(office)
    session.flush()
    return office


def end_office(session: Session, office_id: int, ended_on: date) -> Office:
    office = get_or_raise(session, Office, office_id, N_("Office {id} does not exist."), id=office_id)
    if ended_on < office.start_on:
        raise ValidationError({"ended_on": _("An office cannot end before it starts.")})
    if office.ended_on is not None:
        raise DomainError(_("This office already ended."))
    office.ended_on = ended_on
    return office


def current_offices(session: Session, on: date | None = None) -> list[Office]:
    on = on or date.today()
    order = {role: i for i, role in enumerate(OFFICE_ROLES)}
    offices = session.scalars(
        select(Office).options(joinedload(Office.member))
        .where(Office.start_on <= on, (Office.ended_on.is_(None)) | (Office.ended_on > on))
    ).all()
    return sorted(offices, key=lambda o: (order.get(o.role, 99), o.member.last_name, o.member.first_name))


def office_history(session: Session) -> list[Office]:
    return list(session.scalars(select(Office).options(joinedload(Office.member))
                                .order_by(Office.start_on.desc(), Office.id.desc())))


def next_annual_meeting(session: Session, today: date | None = None) -> date:
    """The date set in Settings if still ahead; else the profile's usual month (March)."""
    today = today or date.today()
    stored = get_setting(session, NEXT_ANNUAL_MEETING_SETTING)
    if stored:
        planned = date.fromisoformat(stored)
        if planned >= today:
            return planned
    guess = date(today.year, 3, 31)
    return guess if guess >= today else date(today.year + 1, 3, 31)


@dataclass(frozen=True)
class RotaEntry:
    office_id: int
    member_name: str
    role: str
    start_on: date
    planned_end_on: date | None
    due: bool  # steps down at (or before) the next annual meeting


def retirement_rota(session: Session, today: date | None = None) -> tuple[date, list[RotaEntry]]:
    """Current offices by end of term; ``due`` marks who steps down at the next annual meeting."""
    today = today or date.today()
    meeting = next_annual_meeting(session, today)
    entries = [RotaEntry(o.id, o.member.full_name, o.role, o.start_on, o.planned_end_on,
                         o.planned_end_on is not None and o.planned_end_on <= meeting)
               for o in current_offices(session, today)]
    entries.sort(key=lambda e: (e.planned_end_on or date.max, e.member_name))
    return meeting, entries
