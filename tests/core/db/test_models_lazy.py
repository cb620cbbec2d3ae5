"""The model modules are imported when used: a command that reads members builds only the member
models, a flush finds every table its rows refer to, and ``Base`` from the package is the whole
schema."""
from __future__ import annotations

import importlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import Table

from huurdersgroep_app.core.db import models
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation

ROOT = Path(__file__).resolve().parents[3]


def run(tmp_path, code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; the last line it prints is the model modules then loaded."""
    script = code + ("\nimport sys\nprint(' '.join(sorted(m.rsplit('.', 1)[1] for m in sys.modules "
                     "if m.startswith('huurdersgroep_app.core.db.models.'))))\n")
    env = dict(os.environ, HUURDERSGROEP_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def group_file(tmp_path) -> Path:
    path = tmp_path / "g.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Zuid", region="vlaanderen"))
    return path


def test_reading_and_adding_members_builds_only_the_member_models(tmp_path):
    path = group_file(tmp_path)
    lines = run(tmp_path, f"""
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import members
with Database({str(path)!r}, backup_on_close=False) as db:
    with db.transaction() as s:
        members.add_member(s, members.MemberInput(last_name="Peeters", postcode="9000"))
    with db.reading() as s:
        print(organisation.get_organisation(s).name, [r.last_name for r in members.member_rows(s)])
""")
    assert lines[0] == "Zuid ['Peeters']"
    assert lines[-1].split() == ["base", "members", "organisation"]


def test_a_flush_loads_the_tables_its_rows_refer_to(tmp_path):
    path = group_file(tmp_path)
    lines = run(tmp_path, f"""
from datetime import date
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.signals import Signal
with Database({str(path)!r}, backup_on_close=False) as db:
    with db.transaction() as s:
        s.add(Signal(reported_on=date(2026, 3, 2), category="heating", description="Cold."))
    with db.reading() as s:
        print(s.query(Signal).one().description)
""")
    assert lines[0] == "Cold."
    loaded = set(lines[-1].split())
    # a signal refers to members, complexes, contacts and advices; advices to meetings
    assert {"signals", "advices", "contacts", "members", "meetings"} <= loaded
    assert not loaded & {"funding", "privacy"}


def test_closed_years_stay_locked_when_the_finance_models_come_in_late(tmp_path):
    from huurdersgroep_app.core.db.models.finance import FinancialYear
    from huurdersgroep_app.core.services.finance import accounts

    path = group_file(tmp_path)
    with Database(path, backup_on_close=False) as db:
        with db.transaction() as s:
            account_id = accounts.add_account(s, "Kas", "cash").id
            s.add(FinancialYear(year=2025, status="closed", closed_on=date(2026, 1, 5)))
    lines = run(tmp_path, f"""
from datetime import date
from decimal import Decimal
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import LockedYearError
from huurdersgroep_app import i18n
i18n.set_language("en")
with Database({str(path)!r}, backup_on_close=False) as db:
    from huurdersgroep_app.core.db.models.finance import Entry
    try:
        with db.transaction() as s:
            s.add(Entry(account_id={account_id}, booked_on=date(2025, 6, 1), amount=Decimal("-1.00")))
    except LockedYearError as exc:
        print(exc.message)
""")
    # the flush's own check names the year (the SQL trigger behind it cannot)
    assert "2025" in lines[0] and "closed" in lines[0]


def test_base_from_the_package_is_the_whole_schema(tmp_path):
    lines = run(tmp_path, """
from huurdersgroep_app.core.db.models import Base
print(len(Base.metadata.tables))
""")
    models.load_all()
    assert int(lines[0]) == len(models.Base.metadata.tables) > 40


def test_the_source_scan_finds_every_model_and_table_where_it_is():
    models.load_all()
    names, tables = models.homes()
    for module_name in models._modules():
        module = importlib.import_module(f"huurdersgroep_app.core.db.models.{module_name}")
        for name, value in vars(module).items():
            if isinstance(value, type) and getattr(value, "__table__", None) is not None \
                    and value.__module__ == module.__name__:
                assert names.get(name) == module_name, name
                assert tables.get(value.__table__.name) == module_name, value.__table__.name
            elif isinstance(value, Table):
                assert tables.get(value.name) == module_name, value.name
    # and a name from the package is the module's own object
    assert models.Meeting is importlib.import_module("huurdersgroep_app.core.db.models.meetings").Meeting
