"""A migration that fails leaves the file as it was, says so in one line, and never loses the copy
of the original; a file made by the first release upgrades."""
import sqlite3
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from benchmarks.migration_kills import fingerprint, kept_rows, make_old_file
from huurdersgroep_app.core.db import backup as backups
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models import Base
from huurdersgroep_app.core.db.schema import check_schema
from huurdersgroep_app.core.errors import DatabaseError


@pytest.fixture
def failing_file(db_path):
    """A file at 0001 that a later migration cannot upgrade: a table of that name already exists."""
    make_old_file(db_path)
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE meeting (stray TEXT)")
    con.commit()
    con.close()
    return db_path


def test_failed_upgrade_leaves_the_file_unchanged_and_says_so(failing_file):
    before = fingerprint(failing_file)
    with pytest.raises(DatabaseError) as caught:
        Database(failing_file, backup_on_close=False)
    message = str(caught.value)
    assert "could not be upgraded" in message and "unchanged" in message
    [copy] = backups.backups_of(failing_file, "before-migration")
    assert str(copy) in message
    assert fingerprint(failing_file) == before
    assert fingerprint(copy) == before  # the copy is the file as it was


def test_repeated_failures_keep_one_copy_of_the_original(failing_file, monkeypatch):
    monkeypatch.setattr(backups, "KEEP_BACKUPS", 3)
    original = fingerprint(failing_file)
    for _attempt in range(12):
        with pytest.raises(DatabaseError):
            Database(failing_file, backup_on_close=False)
    copies = backups.backups_of(failing_file, "before-migration")
    assert len(copies) == 1
    assert fingerprint(copies[0]) == original


def test_on_close_rotation_never_touches_the_copy_made_before_an_upgrade(db_path, monkeypatch):
    monkeypatch.setattr(backups, "KEEP_BACKUPS", 2)
    make_old_file(db_path)
    with Database(db_path) as db:
        copy = db.migration_backup
    for _ in range(4):
        with Database(db_path):
            pass
    assert copy.exists() and check_schema(copy) == "old"
    assert len(backups.backups_of(db_path, "on-close")) == 2


def test_failed_upgrade_on_the_command_line_is_one_line(failing_file):
    result = subprocess.run([sys.executable, "-m", "huurdersgroep_app", "check", "--db", str(failing_file),
                             "--lang", "en"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "could not be upgraded" in result.stderr


def test_file_made_by_the_first_release_upgrades_with_its_rows(db_path):
    """The first release's 0001 had no contacts register (partner, contact); files it made say 0001."""
    make_old_file(db_path)
    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE contact")
    con.execute("DROP TABLE partner")
    con.commit()
    con.close()
    rows = kept_rows(db_path)
    with Database(db_path, backup_on_close=False) as db:
        with db.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    assert check_schema(db_path) == "current"
    assert kept_rows(db_path) == rows
