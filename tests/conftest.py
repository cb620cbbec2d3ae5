"""Shared fixtures: every test gets its own home folder, so no test touches the user's files."""
from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation


_EXIT_STATUS = pytest.StashKey[int]()


def pytest_sessionfinish(session, exitstatus):
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without the interpreter's final teardown once every result is reported.

    With PySide6 6.12 on Python 3.11, the wrappers of Qt objects that live until the end of a long run are
    freed in that teardown, and one of them gives back a reference to True it never took: CPython then
    aborts with "bool_dealloc: deallocating True or False: bug likely caused by a refcount error in a C
    extension" (exit code 134) *after* a run in which every test passed — seen on main with
    `pytest tests/core/demo tests/ui/finance tests/ui/shell tests/core/test_architecture.py`, and not with
    any three of them. Nothing of the app runs in that teardown, so the run's own exit status is kept."""
    status = config.stash.get(_EXIT_STATUS, None)
    if status is not None and "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


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


def _flemish_group(session) -> None:
    organisation.create_organisation(session, organisation.OrganisationInput(
        name="Huurdersgroep De Linde", region="vlaanderen", landlord_name="Woonmaatschappij Gent",
        street="Lindelaan", house_number="12", postcode="9000", city="Gent", iban="BE68 5390 0754 7034"))


def _dutch_group(session) -> None:
    organisation.create_organisation(session, organisation.OrganisationInput(
        name="Huurdersorganisatie Het Anker", region="nederland", postcode="1012 AB", city="Amsterdam"))


_GROUP_FILES: dict[tuple[str, date], Path] = {}


def _group_file(tmp_path_factory, make) -> Path:
    """The file of an empty group, made once per test run and copied for each test.

    Creating a file runs every migration (0.2-0.3 s); with about a thousand tests on a fresh group that
    was a quarter of the suite's time, and a copy takes 10 ms. Keyed on the day, as the group is made
    'today' (a run over midnight makes a new one)."""
    key = (make.__name__, date.today())
    if key not in _GROUP_FILES:
        path = tmp_path_factory.mktemp("group-file") / "group.sqlite"
        database = Database(path, create=True, backup_on_close=False)
        try:
            with database.transaction() as s:
                make(s)
        finally:
            database.close()
        _GROUP_FILES[key] = path
    return _GROUP_FILES[key]


def _open_copy(tmp_path_factory, make, path: Path) -> Database:
    shutil.copy2(_group_file(tmp_path_factory, make), path)  # copy2: the file stays private (0600)
    return Database(path, backup_on_close=False)


@pytest.fixture
def db(db_path, tmp_path_factory):
    """An open database holding an empty Flemish group."""
    database = _open_copy(tmp_path_factory, _flemish_group, db_path)
    yield database
    database.close()


@pytest.fixture
def nl_db(tmp_path, tmp_path_factory):
    database = _open_copy(tmp_path_factory, _dutch_group, tmp_path / "nl.sqlite")
    yield database
    database.close()
