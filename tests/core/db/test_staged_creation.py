"""A demo or new group interrupted half-way leaves no half-made file behind."""
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services import group_files as opening

CRASH_IN_DEMO = textwrap.dedent("""
    import os, signal
    import huurdersgroep_app.core.demo as demo
    from huurdersgroep_app.core.services import group_files as opening

    real = demo.create_demo

    def crash(session, **kw):
        real(session, **kw)
        session.flush()  # the rows are written, the transaction is not committed
        os.kill(os.getpid(), signal.SIGKILL)

    demo.create_demo = crash
    opening.open_demo(members=5)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kills the child with SIGKILL")
def test_demo_killed_while_being_made_is_made_again(_isolated_home):
    child = subprocess.run([sys.executable, "-c", CRASH_IN_DEMO], env=os.environ | {}, capture_output=True)
    assert child.returncode == -signal.SIGKILL
    db = opening.open_demo(members=5)
    try:
        with db.reading() as s:
            assert organisation.has_organisation(s)
    finally:
        db.close()


def test_demo_that_fails_leaves_nothing_and_the_next_try_works(_isolated_home, monkeypatch):
    import sqlite3

    import huurdersgroep_app.core.demo as demo

    def disk_full(session, **_kw):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13
        raise error

    real = demo.create_demo
    monkeypatch.setattr(demo, "create_demo", disk_full)
    with pytest.raises(DatabaseError, match="no space left"):
        opening.open_demo(members=5)
    assert not opening.demo_path().exists()
    # only the demo is put back: monkeypatch.undo() would also undo the test's own home folder
    monkeypatch.setattr(demo, "create_demo", real)
    db = opening.open_demo(members=5)
    db.close()
