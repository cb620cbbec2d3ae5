"""`huurdersgroep report member-list|board-list`: documents from the command line, and its errors."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def group_file(tmp_path):
    """A closed group file (the CLI opens and locks it itself) with three members and a board."""
    path = tmp_path / "group.sqlite"
    today = date.today()
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(
            name="Huurdersgroep Ter Linde", region="vlaanderen", city="Gent", postcode="9000"))
        cid = complexes.add_complex(s, "Brugse Poort", 40).id
        ids = []
        for first, last, email in (("Ayşe", "Çelik", "ayse@example.be"), ("Thi Lan", "Nguyễn", ""),
                                   ("Łukasz", "Vandenbroucke-Müller", "lukasz@example.be")):
            ids.append(members.add_member(s, members.MemberInput(
                first_name=first, last_name=last, street="Kerkstraat", house_number="3", postcode="9000",
                city="Gent", complex_id=cid, email=email, joined_on=today - timedelta(days=1500))).id)
        gone = members.add_member(s, members.MemberInput(first_name="Pieter", last_name="Oudlid", complex_id=cid,
                                                         joined_on=today - timedelta(days=900)))
        members.end_membership(s, gone.id, today - timedelta(days=10))
        # The chair's three-year term ends in 20 days, before the annual meeting in 60 days.
        organisation.set_setting(s, board.NEXT_ANNUAL_MEETING_SETTING, (today + timedelta(days=60)).isoformat())
        board.assign_office(s, ids[0], "chair", board.add_years(today + timedelta(days=20), -3))
        board.assign_office(s, ids[1], "secretary", today - timedelta(days=100))
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_member_list_with_contact_details(group_file, tmp_path, capsys):
    target = tmp_path / "leden.pdf"
    code, out, err = run(capsys, "report", "member-list", "--db", group_file, "--out", target,
                         "--privacy", "contact", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.strip() == f"Written {target} (1 page)."
    text = text_of(target)
    for expected in ("Çelik, Ayşe", "Nguyễn, Thi Lan", "Vandenbroucke-Müller, Łukasz", "ayse@example.be",
                     "lukasz@example.be", "Kerkstraat 3", "3 members"):
        assert expected in text
    assert "Oudlid" not in text


def test_member_list_counts(group_file, tmp_path, capsys):
    target = tmp_path / "counts.pdf"
    code, _out, _err = run(capsys, "report", "member-list", "--db", group_file, "--out", target,
                           "--privacy", "counts", "--lang", "en")
    assert code == 0
    text = text_of(target)
    assert "Brugse Poort 40 3 8%" in text  # 3 of 40 dwellings
    assert "Çelik" not in text and "Kerkstraat" not in text


def test_board_list(group_file, tmp_path, capsys):
    target = tmp_path / "bestuur.pdf"
    code, out, err = run(capsys, "report", "board-list", "--db", group_file, "--out", target, "--lang", "en")
    assert (code, err) == (0, "")
    text = text_of(target)
    assert "Chair Ayşe Çelik" in text and "Secretary Thi Lan Nguyễn" in text
    celik_rota = [line for line in text.splitlines() if line.startswith("Ayşe Çelik")]
    assert celik_rota and celik_rota[0].endswith("Due to step down")


def test_dutch_language_document(group_file, tmp_path, capsys):
    # Labels fall back to the English source until the catalogs are filled: check names and counts.
    target = tmp_path / "leden.pdf"
    code, out, err = run(capsys, "report", "member-list", "--db", group_file, "--out", target, "--lang", "nl_BE")
    assert (code, err) == (0, "")
    text = text_of(target)
    assert "Huurdersgroep Ter Linde" in text
    for name in ("Çelik, Ayşe", "Nguyễn, Thi Lan", "Vandenbroucke-Müller, Łukasz"):
        assert name in text
    assert re.search(r" · 3 \w+$", text.splitlines()[1])  # the count, next to the date
    assert "Kerkstraat" not in text  # names only by default


def test_unknown_report_kind(group_file, tmp_path, capsys):
    code, out, err = run(capsys, "report", "rainbow", "--db", group_file, "--out", tmp_path / "x.pdf")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "rainbow" in err and "member-list" in err
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_privacy_level(group_file, tmp_path, capsys):
    code, out, err = run(capsys, "report", "member-list", "--db", group_file, "--out", tmp_path / "x.pdf",
                         "--privacy", "everything")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_missing_database(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite"
    code, out, err = run(capsys, "report", "member-list", "--db", missing, "--out", tmp_path / "x.pdf")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "nope.sqlite" in err and "Traceback" not in err
    assert not missing.exists()


def test_output_folder_that_does_not_exist(group_file, tmp_path, capsys):
    target = tmp_path / "no" / "such" / "folder" / "leden.pdf"
    code, out, err = run(capsys, "report", "board-list", "--db", group_file, "--out", target, "--lang", "en")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "does not exist" in err and str(target.parent) in err
    assert not (tmp_path / "no").exists()


def test_output_is_a_folder(group_file, tmp_path, capsys):
    code, out, err = run(capsys, "report", "member-list", "--db", group_file, "--out", tmp_path, "--lang", "en")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "folder" in err
