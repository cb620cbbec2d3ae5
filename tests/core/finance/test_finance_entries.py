"""Entries split over categories, search and filter, receipts, dues payments, categories."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.models.finance import Entry, Receipt
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.finance import categories, entries, receipts
from huurdersgroep_app.core.services.finance.search import UNCATEGORISED, EntryFilter, search_entries
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

from finance_books import D


def test_split_entry_lines_must_add_up_to_the_amount(books):
    with books.db.transaction() as s:
        entry = entries.add_entry(s, entries.EntryInput(
            "14/03/2025", books.bank, "-100,00", lines=[
                entries.LineInput(books.cat["meeting_rooms"], "-60,00"),
                entries.LineInput(books.cat["refreshments"], "-40,00", "Koffie")]))
        assert [(line.category_id, line.amount) for line in entry.lines] == [
            (books.cat["meeting_rooms"], D("-60.00")), (books.cat["refreshments"], D("-40.00"))]
    with pytest.raises(ValidationError) as refused:
        with books.db.transaction() as s:
            entries.add_entry(s, entries.EntryInput(date(2025, 3, 15), books.bank, "-100,00", lines=[
                entries.LineInput(books.cat["meeting_rooms"], "-60,00"),
                entries.LineInput(books.cat["refreshments"], "-39,99")]))
    assert "lines" in refused.value.problems and "€99.99" in refused.value.problems["lines"]
    assert books.count() == 1


def test_bad_input_is_refused_field_by_field_and_nothing_is_written(books):
    with pytest.raises(ValidationError) as refused:
        with books.db.transaction() as s:
            entries.add_entry(s, entries.EntryInput("31/02/2025", books.bank, "twelve", books.cat["materials"]))
    assert set(refused.value.problems) >= {"booked_on", "amount"}
    with pytest.raises(ValidationError) as refused:
        with books.db.transaction() as s:
            entries.add_entry(s, entries.EntryInput(date(2025, 1, 1), books.bank, "0", books.cat["materials"]))
    assert "amount" in refused.value.problems
    assert books.count() == 0


def test_money_is_never_a_float(books):
    with pytest.raises(TypeError):
        with books.db.transaction() as s:
            entries.add_entry(s, entries.EntryInput(date(2025, 1, 1), books.bank, 0.1, books.cat["materials"]))
    for _ in range(3):
        books.entry(date(2025, 1, 2), "0,10", "donations")
    with books.db.reading() as s:
        amounts = s.scalars(select(Entry.amount)).all()
    assert sum(amounts, D("0")) == D("0.30")  # 3 × 0.1 is 0.30000000000000004 in float
    assert all(isinstance(a, D) for a in amounts)


def test_search_filters_by_period_account_category_and_text(books):
    coffee = books.entry(date(2025, 2, 1), "-8,40", "refreshments", account="cash", description="Koffie Café Noord")
    room = books.entry(date(2025, 3, 1), "-45", "meeting_rooms", counterparty="Buurthuis De Spoel")
    landlord = books.entry(date(2025, 4, 1), "900", "landlord_budget", counterparty="Woonmaatschappij")
    bare = books.entry(date(2025, 5, 1), "-2,50", None, description="Kosten")
    with books.db.reading() as s:
        def ids(**kw):
            return [row.id for row in search_entries(s, EntryFilter(**kw))]

        assert ids() == [coffee, room, landlord, bare]
        assert ids(start=date(2025, 2, 15), end=date(2025, 4, 1)) == [room, landlord]
        assert ids(account_id=books.cash) == [coffee]
        assert ids(category_id=books.cat["meeting_rooms"]) == [room]
        assert ids(category_id=UNCATEGORISED) == [bare]
        assert ids(text="cafe") == [coffee]  # accents and case do not matter
        assert ids(text="SPOEL") == [room]
        assert ids(text="landlord's participation") == [landlord]  # the category's name counts too
        row = search_entries(s, EntryFilter(text="kosten"))[0]
        assert row.categorised is False and row.categories == "Not categorised"


def test_receipts_are_stored_in_the_database_and_missing_ones_listed(books):
    paid = books.entry(date(2025, 2, 1), "-20", "materials", description="Papier")
    unpaid = books.entry(date(2025, 2, 2), "-30", "printing", description="Kopieën")
    books.entry(date(2025, 2, 3), "-2,50", "bank_costs")  # the statement is its proof
    books.entry(date(2025, 2, 4), "500", "landlord_budget")  # income needs no receipt
    data = bytes(range(256)) * 10
    with books.db.transaction() as s:
        receipt = receipts.attach_receipt(s, paid, "C:\\scans\\bon 1.jpg", data)
    with books.db.reading() as s:
        assert receipts.receipt_data(s, receipt.id) == ("bon 1.jpg", "image/jpeg", data)
        assert [row.id for row in receipts.missing_receipts(s, 2025)] == [unpaid]
    with books.db.transaction() as s:
        receipts.detach_receipt(s, receipt.id)
    with books.db.reading() as s:
        assert [row.id for row in receipts.missing_receipts(s, 2025)] == [paid, unpaid]
    with pytest.raises(DomainError):
        with books.db.transaction() as s:
            receipts.attach_receipt(s, paid, "empty.pdf", b"")
    assert books.count(Receipt) == 0


def test_a_dues_line_with_a_member_records_the_payment_for_the_year(books):
    with books.db.transaction() as s:
        member = add_member(s, MemberInput(last_name="Claes", first_name="Rita")).id
    december = books.entry(date(2025, 12, 20), "5", "membership_dues", member_id=member, dues_year=2026)
    with books.db.reading() as s:
        assert [(p.member_id, p.year, p.amount) for p in s.scalars(select(DuesPayment))] == [(member, 2026, D("5.00"))]
    with books.db.transaction() as s:
        entries.set_category(s, december, books.cat["donations"])
    assert books.count(DuesPayment) == 0


def test_categories_come_from_the_profile_and_are_editable(books):
    with books.db.transaction() as s:
        codes = {c.code for c in categories.list_categories(s)}
        assert {"meeting_rooms", "membership_fees", "bank_costs", "landlord_budget", "interest"} <= codes
        added = categories.add_category(s, "expense", "Website")
        assert added.code.startswith("custom_") and categories.label(added) == "Website"
        with pytest.raises(ValidationError):
            categories.add_category(s, "expense", "meeting ROOMS")
        categories.rename_category(s, books.cat["printing"], "Drukwerk")
        assert categories.label(categories.get_category(s, books.cat["printing"])) == "Drukwerk"
    books.entry(date(2025, 1, 1), "-1", "materials")
    with pytest.raises(DomainError, match="inactive"):
        with books.db.transaction() as s:
            categories.delete_category(s, books.cat["materials"])
    with books.db.transaction() as s:
        categories.set_category_active(s, books.cat["materials"], False)
        assert books.cat["materials"] not in {c.id for c in categories.list_categories(s, active_only=True)}
