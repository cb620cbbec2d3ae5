"""Closed financial years are locked, whatever path a change takes.

Three layers, so that no route around the services can change a closed year:
1. the finance services check the year before they change anything (clear message early);
2. a ``before_flush`` event registered on every ORM ``Session`` refuses a flush that inserts,
   changes or deletes an entry, entry line, transfer, receipt, dues payment or opening balance
   dated in a closed year, or that reopens or deletes a closed year;
3. SQLite triggers (migration 0004) refuse the same in plain SQL; their error is turned into the
   same ``LockedYearError`` by a ``handle_error`` engine event.
"""
from __future__ import annotations

import sys

from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from huurdersgroep_app.core.errors import LockedYearError
from huurdersgroep_app.i18n import _

# The text the triggers raise; recognised below and replaced by a translated message.
TRIGGER_MARKER = "huurdersgroep: closed financial year"


def locked_year_error(year: int | None) -> LockedYearError:
    if year is None:
        return LockedYearError(_("This change touches a closed financial year, whose books are locked. "
                                 "Book a correction as a new entry in an open year."))
    return LockedYearError(_("The financial year {year} is closed, so its books cannot be changed. "
                             "Book a correction as a new entry in an open year.").format(year=year))


def _old_and_new(obj, attribute: str, how: str) -> list:
    """The current value and, for a changed object, the value it had in the database."""
    values = [getattr(obj, attribute)]
    if how != "new":  # get_history is cheap; inspect(obj).attrs builds a dict of every attribute
        values += list(get_history(obj, attribute).deleted or ())
    return [v for v in values if v is not None]


def _touched(session: Session):
    """(object, how) for every finance object this flush would write."""
    for obj in session.new:
        yield obj, "new"
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            yield obj, "dirty"
    for obj in session.deleted:
        yield obj, "deleted"


FINANCE_MODELS = "huurdersgroep_app.core.db.models.finance"


@event.listens_for(Session, "before_flush")
def _refuse_changes_in_closed_years(session: Session, _context, _instances) -> None:
    if FINANCE_MODELS not in sys.modules:
        # The finance models are imported when used (see core.db.models): not loaded, so this
        # flush writes no finance object (a dues payment brings them in with its entry's table).
        return
    from huurdersgroep_app.core.db.models.finance import FinancialYear, Entry

    years: set[int] = set()
    entry_ids: set[int] = set()
    reopened: list[int] = []
    with session.no_autoflush:
        _collect(session, years, entry_ids, reopened)
    if not years and not entry_ids and not reopened:
        return
    with session.no_autoflush:
        if reopened:
            stored = session.scalars(select(FinancialYear.year).where(
                FinancialYear.year.in_(reopened), FinancialYear.status == "closed")).all()
            if stored:
                raise LockedYearError(_("The financial year {year} is closed and cannot be reopened or "
                                        "removed.").format(year=stored[0]))
        closed = set(session.scalars(select(FinancialYear.year).where(FinancialYear.status == "closed")))
        if not closed:
            return
        if entry_ids:
            for booked_on in session.scalars(select(Entry.booked_on).where(Entry.id.in_(entry_ids))):
                years.add(booked_on.year)
    hit = sorted(years & closed)
    if hit:
        raise locked_year_error(hit[0])


def _collect(session: Session, years: set, entry_ids: set, reopened: list) -> None:
    from huurdersgroep_app.core.db.models.finance import (Entry, EntryLine, FinancialYear, OpeningBalance, Receipt,
                                                          Transfer)
    from huurdersgroep_app.core.db.models.finance_plans import DuesPayment

    for obj, how in _touched(session):
        if isinstance(obj, Entry):
            years.update(d.year for d in _old_and_new(obj, "booked_on", how))
        elif isinstance(obj, Transfer):
            years.update(d.year for d in _old_and_new(obj, "transferred_on", how))
        elif isinstance(obj, OpeningBalance):
            years.update(_old_and_new(obj, "year", how))
        elif isinstance(obj, (EntryLine, Receipt, DuesPayment)):
            entry = obj.entry if isinstance(obj, (EntryLine, Receipt)) else None
            if entry is not None and entry.booked_on is not None:
                years.add(entry.booked_on.year)
            entry_ids.update(_old_and_new(obj, "entry_id", how))
        elif isinstance(obj, FinancialYear) and how != "new":
            if "closed" in _old_and_new(obj, "status", how) and (how == "deleted" or obj.status != "closed" or
                                                           get_history(obj, "year").has_changes()):
                reopened.append(obj.year)


@event.listens_for(Engine, "handle_error")
def _translate_trigger_error(context) -> None:
    if TRIGGER_MARKER in str(context.original_exception):
        raise locked_year_error(None) from context.original_exception
