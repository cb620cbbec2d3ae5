"""A small group for the meeting tests, built through the services: ten members (two share an
address, one is not a tenant, one has no address), a board of four whose terms partly end at
the 2025 annual meeting, and a landlord with one contact person.

A plain module (not conftest) so that core, document and CLI tests can import it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from huurdersgroep_app.core.db.models.contacts import Contact, Partner
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import members

ANNUAL_DAY = date(2025, 3, 29)

# key: (first, last, street, number, e-mail, tenant)
PEOPLE = {
    "anna": ("Anna", "Peeters", "Lindelaan", "4", "anna@example.be", True),
    "bart": ("Bart", "Peeters", "Lindelaan", "4", "", True),
    "chris": ("Chris", "Claes", "Lindelaan", "6", "chris@example.be", True),
    "dirk": ("Dirk", "Janssens", "Beukenlaan", "1", "dirk@example.be", True),
    "els": ("Els", "Maes", "Beukenlaan", "3", "", True),
    "fatima": ("Fatima", "El Amrani", "Beukenlaan", "5", "fatima@example.be", True),
    "gert": ("Gert", "Wouters", "Kerkstraat", "10", "gert@example.be", True),
    "hilde": ("Hilde", "Mertens", "Kerkstraat", "12", "", True),
    "ivo": ("Ivo", "Goossens", "Stationsstraat", "2", "ivo@example.be", False),  # not a tenant
    "jo": ("Jo", "Vermeulen", "", "", "", True),  # no address known
}


@dataclass
class MeetingGroup:
    ids: dict[str, int] = field(default_factory=dict)
    offices: dict[str, int] = field(default_factory=dict)  # key → office id
    contact_id: int = 0

    def __getitem__(self, key: str) -> int:
        return self.ids[key]


def build(db) -> MeetingGroup:
    group = MeetingGroup()
    with db.transaction() as s:
        for key, (first, last, street, number, email, tenant) in PEOPLE.items():
            member = members.add_member(s, members.MemberInput(
                first_name=first, last_name=last, street=street, house_number=number,
                postcode="9000" if street else "", city="Gent" if street else "", email=email, is_tenant=tenant,
                contact_way="email" if email else "letter", joined_on=date(2020, 1, 1)), allow_duplicate=True)
            group.ids[key] = member.id
        # Anna's and Dirk's terms end at the 2025 annual meeting; Chris and Els stay.
        group.offices["anna"] = board.assign_office(s, group["anna"], "chair", date(2022, 3, 26), ANNUAL_DAY).id
        group.offices["chris"] = board.assign_office(s, group["chris"], "secretary", date(2023, 3, 25),
                                                     date(2026, 3, 28)).id
        group.offices["els"] = board.assign_office(s, group["els"], "treasurer", date(2024, 3, 30),
                                                   date(2027, 3, 27)).id
        group.offices["dirk"] = board.assign_office(s, group["dirk"], "board_member", date(2022, 3, 26),
                                                    ANNUAL_DAY).id
        landlord = Partner(name="Woonmaatschappij Gent", kind="landlord", street="Nieuwewandeling", house_number="2",
                           postcode="9000", city="Gent")
        contact = Contact(partner=landlord, first_name="Sofie", last_name="Vandamme", role="Coördinator",
                          email="sofie@wmg.example")
        s.add_all([landlord, contact])
        s.flush()
        group.contact_id = contact.id
    return group
