"""The contacts register: validation, ending roles with history kept, the addressee of letters."""
from datetime import date

import pytest

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import contacts as c


def _landlord(s, name="Woonmaatschappij Gent"):
    return c.add_partner(s, c.PartnerInput(name=name, kind="landlord", postcode="9000", city="Gent",
                                           phone="09 235 12 12", email="Info@Wonen.be"))


def test_partner_is_validated_and_cleaned(db):
    with db.transaction() as s:
        partner = _landlord(s)
        assert partner.email == "info@wonen.be"
        assert partner.phone == "09 235 12 12"
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        c.add_partner(s, c.PartnerInput(name=" ", kind="bank", email="nope", phone="12", postcode="12"))
    assert set(exc.value.problems) == {"name", "kind", "email", "phone", "postcode"}
    assert "'nope' is not a valid e-mail address." in str(exc.value)
    with db.reading() as s:
        assert [p.name for p in c.list_partners(s)] == ["Woonmaatschappij Gent"]


def test_contact_validation(db):
    with db.transaction() as s:
        pid = _landlord(s).id
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        c.add_contact(s, c.ContactInput(partner_id=pid, last_name="", email="a@b", phone="abc",
                                        start_on="2025-05-01", end_on="2025-01-01"))
    assert set(exc.value.problems) == {"last_name", "email", "phone", "end_on"}
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        c.add_contact(s, c.ContactInput(partner_id=9999, last_name="Peeters", start_on="31/02/2025"))
    assert set(exc.value.problems) == {"partner_id", "start_on"}


def test_end_role_keeps_history_and_hand_over(db):
    with db.transaction() as s:
        pid = _landlord(s).id
        old = c.add_contact(s, c.ContactInput(partner_id=pid, first_name="An", last_name="Peeters",
                                              department="management", role="Director", start_on=date(2020, 1, 1)))
        c.add_contact(s, c.ContactInput(partner_id=pid, first_name="Jan", last_name="Claes",
                                        department="technical_service", role="Head", start_on=date(2021, 1, 1)))
        new = c.hand_over(s, old.id, c.ContactInput(partner_id=0, first_name="Els", last_name="Maes"),
                          date(2025, 6, 1))
        assert (new.partner_id, new.department, new.role, new.start_on) == (pid, "management", "Director",
                                                                          date(2025, 6, 1))
    with db.reading() as s:
        assert [x.full_name for x in c.landlord_contacts(s, date(2025, 5, 31))] == ["An Peeters", "Jan Claes"]
        assert [x.full_name for x in c.landlord_contacts(s, date(2025, 6, 1))] == ["Els Maes", "Jan Claes"]
        everyone = c.contacts_by_department(s, pid, include_past=True)
        assert [x.full_name for x in everyone["management"]] == ["Els Maes", "An Peeters"]
        current = c.contacts_by_department(s, pid, on=date(2025, 7, 1))
        assert [x.full_name for x in current["management"]] == ["Els Maes"]
        assert "technical_service" in current
    with pytest.raises(DomainError, match="already ended"), db.transaction() as s:
        c.end_contact(s, old.id, date(2025, 7, 1))
    with pytest.raises(DomainError, match="End their roles"), db.transaction() as s:
        c.delete_partner(s, pid)


def test_choose_addressee_prefers_setting_then_management(db):
    with db.transaction() as s:
        assert c.choose_addressee(s, date(2025, 1, 1)) is None
        pid = _landlord(s).id
        tech = c.add_contact(s, c.ContactInput(partner_id=pid, last_name="Claes", department="technical_service",
                                               start_on=date(2019, 1, 1)))
        assert c.choose_addressee(s, date(2025, 1, 1)).id == tech.id
        boss = c.add_contact(s, c.ContactInput(partner_id=pid, last_name="Peeters", department="management",
                                               start_on=date(2020, 1, 1), end_on=date(2026, 1, 1)))
        assert c.choose_addressee(s, date(2025, 1, 1)).id == boss.id
        assert c.choose_addressee(s, date(2026, 1, 1)).id == tech.id  # the director left
        c.set_default_addressee(s, tech.id)
        assert c.choose_addressee(s, date(2025, 1, 1)).id == tech.id
        town = c.add_partner(s, c.PartnerInput(name="Stad Gent", kind="municipality"))
        c.add_contact(s, c.ContactInput(partner_id=town.id, last_name="Wouters", department="management"))
        assert all(x.partner.kind == "landlord" for x in c.landlord_contacts(s, date(2025, 1, 1)))
        assert c.contact_label(boss) == "Peeters (Management, Woonmaatschappij Gent)"
