"""Elections at the annual meeting: seats from the retirement rota, candidate checks, votes or
acclamation, and applying the result to the board offices."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app.core.db.models import Office
from huurdersgroep_app.core.db.models.meetings import Decision
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.record import load_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput

import meeting_group
from meeting_group import ANNUAL_DAY


@pytest.fixture
def group(db):
    return meeting_group.build(db)


@pytest.fixture
def annual(db, group):
    with db.transaction() as s:
        return meetings.create_annual_meeting(s, ANNUAL_DAY, "10:00", "Zaal")


def test_open_seats_come_from_the_retirement_rota(db, group, annual):
    with db.transaction() as s:
        seats = elections.open_seats(s, annual.id)
        election = elections.create_election(s, annual.id)
        assert [(e.member_name, e.role) for e in seats] == [("Anna Peeters", "chair"), ("Dirk Janssens",
                                                                                        "board_member")]
        assert election.seats == 2 and {r.office_id for r in election.retiring} == {group.offices["anna"],
                                                                                  group.offices["dirk"]}
        assert election.agenda_item_id == next(i.id for i in load_meeting(s, annual.id).items if i.key == "elections")
        # the seats are taken: a second election gets none from the rota
        with pytest.raises(ValidationError, match="No terms end"):
            elections.create_election(s, annual.id, role="chair")
        with pytest.raises(DomainError, match="annual meeting or a members' meeting"):
            elections.create_election(s, meetings.create_meeting(s, MeetingInput("board", "01/04/2025")).id, seats=1)


def test_candidates_must_be_members_and_tenants_where_the_profile_says_so(db, group, annual):
    with db.transaction() as s:
        election = elections.create_election(s, annual.id)
        with pytest.raises(ValidationError, match="Ivo Goossens is not a tenant"):
            elections.add_candidate(s, election.id, group["ivo"])
        with pytest.raises(ValidationError, match="already holds this office"):
            elections.add_candidate(s, elections.create_election(s, annual.id, role="treasurer", seats=1).id,
                                    group["els"])
        elections.add_candidate(s, election.id, group["dirk"])  # his term ends: he may stand again
        with pytest.raises(DomainError, match="already a candidate"):
            elections.add_candidate(s, election.id, group["dirk"])
        organisation.set_rule_override(s, "board", "board_members_must_be_tenants", False)
        elections.add_candidate(s, election.id, group["ivo"])
    from huurdersgroep_app.core.services.members.members import end_membership
    with db.transaction() as s:
        end_membership(s, group["hilde"], date(2025, 1, 1))
        with pytest.raises(ValidationError, match="is not a member on"):
            elections.add_candidate(s, election.id, group["hilde"])


def test_a_vote_elects_the_most_votes_and_a_tie_for_the_last_seat_must_be_resolved(db, group, annual):
    ids = group.ids
    with db.transaction() as s:
        election = elections.create_election(s, annual.id)
        for key in ("dirk", "gert", "hilde"):
            elections.add_candidate(s, election.id, ids[key])
        assert elections.election_result(s, election.id).problems == ["Record the votes of every candidate."]
        elections.record_votes(s, election.id, {ids["dirk"]: 20, ids["gert"]: 12, ids["hilde"]: 12}, ballots_cast=25)
        result = elections.election_result(s, election.id)
        assert result.problems[0].startswith("A tie for the last seat between Gert Wouters, Hilde Mertens")
        with pytest.raises(ValidationError, match="more votes than the ballot papers"):
            elections.record_votes(s, election.id, {ids["dirk"]: 30, ids["gert"]: 30}, ballots_cast=25)
        with pytest.raises(ValidationError, match="not a candidate"):
            elections.record_votes(s, election.id, {ids["anna"]: 3})
        elections.record_votes(s, election.id, {ids["dirk"]: 20, ids["gert"]: 14, ids["hilde"]: 9}, ballots_cast=25,
                               ballots_blank=1)
        result = elections.election_result(s, election.id)
    assert result.problems == []
    assert [c.name for c in result.elected] == ["Dirk Janssens", "Gert Wouters"]
    assert result.text == "Elected as board member: Dirk Janssens (20 votes), Gert Wouters (14 votes)."


def test_applying_the_result_ends_the_retiring_offices_and_starts_new_terms(db, group, annual):
    ids = group.ids
    with db.transaction() as s:
        election = elections.create_election(s, annual.id)
        for key in ("dirk", "gert"):
            elections.add_candidate(s, election.id, ids[key])
        elections.elect_by_acclamation(s, election.id)
        with pytest.raises(DomainError, match="Mark the meeting as held"):
            elections.apply_election(s, election.id)
        meetings.set_meeting_status(s, annual.id, "held")
        offices = elections.apply_election(s, election.id)
        assert [(o.member_id, o.role, o.start_on, o.planned_end_on) for o in offices] == [
            (ids["dirk"], "board_member", ANNUAL_DAY, date(2028, 3, 29)),
            (ids["gert"], "board_member", ANNUAL_DAY, date(2028, 3, 29))]
        assert s.get(Office, group.offices["anna"]).ended_on == ANNUAL_DAY
        assert s.get(Office, group.offices["dirk"]).ended_on == ANNUAL_DAY
        current = {(o.member.first_name, o.role) for o in board.current_offices(s, ANNUAL_DAY)}
        assert current == {("Chris", "secretary"), ("Els", "treasurer"), ("Dirk", "board_member"),
                           ("Gert", "board_member")}
        # the rota now shows the new terms; the result is a numbered decision under 'Elections'
        _, rota = board.retirement_rota(s, date(2025, 4, 1))
        assert ("Gert Wouters", date(2028, 3, 29)) in [(e.member_name, e.planned_end_on) for e in rota]
        decision = s.get(Decision, election.decision_id)
        assert (decision.kind, decision.vote_kind, decision.agenda_item_id) == (
            "election", "acclamation", election.agenda_item_id)
        assert decision.text == "Elected as board member: Dirk Janssens, Gert Wouters."
        with pytest.raises(DomainError, match="already applied"):
            elections.apply_election(s, election.id)
        with pytest.raises(DomainError, match="already applied"):
            elections.add_candidate(s, election.id, ids["hilde"])


def test_acclamation_needs_no_more_candidates_than_seats(db, group, annual):
    with db.transaction() as s:
        election = elections.create_election(s, annual.id, seats=1, retiring_office_ids=[group.offices["dirk"]])
        with pytest.raises(DomainError, match="Add the candidates"):
            elections.elect_by_acclamation(s, election.id)
        elections.add_candidate(s, election.id, group["gert"])
        elections.add_candidate(s, election.id, group["hilde"])
        with pytest.raises(DomainError, match="more candidates than seats"):
            elections.elect_by_acclamation(s, election.id)


def test_a_seat_without_votes_stays_open(db, group, annual):
    with db.transaction() as s:
        election = elections.create_election(s, annual.id)
        elections.add_candidate(s, election.id, group["gert"])
        elections.record_votes(s, election.id, {group["gert"]: 17})
        result = elections.election_result(s, election.id)
    assert result.text == "Elected as board member: Gert Wouters (17 votes). 1 seat remains open."


def test_a_turnout_minimum_in_the_profile_invalidates_a_low_turnout(db, group, annual):
    with db.transaction() as s:
        organisation.set_rule_override(s, "board", "election_turnout_minimum_percent", 50)
        election = elections.create_election(s, annual.id)
        elections.add_candidate(s, election.id, group["gert"])
        elections.record_votes(s, election.id, {group["gert"]: 4}, ballots_cast=4)
        problems = elections.election_result(s, election.id).problems
    assert problems == ["The turnout (4 of 10) is below the required 50 %; the election is not valid."]
