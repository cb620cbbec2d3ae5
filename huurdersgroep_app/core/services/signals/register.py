"""Looking at signals together: the filtered register, what may be shared, and grouping into advice.

"12 signals about damp in De Linde" is the usual start of an own-initiative advice: ``clusters``
finds such groups, ``advice_from_signals`` opens the dossier and links them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices.labels import category_label
from huurdersgroep_app.core.services.organisation import country as group_country
from huurdersgroep_app.core.services.signals.signals import reporter_text
from huurdersgroep_app.i18n import _


@dataclass
class SignalFilter:
    complex_id: int | None = None
    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None
    open_only: bool = False
    advice_id: int | None = None
    unlinked_only: bool = False
    include_confidential: bool = True
    text: str = ""


@dataclass(frozen=True)
class SignalRow:
    """A plain row for the register table."""

    id: int
    reported_on: date
    reporter: str
    complex_id: int | None
    complex_name: str
    address: str
    category: str
    scope: str
    status: str
    confidential: bool
    description: str
    forwarded_on: date | None
    answered_on: date | None
    resolved_on: date | None
    advice_id: int | None
    advice_reference: str


def _query(flt: SignalFilter):
    stmt = select(Signal).options(joinedload(Signal.complex), joinedload(Signal.member), joinedload(Signal.advice))
    if flt.complex_id is not None:
        stmt = stmt.where(Signal.complex_id == flt.complex_id)
    if flt.category:
        stmt = stmt.where(Signal.category == flt.category)
    if flt.date_from:
        stmt = stmt.where(Signal.reported_on >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(Signal.reported_on <= flt.date_to)
    if flt.status:
        stmt = stmt.where(Signal.status == flt.status)
    if flt.open_only:
        stmt = stmt.where(Signal.status.in_(("open", "forwarded", "answered")))
    if flt.advice_id is not None:
        stmt = stmt.where(Signal.advice_id == flt.advice_id)
    if flt.unlinked_only:
        stmt = stmt.where(Signal.advice_id.is_(None))
    if not flt.include_confidential:
        stmt = stmt.where(Signal.confidential.is_(False))
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        stmt = stmt.where(or_(Signal.description.ilike(like), Signal.street.ilike(like)))
    return stmt.order_by(Signal.reported_on.desc(), Signal.id.desc())


def signals(session: Session, flt: SignalFilter | None = None) -> list[Signal]:
    return list(session.scalars(_query(flt or SignalFilter())).unique())


def signal_rows(session: Session, flt: SignalFilter | None = None) -> list[SignalRow]:
    rows = []
    country = group_country(session)  # a signal's address has no postcode: it is in the group's country
    for s in signals(session, flt):
        address = addresses.street_line(s.street, s.house_number, s.box, default_country=country)
        rows.append(SignalRow(s.id, s.reported_on, reporter_text(s), s.complex_id, s.complex.name if s.complex else "",
                              address, s.category, s.scope, s.status, s.confidential, s.description,
                              s.forwarded_on, s.answered_on, s.resolved_on, s.advice_id,
                              s.advice.reference if s.advice else ""))
    return rows


def shareable_signals(session: Session, date_from: date, date_to: date, **criteria) -> list[Signal]:
    """The only way documents get signals: confidential ones are never among them."""
    flt = SignalFilter(date_from=date_from, date_to=date_to, **criteria)
    flt.include_confidential = False
    return signals(session, flt)


@dataclass(frozen=True)
class Cluster:
    complex_id: int | None
    complex_name: str
    category: str
    signal_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.signal_ids)

    def describe(self) -> str:
        return _("{count} signals about {category} in {complex}").format(
            count=self.count, category=category_label(self.category).lower(),
            complex=self.complex_name or _("no particular complex"))


def clusters(session: Session, date_from: date | None = None, date_to: date | None = None,
             min_count: int = 3) -> list[Cluster]:
    """Unfinished signals not yet in a dossier, grouped by complex and category, biggest first."""
    flt = SignalFilter(date_from=date_from, date_to=date_to, open_only=True, unlinked_only=True)
    groups: dict[tuple, list[Signal]] = defaultdict(list)
    for s in signals(session, flt):
        groups[(s.complex_id, s.category)].append(s)
    found = [Cluster(cid, items[0].complex.name if items[0].complex else "", category,
                     tuple(sorted(x.id for x in items)))
             for (cid, category), items in groups.items() if len(items) >= min_count]
    return sorted(found, key=lambda c: (-c.count, c.complex_name, c.category))


def _load(session: Session, signal_ids) -> list[Signal]:
    ids = list(dict.fromkeys(signal_ids))
    if not ids:
        raise ValidationError({"signal_ids": _("Choose at least one signal.")})
    found = list(session.scalars(select(Signal).where(Signal.id.in_(ids))))
    if len(found) != len(ids):
        raise ValidationError({"signal_ids": _("One of the chosen signals does not exist.")})
    return found


def link_signals(session: Session, signal_ids, advice_id: int, on: date | None = None) -> int:
    """Group signals under a dossier; returns how many were newly linked."""
    advice = advices.get_advice(session, advice_id)
    items = _load(session, signal_ids)
    taken = [s for s in items if s.advice_id not in (None, advice_id)]
    if taken:
        raise DomainError(_("Signal {id} already belongs to dossier {reference}.").format(
            id=taken[0].id, reference=taken[0].advice.reference))
    new = [s for s in items if s.advice_id is None]
    for s in new:
        s.advice = advice
    if new:
        advices.record_event(advice, on or date.today(), "signals", str(len(new)))
    return len(new)


def unlink_signals(session: Session, signal_ids) -> None:
    for s in _load(session, signal_ids):
        s.advice = None


def advice_from_signals(session: Session, signal_ids, title: str, topic: str, requested_on: date,
                        notes: str = ""):
    """Open an own-initiative dossier about these signals, for the complexes they come from."""
    items = _load(session, signal_ids)
    complex_ids = sorted({s.complex_id for s in items if s.complex_id is not None})
    scope = "one_complex" if len(complex_ids) == 1 else "several" if len(complex_ids) > 1 else "whole_stock"
    advice = advices.create_advice(session, advices.AdviceInput(
        title=title, kind="own_initiative", topic=topic, scope=scope, complex_ids=complex_ids,
        requested_on=requested_on, notes=notes))
    link_signals(session, [s.id for s in items], advice.id, on=requested_on)
    return advice
