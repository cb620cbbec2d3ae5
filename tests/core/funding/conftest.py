"""Fixtures for the funding tests: a Flemish (``db``), a Dutch (``nl_db``) and a Brussels group."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.services import organisation  # noqa: E402


@pytest.fixture
def bxl_db(tmp_path):
    database = Database(tmp_path / "bxl.sqlite", create=True, backup_on_close=False)
    with database.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Conseil consultatif des locataires", region="brussel", language="en"))
    yield database
    database.close()
