"""Retention per region: what is past its period, the one action, and the Overview's count."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import FinancialYear
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.organisation import set_rule_override
from huurdersgroep_app.core.services.privacy import retention


def test_the_periods_come_from_the_region_with_their_sources(db, nl_db):
    with db.reading() as s:
        flanders = retention.retention_policy(s)
    with nl_db.reading() as s:
        netherlands = retention.retention_policy(s)
    assert (flanders.former_member_years, flanders.financial_years) == (2, 10)
    assert (netherlands.former_member_years, netherlands.financial_years) == (2, 7)
    assert "III.86" in flanders.financial_note and "2:10" in netherlands.financial_note


def test_a_former_member_is_listed_two_years_after_leaving(db, people):
    with db.reading() as s:
        before = retention.past_retention(s, date(2027, 7, 13))
        after = retention.past_retention(s, date(2027, 7, 14))
    assert [i.kind for i in before] == []
    assert [(i.kind, i.record_id, i.name, i.due_on, i.action) for i in after] == [
        ("former_member", people.former, "Griet Vandewalle", date(2027, 7, 14), "anonymise")]


def test_the_group_can_set_its_own_period(db, people):
    with db.transaction() as s:
        set_rule_override(s, "privacy", "former_member_contact_years", 1)
    with db.reading() as s:
        assert retention.reminder_count(s, date(2026, 7, 14)) == 1


def test_books_past_their_period_are_listed_but_never_acted_on(db, nl_db):
    for database, year, listed in ((nl_db, 2018, True), (db, 2018, False)):
        with database.transaction() as s:
            s.add(FinancialYear(year=year, status="closed", closed_on=date(year + 1, 1, 15), notes=""))
        with database.reading() as s:
            items = [i for i in retention.past_retention(s, date(2026, 1, 2)) if i.kind == "books"]
        assert [(i.record_id, i.action) for i in items] == ([(2018, "")] if listed else [])


def test_the_one_action_anonymises_everyone_listed_and_the_count_drops(db, people):
    today = date(2028, 1, 1)
    with db.transaction() as s:
        partner = contacts.add_partner(s, contacts.PartnerInput(name="Stad Gent", kind="municipality"))
        contact = contacts.add_contact(s, contacts.ContactInput(partner_id=partner.id, first_name="Els",
                                                                last_name="Claes", email="els@gent.example"))
        contacts.end_contact(s, contact.id, date(2025, 1, 31))
        members.end_membership(s, people.current, date(2027, 12, 1))  # left too recently: stays
    with db.reading() as s:
        assert retention.reminder_count(s, today) == 2
    with db.transaction() as s:
        done = retention.anonymise_past_retention(s, today)
    assert sorted(i.kind for i in done) == ["former_contact", "former_member"]
    with db.reading() as s:
        assert retention.reminder_count(s, today) == 0
        assert s.get(Member, people.former).anonymised and not s.get(Member, people.current).anonymised
        assert contacts.get_contact(s, contact.id).full_name == "Voormalige contactpersoon 2025-01"
