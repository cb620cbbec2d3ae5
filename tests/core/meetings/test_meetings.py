"""Planning meetings: defaults from the board and the rule profile, validation, status steps."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.overview import meeting_rows, upcoming_meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput, QuorumRule

import meeting_group


@pytest.fixture
def group(db):
    return meeting_group.build(db)


def plan(s, kind="board", on="14/01/2025", **extra):
    return meetings.create_meeting(s, MeetingInput(type=kind, scheduled_on=on, **extra))


def test_a_new_meeting_takes_chair_secretary_audience_and_quorum_from_group_and_profile(db, group):
    with db.transaction() as s:
        m = plan(s, start_time="19u30", end_time="21.30", place="Buurtlokaal")
    assert (m.chair_id, m.minute_taker_id) == (group["anna"], group["chris"])
    assert (m.start_time, m.end_time) == (time(19, 30), time(21, 30))
    assert m.audience == "board" and m.status == "planned"
    # vlaanderen.toml: board meetings need half of the board, proxies not counted
    assert (m.quorum_kind, m.quorum_value, m.proxies_count) == ("percent", 50, False)
    with db.transaction() as s:
        c = plan(s, "consultation", contact_ids=[group.contact_id])
        o = plan(s, "members", chair_id=group["dirk"])
    assert c.audience == "landlord_and_group" and [x.full_name for x in c.contacts] == ["Sofie Vandamme"]
    assert o.chair_id == group["dirk"] and (o.quorum_kind, o.proxies_count) == ("none", True)


def test_bad_input_is_refused_field_by_field_and_nothing_is_saved(db, group):
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        plan(s, kind="party", on="31/02/2025", start_time="25:00", chair_id=9999, contact_ids=[9999])
    assert set(exc.value.problems) == {"type", "scheduled_on", "start_time", "chair_id", "contact_ids"}
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        plan(s, start_time="20:00", end_time="19:00", quorum=QuorumRule("percent", 120))
    assert set(exc.value.problems) == {"end_time", "quorum_value"}
    with db.reading() as s:
        assert meeting_rows(s) == []


def test_the_group_sets_its_own_quorum_default_per_type(db, group):
    with db.transaction() as s:
        meetings.set_default_quorum(s, "members", QuorumRule("count", 5, True))
        m = plan(s, "members")
        with pytest.raises(ValidationError):
            meetings.set_default_quorum(s, "members", QuorumRule("count", 0))
    assert (m.quorum_kind, m.quorum_value, m.proxies_count) == ("count", 5, True)


def test_status_moves_forward_and_invalid_steps_are_refused_with_the_possible_ones(db, group):
    with db.transaction() as s:
        m = plan(s)
    with pytest.raises(DomainError, match="A meeting that is planned cannot become minutes approved. "
                                          "Possible next steps: invited, held, cancelled."), db.transaction() as s:
        meetings.set_meeting_status(s, m.id, "minutes_approved")
    with db.transaction() as s:
        for status in ("invited", "held", "minutes_drafted", "minutes_approved"):
            meetings.set_meeting_status(s, m.id, status)
    with pytest.raises(DomainError, match="its minutes are final"), db.transaction() as s:
        meetings.set_meeting_status(s, m.id, "held")
    with pytest.raises(DomainError, match="can no longer be changed"), db.transaction() as s:
        meetings.update_meeting(s, m.id, MeetingInput(type="board", scheduled_on="15/01/2025"))
    with db.reading() as s:
        assert s.get(Meeting, m.id).status == "minutes_approved"


def test_a_meeting_cannot_be_held_before_its_day(db, group):
    future = date.today() + timedelta(days=10)
    with db.transaction() as s:
        m = plan(s, on=future)
    with pytest.raises(DomainError, match="cannot be held before then"), db.transaction() as s:
        meetings.set_meeting_status(s, m.id, "held")
    with db.transaction() as s:
        assert meetings.set_meeting_status(s, m.id, "held", today=future).status == "held"


def test_cancel_and_plan_again(db, group):
    with db.transaction() as s:
        m = plan(s)
        meetings.cancel_meeting(s, m.id, "Zaal niet beschikbaar")
    with db.reading() as s:
        assert (s.get(Meeting, m.id).status, s.get(Meeting, m.id).cancel_reason) == ("cancelled",
                                                                                     "Zaal niet beschikbaar")
    with pytest.raises(DomainError, match="was cancelled"), db.transaction() as s:
        minutes.add_decision(s, m.id, minutes.DecisionInput("Iets"))
    with db.transaction() as s:
        again = meetings.set_meeting_status(s, m.id, "planned")
    assert (again.status, again.cancel_reason) == ("planned", "")
    with db.transaction() as s:
        meetings.set_meeting_status(s, m.id, "held")
    with pytest.raises(DomainError), db.transaction() as s:
        meetings.cancel_meeting(s, m.id)


def test_only_a_meeting_without_record_can_be_deleted(db, group):
    with db.transaction() as s:
        empty, held = plan(s), plan(s, on="11/02/2025")
        meetings.set_meeting_status(s, held.id, "held")
        meetings.delete_meeting(s, empty.id)
    with pytest.raises(DomainError, match="cannot be deleted"), db.transaction() as s:
        meetings.delete_meeting(s, held.id)
    with db.reading() as s:
        assert [r.id for r in meeting_rows(s)] == [held.id]


def test_update_changes_the_meeting_and_keeps_its_agenda(db, group):
    with db.transaction() as s:
        m = plan(s)
        meetings.update_meeting(s, m.id, MeetingInput(type="board", scheduled_on="21/01/2025",
                                                      title="Extra vergadering",
                                                      place="Bij Anna thuis", quorum=QuorumRule("count", 3)))
    with db.reading() as s:
        row = meeting_rows(s)[0]
        stored = s.get(Meeting, m.id)
        assert (row.scheduled_on, row.title, row.place) == (date(2025, 1, 21), "Extra vergadering", "Bij Anna thuis")
        assert (stored.quorum_kind, stored.quorum_value) == ("count", 3)
        assert len(stored.items) == 12


def test_meeting_rows_by_year_and_upcoming(db, group):
    today = date(2025, 3, 1)
    with db.transaction() as s:
        a = plan(s, on="14/01/2025")
        b = plan(s, "consultation", on="20/03/2025")
        c = plan(s, on="11/03/2025")
        plan(s, on="10/02/2026")
        meetings.cancel_meeting(s, c.id)
    with db.reading() as s:
        assert [r.id for r in meeting_rows(s, year=2025)] == [a.id, c.id, b.id]
        assert [r.title for r in meeting_rows(s, year=2025)] == ["Board meeting", "Board meeting",
                                                                  "Consultation with the landlord"]
        upcoming = upcoming_meetings(s, today)
        assert [r.id for r in upcoming][:1] == [b.id] and len(upcoming) == 2
        assert upcoming[0].status_label == "planned"


def test_parse_time_accepts_how_people_write_times():
    assert [meetings.parse_time(t) for t in ("19:30", "19.30", "19u30", "19h30", "19u", "9")] == [
        time(19, 30), time(19, 30), time(19, 30), time(19, 30), time(19), time(9)]
    assert meetings.parse_time("") is None
    with pytest.raises(ValueError):
        meetings.parse_time("half acht")


def test_an_annual_meeting_ahead_becomes_the_next_annual_meeting_of_the_rota(db, group):
    ahead = date.today() + timedelta(days=40)
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, ahead, "14:00", "Zaal")
        assert organisation.get_setting(s, board.NEXT_ANNUAL_MEETING_SETTING) == ahead.isoformat()
        assert board.next_annual_meeting(s) == ahead
    assert m.audience == "all_tenants"
