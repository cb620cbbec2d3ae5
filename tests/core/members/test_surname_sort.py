"""Issue 12: a Flemish group sorts 'Van den Broeck' under V, a Dutch group under B ('Broeck, Van den');
'El Amrani' and 'Ben Haddou' follow the same rule as 'Van den Broeck'; a group setting changes it; the
member list, the member choices, the register PDF, the sign-in sheet and the dues list follow it."""
from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from huurdersgroep_app.core.documents.member_list import write_member_list
from huurdersgroep_app.core.documents.sign_in_sheet import write_sign_in_sheet
from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.finance import dues
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import MemberInput

SURNAMES = ["Visser", "Van den Broeck", "Bakker", "El Amrani", "Abbas", "Ben Haddou", "Haas"]
FLEMISH = ["Abbas", "Bakker", "Ben Haddou", "El Amrani", "Haas", "Van den Broeck", "Visser"]
DUTCH = ["Abbas", "El Amrani", "Bakker", "Van den Broeck", "Haas", "Ben Haddou", "Visser"]


def _fill(database):
    with database.transaction() as s:
        for last in SURNAMES:
            members.add_member(s, MemberInput(last_name=last, first_name="Sam", joined_on="2020-01-01"))


def _order(database):
    with database.reading() as s:
        rows = [r.last_name for r in members.member_rows(s)]
        choices = [label.split(",")[0] for _id, label in members.member_choices(s)]
    assert rows == choices
    return rows


def test_particles_split_the_same_way_for_every_name():
    assert names.split_particles("Van den Broeck") == ("Van den", "Broeck")
    assert names.split_particles("El Amrani") == ("El", "Amrani")
    assert names.split_particles("Ben Haddou") == ("Ben", "Haddou")
    assert names.split_particles("Ben") == ("", "Ben")  # a surname that is only a particle stays whole


def test_a_flemish_group_sorts_under_the_particle_by_default(db):
    _fill(db)
    assert _order(db) == FLEMISH


def test_a_dutch_group_sorts_under_the_stem_by_default(nl_db):
    _fill(nl_db)
    assert _order(nl_db) == DUTCH


@pytest.mark.parametrize("fixture, mode, expected", [("db", names.SORT_BY_STEM, DUTCH),
                                                     ("nl_db", names.SORT_BY_PARTICLE, FLEMISH)])
def test_the_group_setting_changes_it(request, fixture, mode, expected):
    database = request.getfixturevalue(fixture)
    _fill(database)
    with database.transaction() as s:
        organisation.set_setting(s, members.SURNAME_SORT_SETTING, mode)
    assert _order(database) == expected


def _surnames_in(path) -> list[str]:
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return sorted(SURNAMES, key=lambda name: text.index(f"{name}, Sam") if f"{name}, Sam" in text
                  else text.index(f"Sam {name}"))


@pytest.mark.parametrize("fixture, expected", [("db", FLEMISH), ("nl_db", DUTCH)])
def test_register_sign_in_sheet_and_dues_follow_the_group(request, fixture, expected, tmp_path):
    database = request.getfixturevalue(fixture)
    _fill(database)
    with database.transaction() as s:
        meeting = meetings.create_meeting(s, MeetingInput(type="annual", scheduled_on=date(2026, 3, 20)))
    with database.reading() as s:
        write_member_list(s, tmp_path / "register.pdf", privacy="names", today=date(2026, 1, 10))
        write_sign_in_sheet(s, meeting.id, tmp_path / "sign.pdf")
        dues_order = [row.name.removeprefix("Sam ").removesuffix(", Sam") for row in dues.dues_status(s, 2026)]
    assert _surnames_in(tmp_path / "register.pdf") == expected
    assert _surnames_in(tmp_path / "sign.pdf") == expected
    assert dues_order == expected
