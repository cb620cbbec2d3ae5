"""The demo reports its progress as it is built and can be cancelled without leaving a file."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.demo import create_demo
from huurdersgroep_app.core.progress import CancelToken, Cancelled
from huurdersgroep_app.core.services import group_files, organisation


def test_the_demo_reports_done_of_total_up_to_the_end(tmp_path):
    reports = []
    with Database(tmp_path / "d.sqlite", create=True, backup_on_close=False) as db, db.transaction() as s:
        create_demo(s, members=12, seed=3, today=date(2025, 6, 1), progress=lambda d, t: reports.append((d, t)))
    totals = {t for _d, t in reports}
    assert len(totals) == 1 and totals.pop() >= 5  # one step per area of the demo, and the end
    done = [d for d, _t in reports]
    assert done == sorted(done) and done[0] == 0 and done[-1] == reports[-1][1]


def test_cancelling_the_demo_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(group_files, "demo_path", lambda: tmp_path / "demo.sqlite")
    token = CancelToken()

    def progress(done, total):
        if done == 2:  # half-way: members and meetings are in the session already
            token.cancel()

    with pytest.raises(Cancelled):
        group_files.open_demo(members=12, progress=progress, cancel=token)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    with group_files.open_demo(members=12) as db, db.reading() as s:  # the next try starts afresh
        assert organisation.has_organisation(s)
