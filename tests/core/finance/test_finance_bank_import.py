"""Booking bank statements: preview, idempotent, all-or-nothing, suggestions, dues matching."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from benchmarks.camt_file import CamtLine, write_camt053
from huurdersgroep_app.core.db.models.finance import BankStatementRecord, Entry, OpeningBalance, Transfer
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment
from huurdersgroep_app.core.errors import DomainError, LockedYearError, NotFoundError
from huurdersgroep_app.core.importers.bank import parse_bank_file
from huurdersgroep_app.core.services.finance import accounts, dues
from huurdersgroep_app.core.services.finance.bank_import import book_preview, import_statements
from huurdersgroep_app.core.services.finance.balances import balance_on
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

from finance_books import D, statement, tx

FIXTURES = Path(__file__).resolve().parents[2] / "importers" / "fixtures" / "bank"


def _import(books, statements, dry_run=False, account=None):
    with books.db.transaction() as s:
        target = accounts.get_account(s, account or books.bank)
        return import_statements(s, target, statements, dry_run=dry_run)


def _entries(books):
    with books.db.reading() as s:
        return sorted((e.booked_on, e.amount, e.counterparty) for e in s.scalars(select(Entry)))


def test_dry_run_writes_nothing_then_booking_adds_the_lines(books):
    file = [statement(tx(date(2025, 1, 3), "-12.30", "Drukkerij De Leie", text="kopies"),
                      tx(date(2025, 1, 4), "600.00", "Woonmaatschappij", text="werkingsmiddelen Q1"))]
    preview = _import(books, file, dry_run=True)
    assert len(preview.new_lines) == 2 and preview.duplicates == 0 and books.count() == 0
    preview = _import(books, file)
    assert preview.booked == 2
    assert _entries(books) == [(date(2025, 1, 3), D("-12.30"), "Drukkerij De Leie"),
                               (date(2025, 1, 4), D("600.00"), "Woonmaatschappij")]


def test_importing_the_same_file_twice_adds_nothing(books, tmp_path):
    lines = [CamtLine(date(2025, 2, d), D(f"-{d}.15"), f"Winkel {d}", text=f"aankoop {d}") for d in range(1, 9)]
    lines += [CamtLine(date(2025, 2, 10), D("5.00"), "Jan Peeters", text="lidgeld"),
              CamtLine(date(2025, 2, 10), D("5.00"), "Jan Peeters", text="lidgeld")]  # two real payments
    path = write_camt053(tmp_path / "feb.xml", "BE68539007547034", lines, opening=D("100.00"))
    first = _import(books, parse_bank_file(path))
    assert first.booked == 10
    again = _import(books, parse_bank_file(path))
    assert again.booked == 0 and again.duplicates == 10
    assert books.count() == 10
    with books.db.reading() as s:
        assert len(s.scalars(select(BankStatementRecord)).all()) == 1


def test_identical_lines_in_one_file_are_both_booked_once(books):
    payment = tx(date(2025, 3, 1), "5.00", "An", text="lidgeld")
    _import(books, [statement(payment, payment)])
    _import(books, [statement(payment, payment)])
    assert books.count() == 2
    _import(books, [statement(payment, payment, payment)])  # a later export with a third one
    assert books.count() == 3


def test_a_line_in_a_closed_year_refuses_the_whole_file(books):
    books.close(2024)
    file = [statement(tx(date(2024, 12, 30), "-2.50", "Bank", line=7), tx(date(2025, 1, 2), "-45.00", "Zaal", line=12))]
    for dry_run in (True, False):
        with pytest.raises(LockedYearError, match="2024") as refused:
            _import(books, file, dry_run=dry_run)
        assert "line 7" in str(refused.value) and "Nothing was imported" in str(refused.value)
    assert books.count() == 0
    assert books.count(BankStatementRecord) == 0


def test_lines_of_a_closed_year_that_were_booked_before_closing_are_skipped(books):
    old = tx(date(2024, 12, 30), "-2.50", "Bank")
    _import(books, [statement(old)])
    with books.db.transaction() as s:
        books_entry = s.scalar(select(Entry))
        books_entry.lines[0].category_id = books.cat["bank_costs"]
    books.close(2024)
    preview = _import(books, [statement(old, tx(date(2025, 1, 2), "-45.00", "Zaal"))])
    assert preview.booked == 1 and preview.duplicates == 1


def test_balance_mismatch_is_reported_not_crashed(books):
    file = [statement(tx(date(2025, 4, 1), "-10.00", "X"), opening="100.00", closing="95.00", statement_id="42")]
    preview = _import(books, file)
    assert len(preview.mismatches) == 1
    assert "42" in preview.mismatches[0] and "5.00" in preview.mismatches[0]
    assert preview.booked == 1


def test_mt940_with_wrong_closing_balances_books_and_reports(db):
    """The ABN AMRO sample's closing balances do not match its lines: say so for each statement."""
    from finance_books import make_books

    books = make_books(db)
    with db.transaction() as s:
        account = accounts.add_account(s, "ABN AMRO", "bank", "NL91 ABNA 0417 1643 00")
        preview = import_statements(s, account, parse_bank_file(FIXTURES / "mt940" / "abnamro.sta"), dry_run=False)
    assert len(preview.mismatches) == 2 and preview.booked == 10
    assert books.count() == 10


