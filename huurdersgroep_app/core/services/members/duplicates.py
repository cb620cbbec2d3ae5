"""Likely duplicate members: same surname and address, or a spelling variant of the name nearby.

Built as an index so an import of thousands of rows checks each row against a small bucket
(same postcode or complex, and same first letter of the surname) instead of against every member.
A Belgian postcode covers thousands of addresses, so the letter matters: without it a
10,000-row import spent most of its time walking buckets.

One form's save does not need the index of the whole register: ``near`` is the SQL condition that
keeps only the members the index could match (the same postcode or the same complex), so a save
reads a few hundred rows instead of every member.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_

from huurdersgroep_app.core.services import names


def _postcode_key(postcode: str) -> str:
    return (postcode or "").replace(" ", "").upper()


def near(postcode_column, complex_column, values: dict):
    """The SQL condition for the members a probe with ``values`` can be a duplicate of, or None
    when there is no narrowing that is sure to keep every match.

    ``find`` matches a member only at the same address (which includes the postcode) or in the same
    bucket (same postcode, or same complex). Postcodes are compared as the index does, without
    spaces and in capitals; SQLite's upper() knows ASCII only, so a member whose postcode has other
    characters is always kept (the index folds those in Python) and a probe with such a postcode is
    not narrowed at all."""
    postcode = _postcode_key(values.get("postcode") or "")
    if not postcode.isascii():
        return None
    stored = func.replace(func.upper(func.coalesce(postcode_column, "")), " ", "")
    conditions = [stored == postcode, postcode_column.op("GLOB")("*[^ -~]*")]
    if values.get("complex_id"):
        conditions.append(complex_column == values["complex_id"])
    return or_(*conditions)


@dataclass(frozen=True)
class _Entry:
    key: object  # member id, or an import line number
    surname: str
    first: str
    address: str | None
    postcode: str
    complex_id: int | None


class DuplicateIndex:
    def __init__(self):
        self._by_address: dict[str, list[_Entry]] = defaultdict(list)
        self._by_place: dict[tuple, list[_Entry]] = defaultdict(list)
        # First names repeat a lot, so their comparisons are remembered; surnames rarely do.
        self._first_similar: dict[tuple[str, str], bool] = {}

    @staticmethod
    def _entry(key, values: dict) -> _Entry:
        street = values.get("street") or ""
        address = names.normalise_address(street, values.get("house_number") or "", values.get("postcode") or "") \
            if street else None
        return _Entry(key, names.normalise_surname(values.get("last_name") or ""),
                      names.fold(values.get("first_name") or ""), address,
                      _postcode_key(values.get("postcode") or ""), values.get("complex_id"))

    def add(self, key, values: dict) -> None:
        entry = self._entry(key, values)
        if entry.address:
            self._by_address[entry.address].append(entry)
        if not entry.surname:
            return  # without a surname there is nothing to compare the spelling of
        letter = entry.surname[0]
        if entry.postcode:
            self._by_place[("p", entry.postcode, letter)].append(entry)
        if entry.complex_id:
            self._by_place[("c", entry.complex_id, letter)].append(entry)

    def _similar_first(self, a: str, b: str) -> bool:
        known = self._first_similar.get((a, b))
        if known is None:
            known = self._first_similar[(a, b)] = names.similar(a, b, 0.8)
        return known

    def find(self, values: dict, exclude=None, households: bool = False) -> list:
        """Keys of likely duplicates. With ``households``, people of one family at one address
        (same surname, clearly different first names) are not duplicates: member lists that are
        imported often hold both partners, while a form still asks to be sure."""
        probe = self._entry(None, values)
        found: dict = {}
        if probe.address:
            for e in self._by_address.get(probe.address, ()):
                if e.key != exclude and e.surname == probe.surname and not (
                        households and e.first and probe.first and not self._similar_first(e.first, probe.first)):
                    found[e.key] = None
        if not probe.surname:
            return list(found)
        letter, length = probe.surname[0], len(probe.surname)
        buckets = []
        if probe.postcode:
            buckets.append(self._by_place.get(("p", probe.postcode, letter), ()))
        if probe.complex_id:
            buckets.append(self._by_place.get(("c", probe.complex_id, letter), ()))
        for bucket in buckets:
            for e in bucket:
                if e.key == exclude or e.key in found or abs(len(e.surname) - length) > 2:
                    continue
                if self._similar_first(e.first, probe.first) and names.similar(e.surname, probe.surname):
                    found[e.key] = None
        return list(found)
