"""Benchmark: the member list and board list PDFs for a large group (10,000 members, 60 complexes).

Run: ``PYTHONPATH=. python benchmarks/bench_documents.py [--members N] [--complexes N] [--keep DIR]``

Prints, per document, the wall time (including reading the rows from the database) and the page
count. Target (issue 2): the 10,000-member list in at most 5 s. Not a test: timings depend on the
machine, so nothing here asserts.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huurdersgroep_app import i18n  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.db.models import Member  # noqa: E402
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes  # noqa: E402

FIRST = ["Jan", "Marie", "Ayşe", "Thi Lan", "Łukasz", "Ådne", "Fatima", "Mohamed", "Els", "Koen", "Zeynep",
         "Ngozi", "Dirk", "Søren", "Chloé", "Wojciech", "Inès", "Mehmet", "Anneleen", "Bilal"]
LAST = ["Peeters", "Janssens", "Çelik", "Nguyễn", "Kowalski", "Van den Broeck", "Vandenbroucke-Müller",
        "El Amrani", "De Smet", "Yılmaz", "Maes", "Dubois", "Öztürk", "Claes", "Wouters", "Okafor", "Goossens",
        "Van der Linden", "Nowak", "Şahin", "Lambrechts", "D'Hondt", "Verstraeten", "Hansen"]
STREETS = ["Kerkstraat", "Stationsstraat", "Lindelaan", "Sint-Amandsplein", "Rabotstraat", "Dampoortstraat"]


def build_large_group(path: Path, members: int = 10_000, complex_count: int = 60, seed: int = 1,
                      today: date | None = None) -> None:
    """A group file with ``members`` active members in ``complex_count`` complexes and a board.

    Members are bulk-inserted (one executemany), not added one by one through the service: the
    service checks duplicates per member, which is right for a form but not for 10,000 rows.
    """
    rng = random.Random(seed)
    today = today or date.today()
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Huurdersorganisatie Groot Gent", region="vlaanderen", street="Lindelaan", house_number="12",
            postcode="9000", city="Gent", email="info@grootgent.be", iban="BE68 5390 0754 7034"))
        complex_ids = [complexes.add_complex(s, f"Complex {i + 1:02d} {rng.choice(STREETS)}",
                                             rng.randint(150, 400)).id for i in range(complex_count)]
        rows = []
        for i in range(members):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            rows.append(dict(
                first_name=first, last_name=last, street=rng.choice(STREETS), house_number=str(rng.randint(1, 250)),
                box=str(rng.randint(1, 40)) if rng.random() < 0.3 else "", postcode="9000", city="Gent",
                complex_id=rng.choice(complex_ids), dwelling="", is_tenant=True, phone=f"+32 470 {i:06d}",
                email=f"{first.split()[0].lower()}.{i}@example.org" if rng.random() < 0.6 else "",
                contact_way=rng.choice(("letter", "email", "phone")), iban="", language="", left_reason="",
                consent_how="", notes="", anonymised=False,
                joined_on=today - timedelta(days=rng.randint(30, 6000)),
                left_on=None))
        s.execute(insert(Member), rows)
        ids = list(range(1, 8))
        for member_id, role in zip(ids, ("chair", "secretary", "treasurer", "board_member", "board_member",
                                         "board_member", "aspirant"), strict=True):
            board.assign_office(s, member_id, role, today - timedelta(days=rng.randint(60, 1000)))


def timed(label: str, action) -> None:
    started = time.perf_counter()
    pages = action()
    print(f"{label:<34} {time.perf_counter() - started:6.2f} s  {pages:5d} pages", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--complexes", type=int, default=60)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder instead of a temporary one")
    args = parser.parse_args()

    from huurdersgroep_app.core.documents.board_list import write_board_list
    from huurdersgroep_app.core.documents.member_list import write_member_list

    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        path = Path(tmp) / "large.sqlite"
        started = time.perf_counter()
        build_large_group(path, args.members, args.complexes)
        print(f"{'generate the database':<34} {time.perf_counter() - started:6.2f} s  "
              f"({args.members} members, {args.complexes} complexes)")
        with i18n.language("nl_BE"), Database(path, backup_on_close=False) as db, db.reading() as s:
            for privacy in ("names", "contact", "counts"):
                timed(f"member list ({privacy})",
                      lambda privacy=privacy: write_member_list(s, out / f"members-{privacy}.pdf", privacy=privacy))
            timed("board list", lambda: write_board_list(s, out / "board.pdf"))
    try:
        import resource  # not on Windows

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        print(f"{'peak memory':<34} {peak:6.0f} MB")
    except ImportError:
        pass
    print("target: the 10,000-member list in at most 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
