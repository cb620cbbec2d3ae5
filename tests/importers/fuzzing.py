"""A seeded mutator over real import files, shared by the suite's short fuzz test and the longer
run in benchmarks/fuzz_imports.py. Each case writes one mutated file and runs it through the same
path the app uses (read, preview; bank: detect, parse); only the project's DomainError may escape."""
from __future__ import annotations

import io
import random
import traceback
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
BANK_FIXTURES = HERE / "fixtures" / "bank"
SHARED_BANK = Path("/work/shared/fixtures/bank")

MEMBER_LINES = [
    "Voornaam;Achternaam;Straat;Huisnummer;Bus;Postcode;Gemeente;E-mail;Telefoon;Lid sinds;Huurder;Wijk",
    "An;Peeters;Kerkstraat;5;;9000;Gent;an@example.org;0471 12 34 56;2021-01-05;ja;Rabot",
    "Jan;De Smet;Dorpsstraat;12;2;9050;Gentbrugge;;09 225 12 34;05-03-2019;nee;Brugse Poort",
    "Ayşe;Çelik;Kerkstraat;5;3;9000;Gent;;;2021-01-05;ja;Rabot",
]


def member_seeds() -> dict[str, bytes]:
    from openpyxl import Workbook

    text = "\r\n".join(MEMBER_LINES) + "\r\n"
    book = Workbook()
    sheet = book.active
    for line in MEMBER_LINES:
        sheet.append(line.split(";"))
    sheet.append(["Piet", "Janssens", "Stationsstraat", 7, None, 9000, "Gent", None, 471123456, date(2020, 2, 1),
                  True, "Rabot"])
    buffer = io.BytesIO()
    book.save(buffer)
    return {"leden.csv": text.encode("utf-8-sig"), "leden-tab.txt": text.replace(";", "\t").encode("utf-16"),
            "leden.xlsx": buffer.getvalue()}


def bank_seeds() -> dict[str, bytes]:
    seeds = {}
    for folder in (BANK_FIXTURES, SHARED_BANK):
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix.lower() in {".xml", ".sta", ".txt", ".csv"}:
                    seeds.setdefault(path.name, path.read_bytes())
    seeds["kbc.csv"] = ("Rekeningnummer;Rubrieknaam;Naam;Munt;Afschriftnummer;Datum;Omschrijving;Valuta;Bedrag;"
                        "Saldo;credit;debet;rekeningnummer tegenpartij;BIC tegenpartij;Naam tegenpartij;"
                        "Adres tegenpartij;gestructureerde mededeling;Vrije mededeling\n"
                        "BE68539007547034;;De Linde;EUR;2024001;02/01/2024;Huur zaal;02/01/2024;-25,00;1.025,00;;"
                        "25,00;BE71096123456769;GKCCBEBB;Buurthuis;;;Zaalhuur\n").encode("cp1252")
    return seeds


# -- mutations --------------------------------------------------------------------------------------
_INTERESTING = [b"\x00", b"\xff", b";", b",", b"\t", b'"', b"\n", b"\r", b"-", b"9" * 30, b"1e999", b"NaN",
                b"<", b">", b"&", b"]]>", b"\xef\xbb\xbf", b"'", b":61:", b":86:", b"{", b"+", b"." * 5,
                b"-999999999999999999999", b"2024-13-45", b"99999999", b";" * 300]


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        position = rng.randrange(len(data) + 1) if data else 0
        if choice < 0.25 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice < 0.45:
            data[position:position] = rng.choice(_INTERESTING)
        elif choice < 0.6 and data:
            end = min(len(data), position + rng.randint(1, 64))
            del data[position:end]
        elif choice < 0.7:
            data = data[:position]
        elif choice < 0.85 and data:
            start = rng.randrange(len(data))
            chunk = data[start:start + rng.randint(1, 200)]
            data[position:position] = chunk * rng.randint(1, 5)
        else:
            # a digit run swapped for a huge or odd number
            digits = [i for i, b in enumerate(data) if 48 <= b <= 57]
            if digits:
                i = rng.choice(digits)
                data[i:i + 1] = rng.choice([b"99999999999999999999", b"0.0001", b"-", b"1,2,3", b"\xe2\x88\x92"])
    return bytes(data)


