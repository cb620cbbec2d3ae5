"""The money documents, checked on the text extracted from the PDFs, against sums computed here
independently of the services; and the ledger spreadsheet's exact numbers."""
from __future__ import annotations

import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
from huurdersgroep_app.core.documents.finance.budget import write_budget
from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
from huurdersgroep_app.core.documents.finance.dues_letters import write_dues_letters
from huurdersgroep_app.core.documents.finance.financial_report import set_report_notes, write_financial_report
from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.finance import accounts, budget, categories, dues, entries, receipts, transfers
from huurdersgroep_app.core.services.members.members import MemberInput, add_member
from huurdersgroep_app.i18n import format_money

ZERO = Decimal("0.00")
INCOME = ("landlord_budget", "municipal_subsidy", "membership_dues")
EXPENSE = ("meeting_rooms", "refreshments", "printing")


def _setup(session):
    cash = accounts.add_account(session, "Kas", "cash").id
    bank = accounts.add_account(session, "Bank", "bank", "BE68 5390 0754 7034").id
    cat = {c.code: c.id for c in categories.list_categories(session)}
    return cash, bank, cat


def _line(lines: list[str], start: str) -> str:
    found = [line for line in lines if line.startswith(start)]
    assert found, f"no line starting with {start!r}"
    return found[0]


amounts = st.integers(1, 200_000).map(lambda n: Decimal(n) / 100)
books_strategy = st.lists(st.tuples(st.sampled_from(INCOME + EXPENSE), amounts, st.integers(1, 365),
                                    st.booleans()), min_size=1, max_size=25)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=books_strategy, opening=st.tuples(amounts, amounts), moved=amounts)
def test_financial_report_figures_equal_an_independent_sum(db, tmp_path, pdf_lines, rows, opening, moved):
    with db.dry_run() as s:  # rolled back after each example
        cash, bank, cat = _setup(s)
        accounts.set_opening_balance(s, cash, 2025, opening[0])
        accounts.set_opening_balance(s, bank, 2025, opening[1])
        for code, amount, day, on_bank in rows:
            signed = amount if code in INCOME else -amount
            entries.add_entry(s, entries.EntryInput(date(2025, 1, 1).fromordinal(date(2025, 1,
                                                                                      1).toordinal() + day - 1),
                                                    bank if on_bank else cash, signed, cat[code]))
        transfers.add_transfer(s, date(2025, 6, 30), bank, cash, moved)
        path = tmp_path / "report.pdf"
        write_financial_report(s, path, 2025)
    lines = pdf_lines(path)
    income = sum((a for c, a, _d, _b in rows if c in INCOME), ZERO)
    expense = sum((a for c, a, _d, _b in rows if c in EXPENSE), ZERO)
    assert format_money(income) in _line(lines, "Total income")
    assert format_money(expense) in _line(lines, "Total expenses")
    assert format_money(income - expense) in _line(lines, "Result (income − expenses)")
    for code in INCOME + EXPENSE:
        per_category = sum((a for c, a, _d, _b in rows if c == code), ZERO)
        if per_category:
            label = categories.LABELS[code]
            assert format_money(per_category) in _line(lines, label)
    text = " ".join(lines)
    closing = opening[0] + opening[1] + income - expense
    assert (f"Balances on 1 January {format_money(opening[0] + opening[1])} + result {format_money(income - expense)} "
            f"= balances on 31 December {format_money(closing)}") in text
    assert "do not reconcile" not in text


@pytest.fixture
def group(db):
    with db.transaction() as s:
        cash, bank, cat = _setup(s)
        complexes.add_complex(s, "Residentie Lijnzaad", 120)
        accounts.set_opening_balance(s, bank, 2025, "1000")
        for code, amount in (("landlord_budget", "740.40"), ("municipal_subsidy", "750"), ("meeting_rooms", "-45"),
                             ("meeting_rooms", "-45"), ("refreshments", "-18.35"), ("bank_costs", "-2.50")):
            entries.add_entry(s, entries.EntryInput(date(2025, 3, 3), bank, amount, cat[code],
                                                    counterparty="Partij " + code))
        paid = entries.add_entry(s, entries.EntryInput(date(2025, 4, 4), cash, "-12.00", cat["printing"],
                                                       counterparty="Copyshop", receipt_number="R-7"))
        receipts.attach_receipt(s, paid.id, "bon.pdf", b"%PDF-1.4")
        for code, amount, why in (("landlord_budget", "740", "Norm per woning"), ("meeting_rooms", "500", "Elf zalen"),
                                  ("refreshments", "100", "Koffie")):
            budget.set_budget_line(s, 2025, cat[code], amount, why)
            budget.set_budget_line(s, 2026, cat[code], D(amount) + 10, why + " (2026)")
    return dict(cash=cash, bank=bank, cat=cat)


