"""Minutes: decision numbers per year, votes, approval of the previous minutes, discharge,
action points rolling forward to the next meeting of the same body, the annual-meeting signal."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.meetings import action_points as ap
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.overview import annual_meeting_status, overdue
from huurdersgroep_app.core.services.meetings.record import load_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.meetings.minutes import DecisionInput

import meeting_group


@pytest.fixture
def group(db):
    return meeting_group.build(db)


def held(s, kind="board", on="14/01/2025"):
    m = meetings.create_meeting(s, MeetingInput(type=kind, scheduled_on=on))
    meetings.set_meeting_status(s, m.id, "held")
    return m


def test_decisions_are_numbered_per_year_across_meetings_and_gaps_stay(db, group):
    with db.transaction() as s:
        a, b = held(s, on="14/01/2025"), held(s, "consultation", on="20/02/2025")
        first = minutes.add_decision(s, a.id, DecisionInput("Een"))
        second = minutes.add_decision(s, a.id, DecisionInput("Twee"))
        third = minutes.add_decision(s, b.id, DecisionInput("Drie"))
        minutes.delete_decision(s, third.id)
        fourth = minutes.add_decision(s, b.id, DecisionInput("Vier"))
        next_year = minutes.add_decision(s, held(s, on="13/01/2026").id, DecisionInput("Nieuw jaar"))
    assert [d.label for d in (first, second, fourth, next_year)] == ["2025-01", "2025-02", "2025-04", "2026-01"]
    with db.transaction() as s:
        minutes.delete_decision(s, fourth.id)  # the last one: its number is still not given again
        assert minutes.add_decision(s, b.id, DecisionInput("Vijf")).label == "2025-05"
        assert [r.label for r in minutes.decision_rows(s, year=2025)] == ["2025-01", "2025-02", "2025-05"]


def test_votes_are_checked_and_written_out(db, group):
    with db.transaction() as s:
        m = held(s)
        d = minutes.add_decision(s, m.id, DecisionInput("Beamer kopen", "vote", 5, 1, 2))
        secret = minutes.add_decision(s, m.id, DecisionInput("Geheim", "ballot"))
        with pytest.raises(ValidationError) as exc:
            minutes.add_decision(s, m.id, DecisionInput(" ", "vote"))
        assert set(exc.value.problems) == {"text", "votes_for"}
        with pytest.raises(ValidationError):
            minutes.add_decision(s, m.id, DecisionInput("Negatief", "vote", -1, 0, 0))
        minutes.update_decision(s, d.id, DecisionInput("Beamer kopen voor € 450", "vote", 6, 1, 1))
        rows = minutes.decision_rows(s, meeting_id=m.id)
    assert [(r.text, r.vote) for r in rows] == [("Beamer kopen voor € 450", "for 6, against 1, abstentions 1"),
                                                ("Geheim", "by secret ballot")]
    assert rows[0].label == d.label and secret.votes_for is None


def test_approving_the_previous_minutes_is_a_decision_and_sets_its_status(db, group):
    with db.transaction() as s:
        january = held(s, on="14/01/2025")
        consultation = held(s, "consultation", on="20/01/2025")
        meetings.set_meeting_status(s, january.id, "minutes_drafted")
        february = held(s, on="11/02/2025")
        decision = minutes.approve_previous_minutes(s, february.id, changes="Punt 4: Dirk was verontschuldigd.")
        assert decision.kind == "minutes_approval" and decision.approves_meeting_id == january.id
        assert decision.text.startswith("The minutes of the board meeting of 14 January 2025 are approved with")
        # filed under the 'approval of the previous minutes' item of the agenda
        item = next(i for i in load_meeting(s, february.id).items if i.decisions)
        assert item.key == "previous_minutes"
        assert s.get(Meeting, january.id).status == "minutes_approved"
        assert s.get(Meeting, consultation.id).status == "held"  # another body
        assert minutes.approval_of(s, january.id).label == decision.label
        with pytest.raises(DomainError, match="already approved"):
            minutes.approve_previous_minutes(s, february.id)
        with pytest.raises(DomainError, match="no earlier"):
            minutes.approve_previous_minutes(s, consultation.id)
        # deleting the approval reopens the approved minutes
        minutes.delete_decision(s, decision.id)
        assert s.get(Meeting, january.id).status == "minutes_drafted"


def test_action_points_roll_forward_to_the_next_meeting_of_the_same_body_until_done(db, group):
    ids = group.ids
    with db.transaction() as s:
        january = held(s, on="14/01/2025")
        letter = ap.add_action_point(s, january.id, ap.ActionPointInput(
            "Brief over de lift", owner_member_id=ids["chris"], due_on="31/01/2025"))
        poster = ap.add_action_point(s, january.id, ap.ActionPointInput(
            "Affiches ophangen", owner_contact_id=group.contact_id, due_on="01/03/2025"))
        consultation = held(s, "consultation", on="20/01/2025")
        ap.add_action_point(s, consultation.id, ap.ActionPointInput("Planning dakwerken bezorgen"))
        february = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="11/02/2025"))
        march = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="11/03/2025"))
        record = load_meeting(s, february.id)
        review_item = next(i for i in record.items if i.key == "action_review")
        assert [a.description for a in review_item.review] == ["Brief over de lift", "Affiches ophangen"]
        assert review_item.review[1].owner_name == "Sofie Vandamme (Woonmaatschappij Gent)"
        assert [a.description for a in ap.review_action_points(s, consultation.id)] == []
        # done at the February meeting: still listed there (as done), no longer in March
        ap.set_action_status(s, letter.id, "done", on="11/02/2025")
        feb = {a.description: a.status for a in ap.review_action_points(s, february.id)}
        assert feb == {"Brief over de lift": "done", "Affiches ophangen": "open"}
        assert [a.description for a in ap.review_action_points(s, march.id)] == ["Affiches ophangen"]
        # closed later than a meeting: that meeting's minutes show it as it stood then
        ap.set_action_status(s, poster.id, "cancelled", on="20/03/2025")
        assert {a.description: a.status for a in ap.review_action_points(s, march.id)} == {"Affiches ophangen": "open"}
        assert overdue(s, date(2025, 2, 15)) == []
        ap.set_action_status(s, poster.id, "open")
        assert [a.description for a in overdue(s, date(2025, 3, 5))] == ["Affiches ophangen"]


def test_action_points_are_checked(db, group):
    with db.transaction() as s:
        m = held(s)
        with pytest.raises(ValidationError) as exc:
            ap.add_action_point(s, m.id, ap.ActionPointInput(" ", owner_member_id=group["anna"],
                                                             owner_contact_id=group.contact_id, due_on="gisteren"))
        assert set(exc.value.problems) == {"description", "owner_member_id", "due_on"}
        point = ap.add_action_point(s, m.id, ap.ActionPointInput("Iets doen"))
        with pytest.raises(ValidationError, match="before the meeting"):
            ap.set_action_status(s, point.id, "done", on="01/01/2025")
        with pytest.raises(ValidationError):
            ap.set_action_status(s, point.id, "finished")
        # follow-up goes on after the minutes are approved
        meetings.set_meeting_status(s, m.id, "minutes_drafted")
        meetings.set_meeting_status(s, m.id, "minutes_approved")
        assert ap.set_action_status(s, point.id, "done", on="20/01/2025").done_on == date(2025, 1, 20)
        with pytest.raises(DomainError):
            ap.update_action_point(s, point.id, ap.ActionPointInput("Ander"))


def test_discharge_stores_the_financial_year_and_is_given_once(db, group):
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, "29/03/2025")
        meetings.set_meeting_status(s, annual.id, "held")
        d = minutes.record_discharge(s, annual.id, 2024, "vote", 30, 0, 2, confirm_open_books=True)
        assert (d.kind, d.financial_year, d.text) == (
            "discharge", 2024, "The meeting grants the board discharge for the financial year 2024.")
        assert minutes.discharge_decision(s, 2024).id == d.id and minutes.discharge_decision(s, 2023) is None
        with pytest.raises(DomainError, match="already granted"):
            minutes.record_discharge(s, annual.id, 2024, confirm_open_books=True)
        with pytest.raises(ValidationError):
            minutes.record_discharge(s, annual.id, 2026, confirm_open_books=True)


def test_annual_meeting_status_is_the_funding_signal(db, group):
    with db.reading() as s:
        assert annual_meeting_status(s, 2025).text == "No annual meeting is planned for 2025."
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, "29/03/2025")
        status = annual_meeting_status(s, 2025)
        assert (status.held, status.ok) == (False, False) and "planned on" in status.text
        meetings.set_meeting_status(s, annual.id, "held")
        status = annual_meeting_status(s, 2025)
        assert (status.held, status.minutes_present, status.ok) == (True, False, False)
        assert status.text.endswith("but its minutes are missing.")
        minutes.record_discharge(s, annual.id, 2024, confirm_open_books=True)
        meetings.set_meeting_status(s, annual.id, "minutes_drafted")
        status = annual_meeting_status(s, 2025)
        assert (status.ok, status.minutes_approved, status.discharge_years) == (True, False, (2024,))
        next_year = held(s, "annual", on="28/03/2026")
        minutes.approve_previous_minutes(s, next_year.id)
        assert annual_meeting_status(s, 2025).minutes_approved is True
        assert annual_meeting_status(s, 2026).text.endswith("but its minutes are missing.")


def test_the_overview_is_not_red_in_december_when_the_annual_meeting_is_planned_for_march(db, group):
    from huurdersgroep_app.core.services.meetings.overview import annual_meeting_outlook

    december = date(2026, 12, 3)
    with db.reading() as s:
        outlook = annual_meeting_outlook(s, december)
        assert (outlook.signal, outlook.text) == (False, "No annual meeting is planned for 2026.")
    with db.transaction() as s:
        meetings.create_annual_meeting(s, "20/11/2027")
    with db.reading() as s:  # eleven months away: this year's meeting is still missing
        assert annual_meeting_outlook(s, december).signal is False
    with db.transaction() as s:
        meetings.create_annual_meeting(s, "15/03/2027")
    with db.reading() as s:
        outlook = annual_meeting_outlook(s, december)
        assert outlook.signal is None
        assert outlook.text == "No annual meeting in 2026; the next one is planned on 15 Mar 2027."
        # planned later this year: no alarm either; past its date and not held: red again
        assert annual_meeting_outlook(s, date(2027, 2, 1)).signal is None
        assert annual_meeting_outlook(s, date(2027, 4, 1)).signal is False
