"""Issue 13 §2 on the command line: `check` verifies the seals of closed years, and `restore` says so
before it replaces anything when the backup's closed years differ from the file's."""
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.lock_triggers import LOCK_TRIGGERS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_files import demo_copy  # noqa: E402

CLOSED = 2025  # the demo closes last year (its 'today' is in 2026)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def behind_the_guards(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for statement in [f"DROP TRIGGER {n}" for n in names] + list(statements):
        con.execute(statement)
    con.commit()
    con.close()


@pytest.fixture
def demo(tmp_path) -> Path:
    path = demo_copy(tmp_path / "demo.sqlite")
    con = sqlite3.connect(path)
    assert con.execute("SELECT year FROM financial_year WHERE status = 'closed'").fetchall() == [(CLOSED,)]
    con.close()
    return path


def test_check_passes_a_sealed_file_and_names_a_changed_closed_year(demo, capsys):
    code, out, err = run(capsys, "check", "--db", demo)
    assert code == 0 and "no problems found" in out, err
    behind_the_guards(demo, f"UPDATE entry SET amount = amount - 100 WHERE id = (SELECT min(id) FROM entry "
                            f"WHERE booked_on LIKE '{CLOSED}-%')")
    code, out, err = run(capsys, "check", "--db", demo)
    line = one_line(err)
    assert code == 1
    assert f"closed year {CLOSED} were changed outside the program" in line
    assert "guards that protect closed years" in line


def test_check_reports_missing_guards(demo, capsys):
    con = sqlite3.connect(demo)
    con.execute("DROP TRIGGER trg_opening_balance_sealed_update")
    con.commit()
    con.close()
    code, _out, err = run(capsys, "check", "--db", demo)
    assert code == 1 and "1 of the 42 guards" in one_line(err)


def _rows(path: Path) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, booked_on, amount, description FROM entry ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("change, said", [
    (f"UPDATE entry SET description = 'anders' WHERE booked_on LIKE '{CLOSED}-%'",
     f"The closed year {CLOSED} has other books in the backup than in this file."),
    (f"UPDATE financial_year SET status = 'open' WHERE year = {CLOSED}",
     f"{CLOSED} is closed in this file but open in the backup"),
], ids=["altered backup", "backup from before the closing"])
def test_restore_says_when_closed_years_differ_before_replacing_anything(demo, tmp_path, capsys, change, said):
    backup = tmp_path / "old.sqlite"
    shutil.copyfile(demo, backup)
    behind_the_guards(backup, change)
    before = _rows(demo)
    code, _out, err = run(capsys, "restore", backup, "--db", demo)
    assert code == 1 and said in err and "nothing was replaced" in err and "Traceback" not in err
    assert _rows(demo) == before
    code, out, err = run(capsys, "restore", backup, "--db", demo, "--accept-changed-years")
    assert code == 0, err
    assert _rows(demo) == _rows(backup)


def test_restore_of_a_backup_with_the_same_closed_years_asks_nothing(demo, tmp_path, capsys):
    backup = tmp_path / "same.sqlite"
    shutil.copyfile(demo, backup)
    con = sqlite3.connect(demo)  # a change in the open year only
    con.execute("UPDATE entry SET description = 'later' WHERE booked_on >= '2026-01-01'")
    con.commit()
    con.close()
    code, _out, err = run(capsys, "restore", backup, "--db", demo)
    assert code == 0, err


def test_an_ordinary_command_warns_when_the_guards_of_closed_years_are_gone(demo, capsys):
    code, out, err = run(capsys, "finance", "years", "--db", demo)
    assert code == 0 and err == ""
    behind_the_guards(demo)
    code, out, err = run(capsys, "finance", "years", "--db", demo)
    assert code == 0 and out  # the command still does what it was asked
    assert "warning" in one_line(err) and "guards that protect closed years" in err


def test_a_command_about_a_closed_year_checks_that_years_seal(demo, capsys):
    code, out, err = run(capsys, "finance", "balances", "--db", demo, "--year", CLOSED)
    assert code == 0 and err == ""
    behind_the_guards(demo, f"UPDATE entry SET amount = amount - 100 WHERE id = (SELECT min(id) FROM entry "
                            f"WHERE booked_on LIKE '{CLOSED}-%')")
    # put the guards back exactly as installed: only the digest can tell now
    con = sqlite3.connect(demo)
    for sql in LOCK_TRIGGERS.values():
        con.execute(sql)
    con.commit()
    con.close()
    code, out, err = run(capsys, "finance", "years", "--db", demo)
    assert code == 0 and err == ""  # a command about no year checks the guards only (they are back)
    code, out, err = run(capsys, "finance", "balances", "--db", demo, "--year", CLOSED)
    assert code == 0 and out
    line = one_line(err)
    assert "warning" in line and f"closed year {CLOSED} were changed outside the program" in line