def D(text):
    return Decimal(text)


def test_budget_vs_actual_table_and_chart(db, group, tmp_path, pdf_lines):
    path = tmp_path / "bva.pdf"
    with db.reading() as s:
        write_budget_vs_actual(s, path, 2025, date(2025, 1, 1), date(2025, 3, 31))
    lines = pdf_lines(path)
    assert "Budget vs actual 2025" in lines
    assert _line(lines, "Meeting rooms").split() == ["Meeting", "rooms", "€500.00", "€90.00", "-€410.00", "18%"]
    assert format_money(D("1490.40")) in _line(lines, "Total income")  # 740.40 + 750.00 to the end of March
    assert "Expenses: budget and actual" in " ".join(lines)  # the chart's title
    # The printing on 4 April falls outside the period.
    assert not any(line.startswith("Copies and printing") for line in lines)


def test_the_result_table_gives_the_difference_of_income_and_of_expenses(db, group, tmp_path, pdf_lines):
    # Only the result line had its difference; the income and expense lines left the column blank.
    path = tmp_path / "bva.pdf"
    with db.reading() as s:
        write_budget_vs_actual(s, path, 2025, date(2025, 1, 1), date(2025, 3, 31))
    lines = pdf_lines(path)
    income = [line for line in lines if line.startswith("Income €")]
    expenses = [line for line in lines if line.startswith("Expenses €")]
    assert income == ["Income €740.00 €1,490.40 €750.40"]
    assert expenses == ["Expenses €600.00 €110.85 -€489.15"]


def test_budget_document_shows_last_year_and_the_dwelling_calculation(db, group, tmp_path, pdf_lines):
    path = tmp_path / "budget.pdf"
    with db.reading() as s:
        write_budget(s, path, 2026)
    lines = pdf_lines(path)
    assert _line(lines, "Meeting rooms").split()[-3:] == ["€510.00", "€500.00", "€90.00"]
    assert "Elf zalen (2026)" in lines
    assert "120 dwellings × €6.17 per dwelling = €740.40." in lines


def test_budget_of_the_first_year_has_no_columns_for_a_year_without_books(db, group, tmp_path, pdf_lines):
    # The group's books start in 2025: its 2025 budget printed 'Budget 2024' and 'Actual 2024' at €0.00
    # on every line, as if the group had planned and spent nothing the year before.
    path = tmp_path / "budget.pdf"
    with db.reading() as s:
        write_budget(s, path, 2025)
    lines = pdf_lines(path)
    text = " ".join(lines)
    assert "Budget 2025" in text
    assert "Budget 2024" not in text and "Actual 2024" not in text
    assert _line(lines, "Meeting rooms").split()[-1] == "€500.00"
    assert _line(lines, "Result (income − expenses)").split()[-1] == format_money(D("740") - D("600"))


def test_audit_pack_has_ledger_receipts_index_and_form(db, group, tmp_path, pdf_pages):
    path = tmp_path / "audit.pdf"
    with db.reading() as s:
        write_audit_pack(s, path, 2025, today=date(2026, 1, 20))
    pages = pdf_pages(path)
    text = "\n".join(pages)
    assert "Ledger 2025" in text and "Receipts index 2025" in text
    assert text.count("MISSING") == 3  # two room rentals and the drinks; bank costs need none, printing has one
    assert "Missing receipts: 3." in text
    assert "Report of the audit committee 2025" in pages[-1] and pages[-1].count("Signature") == 2
    ledger = [line for line in pages[1].splitlines() if re.match(r"^\d+ \d+/\d+/\d+ ", line)]
    assert len(ledger) == 7


