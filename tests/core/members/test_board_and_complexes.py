from datetime import date
from decimal import Decimal

import pytest

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import MemberInput


def member(s, last, first="A", **kw):
    return members.add_member(s, MemberInput(last_name=last, first_name=first, joined_on="2018-01-01", **kw),
                              allow_duplicate=True)


def test_term_comes_from_the_profile_and_can_be_overridden(db):
    with db.transaction() as s:
        m = member(s, "Peeters")
        office = board.assign_office(s, m.id, "chair", date(2024, 3, 20))
        assert office.planned_end_on == date(2027, 3, 20)  # Flanders: 3 years
        organisation.set_rule_override(s, "board", "term_years", 2)
        m2 = member(s, "Claes")
        assert board.assign_office(s, m2.id, "secretary", date(2024, 3, 20)).planned_end_on == date(2026, 3, 20)


def test_single_roles_are_held_by_one_person(db):
    with db.transaction() as s:
        a, b = member(s, "Aerts"), member(s, "Bosmans")
        board.assign_office(s, a.id, "chair", date(2024, 1, 1))
        board.assign_office(s, a.id, "board_member", date(2024, 1, 1))
        board.assign_office(s, b.id, "board_member", date(2024, 1, 1))
    with pytest.raises(DomainError) as exc:
        with db.transaction() as s:
            board.assign_office(s, b.id, "chair", date(2024, 6, 1))
    assert "Aerts" in str(exc.value)


def test_office_needs_an_active_member_and_a_sane_term(db):
    with db.transaction() as s:
        m = member(s, "Wouters")
        members.end_membership(s, m.id, date(2023, 1, 1))
    with pytest.raises(ValidationError):
        with db.transaction() as s:
            board.assign_office(s, m.id, "chair", date(2024, 1, 1))
    with db.transaction() as s:
        m2 = member(s, "Maes")
    with pytest.raises(ValidationError):
        with db.transaction() as s:
            board.assign_office(s, m2.id, "chair", date(2024, 1, 1), planned_end_on=date(2023, 1, 1))


def test_retirement_rota_marks_who_steps_down_at_the_next_annual_meeting(db):
    with db.transaction() as s:
        a, b, c = member(s, "Aerts"), member(s, "Bosmans"), member(s, "Cools")
        board.assign_office(s, a.id, "chair", date(2023, 3, 1))          # ends 2026-03-01
        board.assign_office(s, b.id, "treasurer", date(2024, 3, 1))      # ends 2027-03-01
        board.assign_office(s, c.id, "secretary", date(2025, 3, 1))      # ends 2028-03-01
        organisation.set_setting(s, board.NEXT_ANNUAL_MEETING_SETTING, "2027-03-15")
    with db.reading() as s:
        meeting, rota = board.retirement_rota(s, today=date(2026, 11, 25))
    assert meeting == date(2027, 3, 15)
    assert [(e.member_name, e.due) for e in rota] == [("A Aerts", True), ("A Bosmans", True), ("A Cools", False)]


def test_end_office_and_history(db):
    with db.transaction() as s:
        a = member(s, "Aerts")
        office = board.assign_office(s, a.id, "chair", date(2022, 3, 1))
        board.end_office(s, office.id, date(2024, 3, 1))
        board.assign_office(s, a.id, "board_member", date(2024, 3, 1))
    with db.reading() as s:
        assert [o.role for o in board.current_offices(s, date(2025, 1, 1))] == ["board_member"]
        assert [o.role for o in board.office_history(s)] == ["board_member", "chair"]
    with pytest.raises(DomainError):
        with db.transaction() as s:
            board.end_office(s, office.id, date(2024, 5, 1))


def test_complexes_members_and_reach(db):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 80)
        eik = complexes.add_complex(s, "Den Eik", 0)
        for i in range(20):
            member(s, f"Lid{i}", complex_id=linde.id)
        gone = member(s, "Weg", complex_id=linde.id)
        members.end_membership(s, gone.id, date(2024, 1, 1))
        member(s, "Eik", complex_id=eik.id)
        member(s, "Nergens")
    with db.reading() as s:
        rows = {r.name: r for r in complexes.complex_rows(s)}
    assert rows["De Linde"].members == 20 and rows["De Linde"].reach == Decimal("0.25")
    assert rows["Den Eik"].members == 1 and rows["Den Eik"].reach is None
    assert rows["No complex"].members == 1
    total = complexes.total_reach(list(rows.values()))
    assert (total.members, total.dwellings) == (22, 80)


def test_complex_names_are_unique_and_dwellings_whole(db):
    with db.transaction() as s:
        complexes.add_complex(s, "De Linde", 10)
    with pytest.raises(ValidationError) as exc:
        with db.transaction() as s:
            complexes.add_complex(s, "de linde", -3)
    assert set(exc.value.problems) == {"name", "dwellings"}


def test_deleting_a_complex_keeps_its_members(db):
    with db.transaction() as s:
        c = complexes.add_complex(s, "De Linde", 10)
        m = member(s, "Aerts", complex_id=c.id)
    with db.transaction() as s:
        complexes.delete_complex(s, c.id)
    with db.reading() as s:
        assert members.get_member(s, m.id).complex_id is None
