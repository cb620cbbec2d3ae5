"""Overview of the meetings: lists per year, what comes next, and whether this year's annual
meeting was held with minutes — the first funding condition in every region."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.meetings import Decision, Meeting
from huurdersgroep_app.core.services.meetings.action_points import ActionPointRow, overdue_action_points
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES, display_title, status_label, type_label
from huurdersgroep_app.i18n import _, format_date


@dataclass(frozen=True)
class MeetingRow:
    id: int
    type: str
    scheduled_on: date
    start_time: object
    title: str  # as shown: the user's title or the type's name
    status: str
    place: str
    invitations_sent_on: date | None

    @property
    def type_label(self) -> str:
        return type_label(self.type)

    @property
    def status_label(self) -> str:
        return status_label(self.status)


def _rows(session: Session, stmt) -> list[MeetingRow]:
    return [MeetingRow(mid, kind, on, start, display_title(kind, title), status, place, sent)
            for mid, kind, on, start, title, status, place, sent in session.execute(stmt)]


def _columns():
    return select(Meeting.id, Meeting.type, Meeting.scheduled_on, Meeting.start_time, Meeting.title, Meeting.status,
                  Meeting.place, Meeting.invitations_sent_on)


def meeting_rows(session: Session, year: int | None = None, kind: str | None = None) -> list[MeetingRow]:
    """Meetings by date (and time), optionally of one year or one type."""
    stmt = _columns().order_by(Meeting.scheduled_on, Meeting.start_time, Meeting.id)
    if year is not None:
        stmt = stmt.where(Meeting.scheduled_on >= date(year, 1, 1), Meeting.scheduled_on <= date(year, 12, 31))
    if kind is not None:
        stmt = stmt.where(Meeting.type == kind)
    return _rows(session, stmt)


def upcoming_meetings(session: Session, today: date | None = None, limit: int = 10) -> list[MeetingRow]:
    today = today or date.today()
    stmt = (_columns().where(Meeting.scheduled_on >= today, Meeting.status.in_(("planned", "invited")))
            .order_by(Meeting.scheduled_on, Meeting.start_time, Meeting.id).limit(limit))
    return _rows(session, stmt)


@dataclass(frozen=True)
class AnnualMeetingStatus:
    year: int
    meeting_id: int | None
    scheduled_on: date | None
    held: bool
    minutes_present: bool
    minutes_approved: bool
    discharge_years: tuple[int, ...]  # financial years the board was discharged for at this meeting
    text: str

    @property
    def ok(self) -> bool:
        """The funding condition: held, with minutes."""
        return self.held and self.minutes_present


def annual_meeting_status(session: Session, year: int) -> AnnualMeetingStatus:
    """Held this year? Minutes written? Approved? (held and written is what funders check)."""
    meetings = session.scalars(select(Meeting).where(
        Meeting.type == "annual", Meeting.status != "cancelled",
        Meeting.scheduled_on >= date(year, 1, 1), Meeting.scheduled_on <= date(year, 12, 31))
        .order_by(Meeting.scheduled_on)).all()
    held = [m for m in meetings if m.status in HELD_STATUSES]
    if not held:
        if meetings:
            m = meetings[0]
            text = _("The annual meeting of {year} is planned on {date}; it has not been held yet.").format(
                year=year, date=format_date(m.scheduled_on))
            return AnnualMeetingStatus(year, m.id, m.scheduled_on, False, False, False, (), text)
        return AnnualMeetingStatus(year, None, None, False, False, False, (),
                                   _("No annual meeting is planned for {year}.").format(year=year))
    best = max(held, key=lambda m: (HELD_STATUSES.index(m.status), m.scheduled_on))
    present = best.status in ("minutes_drafted", "minutes_approved")
    approved = best.status == "minutes_approved"
    discharges = tuple(session.scalars(select(Decision.financial_year).where(
        Decision.meeting_id == best.id, Decision.kind == "discharge").order_by(Decision.financial_year)))
    when = format_date(best.scheduled_on)
    if approved:
        text = _("The annual meeting of {year} was held on {date}; its minutes are approved.")
    elif present:
        text = _("The annual meeting of {year} was held on {date}; its minutes are written but not yet approved.")
    else:
        text = _("The annual meeting of {year} was held on {date}, but its minutes are missing.")
    return AnnualMeetingStatus(year, best.id, best.scheduled_on, True, present, approved, discharges,
                               text.format(year=year, date=when))


# A year without an annual meeting is fine when the next one is this close: many groups hold the
# meeting on last year's accounts in the first months of the following year.
NEXT_ANNUAL_WITHIN_DAYS = 183


@dataclass(frozen=True)
class AnnualMeetingOutlook:
    status: AnnualMeetingStatus
    signal: bool | None  # True: held with minutes; None: nothing to worry about yet; False: needs attention
    text: str


def next_annual_meeting(session: Session, today: date) -> Meeting | None:
    return session.scalar(select(Meeting).where(
        Meeting.type == "annual", Meeting.status.in_(("planned", "invited")), Meeting.scheduled_on >= today)
        .order_by(Meeting.scheduled_on).limit(1))


def annual_meeting_outlook(session: Session, today: date | None = None) -> AnnualMeetingOutlook:
    """This year's annual meeting as the Overview shows it: red only when something is to be done.
    A meeting planned later this year, or one planned soon in the next year, is no alarm."""
    today = today or date.today()
    status = annual_meeting_status(session, today.year)
    if status.held:
        return AnnualMeetingOutlook(status, status.ok, status.text)
    if status.meeting_id is not None:
        return AnnualMeetingOutlook(status, None if status.scheduled_on >= today else False, status.text)
    upcoming = next_annual_meeting(session, today)
    if upcoming is not None and (upcoming.scheduled_on - today).days <= NEXT_ANNUAL_WITHIN_DAYS:
        return AnnualMeetingOutlook(status, None, _(
            "No annual meeting in {year}; the next one is planned on {date}.").format(
                year=today.year, date=format_date(upcoming.scheduled_on)))
    return AnnualMeetingOutlook(status, False, status.text)


def overdue(session: Session, today: date | None = None) -> list[ActionPointRow]:
    """Open action points past their due date, oldest meeting first."""
    return overdue_action_points(session, today)
