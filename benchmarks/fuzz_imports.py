"""A longer fuzz run of the import readers (the suite runs a short one):

    .venv/bin/python benchmarks/fuzz_imports.py [CASES] [SEED]

Prints the number of cases, how many were refused with a translated message and how many read,
the tracebacks (there should be none) and the distinct refusal messages (numbers blurred)."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "importers"))

from fuzzing import fuzz  # noqa: E402


def main() -> int:
    import logging

    logging.getLogger("mt940").setLevel(logging.CRITICAL)  # the library logs every line it cannot match
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HUURDERSGROEP_HOME"] = str(Path(folder) / "home")
        from huurdersgroep_app import i18n
        from huurdersgroep_app.core.db.engine import Database
        from huurdersgroep_app.core.services import organisation

        i18n.set_language("en")
        db = Database(Path(folder) / "group.sqlite", create=True, backup_on_close=False)
        with db.transaction() as s:
            organisation.create_organisation(s, organisation.OrganisationInput(name="Fuzz", region="vlaanderen"))
        started = time.perf_counter()
        outcome = fuzz(db, Path(folder), cases, seed=seed)
        elapsed = time.perf_counter() - started
        db.close()
    print(f"cases: {outcome.cases}  refused: {outcome.refused}  read: {outcome.accepted}  "
          f"tracebacks: {len(outcome.tracebacks)}  ({elapsed:.1f} s, seed {seed})")
    for line, count in sorted(outcome.distinct_tracebacks().items(), key=lambda kv: -kv[1]):
        print(f"  traceback x{count}: {line}")
    print(f"distinct refusals: {len(outcome.errors)}")
    for message, count in sorted(outcome.errors.items(), key=lambda kv: -kv[1])[:40]:
        print(f"  {count:6d}  {message}")
    return 1 if outcome.tracebacks else 0


if __name__ == "__main__":
    raise SystemExit(main())
