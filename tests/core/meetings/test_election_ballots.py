"""Every ballot paper is accounted for: cast = valid + blank + invalid; no more papers than voters (the
members present, plus the proxies they hold where the meeting's rule counts proxies)."""
from __future__ import annotations

import pytest

from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.meetings import attendance, elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings

import meeting_group
from meeting_group import ANNUAL_DAY


@pytest.fixture
def group(db):
    return meeting_group.build(db)


@pytest.fixture
def single(db, group):
    """An annual meeting with a one-seat election and two candidates."""
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, ANNUAL_DAY, "10:00", "Zaal")
        election = elections.create_election(s, annual.id, seats=1, retiring_office_ids=[group.offices["dirk"]])
        for key in ("gert", "hilde"):
            elections.add_candidate(s, election.id, group[key])
        return annual.id, election.id


def test_one_seat_the_papers_must_add_up_to_votes_blank_and_invalid(db, group, single):
    _annual, election_id = single
    votes = {group["gert"]: 12, group["hilde"]: 7}
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="do not add up: 22 handed in, but 19 votes \\+ 1 blank \\+ 1 "
                                                  "invalid make 21"):
            elections.record_votes(s, election_id, votes, ballots_cast=22, ballots_blank=1, ballots_invalid=1)
        with pytest.raises(ValidationError, match="more blank and invalid"):
            elections.record_votes(s, election_id, votes, ballots_cast=3, ballots_blank=2, ballots_invalid=2)
        with pytest.raises(ValidationError, match="negative"):
            elections.record_votes(s, election_id, votes, ballots_cast=21, ballots_invalid=-1)
        elections.record_votes(s, election_id, votes, ballots_cast=21, ballots_blank=1, ballots_invalid=1)
    with db.reading() as s:
        result = elections.election_result(s, election_id)
        assert (result.ballots_cast, result.ballots_blank, result.ballots_invalid) == (21, 1, 1)
        assert result.ballots_text == "21 ballot papers handed in: valid 19, blank 1, invalid 1."


def test_several_seats_each_valid_paper_carries_one_vote_to_one_per_seat(db, group):
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, ANNUAL_DAY, "10:00", "Zaal")
        election = elections.create_election(s, annual.id)  # two seats from the rota
        for key in ("dirk", "gert", "hilde"):
            elections.add_candidate(s, election.id, group[key])
        ids = group.ids
        with pytest.raises(ValidationError, match="only 8 votes"):
            elections.record_votes(s, election.id, {ids["dirk"]: 4, ids["gert"]: 4, ids["hilde"]: 0},
                                   ballots_cast=10, ballots_invalid=1)
        with pytest.raises(ValidationError, match="more votes than the ballot papers"):
            elections.record_votes(s, election.id, {ids["dirk"]: 9, ids["gert"]: 9, ids["hilde"]: 1},
                                   ballots_cast=10, ballots_invalid=1)
        elections.record_votes(s, election.id, {ids["dirk"]: 9, ids["gert"]: 6, ids["hilde"]: 3},
                               ballots_cast=10, ballots_invalid=1)


def test_no_more_papers_than_voters_and_proxies_count_only_where_the_rule_says(db, group, single):
    annual_id, election_id = single
    with db.transaction() as s:
        for key in ("anna", "bart", "chris"):
            attendance.set_attendance(s, annual_id, group[key], "present")
        attendance.set_attendance(s, annual_id, group["els"], "excused")
        attendance.set_proxy(s, annual_id, group["els"], group["anna"])
        meeting = meetings.get_meeting(s, annual_id)
        assert meeting.proxies_count  # the annual meeting's rule in the Flemish profile
        elections.record_votes(s, election_id, {group["gert"]: 3, group["hilde"]: 1}, ballots_cast=4)
        with pytest.raises(ValidationError, match="5 ballot papers were handed in, but only 4 may vote"):
            elections.record_votes(s, election_id, {group["gert"]: 3, group["hilde"]: 2}, ballots_cast=5)
        meeting.proxies_count = False
        with pytest.raises(ValidationError, match="only 3 may vote: the members present \\(proxies do not count"):
            elections.record_votes(s, election_id, {group["gert"]: 3, group["hilde"]: 1}, ballots_cast=4)
