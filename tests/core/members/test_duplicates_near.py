"""A member's save looks for duplicates among the members near it only (same postcode or complex,
filtered in SQL): it finds exactly what the index of the whole register finds."""
from __future__ import annotations

import random

from sqlalchemy import insert

from huurdersgroep_app.core.db.models import Complex, Member
from huurdersgroep_app.core.demo.foundation_names import random_person
from huurdersgroep_app.core.services.members import members

POSTCODES = ("9000", "9050", "2000", "1012 AB", "1012ab", "", "9 000")
STREETS = ("Kerkstraat", "Kerkstr.", "Lindelaan", "Dorp", "")


def fill(db, rng: random.Random, count: int) -> list[dict]:
    """Members in a few postcodes and complexes, written as the bulk loaders do (no cleaning), so
    that spaces and lower case in postcodes and a non-ASCII postcode are in the register too."""
    with db.transaction() as s:
        s.execute(insert(Complex.__table__), [dict(name=f"Blok {i}", dwellings=50) for i in range(4)])
        complex_ids = list(s.scalars(Complex.__table__.select().with_only_columns(Complex.id)))
        rows = []
        for i in range(count):
            person = random_person(rng)
            rows.append(dict(first_name=person.first_name, last_name=person.last_name,
                             street=rng.choice(STREETS), house_number=str(rng.randint(1, 6)),
                             postcode=rng.choice(POSTCODES + ("９０００",)),  # full-width digits fold to 9000
                             complex_id=rng.choice(complex_ids + [None, None]), is_tenant=True,
                             contact_way="letter", anonymised=i % 50 == 0))
        s.execute(insert(Member.__table__), rows)
    return rows, complex_ids


def probes(rows: list[dict], complex_ids: list[int], rng: random.Random) -> list[dict]:
    """Copies of registered people, some with a spelling variant, a moved postcode or complex."""
    found = []
    for row in rng.sample(rows, 120):
        probe = {k: row[k] for k in ("first_name", "last_name", "street", "house_number", "postcode", "complex_id")}
        change = rng.random()
        if change < 0.25:
            probe["last_name"] = probe["last_name"][:-1] + "y"
        elif change < 0.4:
            probe["postcode"] = rng.choice(POSTCODES)
        elif change < 0.5:
            probe["complex_id"] = rng.choice(complex_ids)
        elif change < 0.6:
            probe["postcode"] = probe["postcode"].lower().replace(" ", "")
        found.append(probe)
    return found


def test_the_narrowed_search_finds_what_the_whole_index_finds(db):
    rng = random.Random(8)
    rows, complex_ids = fill(db, rng, 600)
    with db.reading() as s:
        whole = members.duplicate_index(s)
        total = s.query(Member).count()
        non_empty = 0
        for probe in probes(rows, complex_ids, rng):
            expected = sorted(whole.find(probe))
            narrowed = members.duplicate_index(s, near_values=probe)
            assert sorted(narrowed.find(probe)) == expected, probe
            assert sorted(m.id for m in members.find_likely_duplicates(s, probe)) == expected
            non_empty += bool(expected)
        assert non_empty > 40  # the probes do find duplicates, so an empty answer would show
        # and a save reads only the members near it, not the whole register
        near_9050 = members.duplicate_index(s, near_values={"last_name": "X", "postcode": "9050"})
        entries = {e.key for bucket in near_9050._by_place.values() for e in bucket}
        assert 0 < len(entries) < total / 3


def test_a_non_ascii_postcode_in_the_probe_is_not_narrowed(db):
    rng = random.Random(3)
    rows, _ = fill(db, rng, 200)
    with db.reading() as s:
        whole = members.duplicate_index(s)
        person = next(r for r in rows if r["postcode"] == "9000" and r["street"] and not r["anonymised"])
        probe = {k: person[k] for k in ("first_name", "last_name", "street", "house_number", "complex_id")}
        probe["postcode"] = "９０００"
        assert sorted(members.duplicate_index(s, near_values=probe).find(probe)) == sorted(whole.find(probe))
        assert whole.find(probe)  # the full-width postcode folds to 9000 at the same address
