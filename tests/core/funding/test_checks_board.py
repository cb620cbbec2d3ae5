"""Board and member checks, each met and not met, from recorded data."""
from datetime import date

from funding_data import board_of, elect, meeting, member, run

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET, TO_CONFIRM


def test_board_chosen_by_tenants_met_when_elected_at_an_annual_meeting(db):
    with db.transaction() as s:
        ids = [member(s, n) for n in ("A", "B", "C")]
        day = date(2026, 3, 28)
        annual = meeting(s, "annual", day)
        elect(s, annual, ids, ballots=3)
        board_of(s, ids, day)
        outcome = run(s, "board_chosen_by_tenants")
    assert outcome.status == MET
    assert "3 board members on" in outcome.evidence and "all elected at an annual meeting" in outcome.evidence


def test_board_chosen_by_tenants_not_met_for_a_non_tenant_or_an_unelected_member(db):
    with db.transaction() as s:
        ids = [member(s, "A"), member(s, "B"), member(s, "Owner", tenant=False)]
        day = date(2026, 3, 28)
        annual = meeting(s, "annual", day)
        elect(s, annual, ids[:2])
        board_of(s, ids, day)
        outcome = run(s, "board_chosen_by_tenants")
        assert outcome.status == NOT_MET and "T Owner" in outcome.evidence and "not a tenant" in outcome.evidence
        s.get(Member, ids[2]).is_tenant = True
        outcome = run(s, "board_chosen_by_tenants")
        assert outcome.status == NOT_MET and "not elected at an annual meeting: T Owner" in outcome.evidence


def test_board_elected_before_the_records_is_to_confirm_until_evidence(db):
    with db.transaction() as s:
        ids = [member(s, n) for n in ("A", "B", "C")]
        board_of(s, ids, date(2024, 3, 30))
        meeting(s, "annual", date(2026, 3, 28))  # the records begin after the election
        assert run(s, "board_chosen_by_tenants").status == TO_CONFIRM
        confirmed = run(s, "board_chosen_by_tenants", evidence=("Minutes of the 2024 annual meeting",))
    assert confirmed.status == MET and "Minutes of the 2024 annual meeting" in confirmed.evidence


def test_board_minimum(db):
    with db.transaction() as s:
        ids = [member(s, n) for n in ("A", "B", "C")]
        board_of(s, ids[:2], date(2025, 3, 1))
        short = run(s, "board_minimum", params={"minimum": 3})
        board_of(s, ids[2:], date(2025, 3, 1), ["board_member"])
        enough = run(s, "board_minimum", params={"minimum": 3})
    assert short.status == NOT_MET and "2 board members" in short.evidence and "1 more" in short.todo
    assert enough.status == MET and "3 board members" in enough.evidence


def test_members_consent(db):
    with db.transaction() as s:
        member(s, "A")
        late = member(s, "B", consent=False)
        missing = run(s, "members_consent")
        s.get(Member, late).consent_on = date(2026, 2, 1)
        complete = run(s, "members_consent")
        half = run(s, "members_consent", today=date(2026, 1, 15))
        lenient = run(s, "members_consent", params={"percent": 50}, today=date(2026, 1, 15))
    assert missing.status == NOT_MET and "1 of 2 active members" in missing.evidence
    assert complete.status == MET and "2 of 2" in complete.evidence
    assert half.status == NOT_MET and lenient.status == MET
