"""How long importing a 10,000-row member list takes: read, preview and apply, on an empty group,
again (everything already registered), and a second list against the 10,000 registered members.

Run: PYTHONPATH=. python benchmarks/bench_member_import.py [ROWS]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.importers import members as importer
from huurdersgroep_app.core.services import organisation

FIRST = ["Jan", "An", "Els", "Luc", "Marc", "Sofie", "Ayşe", "Mehmet", "Fatima", "Mohamed", "Łukasz", "Thi",
         "Nguyễn", "Ahmed", "Karin", "Dirk", "Inge", "Youssef", "Samira", "Pieter", "Lotte", "Wim", "Ana", "Emre"]
SYLLABLES = ["pe", "ters", "jans", "sens", "mae", "ckel", "ber", "gh", "van", "dam", "cel", "ik", "am", "ra",
             "ni", "claes", "goos", "sens", "wou", "ters", "mul", "der", "hoe", "ke", "broe", "ck", "dries", "sen"]
STREETS = [f"{a}{b}" for a in ("Linde", "Kerk", "Dorps", "Molen", "School", "Beuken", "Eiken", "Rozen", "Tulpen",
                               "Brug", "Haven", "Stations", "Kouter", "Meers", "Veld", "Wijk", "Ham", "Berg")
           for b in ("straat", "laan", "weg", "plein", "dreef")]
POSTCODES = [("9000", "Gent"), ("9030", "Mariakerke"), ("9032", "Wondelgem"), ("9040", "Sint-Amandsberg"),
             ("9050", "Gentbrugge"), ("9051", "Sint-Denijs-Westrem"), ("9052", "Zwijnaarde"), ("9070", "Destelbergen")]
HEADER = "Voornaam;Naam;Straat;Nr;Bus;Postcode;Gemeente;E-mail;GSM;Lid sinds;Huurder;Wijk;Opmerkingen"


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def write_list(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    lines = [HEADER]
    start = date(2005, 1, 1)
    for i in range(rows):
        first, last = rng.choice(FIRST), surname(rng)
        postcode, city = rng.choice(POSTCODES)
        email = f"{last.lower()}.{i}@example.be" if rng.random() < 0.4 else ""
        phone = f"04{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}" \
            if rng.random() < 0.7 else ""
        joined = (start + timedelta(days=rng.randint(0, 7000))).strftime("%d/%m/%Y")
        lines.append(";".join([first, last, rng.choice(STREETS), str(rng.randint(1, 300)),
                               str(rng.randint(1, 12)) if rng.random() < 0.3 else "", postcode, city, email, phone,
                               joined, rng.choice(["ja", "ja", "ja", "nee"]), f"Complex {rng.randint(1, 60)}",
                               ""]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))


def timed_import(db: Database, path: Path) -> tuple[str, int]:
    t0 = time.perf_counter()
    table = importer.read_table(path)
    t1 = time.perf_counter()
    with db.reading() as s:
        result = importer.preview(s, table, importer.guess_mapping(table.headers))
    t2 = time.perf_counter()
    with db.transaction() as s:
        added = importer.apply(s, result, valid_only=True)
    t3 = time.perf_counter()
    return (f"read {t1 - t0:.2f} s, preview {t2 - t1:.2f} s, apply {t3 - t2:.2f} s, total {t3 - t0:.2f} s; "
            f"added {added}, already registered {len(result.already_present)}, rows with problems "
            f"{result.skipped_rows} ({len(result.problems)} problems)"), added


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first, second = folder / "leden.csv", folder / "leden-2.csv"
        write_list(first, rows, seed=1)
        write_list(second, rows, seed=2)
        with Database(folder / "group.sqlite", create=True, backup_on_close=False) as db:
            with db.transaction() as s:
                organisation.create_organisation(s, organisation.OrganisationInput(name="Bench", region="vlaanderen"))
            print(f"{rows} rows, empty group:        ", timed_import(db, first)[0])
            print(f"{rows} rows, same file again:    ", timed_import(db, first)[0])
            print(f"{rows} rows, other file vs {rows}:", timed_import(db, second)[0])


if __name__ == "__main__":
    main()
