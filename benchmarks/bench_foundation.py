"""Benchmark of the foundation (issue 2) on a large group: 10,000 members in 60 complexes.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/bench_foundation.py [--members N] [--runs 5]``

Prints, in one run, each figure next to its target:
- start-up: process start → main window shown for ``huurdersgroep --db BIG`` (the app prints
  ``MAIN_WINDOW_SHOWN`` when ``HUURDERSGROEP_EXIT_WHEN_SHOWN=1``, then quits), against a bare
  PySide6 window started the same way; medians of ``--runs``; target ≤ 2× the bare window;
- ``member_rows`` (the one query behind the table, lists and documents);
- the members page: build + first paint, and one search keystroke's filter (target ≤ 50 ms);
- the member list PDF of all members (target ≤ 5 s for 10,000) and its page count;
- peak memory (this process; and the largest app process).
A part whose code is not there yet prints 'n/a' with the reason; nothing is faked. Not a test:
timings depend on the machine, so nothing here asserts.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bigdb import make_big_db  # noqa: E402

from huurdersgroep_app import i18n  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.services import members  # noqa: E402

SHOWN = "MAIN_WINDOW_SHOWN"
BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1000, 700)
window.show()
QTimer.singleShot(0, lambda: (print("{SHOWN}", flush=True), app.quit()))
app.exec()
"""
NA_GUI = "n/a (GUI not available)"


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<44} {value:<26} {target}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def seconds_until_shown(command: list[str], env: dict, log: Path) -> float | None:
    """Wall time from starting the process to its ``MAIN_WINDOW_SHOWN`` line; None if it never came."""
    with open(log, "w") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env, cwd=ROOT)
        elapsed = None
        for output in process.stdout:
            if output.strip() == SHOWN:
                elapsed = time.perf_counter() - started
                break
        process.stdout.close()
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return elapsed


def median_start(command: list[str], env: dict, runs: int, log: Path) -> tuple[float | None, list[float]]:
    times = []
    for _ in range(runs):
        elapsed = seconds_until_shown(command, env, log)
        if elapsed is None:
            return None, times
        times.append(elapsed)
    return statistics.median(times), times


def bench_startup(db_path: Path, home: Path, runs: int, work: Path) -> None:
    env = dict(os.environ, HUURDERSGROEP_EXIT_WHEN_SHOWN="1", HUURDERSGROEP_HOME=str(home),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    bare_script = work / "bare_window.py"
    bare_script.write_text(BARE_WINDOW, encoding="utf-8")
    bare, bare_all = median_start([sys.executable, str(bare_script)], env, runs, work / "bare.log")
    app, app_all = median_start([sys.executable, "-m", "huurdersgroep_app", "--db", str(db_path)], env, runs,
                                work / "app.log")
    print("Start-up (process start → window shown, median of %d)" % runs)
    line("bare PySide6 window", f"{bare:.3f} s" if bare else "failed", " ".join(f"{t:.2f}" for t in bare_all))
    if app is None:
        reason = (work / "app.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()
        line("huurdersgroep --db BIG", NA_GUI, (reason[-1] if reason else "no MAIN_WINDOW_SHOWN line")[:90])
        line("ratio app / bare", NA_GUI, "target ≤ 2.0")
        return
    line("huurdersgroep --db BIG", f"{app:.3f} s", " ".join(f"{t:.2f}" for t in app_all))
    line("ratio app / bare", f"{app / bare:.2f}" if bare else "n/a", "target ≤ 2.0")


def bench_member_rows(db: Database) -> None:
    times = []
    for _ in range(3):
        with db.reading() as s:
            started = time.perf_counter()
            rows = members.member_rows(s)
            times.append(time.perf_counter() - started)
    print("Data")
    line(f"member_rows ({len(rows):,} rows), first / median", f"{ms(times[0])} / {ms(statistics.median(times))}")


def bench_members_page(db: Database) -> None:
    print("Members page (in this process, offscreen)")
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from huurdersgroep_app.ui.context import AppContext
        from huurdersgroep_app.ui.pages.members import Page
    except ImportError as exc:
        line("page load", NA_GUI, f"({exc.name} missing)")
        line("one search keystroke", NA_GUI, "target ≤ 50 ms")
        return
    app = QApplication.instance() or QApplication([])
    ctx = AppContext(db)
    started = time.perf_counter()
    page = Page(ctx)
    page.refresh()
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    load = time.perf_counter() - started
    shown = page.proxy.rowCount()
    line(f"build + load + first paint ({shown:,} rows shown)", ms(load))

    def keystroke(key: str) -> tuple[float, int]:
        started = time.perf_counter()
        QTest.keyClick(page.search, key)
        app.processEvents()  # the filter and the repaint it causes
        return time.perf_counter() - started, page.proxy.rowCount()

    first, left = keystroke("e")
    line(f"first keystroke 'e' ({left:,} rows left)", ms(first), "target ≤ 50 ms")
    typed = [keystroke(key) for key in "ma"]
    line(f"next keystrokes 'em', 'ema' ({typed[-1][1]:,} left)", " / ".join(ms(t) for t, _n in typed),
         "target ≤ 50 ms")
    QTest.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    erase = keystroke(Qt.Key.Key_Backspace)
    line(f"clearing the search ({erase[1]:,} rows back)", ms(erase[0]), "target ≤ 50 ms")
    accent, found = keystroke("ç")
    line(f"keystroke 'ç' ({found:,} rows, accent-insensitive)", ms(accent), "target ≤ 50 ms")
    page.close()


def bench_pdf(db: Database, work: Path) -> None:
    print("Member list PDF")
    try:
        from huurdersgroep_app.core.documents.member_list import write_member_list
    except ImportError as exc:
        line("all members", "n/a (documents not available)", f"({exc.name} missing)")
        return
    for privacy, former, label in (("names", True, "all members, names"),
                                   ("contact", False, "current members, contact details")):
        target = work / f"members-{privacy}.pdf"
        with db.reading() as s:
            started = time.perf_counter()
            pages = write_member_list(s, target, privacy, include_former=former)
            elapsed = time.perf_counter() - started
        line(f"{label}", f"{elapsed:.2f} s, {pages} pages", "target ≤ 5 s (10,000 members)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Foundation benchmark on a large group file.")
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--complexes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-foundation-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    os.environ["HUURDERSGROEP_HOME"] = str(home)  # the app's config and backups stay in the work folder
    i18n.set_language("nl_BE")
    db_path = work / "big.sqlite"
    if db_path.exists():
        db_path.unlink()

    print(f"Foundation benchmark — {args.members:,} members in {args.complexes} complexes, {date.today()}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    started = time.perf_counter()
    make_big_db(db_path, args.members, args.complexes)
    line("generate the database (bigdb.make_big_db)", f"{time.perf_counter() - started:.2f} s",
         f"{db_path.stat().st_size / 1e6:.1f} MB")
    bench_startup(db_path, home, args.runs, work)
    with Database(db_path, backup_on_close=False) as db:
        bench_member_rows(db)
        bench_members_page(db)
        bench_pdf(db, work)
    print("Memory")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    line("peak RSS, this process (page + PDF)", f"{own:.0f} MB")
    line("peak RSS, largest started process", f"{children:.0f} MB")
    print(f"Files in {work}")


if __name__ == "__main__":
    main()
