"""`huurdersgroep privacy export|anonymise|erase|retention|consent|publish-statement` and the two
privacy reports, on a closed group file, as a secretary would type them."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import members

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "privacy"))

from privacy_people import build, person  # noqa: E402


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


@pytest.fixture
def group(tmp_path):
    path = tmp_path / "group.sqlite"
    with Database(path, create=True, backup_on_close=False) as db:
        with db.transaction() as s:
            organisation.create_organisation(s, organisation.OrganisationInput(
                name="Huurdersgroep De Linde", region="vlaanderen", city="Gent", postcode="9000", language="en"))
        people = build(db)
        with db.transaction() as s:
            long_gone = person(s, "Marcel", "Oudlid", joined=date(2010, 1, 1))
            members.end_membership(s, long_gone.id, date(2016, 3, 31))
    return path, people, long_gone.id


def run(*argv) -> int:
    return main([*map(str, argv), "--lang", "en"])


def test_export_writes_json_and_pdf(group, tmp_path, capsys):
    path, people, _gone = group
    assert run("privacy", "export", "--db", path, "--member", people.former, "--out", tmp_path / "g.json") == 0
    assert run("privacy", "export", "--db", path, "--member", people.former, "--out", tmp_path / "g.pdf") == 0
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["signals"][0]["confidential"] is True
    assert "Neighbour at number 19 threatens me" in text_of(tmp_path / "g.pdf")
    assert "Written" in capsys.readouterr().out


def test_export_asks_for_one_person_and_a_known_suffix(group, tmp_path, capsys):
    path, people, _gone = group
    assert run("privacy", "export", "--db", path, "--out", tmp_path / "x.json") == 2
    assert run("privacy", "export", "--db", path, "--member", people.former, "--out", tmp_path / "x.txt") == 2
    assert run("privacy", "export", "--db", path, "--member", 999, "--out", tmp_path / "x.json") == 1
    err = capsys.readouterr().err
    assert "Give --member ID or --contact ID." in err and "--out must end in .json or .pdf." in err
    assert "Member 999 does not exist." in err and "Traceback" not in err
    assert not (tmp_path / "x.json").exists()


def test_anonymise_a_former_member_and_refuse_a_current_one(group, tmp_path, capsys):
    path, people, _gone = group
    assert run("privacy", "anonymise", "--db", path, "--member", people.current) == 1
    assert "Ayşe Çelik is still a member" in capsys.readouterr().err
    assert run("privacy", "anonymise", "--db", path, "--member", people.former) == 0
    out = capsys.readouterr().out
    assert "Member 2 is now 'Former member 2025-07'." in out
    assert "Minutes of approved meetings keep the name where they were published." in out
    assert run("report", "member-list", "--db", path, "--privacy", "contact", "--out", tmp_path / "list.pdf") == 0
    assert "Vandewalle" not in text_of(tmp_path / "list.pdf")
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        entry = s.get(Entry, people.dues_entry)
        assert (entry.booked_on, str(entry.amount)) == (date(2025, 2, 3), "15.00")


def test_erase_says_why_it_refuses(group, capsys):
    path, people, _gone = group
    assert run("privacy", "erase", "--db", path, "--member", people.former) == 1
    assert "cannot be erased: 2 bookings in the books name them." in capsys.readouterr().err
    assert run("privacy", "erase", "--db", path, "--member", people.newcomer) == 0
    assert "Member 3 was erased." in capsys.readouterr().out


def test_retention_is_tab_separated_and_its_action_empties_it(group, capsys):
    path, _people, gone = group
    assert run("privacy", "retention", "--db", path) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["Kind", "Number", "Name", "Since", "Retention ended", "Action"]
    assert lines[1:] == [f"Former member\t{gone}\tMarcel Oudlid\t2016-03-31\t2018-03-31\tanonymise"]
    assert run("privacy", "retention", "--db", path, "--anonymise") == 0
    assert "Anonymised 1 person past retention." in capsys.readouterr().out
    assert run("privacy", "retention", "--db", path) == 0
    assert capsys.readouterr().out.splitlines()[1:] == []


def test_consent_publish_and_the_two_reports(group, tmp_path, capsys):
    path, people, _gone = group
    assert run("privacy", "publish-statement", "--db", path) == 0
    assert "Published version 2 of the privacy statement." in capsys.readouterr().out
    assert run("privacy", "consent", "--db", path, "--member", people.current, "--purpose", "newsletter",
               "--on", "2026-01-10", "--how", "email") == 0
    assert "with version 2 of the privacy statement" in capsys.readouterr().out
    assert run("privacy", "consent", "--db", path, "--member", people.current, "--purpose", "spam",
               "--on", "2026-01-10") == 1
    assert "Unknown purpose 'spam'" in capsys.readouterr().err
    assert run("report", "privacy-statement", "--db", path, "--out", tmp_path / "st.pdf") == 0
    assert run("report", "processing-register", "--db", path, "--out", tmp_path / "reg.pdf") == 0
    assert "Version 2, published on" in text_of(tmp_path / "st.pdf")
    assert "Dues, payments and allowances" in text_of(tmp_path / "reg.pdf")
