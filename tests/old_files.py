"""A group file at an older schema revision, for the tests that show a migration keeps the data:
migrated up to ``revision`` with Alembic, holding the organisation's row, opened with plain sqlite3
so the test can add the rows of that revision as an old version of the program wrote them."""
from __future__ import annotations

import sqlite3

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from huurdersgroep_app.core.db.migrations import MIGRATIONS_DIR


def file_at(path, revision: str, *, region: str = "vlaanderen") -> sqlite3.Connection:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO organisation (name, region, language, landlord_name, street, house_number, box, "
                "postcode, city, email, phone, iban, registration_number, logo_mime) "
                "VALUES ('Oud', ?, 'nl_BE', '', '', '', '', '', '', '', '', '', '', '')", (region,))
    return con
