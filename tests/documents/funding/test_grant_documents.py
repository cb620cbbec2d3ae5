"""The accountability per grant (PDF and XLSX), the year plan and the kascommissie report, each
read back from the written file and compared with the services' figures."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from huurdersgroep_app.core.documents.funding.audit_committee import write_audit_committee_report
from huurdersgroep_app.core.documents.funding.grant_accountability import write_grant_accountability
from huurdersgroep_app.core.documents.funding.year_plan import write_year_plan
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance import accounts, categories, entries
from huurdersgroep_app.core.services.finance.grants import grant_rows
from huurdersgroep_app.core.services.funding import grants, records
from huurdersgroep_app.core.services.funding.accountability import grant_accounts
from huurdersgroep_app.core.services.funding.plan import year_plan_view
from huurdersgroep_app.i18n import format_money

from funding_demo import TODAY


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_accountability_figures_equal_the_finance_services(demo, tmp_path, text_of):
    with demo.reading() as s:
        rows = {r.grant_id: r for r in grant_rows(s, 2024)}
        write_grant_accountability(s, 2024, tmp_path / "ga.pdf", today=TODAY)
        accounts_ = grant_accounts(s, 2024)
    text = _flat(text_of(tmp_path / "ga.pdf"))
    assert len(accounts_) == 2 and set(rows) == {a.grant_id for a in accounts_}
    for account in accounts_:
        row = rows[account.grant_id]
        assert account.received == row.received and account.spent_eligible == row.spent
        assert f"Total received {format_money(row.received)}" in text
        assert f"Total eligible spending {format_money(row.spent)}" in text
        assert format_money(row.received - row.spent) in text and account.funder in text
    assert "Receipts index" in text


def test_ineligible_spending_missing_receipt_and_overspending_are_flagged(demo, tmp_path, text_of):
    with demo.transaction() as s:
        landlord = next(v for v in grants.grant_views(s, 2025) if v.amount > 1000)
        cat = {c.code: c.id for c in categories.list_categories(s)}
        bank = next(a for a in accounts.list_accounts(s) if a.kind == "bank")
        # Experts are not among the landlord's eligible categories; the receipt is missing; and the
        # amount is larger than the whole grant.
        entries.add_entry(s, entries.EntryInput(date(2025, 10, 1), bank.id, Decimal("-5000.00"), cat["experts"],
                                                counterparty="Studiebureau Klaar", description="Advies renovatie",
                                                grant_id=landlord.id))
        entries.add_entry(s, entries.EntryInput(date(2025, 10, 2), bank.id, Decimal("-4000.00"), cat["training"],
                                                counterparty="Vormingplus", description="Cursusreeks",
                                                grant_id=landlord.id))
    with demo.reading() as s:
        account = next(a for a in grant_accounts(s, 2025) if a.grant_id == landlord.id)
        write_grant_accountability(s, 2025, tmp_path / "ga.pdf", funder_id=landlord.funder_id, today=TODAY)
        write_grant_accountability(s, 2025, tmp_path / "ga.xlsx", "xlsx", funder_id=landlord.funder_id)
    assert account.spent_ineligible == Decimal("5000.00") and account.overspent > 0
    text = _flat(text_of(tmp_path / "ga.pdf"))
    assert "Stad Kortrijk" not in text  # one funder only
    assert f"{format_money(Decimal('5000.00'))} was charged to this grant in categories it does not cover" in text
    assert f"Overspent by {format_money(account.overspent)}" in text and "needs the funder's consent" in text
    assert "Studiebureau Klaar · Advies renovatie" in text and "MISSING" in text
    assert f"Missing receipts: {len(account.missing_receipts)}." in text and len(account.missing_receipts) >= 2
    book = load_workbook(tmp_path / "ga.xlsx")
    summary = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(summary) == 1 and summary[0][0] == account.funder
    assert Decimal(str(summary[0][5])) == Decimal("5000.00") and summary[0][8] == len(account.missing_receipts)
    receipts = [r for r in book.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert sum(1 for r in receipts if r[7] == "MISSING") == len(account.missing_receipts)


def test_year_plan_lists_lines_with_next_years_budget_lines(demo, tmp_path, text_of):
    with demo.reading() as s:
        view = year_plan_view(s, 2026)
        pages = write_year_plan(s, 2026, tmp_path / "yp.pdf", today=TODAY)
        write_year_plan(s, 2026, tmp_path / "yp.docx", "docx", today=TODAY)
    text = _flat(text_of(tmp_path / "yp.pdf"))
    assert pages == 1 and "Year plan 2026" in text and "Draft: not yet approved." in text
    linked = [line for line in view.lines if line.budget_line]
    assert len(linked) == 4
    for line in linked:
        assert line.description in text and f"{line.budget_line}: {format_money(line.budgeted)}" in _flat(text)
    assert any(line.kind == "annual" for line in view.lines)  # the meetings planned in 2026 come in


def test_audit_committee_report_for_a_closed_year_only(demo, tmp_path, text_of):
    with demo.reading() as s:
        committee = records.audit_committee(s, 2024)
        names = [s.get(records.Member, m.member_id).full_name for m in committee.members]
        findings, scope = committee.findings, committee.scope
        write_audit_committee_report(s, 2024, tmp_path / "ac.pdf", today=TODAY)
        with pytest.raises(DomainError, match="not closed"):
            write_audit_committee_report(s, 2025, tmp_path / "open.pdf", today=TODAY)
    assert not (tmp_path / "open.pdf").exists()
    text = _flat(text_of(tmp_path / "ac.pdf"))
    assert len(names) == 2
    # The column says what its cells say (outside the board), not 'Checked'.
    assert "Name Independent of the board" in text
    for name in names:
        assert f"{name} not on the board in 2024" in text
    assert findings in text and scope in text
    assert "advises the annual meeting to grant the board discharge" in text
