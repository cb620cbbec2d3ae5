"""Open a group's database file safely and hand out one transaction per user action."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from huurdersgroep_app.core.db import backup as _backup
from huurdersgroep_app.core.db import schema
from huurdersgroep_app.core.db import year_lock  # noqa: F401 - registers the closed-year lock on every Session
from huurdersgroep_app.core.db.failures import SQLITE_READONLY, WriteInReading, explained, sqlite_code
from huurdersgroep_app.core.db.lock import FileLock
from huurdersgroep_app.core.db.private import create_private_file, make_private_dirs
from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.i18n import _


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _allow_writes(dbapi_connection, _record) -> None:
    # A connection goes back to the pool writable, whatever a reading session did with it.
    dbapi_connection.execute("PRAGMA query_only=OFF")


def _check_writable(path: Path) -> None:
    """A read-only file, or another program in the middle of writing, is told now, in words, instead
    of at the first save: open the file for writing (changing nothing), then take SQLite's write lock
    for a moment."""
    import sqlite3

    from huurdersgroep_app.core.db import failures

    with open(path, "r+b"):
        pass
    con = sqlite3.connect(path, timeout=failures.BUSY_SECONDS, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
    finally:
        con.close()


class Database:
    """One open group file. Use ``with db.transaction() as session:`` for every user action."""

    def __init__(self, path: Path, *, create: bool = False, lock: bool = True, backup_on_close: bool = True):
        self.path = Path(path).resolve()
        self.backup_on_close = backup_on_close
        self.migration_backup: Path | None = None
        self.engine = None
        with explained(self.path):
            if not self.path.exists():
                if not create:
                    raise DatabaseError(_("The file {path} does not exist.").format(path=self.path))
                make_private_dirs(self.path.parent)
                create_private_file(self.path)  # before locking: the lock is keyed on the file itself
            elif self.path.stat().st_size and not _backup.is_sqlite_file(self.path):
                raise DatabaseError(_("{path} is not a database of this program.").format(path=self.path))
            self._lock = FileLock(self.path) if lock else None
            if self._lock:
                self._lock.acquire()
        try:
            with explained(self.path):
                state = schema.check_schema(self.path) if self.path.stat().st_size else "empty"
                self.engine = create_engine(f"sqlite:///{self.path}")
                event.listen(self.engine, "connect", _set_pragmas)
                event.listen(self.engine, "checkin", _allow_writes)
                if state != "current":
                    self.migration_backup = schema.upgrade(self.engine, self.path, state)
                _check_writable(self.path)
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        except BaseException:
            if self.engine is not None:
                self.engine.dispose()
                self.engine = None
            if self._lock:
                self._lock.release()
            raise

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commits on success, rolls everything back on any error."""
        session = self._sessions()
        try:
            with explained(self.path):
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; nothing is committed. SQLite refuses writes on it (``query_only``), so a
        mutating service called through a read fails loudly instead of being silently rolled back."""
        session = self._sessions()
        try:
            with explained(self.path):
                session.connection().exec_driver_sql("PRAGMA query_only=ON")
                try:
                    yield session
                except Exception as exc:
                    # query_only answers a write with SQLite's "readonly database", the same code as a
                    # read-only file; on a file we may write, it can only be code that wrote in a read.
                    if sqlite_code(exc) == SQLITE_READONLY and os.access(self.path, os.W_OK):
                        raise WriteInReading(f"a write inside Database.reading(): {exc}") from exc
                    raise
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def dry_run(self) -> Iterator[Session]:
        """A writable session that is always rolled back: a dry run shows what an action would do
        (a new account included) and leaves the file as it was."""
        session = self._sessions()
        try:
            with explained(self.path):
                yield session
        finally:
            session.rollback()
            session.close()

    def backup(self, target: Path, progress=None, cancel=None) -> Path:
        """A copy of the file at ``target``; ``progress(done, total)`` in pages, ``cancel`` stops it
        (core/progress.py) and leaves no copy."""
        self._checkpoint()
        return _backup.copy_database(self.path, target, progress, cancel)

    def _checkpoint(self) -> None:
        with explained(self.path), self.engine.connect() as con:
            con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> Path | None:
        """Close the file; makes the rotating on-close backup first."""
        made = None
        if getattr(self, "engine", None) is None:
            return None
        try:
            if self.backup_on_close:
                self._checkpoint()
                made = _backup.make_backup(self.path, "on-close")
        finally:
            self.engine.dispose()
            self.engine = None
            if self._lock:
                self._lock.release()
        return made

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
