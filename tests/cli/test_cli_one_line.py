"""`--year` out of range and a bank file the MT940 library cannot read: one line each, nothing more."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.finance import accounts

MT940 = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "bank" / "mt940"


@pytest.fixture
def group_file(tmp_path):
    path = tmp_path / "g.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Zuid", region="nederland"))
        accounts.add_account(s, "Betaalrekening", "bank", iban="NL91 ABNA 0417 1643 00")
    return path


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("argv", [
    ["finance", "balances", "--year", "99999"],
    ["meetings", "list", "--year", "99999"],
    ["report", "financial-report", "--year", "99999", "--out", "x.pdf"],
    ["report", "decisions", "--year", "0", "--out", "x.pdf"],
    ["finance", "balances", "--year", "twenty"],
])
def test_impossible_year_is_one_line(group_file, capsys, argv):
    code = main(argv + ["--db", str(group_file), "--lang", "en"])
    assert code == 2
    assert "--year" in one_line(capsys.readouterr().err)


def test_library_logging_stays_off_the_terminal(group_file, tmp_path):
    text = (MT940 / "rabobank-iban.sta").read_text(encoding="utf-8")
    broken = tmp_path / "broken.sta"
    broken.write_text(text.replace(":61:130102D000000000010,00N154NONREF", ":61:1301X2D000000000010,00N154NONREF"),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "huurdersgroep_app", "import", "bank", str(broken),
                             "--account", "Betaalrekening", "--db", str(group_file), "--lang", "en"],
                            capture_output=True, text=True, env=os.environ | {})
    assert result.returncode == 1
    assert "Line 10" in one_line(result.stderr)
