"""`entries.set_categories`: several unsplit entries put in one category in one transaction, and the
refusals that change nothing (a closed year, a split entry, a category of the other kind)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.models.finance import EntryLine
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment
from huurdersgroep_app.core.errors import LockedYearError, NotFoundError, ValidationError
from huurdersgroep_app.core.services.finance import categories, entries
from huurdersgroep_app.core.services.members.members import MemberInput, add_member

D = Decimal


def _categories(books, *entry_ids):
    with books.db.reading() as s:
        return [[line.category_id for line in entries.get_entry(s, entry_id).lines] for entry_id in entry_ids]


def _set(books, entry_ids, category_id):
    with books.db.transaction() as s:
        return entries.set_categories(s, entry_ids, category_id)


def test_several_entries_get_one_category_and_keep_their_amount_and_note(books):
    first = books.entry(date(2025, 3, 1), "-12.40", None, description="Stiften")
    second = books.entry(date(2025, 3, 2), "-8.00", "printing", account="cash")
    with books.db.transaction() as s:
        entries.get_entry(s, second).lines[0].note = "kopieën"
    assert _set(books, [first, second, first], books.cat["materials"]) == 2
    assert _categories(books, first, second) == [[books.cat["materials"]], [books.cat["materials"]]]
    with books.db.reading() as s:
        line = s.scalar(select(EntryLine).where(EntryLine.entry_id == second))
        assert (line.amount, line.note) == (D("-8.00"), "kopieën")
    # Again the same: nothing to change; and None takes the category off.
    assert _set(books, [first, second], books.cat["materials"]) == 0
    assert _set(books, [second], None) == 1
    assert _categories(books, second) == [[None]]


def test_a_closed_year_refuses_the_whole_batch(books):
    old = books.entry(date(2024, 12, 30), "-3.00", None)
    new = books.entry(date(2025, 1, 2), "-4.00", None)
    books.close(2024)
    with pytest.raises(LockedYearError, match="2024 is closed"):
        _set(books, [new, old], books.cat["materials"])
    assert _categories(books, old, new) == [[None], [None]]


def test_a_split_entry_is_refused_and_named(books):
    plain = books.entry(date(2025, 5, 1), "-10.00", None)
    with books.db.transaction() as s:
        split = entries.add_entry(s, entries.EntryInput(
            date(2025, 5, 2), books.cash, "-30.00", counterparty="Colruyt",
            lines=[entries.LineInput(books.cat["refreshments"], "-20.00"),
                   entries.LineInput(books.cat["materials"], "-10.00")])).id
    with pytest.raises(ValidationError) as refused:
        _set(books, [plain, split], books.cat["printing"])
    message = str(refused.value)
    assert "Colruyt" in message and "split over several categories" in message and "Change…" in message
    assert message.endswith("Nothing was changed.")
    assert _categories(books, plain, split) == [[None], [books.cat["refreshments"], books.cat["materials"]]]


def test_a_category_of_the_other_kind_is_refused(books):
    money_in = books.entry(date(2025, 6, 1), "25.00", None, counterparty="Stad Gent")
    money_out = books.entry(date(2025, 6, 2), "-5.00", None)
    more_out = books.entry(date(2025, 6, 3), "-6.00", None)
    with pytest.raises(ValidationError, match="'Materials' is an expense category, but the entry of .* "
                                              "\\(Stad Gent, €25.00\\) is money in"):
        _set(books, [money_in], books.cat["materials"])
    with pytest.raises(ValidationError, match="is an income category, but 2 of the chosen entries are money out. "
                                              "Nothing was changed."):
        _set(books, [money_in, money_out, more_out], books.cat["donations"])
    assert _categories(books, money_in, money_out, more_out) == [[None], [None], [None]]
    assert _set(books, [money_in], books.cat["donations"]) == 1


def test_an_inactive_or_unknown_category_or_entry_and_an_empty_choice(books):
    entry = books.entry(date(2025, 7, 1), "-5.00", None)
    with books.db.transaction() as s:
        categories.set_category_active(s, books.cat["materials"], False)
    with pytest.raises(ValidationError, match="no longer in use"):
        _set(books, [entry], books.cat["materials"])
    with pytest.raises(ValidationError, match="does not exist"):
        _set(books, [entry], 99999)
    with pytest.raises(NotFoundError):
        _set(books, [entry, 99999], books.cat["printing"])
    with pytest.raises(ValidationError, match="Choose one or more entries"):
        _set(books, [], books.cat["printing"])
    assert _categories(books, entry) == [[None]]


def test_dues_follow_the_category(books):
    with books.db.transaction() as s:
        member = add_member(s, MemberInput(last_name="Claes", first_name="Rita")).id
    entry = books.entry(date(2025, 2, 1), "5.00", None, member_id=member)
    assert _set(books, [entry], books.cat["membership_dues"]) == 1
    with books.db.reading() as s:
        assert [(p.member_id, p.year, p.amount) for p in s.scalars(select(DuesPayment))] == [(member, 2025, D("5.00"))]
    _set(books, [entry], books.cat["donations"])
    assert books.count(DuesPayment) == 0
