"""A complex's address ranges, and the complex an address lies in.

A range is a street with its first and last house number, all numbers or only the even or odd ones
(one side of the street), optionally with a postcode. Streets are compared folded ('Kerkstr.' is
'Kerkstraat', accents and case do not count); a house number with a suffix ('12A', '12 bus 3')
lies where its number does. Two complexes may not share an address: a range that overlaps another
complex's is refused, so an address has at most one complex.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import RANGE_PARITIES, Complex, ComplexRange, Member
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.names import fold
from huurdersgroep_app.i18n import N_, _, ngettext

PARITY_LABELS = {"all": N_("all numbers"), "even": N_("even numbers"), "odd": N_("odd numbers")}
_NUMBER = re.compile(r"\s*(\d+)")
_MAX_NUMBER = 99_999
RANGES_FIELD = "ranges"  # the field of the complex form a refused range is reported under


@dataclass(frozen=True)
class AddressRange:
    street: str
    first_number: int
    last_number: int
    parity: str = "all"
    postcode: str = ""

    def holds(self, number: int) -> bool:
        if not self.first_number <= number <= self.last_number:
            return False
        return self.parity == "all" or (number % 2 == 0) == (self.parity == "even")

    def describe(self) -> str:
        text = f"{self.street} {self.first_number}–{self.last_number}"
        if self.parity != "all":
            text += f" ({_(PARITY_LABELS[self.parity])})"
        return f"{text}, {self.postcode}" if self.postcode else text


def street_key(street: str) -> str:
    """'Kerkstr.', 'kerkstraat' and 'Kérk-Straat' give the same key."""
    folded = re.sub(r"str(aat)?\b\.?", "straat", fold((street or "").strip()))
    return re.sub(r"[^a-z0-9]", "", folded)


def house_number(text: str) -> int | None:
    """The number a house number starts with: 12 for '12', '12A', '12 bus 3'; None when there is none."""
    match = _NUMBER.match(text or "")
    return int(match.group(1)) if match else None


def _postcode_key(postcode: str) -> str:
    return re.sub(r"\s", "", (postcode or "").upper())


def _postcodes_meet(a: str, b: str) -> bool:
    """An empty postcode is any postcode."""
    return not a or not b or a == b


def _overlap(a: AddressRange, b: AddressRange) -> bool:
    if street_key(a.street) != street_key(b.street) or not _postcodes_meet(_postcode_key(a.postcode),
                                                                           _postcode_key(b.postcode)):
        return False
    low, high = max(a.first_number, b.first_number), min(a.last_number, b.last_number)
    # Parity repeats every two numbers: if the shared stretch has a common number, one of its first two is.
    return any(a.holds(n) and b.holds(n) for n in range(low, min(high, low + 1) + 1))


def clean_ranges(ranges) -> list[AddressRange]:
    """Ranges as the dialog or a caller gives them (AddressRange or dicts); rows with no street and no
    numbers are left out, anything else that is incomplete is refused."""
    cleaned = []
    for position, item in enumerate(ranges, start=1):
        if isinstance(item, dict):
            item = AddressRange(**item)
        street = " ".join((item.street or "").split())
        if not street and not item.first_number and not item.last_number:
            continue
        if not street:
            raise _refused(_("Address range {n}: the street is required.").format(n=position))
        try:
            first, last = int(item.first_number), int(item.last_number)
        except (TypeError, ValueError):
            raise _refused(_("Address range {n}: the house numbers must be whole numbers.").format(
                n=position)) from None
        if not 1 <= first <= last <= _MAX_NUMBER:
            raise _refused(_("Address range {n} ({street}): the first house number must be 1 or more and not "
                                "above the last.").format(n=position, street=street))
        if item.parity not in RANGE_PARITIES:
            raise _refused(_("Address range {n}: choose all, even or odd numbers.").format(n=position))
        cleaned.append(AddressRange(street, first, last, item.parity, _postcode_key(item.postcode)))
    return cleaned


def _refused(message: str) -> ValidationError:
    """A DomainError shown under the dialog's table of ranges."""
    return ValidationError({RANGES_FIELD: message})


