"""Everything the Overview shows, read in one pass: one read-only session and one 'today' for all
its panels.

The Overview is the first page the app opens on. Each panel used to read its own part in its own
session, some of them twice (once when built and again when the page refreshed or was shown), and
four of them read again on every change anywhere in the app, also while another page was in front.
One pass reads each part once, and only when the page is drawn."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.deadline_overview import DeadlineOverview, deadline_overview
from huurdersgroep_app.core.services.finance.snapshot import MoneySnapshot, read_cash_warnings, read_money_snapshot
from huurdersgroep_app.core.services.funding.deadlines import FunderDeadlines, funder_deadlines
from huurdersgroep_app.core.services.meetings.views import MeetingsSnapshot, read_meetings_snapshot
from huurdersgroep_app.core.services.members.views import GroupSnapshot, read_group_snapshot
from huurdersgroep_app.core.services.privacy.views import PrivacyCounts, read_counts
from huurdersgroep_app.core.services.year_of_group import YearOfGroup, year_of_group


@dataclass(frozen=True)
class OverviewData:
    group: GroupSnapshot  # name, members per complex, board, retirement rota
    year: YearOfGroup
    meetings: MeetingsSnapshot
    deadlines: DeadlineOverview
    funding: FunderDeadlines
    money: MoneySnapshot
    cash_warnings: list[str]
    privacy: PrivacyCounts


def read_overview(session: Session, meetings_shown: int = 5, today: date | None = None) -> OverviewData:
    today = today or date.today()
    return OverviewData(group=read_group_snapshot(session),
                        year=year_of_group(session, today),
                        meetings=read_meetings_snapshot(session, today, shown=meetings_shown),
                        deadlines=deadline_overview(session, today),
                        funding=funder_deadlines(session, today),
                        money=read_money_snapshot(session, today),
                        cash_warnings=read_cash_warnings(session, today),
                        privacy=read_counts(session))
