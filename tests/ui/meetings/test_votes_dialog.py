"""The votes dialog counts every ballot paper: blank and invalid apart; a count that does not add up is
refused under the field and changes nothing (pytest-qt, offscreen)."""
from __future__ import annotations

import pytest

import meeting_group
from huurdersgroep_app.core.services.meetings import elections
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.election_dialog import VotesDialog


@pytest.fixture
def election(db):
    group = meeting_group.build(db)
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, meeting_group.ANNUAL_DAY, "10:00", "Zaal")
        election = elections.create_election(s, annual.id, seats=1, retiring_office_ids=[group.offices["dirk"]])
        for key in ("gert", "hilde"):
            elections.add_candidate(s, election.id, group[key])
        return group, election.id


def test_blank_and_invalid_papers_are_entered_apart_and_must_add_up(db, election, qtbot, monkeypatch):
    group, election_id = election
    ctx = AppContext(db)
    monkeypatch.setattr(AppContext, "show_error", lambda *a, **k: None, raising=False)
    with db.reading() as s:
        result = elections.election_result(s, election_id)
    dialog = VotesDialog(ctx, result)
    qtbot.addWidget(dialog)
    dialog.votes[group["gert"]].setValue(5)
    dialog.votes[group["hilde"]].setValue(3)
    dialog.cast.setValue(11)
    dialog.blank.setValue(1)
    dialog.invalid.setValue(1)
    assert not dialog.save()
    assert "do not add up: 11 handed in" in dialog.form.problem("ballots_cast")
    with db.reading() as s:
        assert elections.election_result(s, election_id).ballots_cast is None
    dialog.invalid.setValue(2)
    assert dialog.save()
    with db.reading() as s:
        saved = elections.election_result(s, election_id)
    assert (saved.ballots_cast, saved.ballots_blank, saved.ballots_invalid) == (11, 1, 2)
