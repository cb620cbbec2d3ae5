"""Backups through SQLite's online backup API (consistent even in WAL mode), rotated per file."""
from __future__ import annotations

import filecmp
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from huurdersgroep_app.core.db.failures import explained
from huurdersgroep_app.core.db.private import create_private_file, make_private, make_private_dirs
from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.core.progress import CancelToken, ProgressCallback, Steps
from huurdersgroep_app.i18n import _

KEEP_BACKUPS = 10
SQLITE_HEADER = b"SQLite format 3\x00"
BEFORE_MIGRATION = "before-migration"
_STAMP = r"\d{8}-\d{6}-\d{6}"
BACKUP_STEP_PAGES = 256  # 1 MB of 4 KB pages per step: a few progress reports a second on a slow disk


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _sqlite_backup(source: Path, target: Path, progress: ProgressCallback | None = None,
                   cancel: CancelToken | None = None) -> None:
    """Copy page by page with SQLite's backup API: consistent even while the source is in use.

    With ``progress`` or ``cancel`` the copy goes in steps of ``BACKUP_STEP_PAGES`` pages, reporting
    (pages copied, pages in all) after each; Cancelled from ``cancel`` stops it half-way, so only
    a copy that is discarded afterwards (``copy_database``'s temporary file) may be cancelled."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            if progress is None and cancel is None:
                src.backup(dst)
            else:
                steps = Steps(progress, cancel)
                src.backup(dst, pages=BACKUP_STEP_PAGES,
                           progress=lambda _status, remaining, total: steps(total - remaining, total))
        finally:
            dst.close()
    finally:
        src.close()


def copy_database(source: Path, target: Path, progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> Path:
    """Copy a live database to ``target`` (written to a temp file first, then renamed)."""
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    with explained(target):
        make_private_dirs(target.parent)
        tmp.unlink(missing_ok=True)
        try:
            create_private_file(tmp)  # the copy holds the members' data: this account only
            _sqlite_backup(source, tmp, progress, cancel)
            make_private(tmp)
            tmp.replace(target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return target


def _stamped_name(db_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_dir(db_path) / f"{Path(db_path).stem}-{stamp}-{reason}.sqlite"


def make_backup(db_path: Path, reason: str) -> Path:
    """A timestamped backup beside the database, keeping the newest ``KEEP_BACKUPS`` per reason."""
    target = copy_database(db_path, _stamped_name(db_path, reason))
    rotate(db_path, reason)
    return target


def backups_of(db_path: Path, reason: str) -> list[Path]:
    """This file's backups for ``reason``, oldest first. The whole name must match: the backups of
    'groep-2024' are not those of 'groep'."""
    pattern = re.compile(rf"{re.escape(Path(db_path).stem)}-{_STAMP}-{re.escape(reason)}\.sqlite")
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def rotate(db_path: Path, reason: str, keep: int | None = None) -> None:
    keep = KEEP_BACKUPS if keep is None else keep
    for old in backups_of(db_path, reason)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)


def migration_backup(db_path: Path) -> Path:
    """The copy of the file as it was before its structure is upgraded.

    Kept apart from the on-close rotation and not rotated when made: an upgrade that fails leaves the
    file unchanged, and the next attempt finds its copy equal to the last one and makes no new one, so
    repeated attempts can never push the copy of the original out of the folder."""
    made = copy_database(db_path, _stamped_name(db_path, BEFORE_MIGRATION))
    earlier = [p for p in backups_of(db_path, BEFORE_MIGRATION) if p != made]
    if earlier and filecmp.cmp(earlier[-1], made, shallow=False):
        made.unlink()
        return earlier[-1]
    return made


def rotate_migration_backups(db_path: Path) -> None:
    """After a successful upgrade: keep the newest ``KEEP_BACKUPS`` copies made before upgrades."""
    rotate(db_path, BEFORE_MIGRATION, max(KEEP_BACKUPS, 1))


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


def restore_into(backup_file: Path, db_path: Path, progress: ProgressCallback | None = None) -> None:
    """Overwrite ``db_path`` with the content of ``backup_file`` via the backup API. Reports its
    pages but takes no cancel token: once begun, a restore is finished."""
    problems = integrity_problems(backup_file)
    if problems:
        raise DatabaseError(_("This backup cannot be restored: {problem}").format(problem=problems[0]))
    _sqlite_backup(backup_file, db_path, progress)
