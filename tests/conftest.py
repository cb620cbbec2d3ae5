"""Shared fixtures: every test gets its own home folder, so no test touches the user's files."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HUURDERSGROEP_HOME", str(home))
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "group.sqlite"


@pytest.fixture
def db(db_path):
    """An open database holding an empty Flemish group."""
    database = Database(db_path, create=True, backup_on_close=False)
    with database.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Huurdersgroep De Linde", region="vlaanderen", landlord_name="Woonmaatschappij Gent",
            street="Lindelaan", house_number="12", postcode="9000", city="Gent", iban="BE68 5390 0754 7034"))
    yield database
    database.close()


@pytest.fixture
def nl_db(tmp_path):
    database = Database(tmp_path / "nl.sqlite", create=True, backup_on_close=False)
    with database.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Huurdersorganisatie Het Anker", region="nederland", postcode="1012 AB", city="Amsterdam"))
    yield database
    database.close()
