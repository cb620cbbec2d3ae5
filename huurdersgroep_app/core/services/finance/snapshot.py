"""The money at a glance on the Overview, read in one session as plain dataclasses. Apart from
views.py so that the first page imports only what these readers need, not the bank import, the
grants or the transfers of the Finance page."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.finance import receipts, years
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.closing_gaps import negative_cash
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.finance.search import UNCATEGORISED, EntryFilter, search_entries


@dataclass(frozen=True)
class MoneySnapshot:
    """The money at a glance on the Overview."""

    year: int
    closed: bool
    balances: list[tuple[str, Decimal]]  # account name, balance today (or on 31 December)
    uncategorised: int
    missing_receipts: int


def read_money_snapshot(session: Session, today: date | None = None) -> MoneySnapshot:
    today = today or date.today()
    year = today.year
    start, end = year_bounds(year)
    rows = account_balances(session, year, end=min(today, end))
    return MoneySnapshot(year, years.is_closed(session, year), [(r.name, r.closing) for r in rows],
                         len(search_entries(session, EntryFilter(start=start, end=end, category_id=UNCATEGORISED))),
                         receipts.missing_receipt_count(session, year))


def read_cash_warnings(session: Session, today: date | None = None) -> list[str]:
    """A sentence per cash box that holds less than nothing today."""
    today = today or date.today()
    return negative_cash(session, today.year, end=today)
