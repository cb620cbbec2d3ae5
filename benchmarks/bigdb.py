"""A large group file for benchmarks: 10,000 members in 60 complexes with a board, in a few seconds.

    from bigdb import make_big_db            # from a script in benchmarks/
    from benchmarks.bigdb import make_big_db  # from the project root
    make_big_db(path, members=10_000, complexes=60, seed=1)

or ``python benchmarks/bigdb.py OUT.sqlite [--members N] [--complexes N] [--seed S]``.

Rows go in with SQLAlchemy Core bulk inserts (one executemany per table) inside one transaction
of a freshly created ``Database``, so the file has the real schema and pragmas. The services'
per-member checks (duplicates, phone parsing) are right for a form, far too slow for 10,000 rows;
the values are generated in the shapes those checks produce (phone '0470 12 34 56', etc.). The
people are the demo's invented names (core.demo.foundation_names), with all their alphabets.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.db.models import Complex, Member, Office  # noqa: E402
from huurdersgroep_app.core.demo.foundation import LEFT_REASONS, MOBILE_PREFIXES, enterprise_number  # noqa: E402
from huurdersgroep_app.core.demo.foundation_board import annual_meeting_day  # noqa: E402
from huurdersgroep_app.core.demo.foundation_names import random_person  # noqa: E402
from huurdersgroep_app.core.services import names, organisation  # noqa: E402

CITIES = (("9000", "Gent"), ("2000", "Antwerpen"), ("2800", "Mechelen"), ("3000", "Leuven"), ("8000", "Brugge"),
          ("8500", "Kortrijk"), ("3500", "Hasselt"), ("9300", "Aalst"), ("3600", "Genk"), ("9100", "Sint-Niklaas"))
KINDS = ("Residentie", "Wijk", "Hoogbouw", "Tuinwijk", "Hof", "Blokken")
WORDS = ("Lijnzaad", "Vlasbloem", "Zwingelaar", "Rootput", "Repelaar", "Hekel", "Klaproos", "Korenbloem",
         "Wilgen", "Populier", "Meidoorn", "Vlier", "Lisdodde", "Spinnewiel", "Weverij", "Ketting", "Spoel",
         "Kaarde", "Hop", "Boekweit", "Haver", "Rogge", "Zonnedauw", "Heide", "Berken", "Elzen", "Lijsterbes",
         "Zwaluw", "Kievit", "Reiger")


def _complexes(rng: random.Random, count: int) -> list[dict]:
    pairs = [(k, w) for w in WORDS for k in KINDS]
    rng.shuffle(pairs)
    found = []
    for index in range(count):
        kind, word = pairs[index % len(pairs)]
        name = f"{kind} {word}" + (f" {index // len(pairs) + 1}" if index >= len(pairs) else "")
        postcode, city = rng.choice(CITIES)
        street = f"{word}{rng.choice(('straat', 'laan', 'hof', 'plein', 'dreef'))}"
        found.append(dict(name=name, code=f"C{index + 1:02d}", address=f"{street} 1–400", postcode=postcode, city=city,
                          dwellings=rng.randint(150, 400), notes="", street=street))
    return found


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(MOBILE_PREFIXES)
    return f"{prefix} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"


def _members(rng: random.Random, count: int, places: list[dict], ids: list[int], today: date) -> list[dict]:
    start = today - timedelta(days=10 * 365)
    rows = []
    for i in range(count):
        person = random_person(rng)
        place_index = rng.randrange(len(places))
        place = places[place_index]
        joined = start + timedelta(days=rng.randint(0, 10 * 365 - 30))
        left = joined + timedelta(days=rng.randint(30, (today - joined).days)) if rng.random() < 0.1 else None
        email = ""
        if rng.random() < 0.35:
            local = re.sub(r"[^a-z]", "", names.fold(person.first_name)) + "." + \
                re.sub(r"[^a-z]", "", names.fold(person.last_name))
            email = f"{local}{i}@example.org"
        number = rng.randint(1, 400)
        rows.append(dict(
            first_name=person.first_name, last_name=person.last_name, street=place["street"],
            house_number=str(number), box=str(rng.randint(1, 60)) if rng.random() < 0.4 else "",
            postcode=place["postcode"], city=place["city"], complex_id=ids[place_index],
            dwelling=f"{place['code']}-{number:03d}", is_tenant=True,
            tenant_since=joined - timedelta(days=rng.randint(0, 8000)),
            phone=_phone(rng) if rng.random() < 0.75 else "", email=email, iban="", language=person.language,
            contact_way="email" if email and rng.random() < 0.7 else "letter", joined_on=joined, left_on=left,
            left_reason=rng.choice(LEFT_REASONS) if left else "", consent_on=joined,
            consent_how="Inschrijvingsformulier ondertekend", notes="", anonymised=False))
    return rows


def _offices(rng: random.Random, member_rows: list[dict], first_id: int, today: date) -> list[dict]:
    """A current board of 7 and the board before it (terms ended at last year's annual meeting)."""
    last_meeting = annual_meeting_day(today.year if annual_meeting_day(today.year) < today else today.year - 1)
    earlier = annual_meeting_day(last_meeting.year - 3)
    staying = [first_id + i for i, row in enumerate(member_rows)
               if row["left_on"] is None and row["joined_on"] < earlier]
    people = rng.sample(staying, 14)
    roles = ("chair", "secretary", "treasurer", "board_member", "board_member", "board_member", "aspirant")
    offices = []
    for i, role in enumerate(roles):
        offices.append(dict(member_id=people[i + 7], role=role, start_on=earlier, planned_end_on=last_meeting,
                            ended_on=last_meeting, notes=""))
        years = 1 if role == "aspirant" else 3
        offices.append(dict(member_id=people[i], role=role, start_on=last_meeting,
                            planned_end_on=annual_meeting_day(last_meeting.year + years), ended_on=None, notes=""))
    return offices


def make_big_db(path, members: int = 10_000, complexes: int = 60, seed: int = 1,
                today: date | None = None) -> Path:
    """Create the file at ``path`` (which must not exist yet); returns its path."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    rng = random.Random(seed)
    today = today or date.today()
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Huurdersgroep Groot Vlasland", region="vlaanderen", landlord_name="Woonmaatschappij Vlasland",
            street="Lijnzaadstraat", house_number="1", postcode="9000", city="Gent",
            email="info@grootvlasland.example", iban="BE68 5390 0754 7034", registration_number=enterprise_number(rng)))
        places = _complexes(rng, complexes)
        s.execute(insert(Complex.__table__), [{k: v for k, v in p.items() if k != "street"} for p in places])
        ids = list(s.scalars(Complex.__table__.select().with_only_columns(Complex.id).order_by(Complex.id)))
        rows = _members(rng, members, places, ids, today)
        s.execute(insert(Member.__table__), rows)
        first_id = s.scalar(Member.__table__.select().with_only_columns(Member.id).order_by(Member.id).limit(1))
        if members >= 50:
            s.execute(insert(Office.__table__), _offices(rng, rows, first_id, today))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--complexes", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    make_big_db(args.out, args.members, args.complexes, args.seed)
    print(f"{args.out}: {args.members} members in {args.complexes} complexes, "
          f"{time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
