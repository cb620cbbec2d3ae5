"""A new group file appears whole or not at all.

The file is built under a temporary name beside its final place, filled in one transaction, closed,
and only then renamed into place (an atomic rename on the same disk). A full disk, a validation error
or a crash half-way leaves no file at the final name, so the next attempt starts afresh instead of
finding a half-made file that is refused on every open.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.failures import explained
from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.i18n import _

SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")


def staging_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".part")


def discard(path: Path) -> None:
    """Remove a file we made and could not finish, with SQLite's side files and its lock."""
    for suffix in ("",) + SIDE_FILES:
        try:
            os.remove(f"{path}{suffix}")
        except OSError:
            pass


def create_filled(path: Path, fill: Callable[[Session], object], *, backup_on_close: bool = True) -> Database:
    """A new database at ``path`` holding what ``fill`` adds; returns it open (and locked).

    Refuses a ``path`` that already holds something; an empty file there (as a file dialog may leave)
    is replaced."""
    path = Path(path).resolve()
    if path.exists() and path.stat().st_size:
        raise DatabaseError(_("{path} already exists. Choose another file name.").format(path=path))
    part = staging_path(path)
    discard(part)  # left by an earlier attempt that did not finish
    try:
        staging = Database(part, create=True, backup_on_close=False)
        try:
            with staging.transaction() as session:
                fill(session)
            staging._checkpoint()  # everything in the main file: the -wal must not stay behind
        finally:
            staging.close()
        with explained(path):
            os.replace(part, path)
    except BaseException:
        discard(part)
        raise
    discard(part)  # its lock file
    return Database(path, backup_on_close=backup_on_close)
