"""`huurdersgroep funders list|add|add-grant|conditions`, `funding check` and `deadlines`: output,
exit codes (0 even when a condition is not met; 2 for a usage error) and evidence from a file."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.finance import budget, categories


@pytest.fixture
def group_file(tmp_path):
    path = tmp_path / "group.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Huurdersgroep Ter Linde",
                                                                           region="vlaanderen"))
        cat = categories.category_by_code(s, "printing").id
        budget.set_budget_line(s, date.today().year + 1, cat, "300")
        budget.approve_budget(s, date.today().year + 1, date.today() - timedelta(days=1), "Annual meeting")
    return path


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_check_a_funder(group_file, capsys, tmp_path):
    db = str(group_file)
    code, out, _err = _run(capsys, "funders", "add", "--db", db, "--name", "Stad Gent", "--kind", "municipality",
                           "--iban", "BE83 0688 8887 7715")
    assert code == 0 and "Funder 1 'Stad Gent' added with 10 conditions." in out
    code, out, _err = _run(capsys, "funders", "list", "--db", db)
    assert out.strip().split("\t") == ["1", "Stad Gent", "Municipality", "BE83068888877715", "Stad Gent", "10"]
    code, out, _err = _run(capsys, "funders", "conditions", "--db", db, "--funder", "1", "--add", "confirm",
                           "--text", "Photos of the activities")
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert code == 0 and len(lines) == 11 and lines[-1][1:3] == ["confirm", "Photos of the activities"]
    photo = tmp_path / "party.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    year = date.today().year
    code, _out, _err = _run(capsys, "funders", "conditions", "--db", db, "--funder", "1", "--confirm", lines[-1][0],
                            "--year", str(year), "--file", str(photo))
    assert code == 0
    code, out, _err = _run(capsys, "funding", "check", "--db", db, "--year", str(year), "--funder", "1")
    rows = {r[1]: r for r in (line.split("\t") for line in out.strip().splitlines())}
    assert code == 0 and len(rows) == 11 and all(len(r) == 6 for r in rows.values())
    assert rows["Photos of the activities"][2] == "met" and "party.jpg" in rows["Photos of the activities"][3]
    annual = next(r for label, r in rows.items() if label.startswith("A meeting for all tenants"))
    assert annual[2] == "not met" and annual[5] == "meetings.annual" and annual[4]
    budget_row = rows[f"A budget for {year + 1} approved"]
    assert budget_row[2] == "met" and "approved on" in budget_row[3]


def test_add_grant_and_deadlines(group_file, capsys):
    db = str(group_file)
    _run(capsys, "funders", "add", "--db", db, "--name", "Woonmaatschappij", "--kind", "landlord",
         "--no-conditions")
    due = (date.today() + timedelta(days=10)).strftime("%d/%m/%Y")
    code, out, _err = _run(capsys, "funders", "add-grant", "--db", db, "--funder", "1", "--year",
                           str(date.today().year - 1), "--amount", "1500", "--account-by", due)
    assert code == 0 and "1500.00" in out
    code, out, _err = _run(capsys, "deadlines", "--db", db)
    fields = out.strip().split("\t")
    assert code == 0 and fields[:2] == ["Accountability", "Woonmaatschappij"] and fields[3] == "10"


def test_usage_errors_exit_2_and_domain_errors_exit_1(group_file, capsys):
    code, _out, err = _run(capsys, "funding", "check", "--db", str(group_file))
    assert code == 2 and "--year" in err
    code, _out, err = _run(capsys, "funders", "add", "--db", str(group_file), "--name", "X", "--kind", "bank")
    assert code == 1 and "Unknown kind of funder" in err
    code, _out, err = _run(capsys, "funding", "check", "--db", str(group_file), "--year", "2026", "--funder", "9")
    assert code == 1 and "Funder 9 does not exist" in err
    code, out, _err = _run(capsys, "funding", "check", "--db", str(group_file), "--year", "2026")
    assert code == 0 and "No conditions to check" in out
