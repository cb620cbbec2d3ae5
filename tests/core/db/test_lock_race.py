"""The single-instance lock holds under contention and cannot be passed by a second name of the file."""
import multiprocessing
import os
import time

import pytest

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.lock import FileLock
from huurdersgroep_app.core.errors import DatabaseInUseError

WORKERS = 4
ROUNDS = 300  # acquisitions per worker
BOUND_SECONDS = 60  # a bound on the run, not a measurement


def _contend(db_path, home, inside, overlaps, acquired, rounds, deadline):
    os.environ["HUURDERSGROEP_HOME"] = home
    lock = FileLock(db_path)
    done = 0
    while done < rounds and time.time() < deadline:
        try:
            lock.acquire()
        except DatabaseInUseError:
            continue
        with inside.get_lock():
            inside.value += 1
            if inside.value > 1:
                overlaps.value += 1
        time.sleep(0.0002)
        with inside.get_lock():
            inside.value -= 1
        lock.release()
        done += 1
        with acquired.get_lock():
            acquired.value += 1


def test_lock_is_never_held_twice_under_contention(tmp_path, _isolated_home):
    db_path = tmp_path / "group.sqlite"
    db_path.write_bytes(b"")
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    inside, overlaps, acquired = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Value("i", 0)
    deadline = time.time() + BOUND_SECONDS
    workers = [ctx.Process(target=_contend, args=(str(db_path), str(_isolated_home), inside, overlaps, acquired,
                                                  ROUNDS, deadline)) for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(BOUND_SECONDS + 10)
    assert all(w.exitcode == 0 for w in workers)
    assert acquired.value > WORKERS * 20  # the workers really took turns
    assert overlaps.value == 0


def test_lock_file_survives_release(tmp_path):
    db_path = tmp_path / "group.sqlite"
    db_path.write_bytes(b"")
    lock = FileLock(db_path)
    lock.acquire()
    inode = os.stat(lock.path).st_ino
    lock.release()
    assert lock.path.exists() and os.stat(lock.path).st_ino == inode
    again = FileLock(db_path)
    again.acquire()
    again.release()


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links here")
def test_hard_link_to_an_open_file_is_refused(db, tmp_path):
    other = tmp_path / "elsewhere" / "same-file.sqlite"
    other.parent.mkdir()
    os.link(db.path, other)
    with pytest.raises(DatabaseInUseError):
        Database(other, backup_on_close=False)
    with db.reading():
        pass  # the first window still works


def test_refused_second_open_leaves_the_first_lock_in_place(db):
    with pytest.raises(DatabaseInUseError):
        Database(db.path)
    with pytest.raises(DatabaseInUseError):  # the failed attempt released nothing of the first
        Database(db.path)
