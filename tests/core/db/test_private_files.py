"""The group's files are for this account only: 0600 files, 0700 folders we create."""
import os
import stat

import pytest

from huurdersgroep_app.core.db import backup as backups
from huurdersgroep_app.core.db.engine import Database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_database_backups_and_new_folders_are_private(tmp_path, loose_umask, _isolated_home):
    existing = tmp_path / "Documents"
    existing.mkdir(mode=0o755)
    os.chmod(existing, 0o755)
    path = existing / "groups" / "2026" / "group.sqlite"
    with Database(path, create=True) as db:
        with db.engine.connect() as con:
            con.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (x)")
            con.commit()
        side_files = [p for p in path.parent.iterdir() if p.name != path.name and not p.is_dir()]
        assert side_files  # -wal, -shm, .lock
        assert {p.name: mode(p) for p in side_files} == {p.name: 0o600 for p in side_files}
        extra = db.backup(existing / "copies" / "extra.sqlite")
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
    assert mode(existing) == 0o755  # not ours to change
    [on_close] = backups.backups_of(path, "on-close")
    assert mode(on_close) == 0o600 and mode(on_close.parent) == 0o700
    assert mode(extra) == 0o600 and mode(extra.parent) == 0o700
    locks = list((_isolated_home / "cache" / "locks").iterdir())
    assert locks and all(mode(p) == 0o600 for p in locks)
