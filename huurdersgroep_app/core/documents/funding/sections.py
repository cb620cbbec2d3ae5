"""The parts of the funding dossier: for each, its title, why it cannot be made (its data is
missing), and the writer that makes it — the same writer as the document on its own."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.board_list import write_board_list
from huurdersgroep_app.core.documents.finance.budget import write_budget
from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
from huurdersgroep_app.core.documents.funding.audit_committee import audit_committee_problem, \
    write_audit_committee_report
from huurdersgroep_app.core.documents.funding.checklist import member_count_blocks, member_count_info
from huurdersgroep_app.core.documents.funding.grant_accountability import write_grant_accountability
from huurdersgroep_app.core.documents.funding.year_plan import write_year_plan
from huurdersgroep_app.core.documents.minutes import write_minutes
from huurdersgroep_app.core.services.finance.budget import budget_lines, get_budget
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.funding.funders import get_funder
from huurdersgroep_app.core.services.funding.grants import grant_views
from huurdersgroep_app.core.services.funding.records import year_plan
from huurdersgroep_app.core.services.meetings.overview import meeting_rows
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.i18n import N_, _, format_date


@dataclass
class SectionContext:
    session: Session
    year: int
    funder_id: int
    today: date
    _minutes: tuple | None = None

    def annual_meeting(self):
        """The annual meeting whose minutes go in: the one after the year (it approved the year's
        accounts) if it was held by today, else the year's own; only meetings with minutes."""
        if self._minutes is None:
            found = None
            for year in (self.year + 1, self.year):
                rows = [m for m in meeting_rows(self.session, year, kind="annual")
                        if m.status in ("minutes_drafted", "minutes_approved") and m.scheduled_on <= self.today]
                if rows:
                    found = rows[-1]
                    break
            self._minutes = (found,)
        return self._minutes[0]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    label: str  # N_ text, for the GUI's list of parts
    title: Callable[[SectionContext], str]
    problem: Callable[[SectionContext], str]  # '' when the section can be made
    write: Callable[[SectionContext, object], object]


def _no_problem(_ctx: SectionContext) -> str:
    return ""


def _books_problem(ctx: SectionContext) -> str:
    count = ctx.session.scalar(select(func.count(Entry.id)).where(Entry.booked_on.between(*year_bounds(ctx.year))))
    return "" if count else _("No entries were booked in {year}.").format(year=ctx.year)


def _budget_problem(ctx: SectionContext) -> str:
    return "" if get_budget(ctx.session, ctx.year) else _("There is no budget for {year}.").format(year=ctx.year)


def _next_budget_problem(ctx: SectionContext) -> str:
    return "" if budget_lines(ctx.session, ctx.year + 1) else \
        _("The budget of {year} is still empty.").format(year=ctx.year + 1)


def _plan_problem(ctx: SectionContext) -> str:
    return "" if year_plan(ctx.session, ctx.year + 1) else \
        _("There is no year plan for {year} yet.").format(year=ctx.year + 1)


def _grant_problem(ctx: SectionContext) -> str:
    if grant_views(ctx.session, ctx.year, ctx.funder_id):
        return ""
    return _("{funder} has no grant for {year}.").format(funder=get_funder(ctx.session, ctx.funder_id).name,
                                                        year=ctx.year)


def _minutes_problem(ctx: SectionContext) -> str:
    return "" if ctx.annual_meeting() else _("No annual meeting with minutes in {year} or {next}.").format(
        year=ctx.year, next=ctx.year + 1)


def _minutes_title(ctx: SectionContext) -> str:
    meeting = ctx.annual_meeting()
    if meeting is None:
        return _("Minutes of the annual meeting")
    return _("Minutes of the annual meeting of {date}").format(date=format_date(meeting.scheduled_on, "long"))


def _board_problem(ctx: SectionContext) -> str:
    return "" if board.current_offices(ctx.session, ctx.today) else _("No one holds an office today.")


def _member_count(ctx: SectionContext, target) -> int:
    return b.write_pdf(target, member_count_info(ctx.session, ctx.year, ctx.today),
                       member_count_blocks(ctx.session, ctx.year, ctx.today))


SECTION_SPECS: tuple[SectionSpec, ...] = (
    SectionSpec("activity_report", N_("Activity report"),
                lambda c: _("Activity report {year}").format(year=c.year), _no_problem,
                lambda c, t: write_activity_report(c.session, c.year, t, today=c.today)),
    SectionSpec("financial_report", N_("Financial annual report"),
                lambda c: _("Financial annual report {year}").format(year=c.year), _books_problem,
                lambda c, t: write_financial_report(c.session, t, c.year, today=c.today)),
    SectionSpec("budget_vs_actual", N_("Budget vs actual"),
                lambda c: _("Budget vs actual {year}").format(year=c.year), _budget_problem,
                lambda c, t: write_budget_vs_actual(c.session, t, c.year, today=c.today)),
    SectionSpec("budget_next_year", N_("Next year's budget"),
                lambda c: _("Budget {year}").format(year=c.year + 1), _next_budget_problem,
                lambda c, t: write_budget(c.session, t, c.year + 1, today=c.today)),
    SectionSpec("year_plan", N_("Next year's plan"),
                lambda c: _("Year plan {year}").format(year=c.year + 1), _plan_problem,
                lambda c, t: write_year_plan(c.session, c.year + 1, t, today=c.today)),
    SectionSpec("grant_accountability", N_("Accountability per grant"),
                lambda c: _("Accountability per grant {year}").format(year=c.year), _grant_problem,
                lambda c, t: write_grant_accountability(c.session, c.year, t, funder_id=c.funder_id, today=c.today)),
    SectionSpec("audit_committee", N_("Kascommissie report"),
                lambda c: _("Report of the audit committee {year}").format(year=c.year),
                lambda c: audit_committee_problem(c.session, c.year),
                lambda c, t: write_audit_committee_report(c.session, c.year, t, today=c.today)),
    SectionSpec("annual_meeting_minutes", N_("Minutes of the annual meeting"), _minutes_title, _minutes_problem,
                lambda c, t: write_minutes(c.session, c.annual_meeting().id, t)),
    SectionSpec("board_list", N_("Board list"), lambda c: _("Board list"), _board_problem,
                lambda c, t: write_board_list(c.session, t, today=c.today)),
    SectionSpec("member_count", N_("Members per complex"),
                lambda c: _("Members per complex"), _no_problem, _member_count),
)
SECTIONS: tuple[tuple[str, str], ...] = tuple((spec.key, spec.label) for spec in SECTION_SPECS)
ALWAYS = ("cover_letter", "contents", "checklist")  # not in SECTION_SPECS: the dossier makes them itself
