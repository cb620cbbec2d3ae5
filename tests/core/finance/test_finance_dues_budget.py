"""Membership dues (structured references, EPC payment data), the budget, volunteer allowances, grants."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.finance import allowances, budget, dues, grants
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

from finance_books import D


@given(member_id=st.integers(1, 999_999), year=st.integers(2000, 2200))
def test_structured_reference_round_trip(member_id, year):
    digits = dues.structured_reference(member_id, year)
    assert len(digits) == 12 and dues.valid_structured_reference(digits)
    assert int(digits[:10]) % 97 == int(digits[10:]) % 97  # the mod-97 check digits
    assert dues.parse_dues_reference(digits) == (year, member_id)
    formatted = dues.format_structured_reference(digits)
    assert dues.find_structured_reference(f"lidgeld {formatted} dank u") == digits
    assert dues.find_structured_reference(formatted.replace("+", "*")) == digits
    wrong = digits[:11] + str((int(digits[11]) + 1) % 10)
    assert not dues.valid_structured_reference(wrong)


def test_known_belgian_references():
    assert dues.valid_structured_reference("090933755493")  # from a bank's own sample
    assert dues.structured_reference(1, 2025) == "2025000001" + f"{2025000001 % 97:02d}"
    exact = (-2025000000) % 97  # a member id whose base is a multiple of 97: check digits 97, not 00
    assert dues.structured_reference(exact, 2025).endswith("97")
    assert dues.parse_dues_reference("090933755493") is None  # valid, but not one of ours


def test_dues_status_and_epc_payment(db):
    with db.transaction() as s:
        member = add_member(s, MemberInput(last_name="Peeters", first_name="An")).id
        with pytest.raises(DomainError, match="dues amount"):
            dues.epc_payment(s, member, 2025)
        dues.set_dues_amount(s, 2025, "7,50")
        payment = dues.epc_payment(s, member, 2025)
        assert (payment.iban, payment.amount, payment.reference) == (
            "BE68539007547034", D("7.50"), dues.structured_reference(member, 2025))
        qr = dues.epc_qr(payment)
        assert qr.version <= 13 and qr.error == "M"  # the EPC standard's limits
        row = dues.dues_status(s, 2025)[0]
        assert (row.member_id, row.due, row.paid, row.has_paid) == (member, D("7.50"), D("0.00"), False)
        assert row.reference == dues.format_structured_reference(dues.structured_reference(member, 2025))


def test_dutch_groups_get_a_text_not_a_belgian_structured_field(nl_db):
    with nl_db.transaction() as s:
        from huurdersgroep_app.core.services.finance import accounts

        accounts.add_account(s, "Rabobank", "bank", "NL91 ABNA 0417 1643 00")
        member = add_member(s, MemberInput(last_name="Jansen")).id
        dues.set_dues_amount(s, 2025, "10")
        payment = dues.epc_payment(s, member, 2025)
    # A Dutch group: no Belgian OGM in free text, but the same digits as a plain payment reference.
    assert payment.reference == "" and "+++" not in payment.text and payment.iban == "NL91ABNA0417164300"
    assert dues.find_structured_reference(payment.text) == dues.structured_reference(member, 2025)


def test_budget_lines_start_from_actuals_or_budget(books):
    books.entry(date(2024, 3, 1), "-45.40", "meeting_rooms")
    books.entry(date(2024, 4, 1), "-45.20", "meeting_rooms")
    books.entry(date(2024, 4, 2), "3000", "landlord_budget")
    books.entry(date(2024, 4, 3), "12.50", "refreshments")  # only a refund: nothing to plan from
    with books.db.transaction() as s:
        assert budget.start_budget(s, 2025, "actuals") == 2
        lines = {row.category_id: row for row in budget.budget_lines(s, 2025)}
        assert lines[books.cat["meeting_rooms"]].amount == D("91.00")  # 90.60 rounded to whole euros
        assert "2024" in lines[books.cat["meeting_rooms"]].justification
        budget.set_budget_line(s, 2025, books.cat["meeting_rooms"], "120", "Meer vergaderingen")
        assert budget.start_budget(s, 2026, "budget") == 2
        assert "Meer vergaderingen" in {r.justification for r in budget.budget_lines(s, 2026)}
        assert budget.budget_totals(s, 2026) == (D("3000.00"), D("120.00"))
        with pytest.raises(ValidationError):
            budget.set_budget_line(s, 2026, books.cat["training"], "-5")
        with pytest.raises(DomainError):
            budget.start_budget(s, 2031, "budget")
        approved = budget.approve_budget(s, 2026, "12/03/2026", "Jaarvergadering, besluit 4")
        assert approved.approved_on == date(2026, 3, 12)
        assert "Jaarvergadering, besluit 4" in budget.approval_text(approved)


def test_per_dwelling_calculation_uses_the_profile_norm(db):
    with db.transaction() as s:
        complexes.add_complex(s, "Wijk A", 120)
        complexes.add_complex(s, "Wijk B", 37)
        calculation = budget.dwelling_calculation(s)
    assert calculation.rate == D("6.17") and calculation.dwellings == 157
    assert calculation.total == D("968.69") == 157 * D("6.17")
    assert [amount for _n, _d, amount in calculation.complexes] == [D("740.40"), D("228.29")]


def test_volunteer_allowance_warns_above_the_yearly_cap(db):
    """Flanders: the Belgian cap of the entry's year (2025: € 1.692,51 a year, € 42,31 a day)."""
    with db.transaction() as s:
        member = add_member(s, MemberInput(last_name="Maes", first_name="Lien")).id
        _allowance, warning = allowances.add_allowance(s, member, 2025, "1600,00", "Q1-Q3", days=40)
        assert warning is None
        _allowance, warning = allowances.add_allowance(s, member, 2025, "92,52", "Q4", days=3)
        assert warning and "Lien Maes" in warning and "1,692.52" in warning and "1,692.51" in warning
        row = allowances.allowance_rows(s, 2025)[0]
        assert row.over_cap and row.total == D("1692.52") and row.cap == D("1692.51")
        assert allowances.allowance_rows(s, 2024) == []


