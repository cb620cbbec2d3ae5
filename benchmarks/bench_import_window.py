"""How long the window is blocked while the member import wizard reads a big list and checks every
row (issue 8 §2). Not a test.

Run: ``PYTHONPATH=. python benchmarks/bench_import_window.py [ROWS]`` (default 10,000 rows, CSV and XLSX)

A QTimer ticks every 10 ms on the GUI thread and records the gaps between its ticks; the longest gap
is the longest time the window could not paint or answer. Printed per file: the time the same read
and preview take when called directly on the GUI thread (what the wizard did before: the window was
blocked all that time), then the longest gap and the wall time through the wizard, which now runs
both on a worker (ui/tasks.py).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_member_import import write_list  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.importers import members as importer  # noqa: E402
from huurdersgroep_app.core.services import organisation  # noqa: E402


def as_xlsx(csv_path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in csv_path.read_bytes().decode("cp1252").splitlines():
        sheet.append(line.split(";"))
    target = csv_path.with_suffix(".xlsx")
    book.save(target)
    return target


def direct(db: Database, path: Path) -> float:
    start = time.perf_counter()
    table = importer.read_table(path)
    with db.reading() as s:
        importer.preview(s, table, importer.guess_mapping(table.headers))
    return time.perf_counter() - start


def through_wizard(db: Database, path: Path) -> tuple[float, float, int]:
    from huurdersgroep_app.ui import tasks
    from huurdersgroep_app.ui.context import AppContext
    from huurdersgroep_app.ui.members.import_wizard import ImportMembersWizard

    ctx = AppContext(db)
    wizard = ImportMembersWizard(ctx)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    gaps, clock = [], QElapsedTimer()
    ticker = QTimer()

    def tick() -> None:
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    clock.start()
    ticker.start(10)
    start = time.perf_counter()
    wizard.next()
    assert tasks.wait_all(600_000)
    assert wizard.currentPage() is wizard.mapping_page, wizard.file_page.error.text()
    wizard.next()
    assert tasks.wait_all(600_000)
    assert wizard.currentPage() is wizard.preview_page
    wall = time.perf_counter() - start
    ticker.stop()
    wizard.close()
    return max(gaps) / 1000, wall, len(gaps)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    app = QApplication.instance() or QApplication([])  # noqa: F841 - the wizard needs it
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HUURDERSGROEP_HOME"] = tmp
        db = Database(Path(tmp) / "group.sqlite", create=True, backup_on_close=False)
        with db.transaction() as s:
            organisation.create_organisation(s, organisation.OrganisationInput(
                name="Huurdersgroep Bench", region="vlaanderen", postcode="9000", city="Gent"))
        csv_path = Path(tmp) / "leden.csv"
        write_list(csv_path, rows, seed=8)
        for path in (csv_path, as_xlsx(csv_path)):
            blocked_before = direct(db, path)
            gap, wall, ticks = through_wizard(db, path)
            print(f"{path.suffix[1:]:4} {rows} rows: on the GUI thread (before) the window was blocked "
                  f"{blocked_before:.2f} s; through the wizard now: longest gap {gap:.3f} s, wall {wall:.2f} s, "
                  f"{ticks} ticks")
        db.close()


if __name__ == "__main__":
    main()
