"""Benchmark of the foundation (issue 2) on a large group: 10,000 members in 60 complexes.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/bench_foundation.py [--members N] [--runs 5]``

Prints, in one run, each figure next to its target:
- start-up: process start → main window shown for ``huurdersgroep --db BIG`` (the app prints
  ``MAIN_WINDOW_SHOWN`` when ``HUURDERSGROEP_EXIT_WHEN_SHOWN=1``, then quits), against a bare
  PySide6 window started the same way; medians of ``--runs``; target ≤ 2× the bare window;
- ``member_rows`` (the one query behind the table, lists and documents);
- the members page (its own process): build + first paint, and search keystrokes — the whole
  keystroke with its repaint, and the filter alone (target ≤ 50 ms);
- the member list PDF of all members (target ≤ 5 s for 10,000) and its page count;
- peak memory (VmHWM) of this process, the page process, the app and the bare window.
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
from huurdersgroep_app.core.services.members import members  # noqa: E402

SHOWN = "MAIN_WINDOW_SHOWN"  # the main window's frame is on screen
READY = "MAIN_WINDOW_READY"  # the group's first page is drawn in it
READY_TIMES: dict[str, list[float]] = {}
# Timed like the app: the line comes after the window's first paint (see ui/app.py _FirstPaint).
BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    done = False

    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: (print("{SHOWN}", flush=True), app.quit()))
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1000, 700)
first_paint = FirstPaint(window)
window.installEventFilter(first_paint)
window.show()
app.exec()
"""
NA_GUI = "n/a (GUI not available)"


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<44} {value:<26} {target}".rstrip(), flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def peak_mb(pid: int | str = "self") -> float | None:
    """Peak resident memory of a process (VmHWM). Not ru_maxrss: on Linux a child's ru_maxrss
    starts at its parent's size at fork time, so it would report this script's memory."""
    try:
        for text in Path(f"/proc/{pid}/status").read_text().splitlines():
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) / 1024
    except OSError:
        pass
    if pid == "self":
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return None


PEAKS: dict[str, list[float]] = {}


def seconds_until_shown(command: list[str], env: dict, log: Path, peaks: list | None = None) -> float | None:
    """Wall time from starting the process to its ``MAIN_WINDOW_SHOWN`` line; None if it never came.
    The process's peak memory so far goes to ``peaks``."""
    with open(log, "w") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env, cwd=ROOT)
        elapsed = peak = None
        for output in process.stdout:
            if output.strip() == SHOWN:
                elapsed = time.perf_counter() - started
                peak = peak_mb(process.pid)
            elif output.strip() == READY:
                READY_TIMES.setdefault(command[-1], []).append(time.perf_counter() - started)
                peak = peak_mb(process.pid) or peak
                break
        if peaks is not None and peak:
            peaks.append(peak)
        process.stdout.close()
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return elapsed


def start_times(commands: dict[str, list[str]], env: dict, runs: int, work: Path,
                peaks: dict[str, list]) -> dict[str, list[float] | None]:
    """Each command ``runs`` times, taking turns, so a busy moment on a shared machine hits both;
    None for a command whose window never showed (its stderr stays in WORK/NAME.log)."""
    times: dict[str, list[float] | None] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if times[name] is None:
                continue
            elapsed = seconds_until_shown(command, env, work / f"{name}.log", peaks.setdefault(name, []))
            if elapsed is None:
                times[name] = None
            else:
                times[name].append(elapsed)
    return times


