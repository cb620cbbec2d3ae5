"""The demo group: deterministic, realistic, and valid by the same rules as a user's input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import func, select

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models import Complex, Member, Office
from huurdersgroep_app.core.demo import create_demo
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services import validation as v

DAY = date(2025, 6, 1)

DUMP_SCRIPT = """
import json, sys
from datetime import date
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_demo import build
print(json.dumps(build(Path(sys.argv[1]), 120, 7, date(2025, 6, 1))[0]))
"""


def dump(session) -> dict:
    """Everything a user would see of the demo, without database ids."""
    org = organisation.get_organisation(session)
    people = session.scalars(select(Member).order_by(Member.id)).all()
    offices = session.scalars(select(Office).order_by(Office.start_on, Office.role, Office.id)).all()
    return {
        "organisation": [org.name, org.landlord_name, org.street, org.house_number, org.postcode, org.city,
                         org.iban, org.registration_number, org.phone, org.email],
        "complexes": [[c.name, c.dwellings, c.address, c.postcode, c.city]
                      for c in session.scalars(select(Complex).order_by(Complex.id))],
        "members": [[m.first_name, m.last_name, m.street, m.house_number, m.box, m.postcode, m.city,
                     m.complex.name if m.complex else "", m.dwelling, m.phone, m.email, m.language, m.contact_way,
                     str(m.tenant_since), str(m.joined_on), str(m.left_on), m.left_reason, str(m.consent_on),
                     m.consent_how] for m in people],
        "offices": [[o.member.full_name, o.role, str(o.start_on), str(o.planned_end_on), str(o.ended_on)]
                    for o in offices],
    }


def build(path: Path, count: int = 120, seed: int = 1, today: date = DAY):
    with Database(path, create=True, backup_on_close=False) as db:
        with db.transaction() as s:
            demo = create_demo(s, members=count, seed=seed, today=today)
        with db.reading() as s:
            return dump(s), demo


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    data, demo = build(path)
    database = Database(path, backup_on_close=False)
    yield database, data, demo
    database.close()


def test_same_seed_and_day_give_identical_data(demo_db, tmp_path):
    _db, first, _demo = demo_db
    again, _ = build(tmp_path / "again.sqlite")
    assert again == first


def test_determinism_does_not_depend_on_the_process(tmp_path):
    """String hashing differs per process; the demo must not depend on it (no set iteration)."""
    script = DUMP_SCRIPT.format(tests=str(Path(__file__).parent))
    outputs = []
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / f"p{hash_seed}.sqlite")], env=env,
                              capture_output=True, text=True, check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["members"]) == 120


def test_another_seed_gives_another_group(demo_db, tmp_path):
    _db, first, _demo = demo_db
    other, _ = build(tmp_path / "other.sqlite", seed=2)
    assert other["organisation"][0] == first["organisation"][0]  # the same group ...
    assert other["members"] != first["members"]  # ... with other people
    assert other["offices"] != first["offices"]
    assert {tuple(m[:2]) for m in other["members"]} != {tuple(m[:2]) for m in first["members"]}


def test_about_120_members_spread_over_five_complexes(demo_db):
    db, _data, demo = demo_db
    with db.reading() as s:
        rows = s.execute(select(Complex.id, Complex.dwellings)).all()
        per_complex = Counter(s.scalars(select(Member.complex_id)))
        assert s.scalar(select(func.count()).select_from(Member)) == 120
    assert len(rows) == 5 and all(40 <= dwellings <= 300 for _id, dwellings in rows)
    assert all(per_complex[cid] >= 5 for cid, _d in rows)
    assert 0 < per_complex[None] <= 6  # a few members who are not tenants
    assert sorted(demo.shared["complex_ids"]) == sorted(cid for cid, _d in rows)


def test_addresses_lie_in_the_members_complex(demo_db):
    db, _data, _demo = demo_db
    with db.reading() as s:
        for m in s.scalars(select(Member).where(Member.complex_id.is_not(None))):
            assert m.is_tenant and m.tenant_since and m.tenant_since <= m.joined_on
            assert m.postcode == m.complex.postcode and m.city == m.complex.city
            assert m.street in m.complex.address and m.dwelling.startswith(m.complex.code + "-")
        for m in s.scalars(select(Member).where(Member.complex_id.is_(None))):
            assert not m.is_tenant and m.street and m.postcode


def test_every_member_passes_the_services_validation(demo_db):
    db, _data, _demo = demo_db
    with db.reading() as s:
        people = s.scalars(select(Member)).all()
        for m in people:
            cleaned = members.clean_member(members.member_input(m), "BE", today=DAY)
            assert (cleaned["phone"], cleaned["postcode"], cleaned["email"]) == (m.phone, m.postcode, m.email)
            for day in (m.tenant_since, m.joined_on, m.left_on, m.consent_on):
                assert day is None or day <= DAY
            assert m.consent_on and m.consent_how and m.consent_on >= m.joined_on
        phones = [m.phone for m in people if m.phone]
        emails = [m.email for m in people if m.email]
    mobiles = [p for p in phones if phonenumbers.number_type(phonenumbers.parse(p, "BE")) ==
               phonenumbers.PhoneNumberType.MOBILE]
    assert len(mobiles) > len(phones) / 2
    assert emails and all(e.rsplit("@", 1)[1].startswith("example.") for e in emails)


def test_contact_and_language_mix(demo_db):
    db, _data, _demo = demo_db
    with db.reading() as s:
        people = s.execute(select(Member.contact_way, Member.language, Member.email)).all()
    ways = Counter(m.contact_way for m in people)
    languages = Counter(m.language for m in people)
    assert ways["letter"] > len(people) / 2 and ways["email"] > 0
    assert sum(1 for m in people if m.email) < len(people) / 2
    assert languages["nl_BE"] > len(people) * 0.7 and languages["fr_BE"] > 0 and languages["en"] > 0


def test_names_in_many_alphabets(demo_db):
    _db, data, _demo = demo_db
    text = " ".join(f"{m[0]} {m[1]}" for m in data["members"]).lower()
    for letter in ("ç", "ğ", "ł", "ễ", "å"):
        assert letter in text
    surnames = {m[1] for m in data["members"]}
    assert {"Van den Broeck", "De Smet", "El Amrani", "Çelik", "Nguyễn"} <= surnames
    assert len(surnames) > 60


def test_some_members_have_left_with_a_reason(demo_db):
    db, _data, demo = demo_db
    with db.reading() as s:
        former = s.execute(select(Member.id, Member.joined_on, Member.left_on, Member.left_reason)
                           .where(Member.left_on.is_not(None))).all()
        active_ids = set(s.scalars(select(Member.id).where(Member.left_on.is_(None))))
    assert 6 <= len(former) <= 18
    assert all(m.left_reason and m.joined_on < m.left_on <= DAY for m in former)
    assert set(demo.shared["member_ids"]) == active_ids
    assert set(demo.shared["former_member_ids"]) == {m.id for m in former}
    joined = sorted(m.joined_on for m in former)
    assert (DAY - joined[0]).days > 5 * 365  # members joined over the years


def test_board_is_complete_with_history_and_a_rota(demo_db):
    db, _data, demo = demo_db
    with db.reading() as s:
        current = board.current_offices(s, DAY)
        roles = Counter(o.role for o in current)
        assert roles["chair"] == roles["secretary"] == roles["treasurer"] == roles["aspirant"] == 1
        assert 2 <= roles["board_member"] <= 3
        assert all(o.member.is_tenant and o.member.is_active(DAY) for o in current)
        assert sorted(demo.shared["board_member_ids"]) == sorted(o.member_id for o in current)
        history = board.office_history(s)
        chairs = {o.member_id for o in history if o.role == "chair"}
        assert len(chairs) >= 2  # earlier chairs whose terms ended
        assert len([o for o in history if o.ended_on]) > len(current)
        term = board.term_years(s)
        full_terms = [o for o in history if o.role != "aspirant" and not o.notes]
        assert full_terms and all(o.planned_end_on.year - o.start_on.year == term for o in full_terms)
        meeting, rota = board.retirement_rota(s, DAY)
    assert meeting == demo.shared["next_annual_meeting"] and meeting > DAY
    assert any(e.due for e in rota) and not all(e.due for e in rota)


def test_the_organisation_has_valid_details(demo_db):
    db, _data, _demo = demo_db
    with db.reading() as s:
        org = organisation.get_organisation(s)
        s.expunge(org)  # keep its loaded values after the read-only session ends
    assert org.region == "vlaanderen" and org.language == "nl_BE" and org.landlord_name
    assert v.clean_iban(org.iban) == org.iban and org.iban.startswith("BE")
    digits = org.registration_number.replace(".", "")
    assert len(digits) == 10 and 97 - int(digits[:8]) % 97 == int(digits[8:])
    assert v.clean_postcode(org.postcode) == org.postcode and org.email


@pytest.mark.parametrize("count", [1, 8])
def test_a_tiny_demo_still_works(tmp_path, count):
    data, demo = build(tmp_path / "tiny.sqlite", count)
    assert len(data["members"]) == count
    assert demo.shared["board_member_ids"]


def test_cli_creates_the_demo_and_refuses_an_existing_file(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    assert str(path) in capsys.readouterr().out
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        assert organisation.get_organisation(s).name == "Huurdersgroep De Vlasbloem"
        assert s.scalar(select(func.count()).select_from(Member)) == 120
    assert main(["demo", "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "already exists" in err


def test_cli_demo_with_300_members(tmp_path, capsys):
    path = tmp_path / "big.sqlite"
    assert main(["demo", "--db", str(path), "--members", "300", "--seed", "5"]) == 0
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 300
        assert len(board.current_offices(s)) >= 6


def test_demo_texts_are_in_the_groups_language_whatever_the_users(db_path):
    from huurdersgroep_app import i18n
    from huurdersgroep_app.core.db.engine import Database
    from huurdersgroep_app.core.demo import create_demo
    from huurdersgroep_app.core.services.meetings.overview import meeting_rows
    from huurdersgroep_app.core.services.meetings.record import load_meeting

    i18n.set_language("en")
    with Database(db_path, create=True, backup_on_close=False) as db:
        with db.transaction() as s:
            create_demo(s, members=40, seed=3)
        with db.reading() as s:
            annual = next(r for r in meeting_rows(s) if r.type == "annual")
            titles = [item.title for item in load_meeting(s, annual.id).items]
    assert "Opening and welcome" not in titles
    with i18n.language("nl_BE"):
        assert i18n._("Opening and welcome") in titles


def test_every_ballot_paper_of_the_demo_elections_is_accounted_for(demo_db):
    """cast = valid + blank + invalid, and with one seat the votes are exactly the valid papers (the demo's
    minutes printed '22 ballot papers handed in: valid 22' beside 12 votes for the only candidate)."""
    from huurdersgroep_app.core.db.models.meetings import Election

    database, _data, _demo = demo_db
    with database.reading() as s:
        voted = [e for e in s.scalars(select(Election)) if e.method == "vote" and e.ballots_cast is not None]
        assert voted
        for e in voted:
            valid = e.ballots_cast - (e.ballots_blank or 0) - (e.ballots_invalid or 0)
            votes = sum(c.votes or 0 for c in e.candidates)
            assert valid >= 0 and valid <= votes <= valid * e.seats, (e.id, e.ballots_cast, votes)
            if e.seats == 1:
                assert votes == valid, (e.id, e.ballots_cast, e.ballots_blank, votes)
