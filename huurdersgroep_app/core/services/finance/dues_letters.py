"""Who gets a payment request for the dues of a year, and who is left for the treasurer to decide.

A letter goes only to a member whose membership covers the dues year and who has not paid. A member
who left during the year (moved, resigned, died) may owe part of the year or nothing: a letter
thanking them for being a member and asking them to pay is wrong, and to a bereaved family hurtful.
They are listed instead, for the treasurer to decide, and never written to by a batch.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance_plans import DuesYear
from huurdersgroep_app.core.services.finance.dues import DuesRow, dues_status
from huurdersgroep_app.core.services.members import board

# With no due date set for the year, a letter asks for payment within this many days of its date.
DEFAULT_TERM_DAYS = 30


@dataclass(frozen=True)
class LeftMember:
    member_id: int
    name: str
    left_on: date
    reason: str
    outstanding: Decimal


@dataclass(frozen=True)
class DuesLetterPlan:
    year: int
    letters: list[DuesRow]  # who is written to
    left: list[LeftMember]  # left during (or since) the year and not paid: the treasurer decides, no letter
    due_on: date  # the date the letters ask payment by
    treasurer: str  # who signs; '' when nobody holds the office


def dues_letter_plan(session: Session, year: int, member_ids: list[int] | None = None, unpaid_only: bool = True,
                     today: date | None = None) -> DuesLetterPlan:
    today = today or date.today()
    letters: list[DuesRow] = []
    left: list[LeftMember] = []
    for row in dues_status(session, year):
        if member_ids is not None and row.member_id not in member_ids:
            continue
        if unpaid_only and row.has_paid:
            continue
        member = session.get(Member, row.member_id)
        if member.left_on is not None:
            left.append(LeftMember(member.id, member.full_name, member.left_on, member.left_reason, row.outstanding))
        else:
            letters.append(row)
    dues_year = session.get(DuesYear, year)
    due_on = dues_year.due_on if dues_year and dues_year.due_on else None
    if due_on is None or due_on < today:
        # A letter made after the year's due date (a reminder, a late batch) must not ask to pay by a
        # day already gone: it gives the usual term from today.
        due_on = today + timedelta(days=DEFAULT_TERM_DAYS)
    return DuesLetterPlan(year, letters, left, due_on, treasurer_name(session, today))


def left_without_paying(session: Session, year: int, rows: list[DuesRow] | None = None) -> list[LeftMember]:
    """The members who left and still owe dues for ``year``: no letter goes to them (see the plan above),
    so the dues tab lists them for the treasurer. Nobody owes before the amount is set."""
    left = []
    for row in dues_status(session, year) if rows is None else rows:
        if row.outstanding <= 0:
            continue
        member = session.get(Member, row.member_id)
        if member.left_on is not None:
            left.append(LeftMember(member.id, member.full_name, member.left_on, member.left_reason, row.outstanding))
    return left


def treasurer_name(session: Session, on: date) -> str:
    for office in board.current_offices(session, on):
        if office.role == "treasurer":
            return office.member.full_name
    return ""
