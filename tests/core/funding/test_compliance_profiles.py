"""Per profile: a funder given the region's default conditions; on an empty group nothing is met,
and once the year is recorded every condition is met — with the funder's own words confirmed."""
from datetime import date

from funding_data import TODAY, board_of, budget_for, elect, meeting, member, present

from huurdersgroep_app.core.services.funding import conditions, funders, grants, records
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET, TO_CONFIRM
from huurdersgroep_app.core.services.funding.compliance import FIX_KEYS, check_all, check_funder


def _funder(s):
    funder = funders.add_funder(s, funders.FunderInput("Funder", "municipality"))
    conditions.copy_profile_conditions(s, funder.id)
    return funder.id


def _statuses(s, funder_id):
    return {r.check: r.status for r in check_funder(s, funder_id, 2026, TODAY).results}


def _confirm_all(s, funder_id):
    for row in conditions.condition_rows(s, funder_id):
        conditions.add_evidence(s, row.id, 2026, "Seen by the board", confirmed_on=date(2026, 5, 1))


def test_flemish_defaults_from_nothing_to_all_met(db):
    with db.transaction() as s:
        funder_id = _funder(s)
        empty = _statuses(s, funder_id)
        assert empty["annual_meeting"] == NOT_MET and empty["open_to_all_tenants"] == TO_CONFIRM
        assert MET not in {v for k, v in empty.items() if k != "accountability_filed"}
        ids = [member(s, n) for n in ("A", "B", "C", "D")]
        annual = meeting(s, "annual", date(2026, 3, 28))
        present(s, annual, ids)
        elect(s, annual, ids[:3], ballots=4)
        board_of(s, ids[:3], date(2026, 3, 28))
        budget_for(s, 2027, date(2026, 10, 3))
        records.set_year_plan(s, 2027)
        records.add_plan_line(s, 2027, "Party")
        from huurdersgroep_app.core.services.finance import closing
        closing.close_year(s, 2025, closed_on=date(2026, 1, 20), today=date(2026, 1, 20), confirmed=True)
        _confirm_all(s, funder_id)
        report = check_funder(s, funder_id, 2026, TODAY)
    assert {r.check: r.status for r in report.results} == {k: MET for k in empty}
    assert report.all_met and all(r.fix in FIX_KEYS for r in report.results)


def test_dutch_defaults(nl_db):
    with nl_db.transaction() as s:
        funder_id = _funder(s)
        empty = _statuses(s, funder_id)
        assert empty["consultations"] == NOT_MET and empty["audit_committee"] == NOT_MET
        ids = [member(s, n) for n in ("A", "B", "C", "D", "E")]
        board_of(s, ids[:3], date(2025, 1, 1))
        meeting(s, "consultation", date(2026, 2, 18))
        meeting(s, "annual", date(2026, 5, 20))
        budget_for(s, 2027, date(2026, 10, 3))
        records.set_audit_committee(s, 2025, ids[3:], "10/02/2026", "Books", "In order", True)
        grant = grants.add_grant(s, grants.GrantInput(funder_id, 2025, "1500"))
        grants.record_accountability(s, grant.id, "20/02/2026")
        report = check_funder(s, funder_id, 2026, TODAY)
    assert {r.check: r.status for r in report.results} == {k: MET for k in empty}


def test_brussels_defaults(bxl_db):
    with bxl_db.transaction() as s:
        funder_id = _funder(s)
        empty = _statuses(s, funder_id)
        assert empty["open_meetings"] == NOT_MET and empty["elections_valid"] == NOT_MET
        ids = [member(s, f"M{i}") for i in range(20)]
        for month in (2, 5, 9):
            meeting(s, "open_tenants", date(2026, month, 10))
        annual = meeting(s, "annual", date(2026, 3, 20))
        elect(s, annual, ids[:5], ballots=10)
        budget_for(s, 2027, date(2026, 10, 3))
        results = check_all(s, 2026, TODAY)[0].results
    assert {r.check: r.status for r in results} == {k: MET for k in empty}


def test_the_funders_own_words_are_confirmed_with_a_file(db):
    with db.transaction() as s:
        funder = funders.add_funder(s, funders.FunderInput("Provincie", "province"))
        own = conditions.add_condition(s, funder.id, "confirm", text="Photos of the activities with the request")
        before = check_funder(s, funder.id, 2026, TODAY).results[0]
        conditions.add_evidence(s, own.id, 2026, file_name="party.jpg", data=b"\xff\xd8jpeg", mime="image/jpeg",
                                confirmed_on="02/06/2026")
        after = check_funder(s, funder.id, 2026, TODAY).results[0]
        other_year = check_funder(s, funder.id, 2027, date(2027, 5, 1)).results[0]
        name, mime, data = conditions.evidence_file(s, own.evidence[0].id)
    assert before.status == TO_CONFIRM and before.fix == "funding.evidence"
    assert after.status == MET and "party.jpg" in after.evidence and "2 Jun 2026" in after.evidence
    assert other_year.status == TO_CONFIRM
    assert (name, mime, data) == ("party.jpg", "image/jpeg", b"\xff\xd8jpeg")


def test_conditions_are_edited_per_funder_not_hard_coded(db):
    with db.transaction() as s:
        a = _funder(s)
        b = funders.add_funder(s, funders.FunderInput("Other", "foundation")).id
        conditions.copy_profile_conditions(s, b)
        row = next(r for r in conditions.condition_rows(s, a) if r.check == "board_minimum")
        conditions.update_condition(s, row.id, params={"minimum": 5})
        labels_a = {r.label for r in conditions.condition_rows(s, a)}
        labels_b = {r.label for r in conditions.condition_rows(s, b)}
        import pytest
        from huurdersgroep_app.core.errors import ValidationError
        with pytest.raises(ValidationError):
            conditions.update_condition(s, row.id, params={"maximum": 5})
        with pytest.raises(ValidationError):
            conditions.add_condition(s, a, "no_such_check")
    assert "A board of at least 5 members" in labels_a and "A board of at least 3 members" in labels_b