def mutate_xlsx(data: bytes, rng: random.Random) -> bytes:
    """Mutate the XML inside the workbook (flipping bytes of the zip itself mostly gives a bad zip)."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(info, source.read(info)) for info in source.infolist()]
    except zipfile.BadZipFile:
        return mutate_bytes(data, rng)
    out = io.BytesIO()
    targets = rng.sample(range(len(members)), k=min(len(members), rng.randint(1, 2)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for i, (info, content) in enumerate(members):
            if i in targets:
                roll = rng.random()
                if roll < 0.1:
                    continue  # a part left out
                content = mutate_bytes(content, rng) if roll < 0.9 else b""
            target.writestr(info.filename, content)
    return out.getvalue()


@dataclass
class Outcome:
    cases: int = 0
    refused: int = 0
    accepted: int = 0
    tracebacks: list[tuple[str, str]] = field(default_factory=list)  # (case name, last traceback line)
    errors: dict[str, int] = field(default_factory=dict)  # distinct refusal messages (numbers blurred)

    def distinct_tracebacks(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _name, line in self.tracebacks:
            counts[line] = counts.get(line, 0) + 1
        return counts


def _blur(message: str) -> str:
    import re

    return re.sub(r"\d+", "N", message.splitlines()[0])[:120]


def run_member_case(db, path: Path) -> None:
    from huurdersgroep_app.core.importers import members as importer

    table = importer.read_table(path)
    with db.reading() as s:
        importer.preview(s, table, importer.guess_mapping(table.headers), today=date(2025, 1, 15))


def run_bank_case(path: Path) -> None:
    """As the import wizard does: detect and parse; a CSV of no known bank is sampled, its columns
    guessed and read with the guessed mapping."""
    from huurdersgroep_app.core.errors import DomainError
    from huurdersgroep_app.core.importers.bank import parse_bank_file
    from huurdersgroep_app.core.importers.bank.csv_guess import guess_mapping, sample_csv

    try:
        parse_bank_file(path)
    except DomainError as error:
        if "not those of a bank we know" not in str(error):
            raise
        parse_bank_file(path, "csv", csv_mapping=guess_mapping(sample_csv(path)))


def fuzz(db, folder: Path, cases: int, seed: int = 1, outcome: Outcome | None = None) -> Outcome:
    """``cases`` mutated files, alternating member and bank seeds; DomainError counts as refused."""
    from huurdersgroep_app.core.errors import DomainError

    rng = random.Random(seed)
    outcome = outcome or Outcome()
    members, banks = member_seeds(), bank_seeds()
    seeds = [("member", name, data) for name, data in members.items()] + \
            [("bank", name, data) for name, data in banks.items()]
    for number in range(cases):
        kind, name, data = seeds[number % len(seeds)]
        mutated = mutate_xlsx(data, rng) if name.endswith(".xlsx") else mutate_bytes(data, rng)
        path = folder / f"case{number}-{name}"
        path.write_bytes(mutated)
        outcome.cases += 1
        try:
            run_member_case(db, path) if kind == "member" else run_bank_case(path)
            outcome.accepted += 1
        except DomainError as error:
            outcome.refused += 1
            key = _blur(str(error))
            outcome.errors[key] = outcome.errors.get(key, 0) + 1
        except Exception as error:  # noqa: BLE001 - the finding of the fuzz run
            last = traceback.format_exception_only(type(error), error)[-1].strip()[:160]
            outcome.tracebacks.append((path.name, f"{kind}: {last}"))
        finally:
            path.unlink(missing_ok=True)
    return outcome
