"""Migrations keep the data: a file at the three branch heads (meetings, advices, finance) with a
budget and its lines is brought to the current schema without losing a row."""
import sqlite3
from decimal import Decimal

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models import Base
from huurdersgroep_app.core.db.schema import MIGRATIONS_DIR, check_schema
from huurdersgroep_app.core.services.finance import budget as budgets


def test_models_and_migrations_describe_the_same_schema(db):
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_upgrade_through_table_copies_keeps_child_rows(db_path):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        command.upgrade(config, "0003")
        command.upgrade(config, "0002")
    engine.dispose()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("INSERT INTO organisation (name, region, language, landlord_name, street, house_number, box, "
                "postcode, city, email, phone, iban, registration_number, logo_mime) "
                "VALUES ('Oud', 'vlaanderen', 'nl_BE', '', '', '', '', '', '', '', '', '', '', '')")
    con.execute("INSERT INTO category (id, code, kind, name, active, needs_receipt, position) "
                "VALUES (1, 'copies', 'expense', '', 1, 1, 1)")
    con.execute("INSERT INTO budget (id, year, approval_reference, notes) VALUES (1, 2026, '', '')")
    con.execute("INSERT INTO budget_line (budget_id, category_id, amount, justification) VALUES (1, 1, 12345, 'x')")
    con.commit()
    con.close()
    assert check_schema(db_path) == "old"
    with Database(db_path, backup_on_close=False) as database, database.reading() as s:
        amounts = [line.amount for line in budgets.budget_lines(s, 2026)]
        assert Decimal("123.45") in amounts
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM budget_line").fetchone()[0] == 1
    con.close()
    assert check_schema(db_path) == "current"
