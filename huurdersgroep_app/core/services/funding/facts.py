"""Facts the checks share, read once per run (kept in ``CheckContext.cache``)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.meetings import AgendaItem, Attendance, Decision, Meeting
from huurdersgroep_app.core.services.meetings.lifecycle import HELD_STATUSES
from huurdersgroep_app.i18n import format_date


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def held_meetings(ctx, year: int | None = None) -> list[Meeting]:
    """Meetings held in the year (on or before today), by date."""
    year = ctx.year if year is None else year
    key = ("held", year)
    if key not in ctx.cache:
        start, end = year_bounds(year)
        ctx.cache[key] = list(ctx.session.scalars(select(Meeting).where(
            Meeting.status.in_(HELD_STATUSES), Meeting.scheduled_on >= start,
            Meeting.scheduled_on <= min(end, ctx.today)).order_by(Meeting.scheduled_on, Meeting.id)))
    return ctx.cache[key]


def open_to_all(meeting: Meeting) -> bool:
    return meeting.audience == "all_tenants" or meeting.type in ("open_tenants", "annual")


def dates(meetings: list[Meeting]) -> str:
    return ", ".join(format_date(m.scheduled_on) for m in meetings)


def agenda_keys(ctx, meeting_id: int) -> set[str]:
    return set(ctx.session.scalars(select(AgendaItem.key).where(AgendaItem.meeting_id == meeting_id,
                                                                AgendaItem.key != "")))


def tenants_present(ctx, meeting_id: int) -> int:
    return ctx.session.scalar(select(func.count()).select_from(Attendance).join(Member,
                                                                                Member.id == Attendance.member_id)
                              .where(Attendance.meeting_id == meeting_id, Attendance.status == "present",
                                     Member.is_tenant.is_(True))) or 0


def minutes_approved_on(ctx, meeting_id: int) -> date | None:
    """The day another meeting approved this meeting's minutes."""
    return ctx.session.scalar(select(Meeting.scheduled_on).join(Decision, Decision.meeting_id == Meeting.id)
                              .where(Decision.kind == "minutes_approval", Decision.approves_meeting_id == meeting_id)
                              .order_by(Meeting.scheduled_on).limit(1))


def annual_meeting(ctx, year: int | None = None) -> Meeting | None:
    """The year's held annual meeting, the one furthest along (minutes approved before drafted)."""
    held = [m for m in held_meetings(ctx, year) if m.type == "annual"]
    if not held:
        return None
    return max(held, key=lambda m: (HELD_STATUSES.index(m.status), m.scheduled_on))


def months_after_year(year: int, months: int) -> date:
    """The last day of the ``months``-th month after ``year`` ends (2025, 2 → 28 February 2026)."""
    index = 12 * (year + 1) + months  # the month after that one, counted from January of year 0
    first_after = date(index // 12, index % 12 + 1, 1)
    return date.fromordinal(first_after.toordinal() - 1)
