"""What some conditions ask for besides meetings and books: the audit committee (kascommissie)
of a financial year with its report, and the year plan (jaarplanning)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member, Office
from huurdersgroep_app.core.db.models.funding import AuditCommittee, AuditCommitteeMember, YearPlan, YearPlanLine
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.finance.common import read_date
from huurdersgroep_app.i18n import _


def board_member_ids_in_year(session: Session, year: int) -> set[int]:
    """Members who held a board office at any time in the year."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    return set(session.scalars(select(Office.member_id).where(
        Office.start_on <= end, (Office.ended_on.is_(None)) | (Office.ended_on > start))))


def set_audit_committee(session: Session, year: int, member_ids: list[int], checked_on: date | str | None = None,
                        scope: str = "", findings: str = "", approved: bool = False) -> AuditCommittee:
    """The kascommissie of ``year`` (its members may not be on the board that year) and its report."""
    problems: dict[str, str] = {}
    day = read_date(checked_on, "checked_on", problems, required=False)
    ids = list(dict.fromkeys(member_ids))
    people = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids or [0])))}
    if set(ids) - set(people):
        problems["member_ids"] = _("One of the chosen members does not exist (any more).")
    on_board = [people[i].full_name for i in ids if i in people and i in board_member_ids_in_year(session, year)]
    if on_board:
        problems["member_ids"] = _("The audit committee may not include board members: {names} sat on the board "
                                   "in {year}.").format(names=", ".join(on_board), year=year)
    if problems:
        raise ValidationError(problems)
    committee = session.scalar(select(AuditCommittee).where(AuditCommittee.year == year))
    if committee is None:
        committee = AuditCommittee(year=year)
        session.add(committee)
    committee.checked_on, committee.scope, committee.findings = day, scope.strip(), findings.strip()
    committee.approved = bool(approved)
    kept = [m for m in committee.members if m.member_id in ids]
    have = {m.member_id for m in kept}
    committee.members = kept + [AuditCommitteeMember(member_id=i) for i in ids if i not in have]
    session.flush()
    return committee


def audit_committee(session: Session, year: int) -> AuditCommittee | None:
    return session.scalar(select(AuditCommittee).where(AuditCommittee.year == year))


def set_year_plan(session: Session, year: int, goals: str = "", approved_on: date | str | None = None) -> YearPlan:
    problems: dict[str, str] = {}
    day = read_date(approved_on, "approved_on", problems, required=False)
    if problems:
        raise ValidationError(problems)
    plan = year_plan(session, year)
    if plan is None:
        plan = YearPlan(year=year)
        session.add(plan)
    plan.goals, plan.approved_on = goals.strip(), day
    session.flush()
    return plan


def add_plan_line(session: Session, year: int, description: str, planned_on: date | str | None = None,
                  meeting_id: int | None = None, category_id: int | None = None) -> YearPlanLine:
    problems: dict[str, str] = {}
    day = read_date(planned_on, "planned_on", problems, required=False)
    if not (description or "").strip():
        problems["description"] = _("Say what is planned.")
    if day is not None and day.year != year:
        problems["planned_on"] = _("The date lies outside {year}.").format(year=year)
    if problems:
        raise ValidationError(problems)
    plan = year_plan(session, year)
    if plan is None:
        raise DomainError(_("There is no year plan for {year} yet.").format(year=year))
    line = YearPlanLine(plan_id=plan.id, position=len(plan.lines) + 1, description=description.strip(),
                        planned_on=day, meeting_id=meeting_id, category_id=category_id)
    session.add(line)
    session.flush()
    return line


def year_plan(session: Session, year: int) -> YearPlan | None:
    return session.scalar(select(YearPlan).where(YearPlan.year == year))
