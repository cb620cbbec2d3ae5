"""Who chaired and who took the minutes: from those present. A replacement chair is normal; an
excused or absent person is refused in either role by every path, and never signs the minutes."""
from __future__ import annotations

import pytest

from huurdersgroep_app.core.documents.minutes import minutes_blocks, signing_names
from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.meetings import attendance, roles
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.meetings.record import load_meeting

import meeting_group


@pytest.fixture
def group(db):
    return meeting_group.build(db)


def _meeting(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025"))
        for key in ("chris", "els", "dirk"):
            attendance.set_attendance(s, m.id, group[key], "present")
        return m.id


def test_the_chair_in_office_cannot_be_marked_excused_while_chairing(db, group):
    mid = _meeting(db, group)
    with pytest.raises(DomainError) as exc, db.transaction() as s:
        attendance.set_attendance(s, mid, group["anna"], "excused")
    assert "Anna Peeters is the chair of this meeting" in str(exc.value)
    with db.reading() as s:
        assert [r.status for r in attendance.attendance_rows(s, mid) if r.member_id == group["anna"]] == [None]


def test_a_replacement_chair_from_those_present_then_the_chair_is_excused(db, group):
    mid = _meeting(db, group)
    with db.transaction() as s:
        roles.set_meeting_roles(s, mid, group["dirk"], group["chris"])
        attendance.set_attendance(s, mid, group["anna"], "excused")
    with db.reading() as s:
        record = load_meeting(s, mid)
        assert (record.chair_name, record.minute_taker_name) == ("Dirk Janssens", "Chris Claes")
        assert roles.role_candidates(s, mid) == {group["chris"], group["els"], group["dirk"]}
        signatures = [x for x in minutes_blocks(s, mid) if isinstance(x, b.Signatures)]
    assert signatures[0].people[0][1] == "Dirk Janssens"


def test_an_excused_or_unmarked_person_is_refused_in_either_role_by_every_path(db, group):
    mid = _meeting(db, group)
    with db.transaction() as s:
        roles.set_meeting_roles(s, mid, group["dirk"], group["chris"])
        attendance.set_attendance(s, mid, group["anna"], "excused")
        attendance.set_attendance(s, mid, group["gert"], "absent")
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        roles.set_meeting_roles(s, mid, group["anna"], group["gert"])
    assert exc.value.problems == {
        "chair_id": "Anna Peeters was excused and cannot be the chair of this meeting; choose someone who was present.",
        "minute_taker_id": "Gert Wouters was absent and cannot be the minute-taker of this meeting; choose someone "
                           "who was present."}
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        roles.set_meeting_roles(s, mid, group["hilde"], None)  # not ticked at all
    assert "not marked present" in exc.value.problems["chair_id"]
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        meetings.update_meeting(s, mid, MeetingInput(type="board", scheduled_on="14/01/2025",
                                                     chair_id=group["anna"], minute_taker_id=group["chris"]))
    assert set(exc.value.problems) == {"chair_id"}
    with db.reading() as s:
        assert load_meeting(s, mid).chair_name == "Dirk Janssens"


def test_minutes_of_an_older_file_never_print_an_excused_chair_as_signatory(db, group):
    mid = _meeting(db, group)
    with db.transaction() as s:
        attendance.set_attendance(s, mid, group["dirk"], "excused")
        meeting = meetings.get_meeting(s, mid)
        meeting.chair_id = group["dirk"]  # as a file from before the check could hold
    with db.reading() as s:
        assert signing_names(load_meeting(s, mid)) == ("", "Chris Claes")
