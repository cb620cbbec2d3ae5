"""Where the demo group lives: Kortrijk and its boroughs (real postcodes), invented streets and estates.

Every dwelling of a complex is listed once with its address and the landlord's dwelling code, so
members get addresses that exist inside their complex and two members share a dwelling only
when the group has more members than the complexes have dwellings.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dwelling:
    street: str
    house_number: str
    box: str
    code: str


@dataclass(frozen=True)
class ComplexPlan:
    name: str
    code: str
    postcode: str
    city: str
    built: int  # year the first tenants moved in
    houses: tuple[tuple[str, int, int], ...] = ()  # (street, first number, last number), step 1
    flats: tuple[tuple[str, tuple[int, ...], int, int], ...] = ()  # (street, block numbers, floors, flats per floor)
    engagement: float = 1.0  # how many of its tenants the group reaches, relative to the others
    notes: str = ""

    def dwellings(self) -> list[Dwelling]:
        found = []
        for street, first, last in self.houses:
            for number in range(first, last + 1):
                found.append(Dwelling(street, str(number), "", f"{self.code}-{number:03d}"))
        for street, blocks, floors, per_floor in self.flats:
            for block in blocks:
                for floor in range(floors):
                    for flat in range(1, per_floor + 1):
                        box = str(floor * 10 + flat)  # "bus 3" on the ground floor, "bus 23" on the 2nd
                        found.append(Dwelling(street, str(block), box, f"{self.code}-{block}-{int(box):03d}"))
        return found

    def ranges(self) -> list[tuple[str, int, int, str]]:
        """(street, first, last, all/even/odd): the address ranges that hold exactly its dwellings' numbers."""
        found = [(street, first, last, "all") for street, first, last in self.houses]
        for street, blocks, _f, _p in self.flats:
            sides = {block % 2 for block in blocks}
            parity = "all" if len(blocks) == 1 or len(sides) > 1 else ("even" if sides == {0} else "odd")
            found.append((street, min(blocks), max(blocks), parity))
        return found

    @property
    def address(self) -> str:
        """The complex's address range as the landlord writes it."""
        parts = [f"{street} {first}–{last}" for street, first, last in self.houses]
        parts += [f"{street} {', '.join(map(str, blocks))}" for street, blocks, _f, _p in self.flats]
        return "; ".join(parts)


COMPLEXES: tuple[ComplexPlan, ...] = (
    ComplexPlan("Residentie Lijnzaad", "LZ", "8500", "Kortrijk", 1974,
                flats=(("Lijnzaadhof", (2, 4), 6, 4),), engagement=1.3,
                notes="Lift in blok 4 valt geregeld uit."),
    ComplexPlan("Hoogbouw Zwingelaar", "ZW", "8500", "Kortrijk", 1968,
                flats=(("Zwingelaarsstraat", (10, 12, 14, 16), 10, 4),), engagement=0.9,
                notes="Buurtlokaal op het gelijkvloers van nummer 14."),
    ComplexPlan("Tuinwijk Rootputten", "RP", "8501", "Heule", 1951,
                houses=(("Rootputtenlaan", 1, 120), ("Kaardersstraat", 1, 92)), engagement=0.8,
                notes="Dakrenovatie gepland in fasen."),
    ComplexPlan("Wijk Blauwe Bloem", "BB", "8510", "Marke", 1985,
                houses=(("Blauwe Bloemweg", 1, 58), ("Hekelpad", 1, 38)), engagement=1.1),
    ComplexPlan("De Repelaar", "RE", "8511", "Aalbeke", 2009,
                houses=(("Repelaarsstraat", 1, 40),), flats=(("Repelaarsstraat", (42,), 3, 8),), engagement=1.0),
)

# Members who do not rent from the landlord (a neighbour, a former tenant who stayed involved).
OTHER_STREETS: tuple[tuple[str, str, str], ...] = (
    ("Zwingelmolenstraat", "8500", "Kortrijk"),
    ("Lijnwaadplein", "8500", "Kortrijk"),
    ("Vlasrootdreef", "8501", "Bissegem"),
)

ORGANISATION_ADDRESS = ("Zwingelaarsstraat", "14", "8500", "Kortrijk")
LANDLINE_PREFIX = "056"  # the Kortrijk zone
