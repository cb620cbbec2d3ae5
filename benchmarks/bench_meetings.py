"""Benchmark: meetings of a large group — ten years of meetings on top of the big benchmark file.

Run: ``PYTHONPATH=. python benchmarks/bench_meetings.py [--members N] [--keep DIR]``

Builds the 10,000-member file (benchmarks/bigdb.py) and adds ten years of meetings by Core bulk
inserts: ≈600 meetings with ≈6,000 agenda items, decisions, action points and attendance, and
each year an annual meeting with 200 members present. Then prints:

- opening a meeting: ``load_meeting`` — everything a meeting page shows, in one call — for the
  annual meeting with 200 present (all 10,000 active members are listed, ticked or not) and for
  a board meeting; target ≤ 300 ms;
- the minutes PDF of that annual meeting, the decisions register of a year; target ≤ 1 s each;
- for scale, the sign-in sheet of the annual meeting (every active member, with room to sign).

Not a test: timings depend on the machine, so nothing here asserts.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, time as clock, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import insert, select  # noqa: E402

from bigdb import make_big_db  # noqa: E402
from huurdersgroep_app import i18n  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.db.models import Member, Office  # noqa: E402
from huurdersgroep_app.core.db.models.meetings import (ActionPoint, AgendaItem, Attendance, Decision,  # noqa: E402
                                                       Meeting)
from huurdersgroep_app.core.services.meetings.agenda import STANDARD_ITEMS  # noqa: E402

# Per year: board monthly but summer, 4 consultations, working groups, open meetings, 1 annual.
YEAR_PLAN = [("board", m) for m in (1, 2, 3, 4, 5, 6, 9, 10, 11, 12)] + \
    [("consultation", m) for m in (2, 5, 9, 11)] + [("open_tenants", m) for m in (4, 10)] + \
    [("working_group", m) for m in range(1, 13) for _ in range(3)] + [("members", 6), ("members", 12)] + \
    [("informal", m) for m in (1, 5, 8, 10, 12)] + [("annual", 3)]
KEYS = list(STANDARD_ITEMS)


def add_meetings(path: Path, years: int = 10, seed: int = 2, today: date | None = None) -> dict:
    """Ten years of meetings by Core bulk inserts; returns the ids worth measuring."""
    rng = random.Random(seed)
    today = today or date.today()
    with Database(path, backup_on_close=False) as db, db.transaction() as s:
        active = list(s.scalars(select(Member.id).where(Member.left_on.is_(None))))
        board_ids = list(s.scalars(select(Office.member_id).where(Office.ended_on.is_(None))))
        meetings, items, decisions, actions, presence = [], [], [], [], []
        numbers: dict[int, int] = {}
        annual_ids = []
        for year in range(today.year - years, today.year):
            for kind, month in YEAR_PLAN:
                mid = len(meetings) + 1
                day = date(year, month, rng.randint(1, 28))
                meetings.append(dict(id=mid, type=kind, title="", scheduled_on=day, start_time=clock(19, 30),
                                     end_time=None, place="Buurtlokaal", chair_id=board_ids[0],
                                     minute_taker_id=board_ids[1],
                                     audience="all_tenants" if kind == "annual" else "board", status="minutes_approved",
                                     invitations_sent_on=day - timedelta(days=15), cancel_reason="",
                                     quorum_kind="percent" if kind == "board" else "none", quorum_value=50,
                                     proxies_count=kind == "annual", notes=""))
                first_item = len(items) + 1
                for position in range(1, 11):
                    key = KEYS[(position * 3 + mid) % len(KEYS)]
                    items.append(dict(id=len(items) + 1, meeting_id=mid, position=position, key=key,
                                      title=f"Agendapunt {position}: {key.replace('_', ' ')}", description="",
                                      introduced_by="", origin="group", parked=False, moved_to_meeting_id=None,
                                      minutes_notes="Besproken; de werkgroep werkt een voorstel uit voor de "
                                                    "volgende vergadering. " * rng.randint(1, 3)))
                for _ in range(rng.randint(2, 4)):
                    numbers[year] = numbers.get(year, 0) + 1
                    decisions.append(dict(meeting_id=mid, agenda_item_id=first_item + rng.randint(0, 9), year=year,
                                          number=numbers[year], kind="general", vote_kind="vote",
                                          text="De vergadering beslist het voorstel van de werkgroep uit te voeren "
                                               "binnen het budget van dit jaar.",
                                          votes_for=rng.randint(5, 40), votes_against=rng.randint(0, 3),
                                          votes_abstain=rng.randint(0, 3), financial_year=None,
                                          approves_meeting_id=None))
                for _ in range(rng.randint(1, 3)):
                    done = rng.random() < 0.9
                    actions.append(dict(meeting_id=mid, agenda_item_id=first_item + rng.randint(0, 9),
                                        description="Brief opstellen en versturen naar de woonmaatschappij",
                                        owner_member_id=rng.choice(board_ids), owner_contact_id=None,
                                        due_on=day + timedelta(days=30), status="done" if done else "open",
                                        done_on=day + timedelta(days=rng.randint(10, 40)) if done else None, notes=""))
                people = rng.sample(active, 200) if kind == "annual" else board_ids
                for member_id in people:
                    presence.append(dict(meeting_id=mid, member_id=member_id, contact_id=None, guest_name="",
                                         guest_organisation="", status="present", proxy_holder_id=None, notes=""))
                if kind == "annual":
                    annual_ids.append(mid)
                    rest = [m for m in rng.sample(active, 260) if m not in set(people)][:20]
                    for member_id, holder in zip(rest, people, strict=False):
                        presence.append(dict(meeting_id=mid, member_id=member_id, contact_id=None, guest_name="",
                                             guest_organisation="", status="excused", proxy_holder_id=holder,
                                             notes=""))
        for table, rows in ((Meeting, meetings), (AgendaItem, items), (Decision, decisions), (ActionPoint, actions),
                            (Attendance, presence)):
            s.execute(insert(table.__table__), rows)
        board_meeting = next(m["id"] for m in reversed(meetings) if m["type"] == "board")
    return {"meetings": len(meetings), "items": len(items), "decisions": len(decisions), "actions": len(actions),
            "attendance": len(presence), "annual": annual_ids[-1], "board": board_meeting,
            "year": today.year - 1}


def timed(run, repeat: int = 1) -> tuple[float, float, object]:
    """(first, median of the rest or the first) in ms, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    rest = times[1:] or times
    return times[0], statistics.median(rest), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="write the database and documents here")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-meetings-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "meetings.sqlite"
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    make_big_db(path, members=args.members)
    built = add_meetings(path)
    print(f"database: {args.members} members, {built['meetings']} meetings, {built['items']} agenda items, "
          f"{built['decisions']} decisions, {built['actions']} action points, {built['attendance']} attendance "
          f"rows; built in {time.perf_counter() - started:.1f} s")

    from huurdersgroep_app.core.documents.decisions_register import write_decisions_register
    from huurdersgroep_app.core.documents.minutes import write_minutes
    from huurdersgroep_app.core.documents.sign_in_sheet import write_sign_in_sheet
    from huurdersgroep_app.core.services.meetings.record import load_meeting

    i18n.set_language("nl_BE")
    with Database(path, backup_on_close=False) as db:
        def open_meeting(meeting_id):
            with db.reading() as s:
                return load_meeting(s, meeting_id)

        first, median, record = timed(lambda: open_meeting(built["annual"]), repeat=6)
        print(f"open the annual meeting (200 present, {len(record.attendance)} listed, {len(record.items)} items, "
              f"{len(record.decisions)} decisions): first {first:.0f} ms, then {median:.0f} ms  (target ≤ 300 ms)")
        first, median, record = timed(lambda: open_meeting(built["board"]), repeat=6)
        print(f"open a board meeting ({len(record.attendance)} listed, {len(record.review_action_points)} action "
              f"points to review): first {first:.0f} ms, then {median:.0f} ms  (target ≤ 300 ms)")
        for label, make in (
                ("minutes PDF of the annual meeting", lambda s: write_minutes(s, built["annual"],
                                                                              folder / "minutes.pdf")),
                (f"decisions register {built['year']}",
                 lambda s: write_decisions_register(s, built["year"], folder / "decisions.pdf")),
                ("sign-in sheet of the annual meeting (every active member)",
                 lambda s: write_sign_in_sheet(s, built["annual"], folder / "sign-in.pdf"))):
            def run(make=make):
                with db.reading() as s:
                    return make(s)
            first, median, pages = timed(run, repeat=3)
            target = "" if label.startswith("sign-in") else "  (target ≤ 1 s)"
            print(f"{label}: {pages} pages, first {first:.0f} ms, then {median:.0f} ms{target}")
    print(f"files in {folder}  ({datetime.now():%Y-%m-%d %H:%M})")


if __name__ == "__main__":
    main()
