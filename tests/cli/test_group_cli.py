"""`new`, `backup`, `restore`, `check`: success and the user-error paths (one line, no traceback)."""
import sqlite3

import pytest

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import members


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_new_creates_a_group(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    code, out, err = run(capsys, "new", "--db", path, "--name", "Huurdersgroep Zuid", "--region", "vlaanderen")
    assert code == 0 and "Huurdersgroep Zuid" in out
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        org = organisation.get_organisation(s)
        assert (org.name, org.region, org.language) == ("Huurdersgroep Zuid", "vlaanderen", "nl_BE")


def test_new_refuses_an_existing_file_and_a_bad_region(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    assert run(capsys, "new", "--db", path, "--name", "A", "--region", "nederland")[0] == 0
    code, _, err = run(capsys, "new", "--db", path, "--name", "B", "--region", "nederland")
    assert code == 1 and "already exists" in one_line_error(err)
    code, _, err = run(capsys, "new", "--db", tmp_path / "x.sqlite", "--name", "B", "--region", "wallonie")
    assert code == 2 and "wallonie" in one_line_error(err)


def test_error_messages_follow_the_language(tmp_path, capsys, monkeypatch):
    code, _, err = run(capsys, "--lang", "en", "check", "--db", tmp_path / "missing.sqlite")
    assert code == 1 and "does not exist" in one_line_error(err)


def test_backup_restore_round_trip(tmp_path, capsys):
    path, copy = tmp_path / "g.sqlite", tmp_path / "copy.sqlite"
    run(capsys, "new", "--db", path, "--name", "HG", "--region", "vlaanderen")
    with Database(path, backup_on_close=False) as db, db.transaction() as s:
        members.add_member(s, members.MemberInput(last_name="Łukasz", first_name="Anna"))
    code, out, _ = run(capsys, "backup", "--db", path, "--out", copy)
    assert code == 0 and copy.exists()
    with Database(path, backup_on_close=False) as db, db.transaction() as s:
        members.add_member(s, members.MemberInput(last_name="Later", first_name="Added"))
    code, out, _ = run(capsys, "restore", copy, "--db", path)
    assert code == 0
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        assert [r.full_name for r in members.member_rows(s)] == ["Anna Łukasz"]
    assert list((tmp_path / "backups").glob("g-before-restore.sqlite"))


def test_restore_refuses_garbage_and_a_file_in_use(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    run(capsys, "new", "--db", path, "--name", "HG", "--region", "vlaanderen")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all")
    code, _, err = run(capsys, "restore", garbage, "--db", path)
    assert code == 1 and "cannot be restored" in one_line_error(err)
    code, _, err = run(capsys, "restore", tmp_path / "nope.sqlite", "--db", path)
    assert code == 1 and "does not exist" in one_line_error(err)
    copy = tmp_path / "copy.sqlite"
    run(capsys, "backup", "--db", path, "--out", copy)
    with Database(path, backup_on_close=False):
        code, _, err = run(capsys, "restore", copy, "--db", path)
    assert code == 1 and "already open" in one_line_error(err)


def test_check_reports_ok_newer_schema_and_lock(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    run(capsys, "new", "--db", path, "--name", "HG", "--region", "brussel")
    code, out, _ = run(capsys, "check", "--db", path)
    assert code == 0 and "no problems" in out
    with Database(path, backup_on_close=False):
        code, _, err = run(capsys, "check", "--db", path)
        assert code == 1 and "already open" in one_line_error(err)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.execute("INSERT INTO alembic_version VALUES ('9999')")
    con.commit()
    con.close()
    code, _, err = run(capsys, "check", "--db", path)
    assert code == 1 and "newer version" in one_line_error(err)


@pytest.mark.parametrize("argv", [["frobnicate"], ["report", "no-such-report", "--out", "x.pdf"],
                                  ["import", "no-such-kind", "file.csv"]])
def test_usage_errors_are_one_line_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    one_line_error(err)


def test_lists_refuse_docx(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    run(capsys, "new", "--db", path, "--name", "HG", "--region", "vlaanderen")
    code, _, err = run(capsys, "report", "member-list", "--db", path, "--out", tmp_path / "l.docx", "--format", "docx")
    assert code == 2 and "The report 'member-list' is made as PDF, not as DOCX." in one_line_error(err)
    assert not (tmp_path / "l.docx").exists()


def test_command_line_mistakes_are_explained_in_the_users_language(capsys):
    code, _, err = run(capsys, "--lang", "nl_BE", "new", "--name", "X")
    assert code == 2 and "Ontbreekt op de opdrachtregel: --region." in one_line_error(err)
    code, _, err = run(capsys, "--lang", "nl_BE", "new", "--name", "X", "--region", "wallonie")
    assert code == 2 and "'wallonie' kan niet bij --region" in one_line_error(err)
    code, _, err = run(capsys, "--lang", "fr_BE", "demo", "--members", "veel")
    assert code == 2 and "--members demande un nombre" in one_line_error(err)
