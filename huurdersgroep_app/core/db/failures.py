"""What went wrong with the file, in one line the user can act on.

SQLite and the operating system say "database is locked", "disk I/O error" or "attempt to write a
readonly database"; the secretary needs to know whether the file is damaged (it rarely is), in use
by another program, read-only, or on a full disk, and what to do. ``as_database_error`` turns those
errors into a translated DatabaseError; anything it does not know is left alone (a programming error
must stay visible as one).
"""
from __future__ import annotations

import errno
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from huurdersgroep_app.core.errors import DatabaseError, DomainError
from huurdersgroep_app.i18n import _

BUSY_SECONDS = 5.0  # how long to wait for another program's write to finish before saying it is in use

# SQLite's primary result codes (the low byte of the extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

_BY_TEXT = (  # for errors raised without a code (older Python, or SQLAlchemy's own wording)
    ("database or disk is full", SQLITE_FULL),
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("readonly database", SQLITE_READONLY),
    ("unable to open database", SQLITE_CANTOPEN),
    ("disk i/o error", SQLITE_IOERR),
    ("malformed", SQLITE_CORRUPT),
    ("file is not a database", SQLITE_NOTADB),
)


def _sqlite_error(exc: BaseException | None) -> sqlite3.Error | None:
    for _depth in range(8):  # SQLAlchemy wraps the DBAPI error once; chains are short
        if exc is None or isinstance(exc, sqlite3.Error):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind ``exc`` (itself or wrapped by SQLAlchemy), if any."""
    error = _sqlite_error(exc)
    if error is None:
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(error).lower()
    for fragment, found in _BY_TEXT:
        if fragment in text:
            return found
    return None


def disk_full(path: Path) -> str:
    return _("There is no space left on the disk for {path}, so nothing was saved. Free some space (empty the "
             "recycle bin, move large files away) and try again.").format(path=path)


def read_only(path: Path) -> str:
    return _("{path} is read-only: this program cannot save anything in it. Copy the file to a folder of your "
             "own (for example Documents) and open that copy, or ask whoever manages this computer to allow "
             "changes.").format(path=path)


def in_use(path: Path) -> str:
    return _("{path} is in use by another program (a backup, synchronisation or database tool). The file is not "
             "damaged. Close that program or wait a moment, then try again.").format(path=path)


def damaged(path: Path, error: object) -> str:
    return _("The database file is damaged: {error}").format(error=f"{path}: {error}")


def unreadable(path: Path, error: object) -> str:
    return _("The disk could not read or write {path} ({error}). Check that the disk or USB stick is still "
             "connected, then try again.").format(path=path, error=error)


class WriteInReading(RuntimeError):
    """A write attempted in ``Database.reading()`` (SQLite's ``query_only``): a programming error, so
    it reaches the error hook with its traceback, not the user as "your file is read-only"."""


def message_for(exc: BaseException, path: Path) -> str | None:
    """A clear line for a known failure of the file at ``path``; None for anything else."""
    if isinstance(exc, (DomainError, WriteInReading)):
        return None
    code = sqlite_code(exc)
    if code == SQLITE_FULL:
        return disk_full(path)
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return read_only(path)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return in_use(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, _sqlite_error(exc))
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return unreadable(path, _sqlite_error(exc))
    if isinstance(exc, OSError) and code is None:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return disk_full(path)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only(path)
        if exc.errno == errno.EIO:
            return unreadable(path, exc.strerror or exc)
    return None


def as_database_error(exc: BaseException, path: Path) -> DatabaseError | None:
    message = message_for(exc, path)
    return DatabaseError(message) if message else None


@contextmanager
def explained(path: Path) -> Iterator[None]:
    """Re-raise known failures of the file at ``path`` as one translated DatabaseError."""
    try:
        yield
    except Exception as exc:
        error = as_database_error(exc, path)
        if error is None:
            raise
        raise error from exc