def test_grants_track_received_and_charged_money(books):
    with books.db.transaction() as s:
        funder = grants.add_funder(s, "Woonmaatschappij Vlasland", "landlord")
        grant = grants.add_grant(s, funder.id, 2025, "3000", "Enkel bewezen kosten", "31/03/2026").id
        with pytest.raises(ValidationError):
            grants.add_funder(s, "woonmaatschappij vlasland")
    books.entry(date(2025, 1, 15), "1500", "landlord_budget", grant_id=grant)
    books.entry(date(2025, 2, 15), "-45", "meeting_rooms", grant_id=grant)
    books.entry(date(2025, 2, 16), "-20", "refreshments")
    with books.db.reading() as s:
        row = grants.grant_rows(s, 2025)[0]
    assert (row.amount, row.received, row.spent, row.balance, row.deadline) == (
        D("3000.00"), D("1500.00"), D("45.00"), D("1455.00"), date(2026, 3, 31))


def test_more_unspent_grant_money_than_the_group_holds_is_said_on_the_report_and_the_closing(books, tmp_path):
    """Issue 9 item 6: the report showed more unspent grant money than cash and bank together, without a word."""
    from pypdf import PdfReader

    from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
    from huurdersgroep_app.core.services.finance.closing import closing_checks

    with books.db.transaction() as s:
        funder = grants.add_funder(s, "Stad Gent", "municipality")
        grant = grants.add_grant(s, funder.id, 2025, "1000").id
    books.entry(date(2025, 1, 15), "1000", "landlord_budget", grant_id=grant)
    books.entry(date(2025, 2, 15), "-300", "meeting_rooms", grant_id=grant)  # charged: 700 left of the grant
    with books.db.reading() as s:
        assert grants.unspent_grant_warning(s, 2025) == ""  # 700 unspent, 1000 − 300 = 700 held
        assert not any("not yet spent" in w for w in closing_checks(s, 2025).warnings)
    books.entry(date(2025, 3, 15), "-650", "refreshments")  # paid with the grant's money, charged to no grant
    with books.db.reading() as s:
        warning = grants.unspent_grant_warning(s, 2025)
        checks = closing_checks(s, 2025).warnings
    assert warning == ("The grants of 2025 show €700.00 not yet spent, but the group holds €50.00 in cash and bank "
                       "on 31 December: those balances cannot all be true. €650.00 of the year's expenses are "
                       "charged to no grant; charge what was paid with grant money to its grant, or explain the "
                       "difference to the funder.")
    assert warning in checks
    path = tmp_path / "report.pdf"
    with books.db.reading() as s:
        write_financial_report(s, path, 2025)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)
    assert "The grants of 2025 show €700.00 not yet spent, but the group holds €50.00" in text
