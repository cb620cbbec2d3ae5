"""Start-up costs, whole-process, in one run (issue 8 §5).

Run: ``python benchmarks/bench_startup.py [--runs 7] [--only NAME ...]``

Prints the median (and min) wall time of each, over ``--runs`` interleaved runs, so a change of load
on the machine hits all of them alike:

- ``python -c pass``: the interpreter alone;
- ``bare window``: ``QApplication`` + ``QWidget.show()`` until its first paint (then quit);
- ``app --help``: ``python -m huurdersgroep_app --help``;
- ``board-list small`` / ``board-list 10k``: ``report board-list`` on a 50-member and on the
  10,000-member file; the small one is the report's fixed cost (start-up, opening the file, the
  PDF machinery), the difference is what the data costs;
- ``first page 10k``: ``python -m huurdersgroep_app --db <10,000 members>`` until the group's first
  page is drawn (the app prints MAIN_WINDOW_READY with HUURDERSGROEP_EXIT_WHEN_SHOWN=1), and
  ``frame 10k``: until the window's first paint (MAIN_WINDOW_SHOWN) in the same runs;
- ``import sqlalchemy.orm`` and ``models configured``: a process that only imports SQLAlchemy's ORM,
  and one that also declares every mapped class and configures the mappers. Nothing of the group
  can be read through the services before both are paid, so with the bare window they are the
  floor under ``first page 10k``: printed as ``floor``, the bare window plus these two processes
  each less the interpreter's own start.

Bytecode is cached (in a temporary PYTHONPYCACHEPREFIX), as in an installed program. The GUI
times are taken at the line the process prints, not at its exit, so closing (the on-close
backup) is not counted. Ratios against the bare window are printed at the end. Not a test.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1000, 700)
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
"""

MODELS_CONFIGURED = """
from sqlalchemy.orm import configure_mappers
from huurdersgroep_app.core.db import models
models.load_all()
configure_mappers()
"""


def whole(command: list[str], env: dict) -> dict[str, float]:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed ({result.returncode}): {result.stderr[-2000:]}")
    return {"": elapsed}


def until_lines(command: list[str], env: dict, marks: dict[str, str]) -> dict[str, float]:
    """Times from process start to each printed marker line (name → marker)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               cwd=ROOT)
    found: dict[str, float] = {}
    wanted = {marker: name for name, marker in marks.items()}
    for line in process.stdout:
        name = wanted.get(line.strip())
        if name is not None:
            found[name] = time.perf_counter() - started
    process.wait(timeout=300)
    missing = set(marks) - set(found)
    if missing:
        raise RuntimeError(f"{command}: no {sorted(missing)} printed")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--only", nargs="*", default=None, help="run only these (names as printed)")
    args = parser.parse_args()
    from benchmarks.bigdb import make_big_db

    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # Bytecode is cached as in an installed program (a wheel or the frozen build carries .pyc files);
        # in a prefix folder of our own, so the checkout stays clean.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(HUURDERSGROEP_HOME=str(tmp / "home"), QT_QPA_PLATFORM="offscreen", HUURDERSGROEP_EXIT_WHEN_SHOWN="1",
                   PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
        small = make_big_db(tmp / "small.sqlite", members=50, complexes=3)
        big = make_big_db(tmp / "big.sqlite", members=args.members)
        app = [python, "-m", "huurdersgroep_app"]
        cases = {
            "python -c pass": lambda: whole([python, "-c", "pass"], env),
            "bare window": lambda: until_lines([python, "-c", BARE_WINDOW], env, {"": "PAINTED"}),
            "app --help": lambda: whole(app + ["--help"], env),
            "board-list small": lambda: whole(app + ["report", "board-list", "--db", str(small),
                                                     "--out", str(tmp / "s.pdf")], env),
            "board-list 10k": lambda: whole(app + ["report", "board-list", "--db", str(big),
                                                   "--out", str(tmp / "b.pdf")], env),
            "import sqlalchemy.orm": lambda: whole([python, "-c", "import sqlalchemy.orm"], env),
            "models configured": lambda: whole([python, "-c", MODELS_CONFIGURED], env),
            "first page 10k": lambda: until_lines(app + ["--db", str(big)], env,
                                                  {"": "MAIN_WINDOW_READY", "frame": "MAIN_WINDOW_SHOWN"}),
        }
        if args.only:
            cases = {name: run for name, run in cases.items() if name in args.only}
        for run in cases.values():  # warm the disk cache, the .pyc files and the .mo cache once
            run()
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, run in cases.items():
                for part, elapsed in run().items():
                    label = f"{name} ({part})" if part else name
                    times.setdefault(label, []).append(elapsed)
    medians = {label: statistics.median(values) for label, values in times.items()}
    print(f"whole-process times, median (min) of {args.runs} runs, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}")
    for label, values in times.items():
        print(f"  {label:<26} {medians[label]:6.3f} s  ({min(values):.3f})")
    bare = medians.get("bare window")
    if bare:
        for label in ("first page 10k", "first page 10k (frame)"):
            if label in medians:
                print(f"  {label} / bare window: {medians[label] / bare:.2f}x")
        interpreter = medians.get("python -c pass")
        if interpreter is not None and {"import sqlalchemy.orm", "models configured"} <= medians.keys():
            # Qt's start and the ORM's are paid one after the other on the one thread that runs Python.
            floor = bare + medians["models configured"] - interpreter
            orm = medians["import sqlalchemy.orm"] - interpreter
            print(f"  floor of the first page (bare window + SQLAlchemy {orm:.3f} s + models "
                  f"{medians['models configured'] - interpreter - orm:.3f} s): {floor:.3f} s = {floor / bare:.2f}x")
    if "board-list small" in medians and "board-list 10k" in medians:
        data = medians["board-list 10k"] - medians["board-list small"]
        print(f"  board-list: the data of the large file costs {data:.3f} s above the fixed cost")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
