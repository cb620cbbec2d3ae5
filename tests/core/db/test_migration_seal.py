"""Migration 0009 seals the years a file had already closed, replaces the old triggers by the new
guards and keeps every row (issue 13 §2)."""
import sqlite3

import pytest

from huurdersgroep_app.core.db import seal
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.lock_triggers import LOCK_TRIGGERS
from huurdersgroep_app.core.errors import DatabaseError
from old_files import file_at

ENTRY = ("INSERT INTO entry (id, booked_on, account_id, amount, counterparty, counterparty_iban, description, "
         "receipt_number, structured_reference, bank_reference, created_at, updated_at) VALUES "
         "({id}, '{day}', 1, {amount}, '', '', 'x', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")


def _file_at_0008(path):
    con = file_at(path, "0008")
    con.execute("INSERT INTO account (id, kind, name, iban, active, notes, created_at, updated_at) "
                "VALUES (1, 'cash', 'Kas', '', 1, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    con.execute("INSERT INTO category (id, code, kind, name, active, needs_receipt, position) "
                "VALUES (1, 'copies', 'expense', '', 1, 1, 1)")
    for id_, day, amount in ((1, "2023-03-01", -500), (2, "2024-04-01", -700), (3, "2025-05-01", -900)):
        con.execute(ENTRY.format(id=id_, day=day, amount=amount))
        con.execute(f"INSERT INTO entry_line (entry_id, category_id, amount, note) VALUES ({id_}, 1, {amount}, '')")
    con.execute("INSERT INTO opening_balance (account_id, year, amount) VALUES (1, 2023, 10000), (1, 2024, 9500), "
                "(1, 2025, 8800)")
    con.execute("INSERT INTO financial_year (year, status, closed_on, notes) VALUES (2023, 'closed', '2024-01-10', ''),"
                " (2024, 'closed', '2025-01-10', '')")
    con.commit()
    con.close()


def test_years_closed_before_the_seal_are_sealed_by_the_upgrade(db_path):
    _file_at_0008(db_path)
    with Database(db_path, backup_on_close=False):
        pass
    con = sqlite3.connect(db_path)
    try:
        run = seal.for_sqlite(con)
        assert [y for (y,) in con.execute("SELECT year FROM year_seal ORDER BY year")] == [2023, 2024]
        assert seal.seal_problems(run) == []
        triggers = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert triggers == set(LOCK_TRIGGERS)  # the old ones are gone, every new one is there
        assert con.execute("SELECT count(*) FROM entry").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM entry_line").fetchone() == (3,)
        assert "CHECK (date(booked_on, '+0 days') IS booked_on)" in con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'entry'").fetchone()[0]
    finally:
        con.close()


def test_the_seal_of_a_backup_from_before_the_upgrade_equals_the_upgraded_files(db_path, tmp_path):
    """What a restore compares: the same closed books before and after 0009 give the same digests."""
    _file_at_0008(db_path)
    old = tmp_path / "old.sqlite"
    old.write_bytes(db_path.read_bytes())
    with Database(db_path, backup_on_close=False):
        pass
    assert seal.restore_changes(old, db_path) == []


def test_a_date_that_is_no_date_is_named_and_the_file_stays_as_it_was(db_path):
    """Before 0009 nothing stopped '02025-06-01' (written with a database tool): the upgrade's CHECK then
    failed with SQLite's bare 'CHECK constraint failed'. Now the message names the row and the value."""
    _file_at_0008(db_path)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE entry SET booked_on = '02025-06-01' WHERE id = 3")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as caught:
        Database(db_path, backup_on_close=False).__enter__()
    message = caught.value.message
    assert "could not be upgraded" in message and "it is unchanged" in message
    assert "1 date in this file is not a real date (booking 3: '02025-06-01')" in message
    assert "CHECK constraint" not in message
    con = sqlite3.connect(db_path)
    try:  # still at the old version, with its rows (opening only switched the journal to WAL)
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0008",)]
        assert con.execute("SELECT id, booked_on FROM entry ORDER BY id").fetchall() == [
            (1, "2023-03-01"), (2, "2024-04-01"), (3, "02025-06-01")]
    finally:
        con.close()
