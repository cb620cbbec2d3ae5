"""Financial years (calendar years): open or closed, and the check every writer calls first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Entry, FinancialYear, OpeningBalance, Transfer
from huurdersgroep_app.core.db.year_lock import locked_year_error


@dataclass(frozen=True)
class YearRow:
    year: int
    status: str  # open | closed
    closed_on: date | None


def closed_years(session: Session) -> set[int]:
    return set(session.scalars(select(FinancialYear.year).where(FinancialYear.status == "closed")))


def is_closed(session: Session, year: int) -> bool:
    return session.scalar(select(FinancialYear.year).where(FinancialYear.year == year,
                                                           FinancialYear.status == "closed")) is not None


def ensure_open(session: Session, *when: date | int) -> None:
    """Raise LockedYearError when any of the given dates or years lies in a closed year."""
    wanted = {w if isinstance(w, int) else w.year for w in when if w is not None}
    hit = sorted(wanted & closed_years(session))
    if hit:
        raise locked_year_error(hit[0])


def first_closed_year_using(session: Session, *, category_id: int | None = None,
                            account_id: int | None = None) -> int | None:
    """The first closed year whose books use this category or account (its name and kind are part of the
    year's seal, so they stay as they were), or None."""
    from huurdersgroep_app.core.db.models.finance import EntryLine
    from huurdersgroep_app.core.db.models.finance_plans import Budget, BudgetLine

    closed = closed_years(session)
    if not closed:
        return None
    used: set[int] = set()
    if category_id is not None:
        used.update(d.year for d in session.scalars(select(Entry.booked_on).join(EntryLine).where(
            EntryLine.category_id == category_id)))
        used.update(session.scalars(select(Budget.year).join(BudgetLine).where(BudgetLine.category_id == category_id)))
    if account_id is not None:
        used.update(d.year for d in session.scalars(select(Entry.booked_on).where(Entry.account_id == account_id)))
        used.update(d.year for d in session.scalars(select(Transfer.transferred_on).where(
            (Transfer.from_account_id == account_id) | (Transfer.to_account_id == account_id))))
        used.update(session.scalars(select(OpeningBalance.year).where(OpeningBalance.account_id == account_id)))
    hit = sorted(used & closed)
    return hit[0] if hit else None


def seal_warning(session: Session, year: int) -> str:
    """The line a report of ``year`` carries when that closed year no longer matches its seal ('' if it does).

    Kept for the session: a closed year cannot change through the program (its guards refuse it), and the
    funding dossier's sections each ask for the same year's line (a digest reads every row of the year)."""
    from huurdersgroep_app.core.db import seal

    cache = session.info.setdefault("seal_warnings", {})
    if year not in cache:
        cache[year] = seal.year_warning(seal.for_session(session), year)
    return cache[year]


def ensure_year(session: Session, year: int) -> FinancialYear:
    row = session.get(FinancialYear, year)
    if row is None:
        row = FinancialYear(year=year, status="open", notes="")
        session.add(row)
        session.flush()
    return row


def _years_with_data(session: Session) -> set[int]:
    years: set[int] = set()
    for column in (Entry.booked_on, Transfer.transferred_on):
        low, high = session.execute(select(func.min(column), func.max(column))).one()
        if low is not None:
            years.update(range(low.year, high.year + 1))
    years.update(session.scalars(select(OpeningBalance.year).distinct()))
    return years


def list_years(session: Session) -> list[YearRow]:
    """Every year that has books or a status, oldest first."""
    stored = {row.year: row for row in session.scalars(select(FinancialYear))}
    years = sorted(set(stored) | _years_with_data(session))
    return [YearRow(y, stored[y].status if y in stored else "open", stored[y].closed_on if y in stored else None)
            for y in years]
