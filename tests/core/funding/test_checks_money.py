"""Money checks, each met and not met: budget, closed books, cash book, year plan, accountability,
kascommissie."""
from datetime import date

import pytest
from funding_data import board_of, budget_for, member, run

from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.finance import accounts, categories, closing, entries
from huurdersgroep_app.core.services.funding import funders, grants, records
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET


def test_budget_for_next_year_approved(db):
    with db.transaction() as s:
        assert run(s, "budget_approved").status == NOT_MET
        budget_for(s, 2027, None)
        draft = run(s, "budget_approved")
        budget_for(s, 2027, date(2026, 10, 3))
        approved = run(s, "budget_approved")
        this_year = run(s, "budget_approved", params={"year_offset": 0})
    assert draft.status == NOT_MET and "not yet approved" in draft.evidence and "1,000.00" in draft.evidence
    assert approved.status == MET and "approved on 3 Oct 2026" in approved.evidence
    assert this_year.status == NOT_MET and "2026" in this_year.evidence


def _book(s, day: date, amount: str) -> None:
    bank = accounts.add_account(s, f"Bank {day.year}", "cash")
    cat = {c.code: c.id for c in categories.list_categories(s)}
    entries.add_entry(s, entries.EntryInput(day, bank.id, amount, cat["landlord_budget"], description="Budget"))


def test_books_closed_and_cash_book(db):
    with db.transaction() as s:
        assert run(s, "cash_book").status == NOT_MET
        _book(s, date(2025, 6, 1), "100")
        _book(s, date(2026, 2, 1), "50")
        open_books = run(s, "books_closed")
        kept = run(s, "cash_book")
        closing.close_year(s, 2025, closed_on=date(2026, 1, 20), today=date(2026, 1, 20), confirmed=True)
        closed = run(s, "books_closed")
    assert open_books.status == NOT_MET and "still open (1 entry)" in open_books.evidence
    assert kept.status == MET and "1 entry booked in 2026, the last on 1 Feb 2026" in kept.evidence
    assert closed.status == MET and "closed on 20 Jan 2026" in closed.evidence


def test_year_plan_for_next_year(db):
    with db.transaction() as s:
        records.set_year_plan(s, 2027, "More tenants involved")
        empty = run(s, "year_plan")
        records.add_plan_line(s, 2027, "Neighbourhood party", "21/06/2027")
        planned = run(s, "year_plan")
        with pytest.raises(ValidationError):
            records.add_plan_line(s, 2027, "Wrong year", "21/06/2026")
    assert empty.status == NOT_MET and planned.status == MET and "1 planned activity" in planned.evidence


def test_accountability_filed_before_the_deadline(db):
    with db.transaction() as s:
        city = funders.add_funder(s, funders.FunderInput("Stad Gent", "municipality"))
        nothing = run(s, "accountability_filed", funder_id=city.id)
        grant = grants.add_grant(s, grants.GrantInput(city.id, 2025, "750", accountability_deadline="31/05/2026"))
        not_yet = run(s, "accountability_filed", funder_id=city.id, today=date(2026, 4, 1))
        overdue = run(s, "accountability_filed", funder_id=city.id)
        grants.record_accountability(s, grant.id, "15/05/2026")
        filed = run(s, "accountability_filed", funder_id=city.id)
        grant.accounted_on = date(2026, 6, 2)
        late = run(s, "accountability_filed", funder_id=city.id)
    assert nothing.status == MET and "nothing to account for" in nothing.evidence
    assert not_yet.status == NOT_MET and "not filed yet (deadline 31 May 2026)" in not_yet.evidence
    assert overdue.status == NOT_MET and "the deadline was 31 May 2026" in overdue.evidence
    assert filed.status == MET and "filed on 15 May 2026" in filed.evidence
    assert late.status == NOT_MET and "after the deadline" in late.evidence


def test_accountability_within_two_months_without_a_grant_deadline(nl_db):
    with nl_db.transaction() as s:
        landlord = funders.add_funder(s, funders.FunderInput("Woonstichting", "landlord"))
        grant = grants.add_grant(s, grants.GrantInput(landlord.id, 2025, "2000"))
        grants.record_accountability(s, grant.id, "03/03/2026")
        late = run(s, "accountability_filed", funder_id=landlord.id, params={"months_after_year": 2})
        grants.record_accountability(s, grant.id, "27/02/2026")
        in_time = run(s, "accountability_filed", funder_id=landlord.id, params={"months_after_year": 2})
    assert late.status == NOT_MET and "28 Feb 2026" in late.evidence
    assert in_time.status == MET


def test_kascommissie_of_two_members_not_on_the_board(nl_db):
    with nl_db.transaction() as s:
        chair, a, b = member(s, "Chair"), member(s, "Auditor A"), member(s, "Auditor B")
        board_of(s, [chair], date(2024, 1, 1))
        assert run(s, "audit_committee").status == NOT_MET
        with pytest.raises(ValidationError, match="board"):
            records.set_audit_committee(s, 2025, [chair, a])
        records.set_audit_committee(s, 2025, [a])
        one = run(s, "audit_committee")
        records.set_audit_committee(s, 2025, [a, b])
        no_report = run(s, "audit_committee")
        records.set_audit_committee(s, 2025, [a, b], "12/02/2026", "Cash book and receipts", "In order", True)
        done = run(s, "audit_committee")
    assert one.status == NOT_MET and "it has 1 member" in one.evidence
    assert no_report.status == NOT_MET and "no report yet" in no_report.evidence
    assert done.status == MET and "T Auditor A, T Auditor B" in done.evidence and "12 Feb 2026" in done.evidence