def child_env(home: Path) -> dict:
    return dict(os.environ, HUURDERSGROEP_EXIT_WHEN_SHOWN="1", HUURDERSGROEP_HOME=str(home),
                QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def bench_startup(db_path: Path, env: dict, runs: int, work: Path) -> None:
    bare_script = work / "bare_window.py"
    bare_script.write_text(BARE_WINDOW, encoding="utf-8")
    times = start_times({"bare": [sys.executable, str(bare_script)],
                         "app": [sys.executable, "-m", "huurdersgroep_app", "--db", str(db_path)]},
                        env, runs, work, PEAKS)
    bare_all, app_all = times["bare"] or [], times["app"] or []
    bare = statistics.median(bare_all) if bare_all else None
    app = statistics.median(app_all) if times["app"] else None
    print("Start-up (process start → window shown, median of %d)" % runs)
    line("bare PySide6 window", f"{bare:.3f} s" if bare else "failed", " ".join(f"{t:.2f}" for t in bare_all))
    if app is None:
        reason = (work / "app.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()
        missing = any("No module named 'huurdersgroep_app.ui" in r for r in reason)
        label = NA_GUI if missing else "n/a (app failed)"
        line("huurdersgroep --db BIG", label, (reason[-1] if reason else "no MAIN_WINDOW_SHOWN line")[:90])
        line("ratio app / bare", label, "target ≤ 2.0")
        return
    line("huurdersgroep --db BIG, window shown", f"{app:.3f} s", " ".join(f"{t:.2f}" for t in app_all))
    line("ratio app / bare", f"{app / bare:.2f}" if bare else "n/a", "target ≤ 2.0")
    ready = READY_TIMES.get(str(db_path), [])
    if ready:
        line("huurdersgroep --db BIG, overview with data drawn", f"{statistics.median(ready):.3f} s",
             " ".join(f"{t:.2f}" for t in ready))


def bench_member_rows(db: Database) -> None:
    times = []
    for _ in range(3):
        with db.reading() as s:
            started = time.perf_counter()
            rows = members.member_rows(s)
            times.append(time.perf_counter() - started)
    print("Data", flush=True)
    line(f"member_rows ({len(rows):,} rows), first / median", f"{ms(times[0])} / {ms(statistics.median(times))}")


def bench_members_page_process(db_path: Path, env: dict) -> None:
    """The page runs in its own process: a crash in GUI code still leaves the other figures, and
    its memory is measured apart."""
    print("Members page (own process, offscreen)", flush=True)
    done = subprocess.run([sys.executable, __file__, "--page-only", str(db_path)], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    print(done.stdout, end="", flush=True)
    if done.returncode != 0:
        problem = done.stderr.strip().splitlines()
        reason = problem[-1] if problem else f"exit status {done.returncode}"
        if done.returncode < 0 or "Segmentation fault" in done.stderr:
            reason = f"crashed (signal {-done.returncode if done.returncode < 0 else 11})"
        line("members page", "n/a (GUI failed)", reason[:90])


def bench_members_page(db: Database) -> None:
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from huurdersgroep_app.ui.context import AppContext
        from huurdersgroep_app.ui.members.page import Page
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

    def clear() -> None:
        page.search.clear()
        app.processEvents()

    def keystroke(key: str) -> tuple[float, int]:
        started = time.perf_counter()
        QTest.keyClick(page.search, key)
        app.processEvents()  # the filter, the count label and the repaint it causes
        return time.perf_counter() - started, page.proxy.rowCount()

    def filter_only(text: str) -> float:
        started = time.perf_counter()
        page.proxy.set_search(text)
        return time.perf_counter() - started

    def typing(word: str, repeats: int = 5) -> None:
        """Type ``word`` from an empty search ``repeats`` times; the median per key."""
        keys, filters = [], []
        for _ in range(repeats):
            clear()
            keys.append([keystroke(key) for key in word])
            page.proxy.set_search("")
            filters.append([filter_only(word[:n]) for n in range(1, len(word) + 1)])
        per_key = [statistics.median(run[i][0] for run in keys) for i in range(len(word))]
        per_filter = [statistics.median(run[i] for run in filters) for i in range(len(word))]
        line(f"typing '{word}', keystroke: first / slowest key", f"{ms(per_key[0])} / {ms(max(per_key))}",
             "target ≤ 50 ms")
        line("  of which the filter: first / slowest key", f"{ms(per_filter[0])} / {ms(max(per_filter))}",
             "target ≤ 50 ms")
        line("  rows left after each key", " → ".join(f"{left:,}" for _t, left in keys[-1]))

    typing("peet")
    typing("çel")  # accent-insensitive: finds Çelik and Celik alike
    clear()
    page.search.setText("peeters")
    app.processEvents()
    started = time.perf_counter()
    QTest.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(page.search, Qt.Key.Key_Backspace)
    app.processEvents()
    line(f"clearing the search ({page.proxy.rowCount():,} rows back)", ms(time.perf_counter() - started),
         "target ≤ 50 ms")
    page.close()
    line("peak memory of this page process", f"{peak_mb():.0f} MB")


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
    parser.add_argument("--page-only", type=Path, help=argparse.SUPPRESS)  # the members page's own process
    args = parser.parse_args()
    if args.page_only:
        i18n.set_language("nl_BE")
        with Database(args.page_only, backup_on_close=False) as db:
            bench_members_page(db)
        return
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
    env = child_env(home)
    bench_startup(db_path, env, args.runs, work)
    with Database(db_path, backup_on_close=False) as db:
        bench_member_rows(db)
        bench_pdf(db, work)
    bench_members_page_process(db_path, env)
    print("Memory (peak resident set)")
    line("this process (rows + PDFs)", f"{peak_mb():.0f} MB")
    line("the app, with the overview drawn", f"{max(PEAKS['app']):.0f} MB" if PEAKS.get("app") else "n/a")
    line("the bare window, shown", f"{max(PEAKS['bare']):.0f} MB" if PEAKS.get("bare") else "n/a")
    print(f"Files in {work}")


if __name__ == "__main__":
    main()
