"""Every failure of the file is one clear line: full disk, read-only, in use by another program."""
import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from huurdersgroep_app.core.db import backup as backups
from huurdersgroep_app.core.db import engine as engine_module
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.core.services.members import complexes

SQLITE_FULL = 13


def _short_busy_wait(monkeypatch):
    """Another program's lock is waited for a few seconds in real use; a moment is enough here."""
    try:
        from huurdersgroep_app.core.db import failures
    except ImportError:  # the code before this test existed: nothing to shorten
        return
    monkeypatch.setattr(failures, "BUSY_SECONDS", 0.2)


def _tiny_disk(monkeypatch, spare_pages: int = 2):
    """SQLite's own page limit: writes beyond it fail with SQLITE_FULL, exactly as a full disk does."""
    original = engine_module._set_pragmas

    def pragmas(dbapi_connection, record):
        original(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + spare_pages}")

    monkeypatch.setattr(engine_module, "_set_pragmas", pragmas)


def test_full_disk_during_a_save_is_one_line_and_keeps_what_was_saved(db_path, monkeypatch):
    with Database(db_path, create=True, backup_on_close=False) as db, db.transaction() as s:
        complexes.add_complex(s, "De Linde", 10)
    _tiny_disk(monkeypatch)
    with Database(db_path, backup_on_close=False) as db:
        with pytest.raises(DatabaseError) as caught:
            with db.transaction() as s:
                for i in range(400):
                    complexes.add_complex(s, f"Blok {i} " + "x" * 150, 10)
        assert "no space left on the disk" in str(caught.value)
        assert str(db_path) in str(caught.value)
        with db.reading() as s:
            assert [c.name for c in complexes.list_complexes(s)] == ["De Linde"]


def test_full_disk_during_a_backup_is_one_line_and_leaves_no_part_file(db, tmp_path, monkeypatch):
    def full(_source, _target, *_progress_and_cancel):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = SQLITE_FULL
        raise error

    monkeypatch.setattr(backups, "_sqlite_backup", full)
    with pytest.raises(DatabaseError, match="no space left"):
        db.backup(tmp_path / "copy.sqlite")
    assert list(tmp_path.glob("copy.sqlite*")) == []


def _make_read_only(path):
    """chmod does not stop root; the immutable flag does."""
    if os.geteuid() != 0:
        os.chmod(path, 0o444)
        return lambda: os.chmod(path, 0o600)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a file read-only here")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_file_is_refused_in_one_line(db_path):
    with Database(db_path, create=True, backup_on_close=False) as db, db.transaction() as s:
        complexes.add_complex(s, "De Linde", 10)
    undo = _make_read_only(db_path)
    try:
        with pytest.raises(DatabaseError) as caught:
            Database(db_path, backup_on_close=False)
        assert "read-only" in str(caught.value)
        result = subprocess.run([sys.executable, "-m", "huurdersgroep_app", "check", "--db", str(db_path),
                                 "--lang", "en"], capture_output=True, text=True, env=os.environ | {})
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert "read-only" in result.stderr
    finally:
        undo()


def _hold_exclusively(path, locked: threading.Event, release: threading.Event):
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA locking_mode=EXCLUSIVE")
    con.execute("BEGIN EXCLUSIVE")
    con.execute("UPDATE setting SET value = value")
    locked.set()
    release.wait(30)
    con.execute("ROLLBACK")
    con.close()


def test_file_locked_by_another_program_is_in_use_not_damaged(db_path, monkeypatch):
    with Database(db_path, create=True, backup_on_close=False):
        pass
    _short_busy_wait(monkeypatch)
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_exclusively, args=(str(db_path), locked, release))
    holder.start()
    try:
        assert locked.wait(10)
        with pytest.raises(DatabaseError) as caught:
            Database(db_path, backup_on_close=False)
        message = str(caught.value)
        assert "in use by another program" in message and "damaged" in message  # "… is not damaged"
        assert "The database file is damaged" not in message
    finally:
        release.set()
        holder.join(30)
    Database(db_path, backup_on_close=False).close()  # once the other program is done, it opens


def test_messages_come_from_sqlite_codes_and_the_operating_system(tmp_path):
    from huurdersgroep_app.core.db import failures

    path = tmp_path / "x.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as real:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    assert "read-only" in failures.message_for(real.value, path)
    assert "no space left" in failures.message_for(OSError(28, "No space left on device"), path)
    assert failures.message_for(ValueError("a bug"), path) is None  # programming errors stay visible
