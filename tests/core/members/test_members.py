from datetime import date, timedelta

import pytest

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import DuplicateMemberError, MemberInput


def add(db, **fields):
    with db.transaction() as s:
        return members.add_member(s, MemberInput(**fields), allow_duplicate=fields.pop("_dup", False))


def test_add_member_cleans_and_stores_fields(db):
    with db.transaction() as s:
        c = complexes.add_complex(s, "De Linde", 80)
        m = members.add_member(s, MemberInput(
            last_name=" Nguyễn ", first_name="Thi", street="Lindelaan", house_number="4", box="2",
            postcode="9000", city="Gent", complex_id=c.id, phone="0470123456", email="Thi@Example.BE",
            iban="be68539007547034", joined_on="31/12/2023", contact_way="email"))
    with db.reading() as s:
        stored = members.get_member(s, m.id)
        assert stored.last_name == "Nguyễn"
        assert stored.email == "thi@example.be"
        assert stored.iban == "BE68 5390 0754 7034"
        assert stored.phone == "0470 12 34 56"
        assert stored.joined_on == date(2023, 12, 31)
        assert stored.address_line == "Lindelaan 4 bus 2"


def test_every_bad_field_is_reported_and_nothing_is_saved(db):
    with pytest.raises(ValidationError) as exc:
        with db.transaction() as s:
            members.add_member(s, MemberInput(
                last_name="", email="not-an-email", phone="12", postcode="90000", iban="BE00 0000 0000 0000",
                joined_on="32/13/2020", tenant_since=(date.today() + timedelta(days=3)).isoformat()))
    problems = exc.value.problems
    assert set(problems) == {"last_name", "email", "phone", "postcode", "iban", "joined_on", "tenant_since"}
    assert "e-mail" in problems["email"]
    assert "IBAN" in problems["iban"]
    with db.reading() as s:
        assert members.member_rows(s) == []


def test_leaving_before_joining_is_refused(db):
    with pytest.raises(ValidationError) as exc:
        add(db, last_name="Claes", joined_on="2024-05-01", left_on="2024-01-01")
    assert "left_on" in exc.value.problems


def test_contact_by_email_needs_an_address(db):
    with pytest.raises(ValidationError) as exc:
        add(db, last_name="Claes", contact_way="email")
    assert "email" in exc.value.problems


def test_dutch_postcode_in_a_dutch_group(nl_db):
    with nl_db.transaction() as s:
        m = members.add_member(s, MemberInput(last_name="de Vries", postcode="1012ab", phone="0612345678"))
    assert m.postcode == "1012 AB"
    with pytest.raises(ValidationError):
        with nl_db.transaction() as s:
            members.add_member(s, MemberInput(last_name="Bakker", postcode="9000"))


def test_likely_duplicate_same_surname_and_address(db):
    add(db, last_name="Janssens", first_name="Marc", street="Kerkstraat", house_number="5", postcode="9000")
    with pytest.raises(DuplicateMemberError) as exc:
        add(db, last_name="JANSSENS", first_name="Maria", street="Kerkstr.", house_number="5", postcode="9000")
    assert "Marc Janssens" in str(exc.value)
    with db.transaction() as s:
        members.add_member(s, MemberInput(last_name="Janssens", first_name="Maria", street="Kerkstraat",
                                          house_number="5", postcode="9000"), allow_duplicate=True)
    with db.reading() as s:
        assert len(members.member_rows(s)) == 2


def test_likely_duplicate_spelling_variant_nearby(db):
    add(db, last_name="El Mansouri", first_name="Mohammed", postcode="9000")
    with pytest.raises(DuplicateMemberError):
        add(db, last_name="El Mansoury", first_name="Mohamed", postcode="9000")
    # the same name far away is another person
    add(db, last_name="El Mansoury", first_name="Mohamed", postcode="2000")


def test_edit_member_does_not_flag_itself(db):
    m = add(db, last_name="Peeters", first_name="Jan", street="Dorp", house_number="1", postcode="9000")
    with db.transaction() as s:
        data = members.member_input(members.get_member(s, m.id))
        data.phone = "09 223 45 67"
        members.update_member(s, m.id, data)
    with db.reading() as s:
        assert members.get_member(s, m.id).phone == "09 223 45 67"


def test_end_membership_keeps_history_and_ends_offices(db):
    m = add(db, last_name="Claes", first_name="Els", joined_on="2020-01-01")
    with db.transaction() as s:
        board.assign_office(s, m.id, "treasurer", date(2021, 3, 1))
    with db.transaction() as s:
        members.end_membership(s, m.id, date(2024, 6, 30), "moved")
    with db.reading() as s:
        row = members.member_rows(s)[0]
        assert row.left_on == date(2024, 6, 30) and not row.active
        assert members.member_rows(s, active_only=True) == []
        assert board.current_offices(s) == []
        assert board.office_history(s)[0].ended_on == date(2024, 6, 30)
    with pytest.raises(DomainError):
        with db.transaction() as s:
            members.end_membership(s, m.id, date(2024, 7, 1))


def test_surname_particles_sort_under_v_in_flanders_by_default_and_under_the_stem_when_chosen(db):
    # Issue 12: a Flemish group's default is the particle ('Van den Broeck' under V).
    for last in ("Van den Broeck", "Claes", "Aerts", "De Smet", "Vermeulen", "Çelik"):
        add(db, last_name=last, first_name="X")
    with db.reading() as s:
        assert [r.last_name for r in members.member_rows(s)] == [
            "Aerts", "Çelik", "Claes", "De Smet", "Van den Broeck", "Vermeulen"]
    with db.transaction() as s:
        organisation.set_setting(s, members.SURNAME_SORT_SETTING, names.SORT_BY_STEM)
    with db.reading() as s:
        assert [r.last_name for r in members.member_rows(s)] == [
            "Aerts", "Van den Broeck", "Çelik", "Claes", "De Smet", "Vermeulen"]


def test_search_text_is_case_and_accent_insensitive(db):
    add(db, last_name="Çelik", first_name="Ayşe", city="Gent")
    with db.reading() as s:
        row = members.member_rows(s)[0]
    assert "celik" in row.search_text and "ayse" in row.search_text and "gent" in row.search_text


@pytest.mark.parametrize("last, particles, stem", [
    ("Van den Broeck", "Van den", "Broeck"), ("van 't Hof", "van 't", "Hof"), ("De Smet", "De", "Smet"),
    ("Vandenberghe", "", "Vandenberghe"), ("Van", "", "Van"), ("El Amrani", "El", "Amrani"),
])
def test_split_particles(last, particles, stem):
    assert names.split_particles(last) == (particles, stem)
