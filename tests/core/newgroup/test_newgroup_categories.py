"""A group created by an earlier version has no categories in its file (they were added in reading
sessions that were never committed): migration 0010 gives such a file its profile's defaults, so it
can book money; a group with its own categories is left as it is."""
from __future__ import annotations

import sqlite3
from datetime import date


from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.schema import check_schema
from huurdersgroep_app.core.services.finance import accounts, categories, entries
from old_files import file_at


def _file_at_0008(path, *, region="vlaanderen", category_rows=()):
    con = file_at(path, "0008", region=region)
    for code, name in category_rows:
        con.execute("INSERT INTO category (code, kind, name, active, needs_receipt, position) "
                    "VALUES (?, 'expense', ?, 1, 1, 1)", (code, name))
    con.commit()
    con.close()


def _stored_codes(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT code FROM category ORDER BY position")]
    finally:
        con.close()


def test_a_file_without_categories_gets_the_profile_defaults_and_can_book(db_path):
    _file_at_0008(db_path)
    assert _stored_codes(db_path) == [] and check_schema(db_path) == "old"
    with Database(db_path, backup_on_close=False) as db:
        with db.reading() as s:
            shown = [c.code for c in categories.list_categories(s)]
        with db.transaction() as s:
            cash = accounts.add_account(s, "Kas", "cash")
            refreshments = categories.category_by_code(s, "refreshments").id
            entries.add_entry(s, entries.EntryInput(date(2026, 2, 2), cash.id, "-12.35", refreshments))
    stored = _stored_codes(db_path)
    assert len(stored) == 20 and stored[0] == "landlord_budget" and "bank_costs" in stored
    assert sorted(shown) == sorted(stored)
    con = sqlite3.connect(db_path)
    needs = dict(con.execute("SELECT code, needs_receipt FROM category"))
    con.close()
    assert needs["printing"] == 1 and needs["bank_costs"] == 0 and needs["donations"] == 0


def test_a_file_with_its_own_categories_keeps_exactly_those(db_path):
    _file_at_0008(db_path, category_rows=[("custom_zaal", "Zaalhuur")])
    with Database(db_path, backup_on_close=False) as db, db.reading() as s:
        assert [categories.label(c) for c in categories.list_categories(s)] == ["Zaalhuur"]
    assert _stored_codes(db_path) == ["custom_zaal"]


def test_a_new_empty_file_gets_no_categories_until_its_group_is_created(db_path):
    with Database(db_path, create=True, backup_on_close=False):
        pass
    assert _stored_codes(db_path) == []
