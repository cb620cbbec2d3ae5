"""Opening a file of an older version from the welcome dialog: the schema upgrade is long work, so it
runs on the worker (ui/tasks.py) and the window keeps answering (issue 8 §2)."""
from __future__ import annotations

import threading

from huurdersgroep_app.core.db import schema
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog
from old_files import file_at


def test_an_older_file_is_upgraded_on_the_worker_and_then_opened(qtbot, tmp_path, monkeypatch, wait_tasks,
                                                                 message_boxes):
    path = tmp_path / "oud.sqlite"
    old = file_at(path, "0005")
    old.commit()
    old.close()
    upgraded_on = []
    real_upgrade = schema.upgrade

    def upgrade(*args, **kwargs):
        upgraded_on.append(threading.current_thread())
        return real_upgrade(*args, **kwargs)

    monkeypatch.setattr(schema, "upgrade", upgrade)
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    task = welcome.open_path(path)
    assert task is not None and task.label == "Opening the group…" and welcome.database is None
    wait_tasks()
    assert message_boxes == []
    assert upgraded_on and all(t is not threading.main_thread() for t in upgraded_on)
    assert welcome.database is not None and welcome.result() == WelcomeDialog.DialogCode.Accepted
    try:
        assert schema.current_revisions(path) == set(schema.known_revisions()[1])
        with welcome.database.reading() as s:
            assert organisation.get_organisation(s).name == "Oud"
    finally:
        welcome.database.close()