def test_a_file_for_another_account_is_refused(books):
    with pytest.raises(DomainError, match="BE43068999999501"):
        _import(books, [statement(tx(date(2025, 1, 1), "1.00", "X"), iban="BE43068999999501")])
    assert books.count() == 0


def test_a_file_with_several_accounts_books_only_the_chosen_one(books):
    statements = parse_bank_file(FIXTURES / "camt053" / "several-statements-v02.xml")
    preview = _import(books, statements)
    assert preview.booked == 2
    assert any("BE43068999999501" in w for w in preview.warnings)


def test_an_unknown_iban_becomes_a_new_account_only_when_asked(books):
    with pytest.raises(NotFoundError, match="BE43 0689 9999 9501"):
        with books.db.transaction() as s:
            accounts.resolve_account(s, "BE43068999999501")
    file = [statement(tx(date(2025, 6, 3), "250.00", "Spaarrekening", text="rente"), opening="1000.00",
                      iban="BE43068999999501")]
    with books.db.transaction() as s:
        account, created = accounts.resolve_account(s, "BE43068999999501", create=True)
        preview = import_statements(s, account, file, dry_run=False)
        assert created and account.kind == "bank" and account.iban == "BE43 0689 9999 9501"
        # A new account starts from the bank's opening balance, so the books agree with the bank.
        assert s.scalar(select(OpeningBalance.amount).where(OpeningBalance.account_id == account.id)) == D("1000.00")
        assert balance_on(s, account.id, date(2025, 6, 3)) == D("1250.00")
    assert preview.warnings
    with books.db.transaction() as s:
        again, created = accounts.resolve_account(s, "BE43 0689 9999 9501", create=True)
        assert (again.id, created) == (account.id, False)


def test_categories_are_suggested_from_earlier_choices(books):
    books.entry(date(2025, 1, 5), "-45.00", "meeting_rooms", counterparty="Buurthuis De Spoel",
                counterparty_iban="BE02 3630 9876 5440", description="Zaalhuur januari")
    books.entry(date(2025, 1, 6), "-30.00", "printing", counterparty="Copyshop", description="Kopies uitnodiging")
    books.entry(date(2025, 1, 7), "-20.00", "refreshments", counterparty="Bakkerij",
                description="Koffiekoeken vergadering")
    preview = _import(books, [statement(
        tx(date(2025, 2, 5), "-45.00", "BUURTHUIS DE SPOEL VZW", iban="BE02363098765440", text="huur"),  # IBAN
        tx(date(2025, 2, 6), "-12.00", "copyshop", text="iets anders"),  # name
        tx(date(2025, 2, 7), "-18.00", "Bakker Jansen", text="Koffiekoeken vergadering februari"),  # text
        tx(date(2025, 2, 8), "45.00", "Buurthuis De Spoel", iban="BE02363098765440", text="terugbetaling"),  # in ≠ out
        tx(date(2025, 2, 9), "-9.99", "Nieuwe winkel", text="onbekend"))], dry_run=True)
    got = [(line.category_id, line.reason) for line in preview.lines]
    assert got == [(books.cat["meeting_rooms"], "iban"), (books.cat["printing"], "name"),
                   (books.cat["refreshments"], "text"), (None, ""), (None, "")]


def test_dues_are_matched_by_structured_reference_or_member_iban_and_amount(books):
    with books.db.transaction() as s:
        an = add_member(s, MemberInput(last_name="Peeters", first_name="An")).id
        bo = add_member(s, MemberInput(last_name="Claes", first_name="Bo", iban="BE56 7310 4567 8988")).id
        dues.set_dues_amount(s, 2025, "5.00")
    reference = dues.structured_reference(an, 2025)
    preview = _import(books, [statement(
        tx(date(2025, 1, 20), "5.00", "A. Peeters", ref=reference),
        tx(date(2025, 1, 21), "5.00", "Peeters",
           text=f"lidgeld {dues.format_structured_reference(dues.structured_reference(an, 2026))}"),
        tx(date(2025, 1, 22), "5.00", "B Claes", iban="BE56731045678988", text="lidgeld"),
        tx(date(2025, 1, 23), "5.00", "Vreemde", ref="090933755493"))])  # a valid reference, not ours
    assert [(line.member_id, line.dues_year, line.reason) for line in preview.lines] == [
        (an, 2025, "reference"), (an, 2026, "reference"), (bo, 2025, "member_dues"), (None, None, "")]
    with books.db.dry_run() as s:
        paid = sorted((p.member_id, p.year, p.amount) for p in s.scalars(select(DuesPayment)))
        assert paid == sorted([(an, 2025, D("5.00")), (an, 2026, D("5.00")), (bo, 2025, D("5.00"))])
        dues.set_dues_amount(s, 2025, "7.50")
        assert {r.member_id: (r.paid, r.outstanding) for r in dues.dues_status(s, 2025)} == {
            an: (D("5.00"), D("2.50")), bo: (D("5.00"), D("2.50"))}


