"""Files and folders holding the group's data are for this account only.

The database and its backups name members, addresses and money: on Linux and macOS they are created
0600 and the folders we create for them 0700, whatever the umask says. Folders that already existed
(the user's Documents, a USB stick) are left as they are. On Windows the files live in the user's
own profile, whose ACL already keeps other accounts out, so nothing is changed there.
"""
from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def make_private_dirs(folder: Path) -> Path:
    """Create ``folder`` and any missing parents, each new level 0700; existing ones are untouched."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for level in reversed(missing):
        try:
            level.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: not ours to change
        if POSIX:
            os.chmod(level, DIR_MODE)  # mkdir's mode is filtered by the umask
    return folder


def create_private_file(path: Path) -> bool:
    """Create an empty ``path`` readable by this account only; False when it already existed."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    make_private(path)
    return True


def make_private(path: Path) -> None:
    """0600 on a file we made (SQLite gives its -wal and -shm files the database file's mode)."""
    if POSIX:
        try:
            os.chmod(path, FILE_MODE)
        except OSError:
            pass  # not ours (another account's file on a shared disk): leave it
