"""Backups through SQLite's online backup API (consistent even in WAL mode), rotated per file."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.i18n import _

KEEP_BACKUPS = 10
SQLITE_HEADER = b"SQLite format 3\x00"


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _sqlite_backup(source: Path, target: Path) -> None:
    """Copy page by page with SQLite's backup API: consistent even while the source is in use."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def copy_database(source: Path, target: Path) -> Path:
    """Copy a live database to ``target`` (written to a temp file first, then renamed)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    _sqlite_backup(source, tmp)
    tmp.replace(target)
    return target


def make_backup(db_path: Path, reason: str) -> Path:
    """A timestamped backup beside the database, keeping the newest ``KEEP_BACKUPS`` per reason."""
    db_path = Path(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    copy_database(db_path, target)
    rotate(db_path, reason)
    return target


def rotate(db_path: Path, reason: str, keep: int | None = None) -> None:
    keep = KEEP_BACKUPS if keep is None else keep
    files = sorted(backup_dir(db_path).glob(f"{Path(db_path).stem}-*-{reason}.sqlite"))
    for old in files[:-keep]:
        old.unlink(missing_ok=True)


def integrity_problems(path: Path) -> list[str]:
    """SQLite's own integrity check; an empty list means the file is sound."""
    if not is_sqlite_file(path):
        return [_("{path} is not a database file of this program.").format(path=path)]
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [_("The database file is damaged: {error}").format(error=exc)]
    finally:
        con.close()
    problems = [] if rows == ["ok"] else rows
    problems += [_("Broken link in table {table}, row {row}.").format(table=t, row=r) for t, r, *_rest in fk]
    return problems


def quick_problems(path: Path, limit: int = 5) -> list[str]:
    """SQLite's quick check (structure and pages, without the slower index comparison): cheap
    enough to run on every open, in the background; an empty list means no damage found."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [_("The database file is damaged: {error}").format(error=exc)]
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA quick_check({int(limit)})").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [_("The database file is damaged: {error}").format(error=exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows


def restore_into(backup_file: Path, db_path: Path) -> None:
    """Overwrite ``db_path`` with the content of ``backup_file`` via the backup API."""
    problems = integrity_problems(backup_file)
    if problems:
        raise DatabaseError(_("This backup cannot be restored: {problem}").format(problem=problems[0]))
    _sqlite_backup(backup_file, db_path)