def test_dues_letters_one_page_per_unpaid_member(db, tmp_path, pdf_pages):
    with db.transaction() as s:
        _setup(s)
        ids = [add_member(s, MemberInput(last_name=name, street="Lindelaan", house_number=str(n), postcode="9000",
                                         city="Gent")).id for n, name in enumerate(("Aerts", "Bosmans", "Claes"), 1)]
        with pytest.raises(DomainError):
            write_dues_letters(s, tmp_path / "none.pdf", 2025)
        dues.set_dues_amount(s, 2025, "6")
        bank = accounts.find_account(s, "Bank").id
        dues_category = categories.category_by_code(s, "membership_dues").id
        entries.add_entry(s, entries.EntryInput(date(2025, 1, 5), bank, "6", dues_category,
                                                member_id=ids[1]))
    path = tmp_path / "dues.pdf"
    with db.reading() as s:
        assert write_dues_letters(s, path, 2025) == 2
    pages = pdf_pages(path)
    for page, member_id, name in zip(pages, (ids[0], ids[2]), ("Aerts", "Claes"), strict=True):
        assert name in page and "€6.00" in page
        assert dues.format_structured_reference(dues.structured_reference(member_id, 2025)) in page


def test_ledger_spreadsheet_holds_exact_amounts(db, group, tmp_path):
    path = tmp_path / "ledger.xlsx"
    with db.reading() as s:
        assert write_ledger_xlsx(s, path, 2025) == 7
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    # Column G holds the line amounts, written as the exact decimal text.
    values = [Decimal(v) for v in re.findall(r'<c r="G\d+"[^>]*t="n"[^>]*><v>([^<]+)</v>', sheet)]
    assert sorted(values) == sorted(D(x) for x in ("740.40", "750", "-45", "-45", "-18.35", "-2.50", "-12.00"))
    assert sum(values) == D("1367.55")


def test_report_notes_are_printed(db, group, tmp_path, pdf_lines):
    with db.transaction() as s:
        set_report_notes(s, 2025, "De zaalhuur werd duurder.")
    path = tmp_path / "report.pdf"
    with db.reading() as s:
        write_financial_report(s, path, 2025)
    lines = pdf_lines(path)
    assert "De zaalhuur werd duurder." in lines
    assert any(line.startswith("Provisional: the books of 2025 are not closed yet") for line in lines)


def test_the_unspent_grant_warning_is_never_split_over_two_pages(db, tmp_path):
    """A new group's first year whose warning falls at the foot of page 1: read as half a sentence there,
    it said something else. It moves to the next page whole."""
    from pypdf import PdfReader

    from huurdersgroep_app.core.services.finance import grants
    from huurdersgroep_app.i18n import language

    with db.transaction() as s:
        bank = accounts.add_account(s, "Bank", "bank", "BE68 5390 0754 7034").id
        grant = grants.add_grant(s, grants.add_funder(s, "Stad Gent", "municipality").id, 2026, "1000").id
        for day, amount, code, charged in ((date(2026, 1, 15), "1000", "landlord_budget", grant),
                                           (date(2026, 2, 15), "-300", "meeting_rooms", grant),
                                           (date(2026, 3, 15), "-650", "refreshments", None)):
            entries.add_entry(s, entries.EntryInput(day, bank, amount, categories.category_by_code(s, code).id,
                                                    grant_id=charged))
    path = tmp_path / "report.pdf"
    with language("nl_BE"), db.reading() as s:
        write_financial_report(s, path, 2026)
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]
    assert len(pages) == 2  # the layout this test is about: the warning at the foot of the first page
    assert any("De subsidies van 2026 tonen" in p and "leg het verschil uit aan de subsidiegever" in p for p in pages)


