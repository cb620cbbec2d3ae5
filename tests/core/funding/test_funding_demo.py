"""The demo group: a landlord budget and a city subsidy with conditions, last year accounted for,
and one condition not met this year (next year's budget is a draft), leading to the budget page."""
from datetime import date

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.funding import grants, records
from huurdersgroep_app.core.services.funding.compliance import NOT_MET, check_all
from huurdersgroep_app.core.services.funding.funders import funder_rows

from demo_files import demo_copy

TODAY = date(2025, 11, 20)


def test_demo_funders_conditions_and_the_one_gap(tmp_path):
    with Database(demo_copy(tmp_path / "demo.sqlite", seed=5, today=TODAY), backup_on_close=False) as db:
        with db.reading() as s:
            funders = {r.kind: r for r in funder_rows(s)}
            reports = check_all(s, 2025, TODAY)
            views = grants.grant_views(s, 2024)
            committee = records.audit_committee(s, 2024)
            auditors = (len(committee.members), committee.approved, committee.checked_on is not None)
    assert set(funders) == {"landlord", "municipality"} and all(f.iban and f.conditions >= 10 for f in
                                                                funders.values())
    assert all(v.accounted_on is not None and v.received > 0 for v in views)
    assert auditors == (2, True, True)
    for report in reports:
        gaps = [r for r in report.results if r.status == NOT_MET]
        assert [(g.check, g.fix) for g in gaps] == [("budget_approved", "finance.budget")], report.funder
        assert "2026" in gaps[0].evidence and gaps[0].todo
