"""The bank import's 'Book' is one use case in one transaction: the lines and the remembered CSV
mapping go in together, or neither does."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.importers.bank.csv_profiles import CsvMapping
from huurdersgroep_app.core.services.finance import accounts, book_import as booking, csv_mappings
from huurdersgroep_app.core.services.finance.bank_import import import_statements

from finance_books import statement, tx

MAPPING = CsvMapping(date="Datum", amount="Bedrag", counterparty_name="Naam", description=("Omschrijving",))
KEY = "Datum;Bedrag;Naam;Omschrijving"


def _preview(books):
    file = [statement(tx(date(2025, 3, 3), "-12.30", "Drukkerij De Leie", text="kopies"),
                      tx(date(2025, 3, 4), "600.00", "Woonmaatschappij", text="werkingsmiddelen"))]
    with books.db.reading() as s:  # the wizard's preview: a read, nothing written
        return import_statements(s, accounts.get_account(s, books.bank), file, dry_run=True)


def _state(books):
    with books.db.reading() as s:
        return len(s.scalars(select(Entry)).all()), csv_mappings.recall_mapping(s, KEY)


def test_book_import_books_the_lines_and_remembers_the_mapping_in_one_call(books):
    preview = _preview(books)
    with books.db.transaction() as s:
        assert booking.book_import(s, preview, csv_key=KEY, csv_mapping=MAPPING) == 2
    assert _state(books) == (2, MAPPING)


def test_a_failure_after_booking_leaves_neither_lines_nor_mapping(books, monkeypatch):
    preview = _preview(books)

    def full_disk(session, key, mapping):
        session.flush()
        raise DomainError("The disk is full.")

    monkeypatch.setattr(booking, "remember_mapping", full_disk)
    with pytest.raises(DomainError), books.db.transaction() as s:
        booking.book_import(s, preview, csv_key=KEY, csv_mapping=MAPPING)
    assert _state(books) == (0, None)


def test_nothing_new_still_remembers_the_accepted_mapping(books):
    preview = _preview(books)
    with books.db.transaction() as s:
        booking.book_import(s, preview)
    again = _preview(books)
    assert not again.new_lines
    with books.db.transaction() as s:
        assert booking.book_import(s, again, csv_key=KEY, csv_mapping=MAPPING) == 0
    assert _state(books) == (2, MAPPING)
