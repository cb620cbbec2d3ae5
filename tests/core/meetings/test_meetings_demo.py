"""The demo's two years of meetings, played through the services on top of the foundation's demo."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models import Office
from huurdersgroep_app.core.db.models.meetings import ActionPoint, Decision, Election, Meeting
from huurdersgroep_app.core.demo import create_demo
from huurdersgroep_app.core.services.meetings import action_points as ap
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings.overview import annual_meeting_status, meeting_rows, upcoming_meetings
from huurdersgroep_app.core.services.meetings.record import load_meeting
from huurdersgroep_app.i18n import language

TODAY = date(2025, 6, 1)


def build(path, seed=3):
    db = Database(path, create=True, backup_on_close=False)
    # The services write some texts (minutes approvals, election results) in the language of the moment;
    # a module-scoped fixture runs before the per-test language is set.
    with language("en"), db.transaction() as s:
        demo = create_demo(s, members=120, seed=seed, today=TODAY)
    return db, demo


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db, demo = build(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield db, demo
    db.close()


def test_two_years_of_meetings_of_every_kind(demo_db):
    db, demo = demo_db
    with db.reading() as s:
        rows = meeting_rows(s)
    kinds = Counter(r.type for r in rows if r.scheduled_on < TODAY)
    assert rows[0].scheduled_on >= date(2023, 6, 1) and kinds["board"] >= 18
    assert kinds["consultation"] >= 7 and kinds["open_tenants"] == 2 and kinds["annual"] == 2
    assert {r.status for r in rows if r.scheduled_on < TODAY} <= {"held", "minutes_drafted", "minutes_approved"}
    assert demo.shared["meeting_ids"] == [r.id for r in sorted(rows, key=lambda r: (r.scheduled_on, r.id))]
    with db.reading() as s:
        assert [r.type for r in upcoming_meetings(s, TODAY)][:1] == ["board"]


def test_minutes_of_each_body_are_approved_at_its_next_meeting(demo_db):
    db, _demo = demo_db
    with db.reading() as s:
        board = [r for r in meeting_rows(s, kind="board") if r.scheduled_on < TODAY]
        approvals = s.scalars(select(Decision.approves_meeting_id).where(Decision.kind == "minutes_approval")).all()
    assert all(r.status == "minutes_approved" for r in board[:-1])
    assert {r.id for r in board[:-1]} <= set(approvals)


def test_decisions_are_numbered_without_gaps_and_action_points_roll_forward(demo_db):
    db, _demo = demo_db
    with db.reading() as s:
        numbers = {}
        for year, number in s.execute(select(Decision.year, Decision.number)):
            numbers.setdefault(year, []).append(number)
        open_board = set(s.scalars(select(ActionPoint.id).join(Meeting).where(
            ActionPoint.status == "open", Meeting.type == "board")))
        done = s.scalars(select(ActionPoint.id).where(ActionPoint.status == "done")).all()
        next_board = upcoming_meetings(s, TODAY)[0]
        review = ap.review_action_points(s, next_board.id)
    assert all(sorted(n) == list(range(1, len(n) + 1)) for n in numbers.values())
    assert open_board and done
    assert {a.id for a in review} == open_board


def test_past_annual_meetings_record_the_elections_the_board_history_holds(demo_db):
    db, demo = demo_db
    with db.reading() as s:
        annuals = [r for r in meeting_rows(s, kind="annual") if r.scheduled_on < TODAY]
        for row in annuals:
            started = {(o.member_id,
                        o.role) for o in s.scalars(select(Office).where(Office.start_on == row.scheduled_on))}
            results = elections.elections_of_meeting(s, row.id)
            elected = {(c.member_id, r.role) for r in results for c in r.elected}
            assert elected == started
            record = load_meeting(s, row.id)
            assert any(d.kind == "discharge" and d.financial_year == row.scheduled_on.year - 1
                       for d in record.decisions)
            # The accounts are approved under their own item, as a decision taken before the discharge.
            item = next(i for i in record.agenda if i.key == "accounts_approval")
            year = str(row.scheduled_on.year - 1)
            assert [d.text for d in item.decisions if year in d.text], (row.scheduled_on, item.decisions)
            discharge = next(d for d in record.decisions if d.kind == "discharge")
            assert item.decisions[0].number < discharge.number
            assert record.counts.present >= 5 and record.counts.guests == 2
        status = annual_meeting_status(s, 2025)
    assert status.held and status.minutes_present


def test_the_next_annual_meeting_is_prepared_with_its_election(demo_db):
    db, demo = demo_db
    with db.reading() as s:
        ahead = [r for r in meeting_rows(s, kind="annual") if r.scheduled_on >= TODAY]
        assert [r.scheduled_on for r in ahead] == [demo.shared["next_annual_meeting"]]
        election = s.scalar(select(Election).where(Election.meeting_id == ahead[0].id))
        if elections.open_seats(s, ahead[0].id):
            assert election is not None and election.candidates and election.applied_on is None


def test_the_demo_meetings_are_the_same_for_the_same_seed(tmp_path, demo_db):
    def summary(db):
        with db.reading() as s:
            return ([(r.scheduled_on, r.type, r.title, r.status) for r in meeting_rows(s)],
                    s.execute(select(Decision.year, Decision.number, Decision.text)
                                  .order_by(Decision.year, Decision.number)).all())

    again, _demo = build(tmp_path / "again.sqlite")
    try:
        assert summary(again) == summary(demo_db[0])
    finally:
        again.close()


def test_no_demo_minutes_are_chaired_taken_or_signed_by_someone_who_was_not_there(demo_db):
    db, _demo = demo_db
    from huurdersgroep_app.core.documents.minutes import signing_names

    wrong, replaced = [], 0
    with db.reading() as s:
        for meeting in s.scalars(select(Meeting).where(Meeting.status.in_(("held", "minutes_drafted",
                                                                            "minutes_approved")))):
            record = load_meeting(s, meeting.id)
            status = {r.member_id: r.status for r in record.attendance if not r.is_guest}
            for role, member_id in (("chair", record.chair_id), ("minutes", record.minute_taker_id)):
                if member_id is not None and status.get(member_id) != "present":
                    wrong.append((record.heading, role, status.get(member_id)))
            assert all(signing_names(record))
            offices = {o.role: o.member_id for o in board_offices(s, record.scheduled_on)}
            replaced += record.chair_id != offices.get("chair") or record.minute_taker_id != offices.get("secretary")
    assert wrong == []
    assert replaced > 0  # the demo shows replacement chairs and minute-takers, as happens


def board_offices(session, on):
    from huurdersgroep_app.core.services.members.board import current_offices

    return current_offices(session, on)
