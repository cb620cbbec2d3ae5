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

from huurdersgroep_app.core.db.backup import make_backup
from huurdersgroep_app.core.errors import DatabaseError, NewerSchemaError
from huurdersgroep_app.i18n import _

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
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
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return set() if not tables else None
        return {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.DatabaseError as exc:
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


def upgrade(engine, path: Path, state: str) -> Path | None:
    """Apply migrations; returns the backup made first (None for a new, empty file)."""
    backup = make_backup(path, "before-migration") if state == "old" else None
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        # SQLite alters a table by copying it and dropping the old one; with foreign keys on, that
        # drop would cascade into the child tables and delete their rows. So: off for the migration
        # (the pragma only works outside a transaction), then check every link before committing.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "heads")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(_("The update of the file's structure failed; the file was not "
                                          "changed. A backup is in {path}.").format(path=backup))
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
    return backup
