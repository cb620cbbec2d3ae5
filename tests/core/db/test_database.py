"""The file is safe: pragmas, migrations from empty, backups, refusal of newer files, one instance."""
import sqlite3

import pytest

from huurdersgroep_app.core.db import backup as backups
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.schema import check_schema, known_revisions
from huurdersgroep_app.core.db.failures import WriteInReading
from huurdersgroep_app.core.errors import DatabaseError, DatabaseInUseError, NewerSchemaError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members


def test_pragmas_are_safe(db):
    with db.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_migrations_from_empty_to_head(db_path):
    with Database(db_path, create=True, backup_on_close=False):
        pass
    con = sqlite3.connect(db_path)
    stored = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert stored == set(known_revisions()[1])
    assert {"organisation", "member", "complex", "office", "setting", "partner", "contact"} <= tables
    assert check_schema(db_path) == "current"


def test_older_file_is_backed_up_then_migrated(db_path):
    """A file made by the first version (only revision 0001) gets a backup, then every later migration."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from huurdersgroep_app.core.db.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO organisation (name, region, language, landlord_name, street, house_number, box, "
                "postcode, city, email, phone, iban, registration_number, logo_mime) "
                "VALUES ('Oud', 'vlaanderen', 'nl_BE', '', '', '', '', '', '', '', '', '', '', '')")
    con.commit()
    con.close()
    assert check_schema(db_path) == "old"
    with Database(db_path, backup_on_close=False) as database:
        assert database.migration_backup is not None and database.migration_backup.exists()
        assert check_schema(database.migration_backup) == "old"  # the backup is the file as it was
        with database.reading() as s:
            assert organisation.get_organisation(s).name == "Oud"
    assert check_schema(db_path) == "current"


def test_newer_schema_is_refused_and_left_untouched(db_path):
    with Database(db_path, create=True, backup_on_close=False):
        pass
    con = sqlite3.connect(db_path)
    con.execute("DELETE FROM alembic_version")
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError) as exc:
        Database(db_path)
    assert "newer version" in str(exc.value)
    assert db_path.read_bytes() == before
    assert not backups.backup_dir(db_path).exists()


def test_foreign_sqlite_file_and_non_database_are_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError):
        Database(other)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    with pytest.raises(DatabaseError):
        Database(text_file)
    with pytest.raises(DatabaseError):
        Database(tmp_path / "missing.sqlite")


def test_second_instance_is_refused(db):
    with pytest.raises(DatabaseInUseError) as exc:
        Database(db.path)
    assert str(db.path) in str(exc.value)


def test_lock_is_released_on_close(db_path):
    Database(db_path, create=True, backup_on_close=False).close()
    Database(db_path, backup_on_close=False).close()


def test_transaction_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            complexes.add_complex(s, "De Linde", 100)
            raise RuntimeError("crash in the middle of an action")
    with db.reading() as s:
        assert complexes.list_complexes(s) == []


def test_a_read_refuses_a_write_loudly_and_the_next_transaction_still_writes(db):
    """``reading()`` is query_only: a mutating service called through a read fails instead of being
    rolled back in silence, and the pooled connection goes back writable."""
    # a programming error for the error hook, not "your file is read-only, copy it" for the user
    with pytest.raises(WriteInReading) as raised:
        with db.reading() as s:
            complexes.add_complex(s, "De Linde", 10)
            s.flush()
    assert not isinstance(raised.value, DatabaseError)
    with db.transaction() as s:
        complexes.add_complex(s, "Hoogbouw", 40)
    with db.reading() as s:
        assert [c.name for c in complexes.list_complexes(s)] == ["Hoogbouw"]


def test_backup_restore_round_trip_is_equal(db, tmp_path):
    with db.transaction() as s:
        c = complexes.add_complex(s, "De Linde", 100)
        members.add_member(s, members.MemberInput(last_name="Çelik", first_name="Ayşe", complex_id=c.id))
    target = db.backup(tmp_path / "copy.sqlite")
    with db.transaction() as s:
        members.add_member(s, members.MemberInput(last_name="Peeters", first_name="Jan"))
    path = db.path
    db.close()
    backups.restore_into(target, path)
    with Database(path, backup_on_close=False) as restored, restored.reading() as s:
        names = [r.full_name for r in members.member_rows(s)]
        assert names == ["Ayşe Çelik"]
        assert organisation.get_organisation(s).name == "Huurdersgroep De Linde"


def test_rotating_backup_on_close_keeps_the_newest(db_path, monkeypatch):
    monkeypatch.setattr(backups, "KEEP_BACKUPS", 3)
    for _ in range(5):
        with Database(db_path, create=True):
            pass
    kept = list(backups.backup_dir(db_path).glob("*-on-close.sqlite"))
    assert len(kept) == 3
    assert all(backups.integrity_problems(k) == [] for k in kept)


def test_integrity_check_finds_damage(db_path, tmp_path):
    with Database(db_path, create=True, backup_on_close=False) as database, database.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="X", region="vlaanderen"))
    assert backups.integrity_problems(db_path) == []
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(db_path.read_bytes())
    data[100:4096 * 2] = b"\xff" * (4096 * 2 - 100)
    damaged.write_bytes(bytes(data))
    assert backups.integrity_problems(damaged) != []
    with pytest.raises(DatabaseError):
        backups.restore_into(damaged, db_path)
