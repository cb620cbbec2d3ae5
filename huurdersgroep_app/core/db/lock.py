"""One instance per database file: OS locks, released by the OS if we crash.

Two locks, both on files that are never deleted (deleting a lock file on release lets a process
that opened the old file and one that creates the new one both hold "the" lock):

- '<db>.lock' beside the database, seen by every account and every computer using that folder;
- a lock named after the file's identity (device and inode) in this account's cache folder, so the
  same file reached under a second name (a hard link) is refused as well.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from huurdersgroep_app.core.db.private import FILE_MODE, make_private, make_private_dirs
from huurdersgroep_app.core.errors import DatabaseInUseError
from huurdersgroep_app.i18n import _


def identity_lock_path(db_path: Path) -> Path | None:
    """The lock named after the file itself; None where the file system gives no stable identity."""
    from huurdersgroep_app import paths

    try:
        st = os.stat(db_path)
    except OSError:
        return None
    if not st.st_ino:
        return None
    return paths.cache_dir() / "locks" / f"{st.st_dev:x}-{st.st_ino:x}.lock"


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    try:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class FileLock:
    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = Path(str(db_path) + ".lock")
        self._fds: list[int] = []

    def _lock_files(self) -> list[Path]:
        files = [self.path]
        identity = identity_lock_path(self.db_path)
        if identity is not None:
            files.append(identity)
        return files

    def acquire(self) -> None:
        try:
            for file in self._lock_files():
                make_private_dirs(file.parent)
                fd = os.open(file, os.O_RDWR | os.O_CREAT, FILE_MODE)
                if not _try_lock(fd):
                    os.close(fd)
                    raise DatabaseInUseError(
                        _("This file is already open in another window or program: {path}. "
                          "Close it there first.").format(path=self.db_path)
                    )
                self._fds.append(fd)
                make_private(file)
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        # The lock files stay: see the module's docstring.
        while self._fds:
            _unlock(self._fds.pop())

    @property
    def held(self) -> bool:
        return bool(self._fds)
