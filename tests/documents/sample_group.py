"""A small group with names from many languages, a former member and a board, built through the services.

A plain module (not conftest) so tests can import its names and data."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members

TODAY = date(2025, 1, 15)


@dataclass
class SampleGroup:
    active: dict[str, int] = field(default_factory=dict)  # 'First Last' → id
    former: dict[str, int] = field(default_factory=dict)
    complex_ids: dict[str, int] = field(default_factory=dict)


# (first, last, complex, street, e-mail, phone)
PEOPLE = [
    ("Ayşe", "Çelik", "Rabot", "Kerkstraat", "ayse.celik@example.be", "0470 11 22 33"),
    ("Thi Lan", "Nguyễn", "Rabot", "Wolterslaan", "thilan@example.be", "0470 22 33 44"),
    ("Łukasz", "Kowalski", "Rabot", "Gasmeterlaan", "", "0470 33 44 55"),
    ("Ådne", "Hansen", "Westveld", "Pilorijnstraat", "adne.hansen@example.be", ""),
    ("Marie", "Vandenbroucke-Müller", "Westveld", "Dampoortstraat", "marie.vbm@example.be", "0470 44 55 66"),
    ("Jan", "Van den Broeck", "Westveld", "Land van Waaslaan", "", "09 223 45 67"),
]


def add_person(session, first, last, complex_id, street="", email="", phone="", joined=date(2019, 3, 1)):
    return members.add_member(session, members.MemberInput(
        first_name=first, last_name=last, street=street, house_number="7", postcode="9000", city="Gent",
        complex_id=complex_id, email=email, phone=phone, contact_way="email" if email else "letter",
        joined_on=joined), allow_duplicate=True)


def build_group(db) -> SampleGroup:
    """Six active members in two complexes (60 and 12 dwellings), one former member, a board."""
    sample = SampleGroup()
    with db.transaction() as s:
        sample.complex_ids["Rabot"] = complexes.add_complex(s, "Rabot", 60).id
        sample.complex_ids["Westveld"] = complexes.add_complex(s, "Westveld", 12).id
        for first, last, cname, street, email, phone in PEOPLE:
            member = add_person(s, first, last, sample.complex_ids[cname], street, email, phone)
            sample.active[f"{first} {last}"] = member.id
        gone = add_person(s, "Pieter", "Oudlid", sample.complex_ids["Rabot"], "Verlaten Dreef",
                          "pieter.oudlid@example.be", "0470 99 88 77", joined=date(2015, 1, 1))
        members.end_membership(s, gone.id, date(2024, 6, 1), "moved")
        sample.former["Pieter Oudlid"] = gone.id
        ids = sample.active
        # Terms are 3 years in Flanders: the chair's ends before the next annual meeting (31 March 2025).
        board.assign_office(s, ids["Ayşe Çelik"], "chair", date(2021, 4, 1))
        board.assign_office(s, ids["Thi Lan Nguyễn"], "secretary", date(2023, 4, 1))
        board.assign_office(s, ids["Łukasz Kowalski"], "treasurer", date(2022, 5, 1))
        old = board.assign_office(s, ids["Ådne Hansen"], "board_member", date(2019, 6, 1))
        board.end_office(s, old.id, date(2022, 6, 1))
    return sample
