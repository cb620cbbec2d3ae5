"""Benchmark: the meetings GUI on a large group — the meeting view and its attendance list.

Run: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/bench_meetings_gui.py [--members N] [--keep DIR]``

Builds the benchmark file of bench_meetings.py (10,000 members, ten years of meetings) and prints,
through the real meetings page (offscreen):

- the meetings list (≈600 meetings) filled;
- opening this year's annual meeting (planned today) in the meeting view, every active member
  listed for attendance, with the Attendance tab shown (what the secretary sees at the door);
- one tick: marking a member present, saved and shown again with the new counts and quorum
  (the whole round trip: service call, ``data_changed``, the view reading the meeting again);
- searching the attendance list for a name (one keystroke's filtering).

Not a test: timings depend on the machine, so nothing here asserts.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_meetings import add_meetings, timed  # noqa: E402
from bigdb import make_big_db  # noqa: E402
from huurdersgroep_app import i18n  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the database here (reused when it exists)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-meetings-gui-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "meetings-gui.sqlite"
    if not path.exists():
        make_big_db(path, members=args.members)
        add_meetings(path)

    from huurdersgroep_app.core.services.meetings import lifecycle as meetings

    from PySide6.QtWidgets import QApplication

    from huurdersgroep_app.ui.context import AppContext
    from huurdersgroep_app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    i18n.set_language("nl_BE")
    with Database(path, backup_on_close=False) as db:
        with db.transaction() as s:  # the past ones are approved and closed; ticks go to a meeting still open
            annual = meetings.create_annual_meeting(s, date.today(), "10:00", "Zaal Sint-Jan").id
        window = MainWindow(AppContext(db), initial_page="overview")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        first, median, page = timed(lambda: window.show_page("meetings"), repeat=1)
        print(f"meetings page with {page.list.model.rowCount()} meetings: {first:.0f} ms")

        def open_annual():
            view = page.open_meeting(annual)
            view.tabs.setCurrentWidget(view.attendance)
            app.processEvents()
            return view

        first, median, view = timed(open_annual, repeat=4)
        tab = view.attendance
        print(f"open the annual meeting, attendance shown ({tab.model.rowCount()} listed): first {first:.0f} ms, "
              f"then {median:.0f} ms")
        unmarked = [r.member_id for r in tab.model.rows if not r.is_guest and r.status is None][:6]

        def tick(member_id):
            def run():
                tab.model.status_requested.emit(member_id, "present")
                app.processEvents()
            return run

        times = [timed(tick(m))[0] for m in unmarked]
        print(f"one tick (present), saved and shown with counts and quorum: first {times[0]:.0f} ms, "
              f"then {sorted(times[1:])[len(times[1:]) // 2]:.0f} ms  ({tab.quorum.text()})")
        first, median, _ = timed(lambda: tab.search.setText("jans" if tab.search.text() != "jans" else "pee"),
                                 repeat=6)
        print(f"attendance search, one keystroke: {median:.1f} ms ({tab.proxy.rowCount()} shown)")
        window.close()
    print(f"database in {folder}")


if __name__ == "__main__":
    main()
