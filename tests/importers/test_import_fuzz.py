"""A short fuzz run over the real import fixtures: mutated member lists (CSV, UTF-16 text, XLSX)
and bank statements (CAMT.053, MT940, CODA, CSV). No traceback may escape — only the project's
DomainError — and nothing is written. The longer run is benchmarks/fuzz_imports.py."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzzing import bank_seeds, fuzz  # noqa: E402


def _row_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def test_the_real_bank_fixtures_are_among_the_seeds():
    assert {"CODA.txt", "abnamro.sta", "rabobank-iban.sta", "batch-v08.xml"} <= set(bank_seeds())


def test_mutated_import_files_give_only_domain_errors_and_write_nothing(db, db_path, tmp_path):
    before = _row_counts(db_path)
    folder = tmp_path / "cases"
    folder.mkdir()
    outcome = fuzz(db, folder, cases=240, seed=20250)
    assert outcome.tracebacks == []
    assert outcome.refused > 0 and outcome.accepted > 0  # the mutator reaches both sides
    assert _row_counts(db_path) == before
