"""Attendance: expected people per audience, ticks, guests, proxies, live counts and the quorum."""
from __future__ import annotations

import pytest

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.meetings import attendance, roles
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.record import load_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput, QuorumRule

import meeting_group


@pytest.fixture
def group(db):
    return meeting_group.build(db)


def meeting(db, kind="board", quorum=None, on="14/01/2025"):
    with db.transaction() as s:
        return meetings.create_meeting(s, MeetingInput(type=kind, scheduled_on=on, quorum=quorum))


def tick(db, meeting_id, **statuses):
    with db.transaction() as s:
        for member_id, status in statuses.items():
            attendance.set_attendance(s, meeting_id, int(member_id), status)


def test_a_board_meeting_expects_the_board_and_a_members_meeting_every_active_member(db, group):
    board_meeting, members_meeting = meeting(db), meeting(db, "members")
    with db.reading() as s:
        board_rows = attendance.attendance_rows(s, board_meeting.id)
        member_rows = attendance.attendance_rows(s, members_meeting.id)
    assert [r.name for r in board_rows] == ["Chris Claes", "Dirk Janssens", "Els Maes", "Anna Peeters"]
    assert len(member_rows) == 10 and all(r.status is None for r in member_rows)


def test_half_the_board_is_the_quorum_of_a_board_meeting(db, group):
    m = meeting(db)
    with db.reading() as s:
        assert attendance.quorum(s, m.id).text == "Quorum not reached: 0 of 2 needed."
    tick(db, m.id, **{str(group["anna"]): "present"})
    with db.transaction() as s:  # the secretary is excused: the chair also takes the minutes
        roles.set_meeting_roles(s, m.id, group["anna"], group["anna"])
    tick(db, m.id, **{str(group["chris"]): "excused"})
    with db.reading() as s:
        assert attendance.quorum(s, m.id).text == "Quorum not reached: 1 of 2 needed."
    # a member who is not on the board does not count for the board's quorum
    tick(db, m.id, **{str(group["gert"]): "present"})
    with db.reading() as s:
        assert attendance.quorum(s, m.id).reached is False
    tick(db, m.id, **{str(group["els"]): "present"})
    with db.reading() as s:
        result = attendance.quorum(s, m.id)
        counts = attendance.attendance_counts(s, m.id)
    assert (result.text, result.base, result.needed, result.reached) == ("Quorum reached: 2 of 2 needed.", 4, 2, True)
    assert (counts.present, counts.excused, counts.absent, counts.unmarked) == (3, 1, 1, 1)


def test_proxies_count_only_where_the_rule_says_so(db, group):
    ids = group.ids
    with_proxies = meeting(db, "members", QuorumRule("count", 4, proxies_count=True))
    without = meeting(db, "members", QuorumRule("count", 4, proxies_count=False), on="15/01/2025")
    for m in (with_proxies, without):
        tick(db, m.id, **{str(ids[k]): "present" for k in ("anna", "chris", "dirk")})
        with db.transaction() as s:
            attendance.set_proxy(s, m.id, ids["els"], ids["anna"])
    with db.reading() as s:
        yes, no = attendance.quorum(s, with_proxies.id), attendance.quorum(s, without.id)
        assert attendance.attendance_counts(s, without.id).proxies == 1
    assert yes.text == "Quorum reached: 4 of 4 needed. (including 1 proxy)"
    assert no.text == "Quorum not reached: 3 of 4 needed."


def test_a_percentage_of_the_active_members(db, group):
    m = meeting(db, "members", QuorumRule("percent", 25, True))
    tick(db, m.id, **{str(group[k]): "present" for k in ("anna", "bart")})
    with db.reading() as s:
        result = attendance.quorum(s, m.id)
    assert (result.base, result.needed, result.counted, result.reached) == (10, 3, 2, False)
    with db.reading() as s:
        assert attendance.quorum(s, meeting(db, "annual", on="29/03/2025").id).text == "No quorum required."


