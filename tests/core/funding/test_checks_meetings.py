"""Meeting checks, each met and not met, from recorded meetings, agendas, attendance and elections."""
from datetime import date

from funding_data import elect, meeting, member, present, run
from sqlalchemy import delete

from huurdersgroep_app.core.db.models.meetings import AgendaItem
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET, TO_CONFIRM
from huurdersgroep_app.core.services.meetings import minutes


def test_annual_meeting_met_with_minutes_agenda_and_attendance(db):
    with db.transaction() as s:
        ids = [member(s, n) for n in ("A", "B", "C")] + [member(s, "Guest", tenant=False)]
        annual = meeting(s, "annual", date(2026, 3, 28))
        present(s, annual, ids)
        board_meeting = meeting(s, "board", date(2026, 4, 14), status="held")
        minutes.add_decision(s, board_meeting, minutes.DecisionInput("Minutes approved"), kind="minutes_approval",
                             approves_meeting_id=annual)
        outcome = run(s, "annual_meeting")
    assert outcome.status == MET
    assert "annual meeting held on 28 Mar 2026" in outcome.evidence
    assert "minutes approved on 14 Apr 2026" in outcome.evidence
    assert "3 tenants present" in outcome.evidence  # the non-tenant is not counted
    assert "activity report" in outcome.evidence.lower()


def test_annual_meeting_not_met_without_minutes_or_agenda_items_or_at_all(db):
    with db.transaction() as s:
        assert run(s, "annual_meeting").status == NOT_MET
        annual = meeting(s, "annual", date(2026, 3, 28), status="held")
        no_minutes = run(s, "annual_meeting")
        assert no_minutes.status == NOT_MET and "no minutes yet" in no_minutes.evidence
        from huurdersgroep_app.core.services.meetings import lifecycle as meetings
        meetings.set_meeting_status(s, annual, "minutes_drafted")
        s.execute(delete(AgendaItem).where(AgendaItem.meeting_id == annual, AgendaItem.key == "financial_report"))
        missing = run(s, "annual_meeting")
    assert missing.status == NOT_MET and "financial report" in missing.todo.lower()


def test_annual_report_within_six_months(nl_db):
    with nl_db.transaction() as s:
        meeting(s, "annual", date(2026, 7, 4))
        late = run(s, "annual_report_within_months", params={"months": 6})
        extended = run(s, "annual_report_within_months", params={"months": 6},
                       evidence=("The general meeting extended the term to 31 July",))
        on_time = run(s, "annual_report_within_months", params={"months": 7})
    assert late.status == NOT_MET and "after 30 Jun 2026" in late.evidence
    assert extended.status == MET and "extended" in extended.evidence
    assert on_time.status == MET


def test_open_meetings_four_a_year(bxl_db):
    with bxl_db.transaction() as s:
        for month in (2, 5, 9):
            meeting(s, "open_tenants", date(2026, month, 10))
        meeting(s, "board", date(2026, 6, 10))  # not open to all tenants
        three = run(s, "open_meetings", params={"minimum": 4})
        meeting(s, "members", date(2026, 11, 10), audience="all_tenants")
        four = run(s, "open_meetings", params={"minimum": 4})
    assert three.status == NOT_MET and "3 meetings open to all tenants" in three.evidence and "1 more" in three.todo
    assert four.status == MET and "4 meetings" in four.evidence


def test_consultations_with_the_landlord(nl_db):
    with nl_db.transaction() as s:
        meeting(s, "consultation", date(2025, 11, 10))  # last year: does not count
        none = run(s, "consultations")
        meeting(s, "consultation", date(2026, 2, 18), status="held")
        one = run(s, "consultations")
    assert none.status == NOT_MET and "0 consultations" in none.evidence
    assert one.status == MET and "18 Feb 2026" in one.evidence


def test_tenants_informed_needs_an_open_meeting_and_evidence(db):
    with db.transaction() as s:
        assert run(s, "tenants_informed").status == NOT_MET
        meeting(s, "open_tenants", date(2026, 10, 14))
        unconfirmed = run(s, "tenants_informed")
        confirmed = run(s, "tenants_informed", evidence=("Newsletter no. 3 in every letterbox",))
    assert unconfirmed.status == TO_CONFIRM and "1 meeting open to all tenants" in unconfirmed.evidence
    assert confirmed.status == MET and "Newsletter no. 3" in confirmed.evidence


def test_open_to_all_tenants_is_confirmed_by_the_user(db):
    with db.transaction() as s:
        assert run(s, "open_to_all_tenants").status == TO_CONFIRM
        assert run(s, "open_to_all_tenants", evidence=("Statutes art. 4",)).status == MET


def test_elections_valid_turnout_and_candidates(bxl_db):
    with bxl_db.transaction() as s:
        ids = [member(s, f"M{i}") for i in range(40)]
        day = date(2024, 3, 20)
        held = meeting(s, "annual", day)
        elect(s, held, ids[:5], ballots=1, others=ids[5:6])  # 1 of 40 is 2.5 %
        low = run(s, "elections_valid")
        again = meeting(s, "annual", date(2025, 3, 20))
        elect(s, again, ids[:4], ballots=3)  # 7.5 %, but only 4 candidates
        few = run(s, "elections_valid")
        valid = meeting(s, "annual", date(2026, 3, 20))
        elect(s, valid, ids[:5], ballots=2)  # 5 %, 5 candidates
        good = run(s, "elections_valid")
        old = run(s, "elections_valid", year=2031)
    assert low.status == NOT_MET and "below 5 %" in low.evidence and "1 ballots of 40" in low.evidence
    assert few.status == NOT_MET and "fewer than 5 candidates" in few.evidence
    assert good.status == MET and "20 Mar 2026" in good.evidence
    assert old.status == NOT_MET  # nothing in the last four years
