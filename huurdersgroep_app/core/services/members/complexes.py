"""Complexes of the landlord, with members per complex and the group's reach."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Complex, Member
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.core.services.members import address_ranges
from huurdersgroep_app.i18n import N_, _, ngettext


@dataclass(frozen=True)
class ComplexRow:
    id: int | None
    name: str
    dwellings: int
    members: int

    @property
    def reach(self) -> Decimal | None:
        """Members ÷ dwellings, as a fraction (0.25 = 25 %); None when dwellings are unknown."""
        if not self.dwellings:
            return None
        return (Decimal(self.members) / Decimal(self.dwellings)).quantize(Decimal("0.0001"))


def _clean(session: Session, name: str, dwellings, exclude_id: int | None = None) -> tuple[str, int]:
    problems = {}
    name = (name or "").strip()
    if not name:
        problems["name"] = _("The name of the complex is required.")
    elif session.scalar(select(Complex.id).where(func.lower(Complex.name) == name.lower(),
                                                  Complex.id != (exclude_id or -1))):
        problems["name"] = _("There is already a complex called '{name}'.").format(name=name)
    try:
        dwellings = int(dwellings or 0)
        if dwellings < 0:
            raise ValueError
    except (TypeError, ValueError):
        problems["dwellings"] = _("The number of dwellings must be a whole number, 0 or more.")
    if problems:
        raise ValidationError(problems)
    return name, dwellings


def add_complex(session: Session, name: str, dwellings: int = 0, code: str = "", address: str = "",
                postcode: str = "", city: str = "", notes: str = "", ranges=None) -> Complex:
    """``ranges``: its address ranges (address_ranges.AddressRange or dicts), checked against the others'."""
    name, dwellings = _clean(session, name, dwellings)
    item = Complex(name=name, dwellings=dwellings, code=code.strip(), address=address.strip(),
                   postcode=postcode.strip(), city=city.strip(), notes=notes)
    session.add(item)
    session.flush()
    if ranges is not None:
        address_ranges.set_ranges(session, item.id, ranges)
    return item


def get_complex(session: Session, complex_id: int) -> Complex:
    return get_or_raise(session, Complex, complex_id, N_("Complex {id} does not exist."), id=complex_id)


def update_complex(session: Session, complex_id: int, name: str, dwellings: int, code: str = "",
                   address: str = "", postcode: str = "", city: str = "", notes: str = "", ranges=None) -> Complex:
    """``ranges`` None keeps the complex's address ranges; a list replaces them."""
    item = get_complex(session, complex_id)
    item.name, item.dwellings = _clean(session, name, dwellings, exclude_id=complex_id)
    item.code, item.address, item.postcode, item.city, item.notes = code, address, postcode, city, notes
    if ranges is not None:
        address_ranges.set_ranges(session, complex_id, ranges)
    return item


def delete_complex(session: Session, complex_id: int) -> None:
    """Members keep their data; their link to the complex is cleared."""
    session.delete(get_complex(session, complex_id))


def assign_members(session: Session, member_ids, complex_id: int | None) -> int:
    """Put several members in one complex (None: in no complex) in the caller's one transaction;
    returns how many were assigned. Nothing changes when one of them is not there (any more)."""
    ids = {int(i) for i in member_ids}
    if not ids:
        raise DomainError(_("Choose one or more members first."))
    if complex_id is not None:
        get_complex(session, complex_id)
    found = list(session.scalars(select(Member).where(Member.id.in_(ids), Member.anonymised.is_(False))))
    if len(found) != len(ids):
        raise DomainError(_("One of the chosen members does not exist any more or was anonymised."))
    for member in found:
        member.complex_id = complex_id
    return len(found)


def list_complexes(session: Session) -> list[Complex]:
    return list(session.scalars(select(Complex).order_by(Complex.name)))


def complex_rows(session: Session, on: date | None = None) -> list[ComplexRow]:
    """Active members per complex, plus a row (id None) for members without a complex."""
    on = on or date.today()
    active = (Member.left_on.is_(None)) | (Member.left_on > on)
    counts = dict(session.execute(
        select(Member.complex_id, func.count()).where(active, Member.anonymised.is_(False)).group_by(Member.complex_id)
    ).all())
    rows = [ComplexRow(c.id, c.name, c.dwellings, counts.get(c.id, 0)) for c in list_complexes(session)]
    if counts.get(None):
        rows.append(ComplexRow(None, _("No complex"), 0, counts[None]))
    return rows


@dataclass(frozen=True)
class ReachTotal:
    """All complexes together. ``members`` is every member (the sum of the table's column); the reach
    counts only members living in a complex whose dwellings are known, because a member without a complex
    lives in none of the dwellings counted (62 members with 59 unassigned on 80 dwellings is not 78 %)."""

    name: str
    dwellings: int
    members: int
    in_complexes: int       # members linked to a complex
    counted: int            # of those, in a complex with a known number of dwellings: the reach's numerator
    without_complex: int
    id: None = None

    @property
    def reach(self) -> Decimal | None:
        if not self.dwellings:
            return None
        return (Decimal(self.counted) / Decimal(self.dwellings)).quantize(Decimal("0.0001"))

    @property
    def uncounted(self) -> int:
        """Members the reach leaves out: without a complex, or in a complex without dwellings."""
        return self.members - self.counted


def total_reach(rows, without_complex=lambda row: row.id is None) -> ReachTotal:
    """The one definition of the group's total reach, for the Overview, the member counts list and the
    funders' reports. ``rows`` carry ``dwellings`` and ``members``; ``without_complex`` tells the row of
    members without a complex (id None here; an empty name in the activity report's counts)."""
    members = sum(r.members for r in rows)
    loose = sum(r.members for r in rows if without_complex(r))
    counted = sum(r.members for r in rows if not without_complex(r) and r.dwellings)
    return ReachTotal(_("Total"), sum(r.dwellings for r in rows if not without_complex(r)), members,
                      members - loose, counted, loose)


def reach_note(total: ReachTotal) -> str:
    """Says which members the reach leaves out; empty when it counts everyone."""
    if not total.dwellings or not total.uncounted:
        return ""
    parts = [ngettext("The reach counts only the {n} member in a complex with known dwellings.",
                      "The reach counts only the {n} members in a complex with known dwellings.",
                      total.counted).format(n=total.counted)]
    if total.without_complex:
        parts.append(ngettext("{n} member has no complex.", "{n} members have no complex.",
                              total.without_complex).format(n=total.without_complex))
    in_unknown = total.in_complexes - total.counted
    if in_unknown:
        parts.append(ngettext("{n} member lives in a complex without a number of dwellings.",
                              "{n} members live in a complex without a number of dwellings.",
                              in_unknown).format(n=in_unknown))
    return " ".join(parts)