class RangeIndex:
    """Every complex's ranges, read once; finds the complex of many addresses (an import of 10,000 rows)."""

    def __init__(self, session: Session, exclude_complex: int | None = None):
        self.by_street: dict[str, list[tuple[int, AddressRange]]] = {}
        stmt = select(ComplexRange.complex_id, ComplexRange.street, ComplexRange.first_number,
                      ComplexRange.last_number, ComplexRange.parity, ComplexRange.postcode)
        for complex_id, street, first, last, parity, postcode in session.execute(stmt):
            if complex_id != exclude_complex:
                self.by_street.setdefault(street_key(street), []).append(
                    (complex_id, AddressRange(street, first, last, parity, postcode)))

    def __bool__(self) -> bool:
        return bool(self.by_street)

    def find(self, street: str, number: str, postcode: str = "") -> int | None:
        """The complex whose range holds the address; None for none, or when two complexes could hold it
        (an address without a postcode on a street name that two towns have)."""
        value = house_number(number)
        if value is None or not street:
            return None
        postcode = _postcode_key(postcode)
        found = {complex_id for complex_id, item in self.by_street.get(street_key(street), ())
                 if item.holds(value) and _postcodes_meet(item.postcode, postcode)}
        return found.pop() if len(found) == 1 else None

    def clash(self, item: AddressRange) -> tuple[int, AddressRange] | None:
        for complex_id, other in self.by_street.get(street_key(item.street), ()):
            if _overlap(item, other):
                return complex_id, other
        return None


def complex_for_address(session: Session, street: str, number: str, postcode: str = "") -> int | None:
    """The id of the complex whose address range holds this address, or None."""
    return RangeIndex(session).find(street, number, postcode)


def set_ranges(session: Session, complex_id: int, ranges) -> list[AddressRange]:
    """Replace a complex's ranges, in the caller's transaction. A range that overlaps one of another
    complex's is refused, naming both."""
    cleaned = clean_ranges(ranges)
    others = RangeIndex(session, exclude_complex=complex_id)
    for item in cleaned:
        clash = others.clash(item)
        if clash is not None:
            name = session.get(Complex, clash[0]).name
            raise _refused(_("The address range {range} overlaps {other} of the complex '{name}'. An address "
                                "can belong to one complex only.").format(
                range=item.describe(), other=clash[1].describe(), name=name))
    owner = session.get(Complex, complex_id)
    owner.ranges.clear()
    session.flush()
    for item in cleaned:
        owner.ranges.append(ComplexRange(street=item.street, first_number=item.first_number,
                                         last_number=item.last_number, parity=item.parity, postcode=item.postcode))
    session.flush()
    return cleaned


def ranges_of(session: Session, complex_id: int) -> list[AddressRange]:
    return [AddressRange(r.street, r.first_number, r.last_number, r.parity, r.postcode)
            for r in session.scalars(select(ComplexRange).where(ComplexRange.complex_id == complex_id)
                                     .order_by(ComplexRange.id))]


@dataclass(frozen=True)
class AddressAssignment:
    placed: int      # members put in a complex
    unmatched: int   # members without a complex whose address lies in no range
    has_ranges: bool = True

    def note(self) -> str:
        """What happened, for the window and the command line."""
        if not self.has_ranges:
            return _("No complex has address ranges yet. Give the complexes their streets and house numbers "
                     "first (Overview, change a complex).")
        parts = [ngettext("{n} member was placed in a complex by their address.",
                          "{n} members were placed in a complex by their address.", self.placed).format(n=self.placed)]
        if self.unmatched:
            parts.append(ngettext("{n} member without a complex has an address in no complex's ranges.",
                                  "{n} members without a complex have an address in no complex's ranges.",
                                  self.unmatched).format(n=self.unmatched))
        return " ".join(parts)


def assign_by_address(session: Session) -> AddressAssignment:
    """Put every member without a complex in the complex whose range holds their address, in the
    caller's one transaction. Members who are already in a complex keep it."""
    index = RangeIndex(session)
    if not index:
        return AddressAssignment(0, 0, has_ranges=False)
    placed = unmatched = 0
    loose = session.scalars(select(Member).where(Member.complex_id.is_(None), Member.anonymised.is_(False)))
    for member in loose:
        found = index.find(member.street, member.house_number, member.postcode)
        if found is None:
            unmatched += 1
        else:
            member.complex_id = found
            placed += 1
    return AddressAssignment(placed, unmatched)