def test_proxy_rules(db, group):
    ids = group.ids
    m = meeting(db, "members", QuorumRule("none", 0, True))
    tick(db, m.id, **{str(ids["anna"]): "present", str(ids["bart"]): "excused", str(ids["gert"]): "absent"})
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="must be a member who is present"):
            attendance.set_proxy(s, m.id, ids["bart"], ids["gert"])
        with pytest.raises(DomainError, match="votes in person"):
            attendance.set_proxy(s, m.id, ids["anna"], ids["bart"])
        with pytest.raises(ValidationError, match="their own proxy"):
            attendance.set_proxy(s, m.id, ids["bart"], ids["bart"])
        attendance.set_proxy(s, m.id, ids["bart"], ids["anna"])
        # vlaanderen.toml: one proxy per member present
        with pytest.raises(DomainError, match="may hold 1 proxy"):
            attendance.set_proxy(s, m.id, ids["gert"], ids["anna"])
        organisation.set_rule_override(s, "meetings", "proxies_per_holder", 2)
        attendance.set_proxy(s, m.id, ids["gert"], ids["anna"])
        assert attendance.attendance_counts(s, m.id).proxies == 2
        # the holder leaves (someone else chairs): the proxies no longer count, and arriving in person ends a proxy
        attendance.set_attendance(s, m.id, ids["chris"], "present")
        roles.set_meeting_roles(s, m.id, ids["chris"], ids["chris"])
        attendance.set_attendance(s, m.id, ids["anna"], "excused")
        assert attendance.attendance_counts(s, m.id).proxies == 0
        attendance.set_attendance(s, m.id, ids["anna"], "present")
        attendance.set_proxy(s, m.id, ids["gert"], ids["anna"])
        attendance.set_attendance(s, m.id, ids["gert"], "present")
        rows = {r.member_id: r for r in attendance.attendance_rows(s, m.id)}
    assert rows[ids["gert"]].proxy_holder_id is None


def test_guests_with_their_organisation_and_contacts(db, group):
    m = meeting(db, "consultation")
    with db.transaction() as s:
        attendance.add_guest(s, m.id, contact_id=group.contact_id)
        guest = attendance.add_guest(s, m.id, "Karel Buurtwerk", "Samenlevingsopbouw")
        with pytest.raises(ValidationError):
            attendance.add_guest(s, m.id, "  ")
    with db.reading() as s:
        rows = [r for r in load_meeting(s, m.id).attendance if r.is_guest]
    assert [(r.name, r.organisation) for r in rows] == [("Sofie Vandamme", "Woonmaatschappij Gent"),
                                                          ("Karel Buurtwerk", "Samenlevingsopbouw")]
    with db.transaction() as s:
        attendance.remove_guest(s, guest.id)
        assert attendance.attendance_counts(s, m.id).guests == 1


def test_clearing_a_tick_and_saving_a_whole_list(db, group):
    ids = group.ids
    m = meeting(db)
    with db.transaction() as s:
        attendance.set_attendances(s, m.id, {ids["anna"]: "present", ids["chris"]: "present", ids["dirk"]: "excused"})
        attendance.set_attendance(s, m.id, ids["dirk"], None)
        counts = attendance.attendance_counts(s, m.id)
        with pytest.raises(ValidationError):
            attendance.set_attendance(s, m.id, ids["els"], "late")
    assert (counts.present, counts.excused, counts.unmarked) == (2, 0, 2)


def test_the_minutes_record_leaves_out_the_unticked_members_it_would_only_count(db, group):
    """The minutes name at most a few absent members: beyond that ``load_meeting`` does not read
    the names of the members nobody ticked, and counts them all the same."""
    m = meeting(db, "members")
    tick(db, m.id, **{str(group["anna"]): "present", str(group["bart"]): "excused", str(group["gert"]): "absent"})
    with db.reading() as s:
        whole = load_meeting(s, m.id)
        short = load_meeting(s, m.id, unticked_up_to=3)
        roomy = load_meeting(s, m.id, unticked_up_to=8)
    assert len(whole.attendance) == 10 and whole.unlisted == 0
    assert [(r.name, r.status) for r in short.attendance] == [(r.name, r.status) for r in whole.attendance
                                                               if r.status is not None]
    assert short.unlisted == 7 and short.counts == whole.counts and short.quorum == whole.quorum
    assert (short.counts.absent, short.counts.unmarked) == (8, 7)
    # 7 unticked + 1 ticked absent fit under 8: everyone is listed, as before
    assert roomy.attendance == whole.attendance and roomy.unlisted == 0
