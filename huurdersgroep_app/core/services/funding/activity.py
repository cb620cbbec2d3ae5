"""The facts of a year's activity report (jaarverslag), read from the other areas' services:
the board and its changes, members at the start and end of the year and per complex, meetings
held per type with attendance, consultations with the landlord, advices and the landlord's
replies, signals by category and status, communications to tenants, the money in brief, and
the year's free texts.

Only counts and public facts: no member's address, phone or e-mail, and signals only through
``shareable_signals`` (never a confidential one) and only as counts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Complex, Member, Office
from huurdersgroep_app.core.db.models.meetings import Attendance, Meeting
from huurdersgroep_app.core.services.advices.consultation import (AdviceOutcome, ConsultationMeeting,
                                                                  consultation_history)
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.funding.texts import YearTexts, get_year_texts
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES, display_title
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.signals.register import shareable_signals

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class BoardChange:
    on: date
    name: str
    role: str
    started: bool  # True: took office; False: stepped down


@dataclass(frozen=True)
class ComplexCount:
    name: str
    dwellings: int
    members: int

    @property
    def reach(self) -> Decimal | None:
        """Members per dwelling (1 = 100 %), None without dwellings."""
        return (Decimal(self.members) / self.dwellings).quantize(Decimal("0.001")) if self.dwellings else None


@dataclass(frozen=True)
class MeetingTypeCount:
    type: str
    held: int
    present: int  # members and guests marked present, all meetings of the type together


@dataclass(frozen=True)
class MoneyInBrief:
    income: Decimal
    expense: Decimal
    result: Decimal
    opening: Decimal
    closing: Decimal


@dataclass
class ActivityYear:
    year: int
    start: date
    end: date
    board: list[tuple[str, str]] = field(default_factory=list)  # (role, name) on 31 December
    board_changes: list[BoardChange] = field(default_factory=list)
    rota_meeting: date | None = None
    rota_due: list[tuple[str, str]] = field(default_factory=list)  # (role, name) stepping down next
    members_start: int = 0
    members_end: int = 0
    joined: int = 0
    left: int = 0
    complexes: list[ComplexCount] = field(default_factory=list)
    meetings: list[MeetingTypeCount] = field(default_factory=list)
    consultations: list[ConsultationMeeting] = field(default_factory=list)
    advices: list[AdviceOutcome] = field(default_factory=list)
    advices_not_given: int = 0
    signals_by_category: dict[str, int] = field(default_factory=dict)
    signals_by_status: dict[str, int] = field(default_factory=dict)
    communications: list[tuple[date, str]] = field(default_factory=list)
    money: MoneyInBrief | None = None
    texts: YearTexts | None = None

    @property
    def signals(self) -> int:
        return sum(self.signals_by_category.values())


def _active_on(day: date):
    return (Member.joined_on <= day) & ((Member.left_on.is_(None)) | (Member.left_on > day)) & \
        Member.anonymised.is_(False)


def _members(session: Session, report: ActivityYear) -> None:
    start, end = report.start, report.end
    count = lambda *where: session.scalar(select(func.count(Member.id)).where(*where)) or 0  # noqa: E731
    # Members on 1 January are those who had joined before the year began.
    report.members_start = count(_active_on(start), Member.joined_on < start)
    report.members_end = count(_active_on(end))
    report.joined = count(Member.joined_on.between(start, end))
    report.left = count(Member.left_on.between(start, end))
    per = dict(session.execute(select(Member.complex_id, func.count(Member.id)).where(_active_on(end))
                               .group_by(Member.complex_id)).all())
    report.complexes = [ComplexCount(c.name, c.dwellings, per.get(c.id, 0))
                        for c in session.scalars(select(Complex).order_by(Complex.name))]
    if per.get(None):
        report.complexes.append(ComplexCount("", 0, per[None]))


def _board(session: Session, report: ActivityYear, today: date) -> None:
    report.board = [(o.role, o.member.full_name) for o in board.current_offices(session, min(report.end, today))]
    changes = []
    for office in session.scalars(select(Office).where(
            Office.start_on.between(report.start, report.end) | Office.ended_on.between(report.start, report.end))):
        if report.start <= office.start_on <= report.end:
            changes.append(BoardChange(office.start_on, office.member.full_name, office.role, True))
        if office.ended_on and report.start <= office.ended_on <= report.end:
            changes.append(BoardChange(office.ended_on, office.member.full_name, office.role, False))
    report.board_changes = sorted(changes, key=lambda c: (c.on, c.started, c.name))
    meeting, rota = board.retirement_rota(session, today)
    report.rota_meeting = meeting
    report.rota_due = [(r.role, r.member_name) for r in rota if r.due]


def _meetings(session: Session, report: ActivityYear, today: date) -> None:
    last = min(report.end, today)
    held = (Meeting.status.in_(HELD_STATUSES), Meeting.scheduled_on.between(report.start, last))
    counts = dict(session.execute(select(Meeting.type, func.count(Meeting.id)).where(*held)
                                  .group_by(Meeting.type)).all())
    present = dict(session.execute(select(Meeting.type, func.count(Attendance.id))
                                   .join(Attendance, Attendance.meeting_id == Meeting.id)
                                   .where(*held, Attendance.status == "present").group_by(Meeting.type)).all())
    order = ("annual", "open_tenants", "members", "board", "consultation", "working_group", "informal")
    kinds = sorted(counts, key=lambda k: order.index(k) if k in order else len(order))
    report.meetings = [MeetingTypeCount(k, counts[k], present.get(k, 0)) for k in kinds]
    # Invitations to meetings open to all tenants are communications to every tenant.
    for on, title, kind in session.execute(select(Meeting.invitations_sent_on, Meeting.title, Meeting.type).where(
            Meeting.invitations_sent_on.between(report.start, last), Meeting.audience == "all_tenants")
            .order_by(Meeting.invitations_sent_on)):
        report.communications.append((on, display_title(kind, title)))


def _communications(session: Session, report: ActivityYear) -> None:
    """What the secretary recorded as informing tenants: evidence of the 'tenants informed' conditions."""
    from huurdersgroep_app.core.db.models.funding import ConditionEvidence, FundingCondition

    seen = {text for _on, text in report.communications}
    for on, note in session.execute(select(ConditionEvidence.confirmed_on, ConditionEvidence.note)
                                    .join(FundingCondition, FundingCondition.id == ConditionEvidence.condition_id)
                                    .where(FundingCondition.check == "tenants_informed",
                                           ConditionEvidence.year == report.year, ConditionEvidence.note != "")
                                    .order_by(ConditionEvidence.confirmed_on, ConditionEvidence.id)):
        for part in (p.strip() for p in note.split(";")):
            if part and part not in seen:  # two funders ask the same: say it once
                seen.add(part)
                report.communications.append((on, part))
    report.communications.sort(key=lambda item: item[0])


def _money(session: Session, report: ActivityYear) -> None:
    table = budget_vs_actual(session, report.year)
    balances = account_balances(session, report.year)
    report.money = MoneyInBrief(table.total("income", "actual"), table.total("expense", "actual"),
                                table.result_actual, sum((b.opening for b in balances), ZERO),
                                sum((b.closing for b in balances), ZERO))


def activity_year(session: Session, year: int, today: date | None = None) -> ActivityYear:
    today = today or date.today()
    report = ActivityYear(year, date(year, 1, 1), date(year, 12, 31))
    _board(session, report, today)
    _members(session, report)
    _meetings(session, report, today)
    _communications(session, report)
    history = consultation_history(session, report.start, report.end, today)
    report.consultations = [m for m in history.meetings if m.held]
    report.advices = history.given
    report.advices_not_given = len(history.not_given)
    signals = shareable_signals(session, report.start, report.end)
    report.signals_by_category = dict(Counter(s.category for s in signals).most_common())
    report.signals_by_status = dict(Counter(s.status for s in signals).most_common())
    _money(session, report)
    report.texts = get_year_texts(session, year)
    return report