def test_a_line_to_another_own_account_is_a_transfer_booked_once(books):
    with books.db.transaction() as s:
        savings = accounts.add_account(s, "Spaarrekening", "bank", "BE43 0689 9999 9501").id
    out = [statement(tx(date(2025, 5, 2), "-300.00", "Eigen spaarrekening", iban="BE43068999999501"))]
    came_in = [statement(tx(date(2025, 5, 3), "300.00", "Huurdersgroep", iban="BE68539007547034"),
                         iban="BE43068999999501")]
    assert _import(books, out).booked == 1
    assert _import(books, came_in, account=savings).booked == 0  # the other side of the same transfer
    assert books.count() == 0
    with books.db.reading() as s:
        assert [(t.from_account_id, t.to_account_id, t.amount) for t in s.scalars(select(Transfer))] == [
            (books.bank, savings, D("300.00"))]


def test_the_preview_can_be_edited_before_booking(books):
    with books.db.transaction() as s:
        account = accounts.get_account(s, books.bank)
        preview = import_statements(s, account, [statement(tx(date(2025, 7, 1), "-3.00", "Bank"),
                                                           tx(date(2025, 7, 2), "-9.00", "X"))])
        preview.lines[0].category_id = books.cat["bank_costs"]
        preview.lines[1].skip = True
        assert book_preview(s, preview) == 1
    with books.db.reading() as s:
        assert [e.lines[0].category_id for e in s.scalars(select(Entry))] == [books.cat["bank_costs"]]


def test_a_cash_deposit_line_becomes_a_transfer_and_stays_booked(books):
    deposit = tx(date(2025, 8, 1), "200.00", "Storting", text="storting kas")
    _import(books, [statement(deposit)])
    with books.db.transaction() as s:
        from huurdersgroep_app.core.services.finance.transfers import entry_to_transfer

        transfer = entry_to_transfer(s, s.scalar(select(Entry.id)), books.cash)
        assert (transfer.from_account_id, transfer.to_account_id, transfer.amount) == (books.cash, books.bank,
                                                                                       D("200.00"))
    assert books.count() == 0
    assert _import(books, [statement(deposit)]).booked == 0  # the fingerprint moved to the transfer
    assert books.count(Transfer) == 1


def test_a_members_iban_alone_does_not_make_a_payment_dues(books):
    """Issue 12: a € 1.000 landlord payment from an account a member also uses was proposed as dues."""
    with books.db.transaction() as s:
        bo = add_member(s, MemberInput(last_name="Claes", first_name="Bo", iban="BE56 7310 4567 8988")).id
        dues.set_dues_amount(s, 2025, "10.00")
        dues.set_dues_amount(s, 2026, "12.00")
    preview = _import(books, [statement(
        tx(date(2025, 3, 1), "1000.00", "Woonmaatschappij", iban="BE56731045678988", text="werkingsmiddelen"),
        tx(date(2025, 3, 2), "10.00", "B Claes", iban="BE56731045678988", text="lidgeld"),
        tx(date(2025, 12, 20), "12.00", "B Claes", iban="BE56731045678988", text="lidgeld volgend jaar"),
        tx(date(2025, 3, 3), "7.00", "B Claes", iban="BE56731045678988", text="koffie"))], dry_run=True)
    assert [(line.member_id, line.dues_year, line.reason) for line in preview.lines] == [
        (None, None, ""), (bo, 2025, "member_dues"), (bo, 2026, "member_dues"), (None, None, "")]
    assert preview.lines[0].category_id != books.cat["membership_dues"]


def test_without_a_dues_amount_the_members_last_dues_payment_is_what_fits(books):
    with books.db.transaction() as s:
        bo = add_member(s, MemberInput(last_name="Claes", first_name="Bo", iban="BE56 7310 4567 8988")).id
    reference = dues.structured_reference(bo, 2024)
    _import(books, [statement(tx(date(2024, 2, 1), "8.00", "B Claes", ref=reference))])  # booked: last paid 8.00
    preview = _import(books, [statement(
        tx(date(2025, 2, 1), "8.00", "B Claes", iban="BE56731045678988", text="lidgeld"),
        tx(date(2025, 2, 2), "80.00", "B Claes", iban="BE56731045678988", text="huur zaal"))], dry_run=True)
    assert [(line.member_id, line.dues_year, line.reason) for line in preview.lines] == [
        (bo, 2025, "member_dues"), (None, None, "")]