def test_report_tables_agree_and_a_refund_is_netted_and_said(db, group, tmp_path, pdf_lines):
    """A refund on an expense category lowers that category; the balances table shows the same income and
    expenses as the result (it used to show the gross money in and out), and the report says what was netted."""
    path = tmp_path / "report.pdf"
    with db.reading() as s:
        write_financial_report(s, path, 2025)
    assert not any("Netted" in line for line in pdf_lines(path))  # no credit note, no note
    with db.transaction() as s:
        entries.add_entry(s, entries.EntryInput(date(2025, 5, 5), group["bank"], "45.00", group["cat"]["meeting_rooms"],
                                                counterparty="Zaal terugbetaling"))
    with db.reading() as s:
        write_financial_report(s, path, 2025)
    lines = pdf_lines(path)
    expenses = D("45") + D("45") + D("18.35") + D("2.50") + D("12.00") - D("45")
    income = D("740.40") + D("750")
    assert format_money(expenses) in _line(lines, "Total expenses")
    assert format_money(D("45.00")) in _line(lines, "Meeting rooms")
    # The balances table's total row: all accounts' income and expenses, equal to the result's.
    total = [ln for ln in lines if ln.startswith("Total ") and not ln.startswith(("Total income", "Total exp"))]
    assert total and format_money(income) in total[-1] and format_money(expenses) in total[-1]
    assert "Netted: €45.00 of refunds on Meeting rooms is deducted from its expenses." in " ".join(lines)


def test_a_new_groups_financial_report_says_nothing_is_booked_yet(db, tmp_path, pdf_lines):
    # It said 'The books hold 0 entries for 2025.', which reads like a count gone wrong.
    path = tmp_path / "report.pdf"
    with db.transaction() as s:
        _setup(s)
    with db.reading() as s:
        write_financial_report(s, path, 2025)
    text = " ".join(pdf_lines(path))
    assert "Nothing has been booked for 2025 yet." in text
    assert "0 entries" not in text


def test_the_budget_approval_reads_in_the_documents_language(db, group, tmp_path, pdf_lines):
    # Recorded from a Dutch screen, the reference was stored in Dutch and an English budget read
    # 'Approved on 28 Mar 2026. Besluit 2026-01, Jaarvergadering van 28 maart 2026'.
    from huurdersgroep_app import i18n
    from huurdersgroep_app.core.services.meetings import lifecycle as meetings
    from huurdersgroep_app.core.services.meetings import minutes

    with i18n.language("nl_BE"), db.transaction() as s:
        annual = meetings.create_annual_meeting(s, date(2026, 3, 28))
        decision = minutes.add_decision(s, annual.id, minutes.DecisionInput(text="De begroting 2026 is goedgekeurd."))
        budget.approve_budget(s, 2026, decision_id=decision.id)
        label = decision.label
    path = tmp_path / "budget.pdf"
    with db.reading() as s:
        write_budget(s, path, 2026)
    text = " ".join(pdf_lines(path))
    assert f"Approved on 28 March 2026. Decision {label}, Annual meeting of 28 March 2026" in text
    assert "Besluit" not in text and "maart" not in text


def test_the_french_receipts_index_says_present_of_a_receipt(db, group, tmp_path, pdf_lines):
    # It read 'présent(e)', the word for a person at a meeting.
    from huurdersgroep_app import i18n

    path = tmp_path / "audit.pdf"
    with i18n.language("fr_BE"), db.reading() as s:
        write_audit_pack(s, path, 2025, today=date(2026, 1, 20))
    text = " ".join(pdf_lines(path))
    assert "R-7 présent" in text and "présent(e)" not in text


def test_a_bank_account_without_a_statement_is_marked_to_check(db, group, tmp_path, pdf_lines):
    # The result column read 'check', which an English reader takes for a tick, i.e. fine.
    path = tmp_path / "audit.pdf"
    with db.reading() as s:
        write_audit_pack(s, path, 2025, today=date(2026, 1, 20))
    bank = _line(pdf_lines(path), "Bank –")
    assert bank.startswith("Bank – no statement ") and bank.endswith(" to check"), bank


def test_the_signatures_never_stand_on_a_page_of_their_own(db, group, tmp_path, pdf_pages):
    # The demo's French report put the treasurer's and the chair's signature lines alone on page 3.
    for count in range(0, 60, 3):
        with db.transaction() as s:
            set_report_notes(s, 2025, "\n\n".join(f"Remark number {i} on the year." for i in range(count)))
        path = tmp_path / f"report{count}.pdf"
        with db.reading() as s:
            write_financial_report(s, path, 2025)
        signed = next(text for text in pdf_pages(path) if "Treasurer" in text)
        last_note = f"Remark number {count - 1} on the year." if count else "The books hold"
        assert last_note in signed, count
