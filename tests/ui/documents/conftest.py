"""The Documents page's tests: a copy of the demo, and the files the page would open."""
from __future__ import annotations

import pytest

from demo_files import demo_copy
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.ui.documents import making


@pytest.fixture
def demo(tmp_path):
    database = Database(demo_copy(tmp_path / "demo.sqlite"), backup_on_close=False)
    yield database
    database.close()


@pytest.fixture
def opened(monkeypatch, tmp_path):
    """Files the page would open in the system's viewer; the documents folder is the test's own."""
    seen = []
    monkeypatch.setattr(making, "open_file", lambda path: seen.append(path) or True)
    monkeypatch.setattr(making, "documents_folder", lambda: tmp_path / "Documents")
    return seen
