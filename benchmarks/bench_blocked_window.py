"""How long the window's event loop is blocked while long work runs (issue 8 §2). Not a test.

Run: ``python benchmarks/bench_blocked_window.py [--before COMMIT] [--members 120]``

A QTimer ticks every 10 ms on the GUI thread and records the gaps between its ticks; the longest
gap is the longest time the window could not paint or answer (Windows calls a window "Not
responding" after 5 s without answer). Measured while the welcome dialog's "Try the demo group"
builds the demo, for two trees in one run:

- *before*: the code of COMMIT (default: the last main before ui/tasks.py), exported with
  ``git archive`` into a temporary folder;
- *after*: this checkout.

Both run the same measuring code in a fresh process with a fresh home folder: press the button,
keep the event loop running until the dialog holds the open database, report the longest gap, the
number of ticks and the wall time.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEFORE_TASKS = "1f59eb3"  # main before the tasks branch: the demo was built on the GUI thread

MEASURE = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
QMessageBox.warning = staticmethod(lambda *a, **k: print("WARNING", a[2], file=sys.stderr))
from huurdersgroep_app import i18n
i18n.set_language("en")
from huurdersgroep_app.core.services import group_files
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog
members = int(sys.argv[1])
original = group_files.open_demo
group_files.open_demo = lambda *a, **k: original(members, *a[1:], **k)
dialog = WelcomeDialog()
dialog.show()
app.processEvents()
gaps, clock, last = [], QElapsedTimer(), [0]
clock.start()
def tick():
    now = clock.elapsed()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer()
timer.timeout.connect(tick)
timer.start(10)
started = time.perf_counter()
last[0] = clock.elapsed()
# Pressed from the event loop, as a user's click is: whatever the click does before it returns
# blocks the loop and shows as a gap.
QTimer.singleShot(0, dialog.demo_button.click)
loop = QEventLoop()
while dialog.database is None and time.perf_counter() - started < 600:
    loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
wall = time.perf_counter() - started
tick()  # the gap up to the end counts too: blocked work ends the loop without another tick
timer.stop()
ok = dialog.database is not None
if ok:
    dialog.database.close()
# The same timer with nothing to do, for as long: the noise floor of a busy machine.
idle, last[0] = [], clock.elapsed()
timer.timeout.disconnect()
timer.timeout.connect(lambda: (idle.append(clock.elapsed() - last[0]), last.__setitem__(0, clock.elapsed())))
timer.start(10)
until = time.perf_counter() + min(wall, 10)
while time.perf_counter() < until:
    loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
timer.stop()
print(json.dumps({"ok": ok, "longest_gap_ms": max(gaps), "ticks": len(gaps), "wall_s": round(wall, 2),
                  "over_100ms": sum(g > 100 for g in gaps), "idle_longest_ms": max(idle) if idle else 0}))
"""


def export(commit: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "huurdersgroep_app", "translations",
                              "resources"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def measure(tree: Path, members: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUURDERSGROEP_HOME=home, PYTHONPATH=str(tree))
        done = subprocess.run([sys.executable, "-c", MEASURE, str(members)], env=env, cwd=tree,
                              capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"measuring {tree} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE_TASKS, help="the commit to compare with")
    parser.add_argument("--members", type=int, default=120, help="members in the demo (the app's default: 120)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-before-") as old:
        before = measure(export(args.before, Path(old)), args.members)
    after = measure(ROOT, args.members)
    print(f"Creating the demo ({args.members} members) from the welcome dialog; a 10 ms timer on the GUI thread:")
    for name, result in ((f"before ({args.before})", before), ("after (this tree)", after)):
        print(f"  {name:<22} longest blocked: {result['longest_gap_ms']:>6} ms   gaps > 100 ms: "
              f"{result['over_100ms']:>3}   ticks: {result['ticks']:>5}   wall: {result['wall_s']:.2f} s   "
              f"opened: {result['ok']}   (idle timer's longest gap: {result['idle_longest_ms']} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
