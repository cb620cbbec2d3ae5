"""Bring a database file to the schema this version knows, safely.

- an empty file gets the whole schema;
- an older file is backed up first, then migrated;
- a file from a newer version (a revision we do not know) is refused and left untouched;
- a SQLite file without our version table is not ours and is refused.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from huurdersgroep_app.core.errors import DatabaseError, NewerSchemaError
from huurdersgroep_app.core.db.migrations import MIGRATIONS_DIR
from huurdersgroep_app.i18n import _

_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


@lru_cache(maxsize=1)
def known_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(all revisions, heads), read from the version files without importing Alembic,
    which keeps start-up fast when the file is already current."""
    revisions, parents = set(), set()
    for file in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = file.read_text(encoding="utf-8")
        rev = _REV.search(text)
        if not rev:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(text)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions), frozenset(revisions - parents)


def current_revisions(path: Path) -> set[str] | None:
    """The revisions stored in the file; None when the file has tables but no version table."""
    from huurdersgroep_app.core.db import failures

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=failures.BUSY_SECONDS)
    except sqlite3.Error as exc:
        raise failures.as_database_error(exc, path) or DatabaseError(failures.unreadable(path, exc)) from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return set() if not tables else None
        return {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.DatabaseError as exc:
        # 'database is locked' is another program at work, not damage: say which it is.
        if failures.sqlite_code(exc) in (failures.SQLITE_BUSY, failures.SQLITE_LOCKED):
            raise DatabaseError(failures.in_use(path)) from None
        raise DatabaseError(_("The database file is damaged: {error}").format(error=exc)) from None
    finally:
        con.close()


def check_schema(path: Path) -> str:
    """'current', 'empty' or 'old'; raises for newer or foreign files."""
    current = current_revisions(path)
    if current is None:
        raise DatabaseError(_("{path} is not a database of this program.").format(path=path))
    revisions, heads = known_revisions()
    if current - revisions:
        raise NewerSchemaError(
            _("This file was saved by a newer version of the program. Install the newest version "
              "to open it; the file has not been changed.")
        )
    if not current:
        return "empty"
    return "current" if current == set(heads) else "old"


def migration_engine(path: Path):
    """An engine whose transactions really cover DDL.

    Python's sqlite3 module (before 3.12's ``autocommit``) begins a transaction only before INSERT,
    UPDATE and DELETE, so each CREATE TABLE of a migration would be committed on its own and a failed
    or killed upgrade would leave a half-built file. SQLAlchemy's documented recipe for pysqlite: let
    the driver do nothing (``isolation_level=None``) and emit BEGIN ourselves. Foreign keys are off
    for the whole upgrade (the pragma only works outside a transaction): SQLite alters a table by
    copying it and dropping the old one, and that drop would cascade into the child tables."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=OFF", "busy_timeout=5000"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _run_migrations(path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from huurdersgroep_app.core.db import repairs

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            repairs.before_upgrade(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(_("After the upgrade {count} links between rows were broken.").format(
                    count=len(broken)))
    finally:
        engine.dispose()


def upgrade(engine, path: Path, state: str) -> Path | None:
    """Apply migrations in one transaction; returns the copy made first (None for a new, empty file).

    The file ends at the old version or at the new one, never in between: a failure (or a crash)
    rolls everything back. ``engine`` is the caller's and is not used for the upgrade itself."""
    from huurdersgroep_app.core.db import backup as backups
    from huurdersgroep_app.core.db.failures import as_database_error

    copy = backups.migration_backup(path) if state == "old" else None
    try:
        _run_migrations(path)
    except Exception as exc:
        if copy is None:
            known = as_database_error(exc, path)
            if known is not None:
                raise known from exc
            raise DatabaseError(_("The new file {path} could not be set up: {problem}").format(
                path=path, problem=exc)) from exc
        # A migration that refuses the file says why in its own words (a DatabaseError of its own).
        reason = exc if isinstance(exc, DatabaseError) else as_database_error(exc, path)
        message = _("This file could not be upgraded to this version of the program; it is unchanged. A copy of "
                    "it as it was is at {copy}.").format(copy=copy)
        if reason is not None:
            message = f"{message} {reason.message}"
        raise DatabaseError(message) from exc
    if copy is not None:
        backups.rotate_migration_backups(path)
    return copy
