"""The contacts page through the real dialogs: add an organisation and a person, hand over to a
successor (the history stays), end a role, and choose who receives the advice letters."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.ui.contacts.contact_dialog import ContactDialog, EndRoleDialog, HandOverDialog, PartnerDialog
from huurdersgroep_app.ui.contacts.page import Page

from dialog_driver import DialogDriver


@pytest.fixture
def driver(monkeypatch):
    return DialogDriver(monkeypatch)


@pytest.fixture
def page(ctx, qtbot):
    made = Page(ctx)
    qtbot.addWidget(made)
    made.refresh()
    ctx.data_changed.connect(made.refresh)
    return made


def _people(page) -> list[str]:
    return [row.full_name for row in page.proxy.source_rows()]


def _select_person(page, name: str) -> None:
    for n in range(page.proxy.rowCount()):
        if page.proxy.row_at(n).full_name == name:
            page.people.selectRow(n)
            return
    raise AssertionError(f"{name} is not shown")


def test_add_an_organisation_and_a_person(ctx, page, driver):
    def organisation(d: PartnerDialog) -> None:
        d.name.setText("Woonmaatschappij Gent")
        d.kind.setCurrentIndex(d.kind.findData("landlord"))
        d.lines["city"].setText("Gent")
        d.save()

    driver.expect(PartnerDialog, organisation)
    page.new_partner()
    partner = page.selected_partner()
    assert (partner.name, partner.kind) == ("Woonmaatschappij Gent", "landlord")
    assert page.people_box.title() == "People at Woonmaatschappij Gent"

    def person(d: ContactDialog) -> None:
        d.first_name.setText("Katrien")
        d.last_name.setText("Desmet")
        d.department.setCurrentText("Management")  # a suggestion: stored as its code
        d.role.setText("Director")
        d.email.setText("katrien-at-example")
        assert d.save() is False and "katrien-at-example" in d.form.problem("email")
        d.email.setText("katrien@example.org")
        d.start_on.setText("01/09/2020")
        d.save()

    driver.expect(ContactDialog, person)
    page.new_contact()
    assert driver.all_used()
    with ctx.db.reading() as s:
        (saved,) = contacts.list_contacts(s, partner_id=partner.id)
        assert (saved.full_name, saved.department, saved.role, saved.email, saved.start_on) == \
            ("Katrien Desmet", "management", "Director", "katrien@example.org", date(2020, 9, 1))
    assert _people(page) == ["Katrien Desmet"]
    assert page.proxy.index(0, 0).data() == "Management"


@pytest.fixture
def director(ctx):
    with ctx.db.transaction() as s:
        partner = contacts.add_partner(s, contacts.PartnerInput(name="Woonmaatschappij Gent", kind="landlord"))
        old = contacts.add_contact(s, contacts.ContactInput(partner_id=partner.id, first_name="Luc",
                                                            last_name="Vanhoutte", department="management",
                                                            role="Director", start_on=date(2012, 9, 1)))
        contacts.add_contact(s, contacts.ContactInput(partner_id=partner.id, first_name="Hanne",
                                                      last_name="Vercruysse", department="social_service",
                                                      role="Social worker", start_on=date(2021, 9, 1)))
    return old.id


def test_hand_over_to_a_successor_keeps_the_history(ctx, page, driver, director):
    page.refresh()
    _select_person(page, "Luc Vanhoutte")
    assert page.hand_over_button.isEnabled()

    def successor(d: HandOverDialog) -> None:
        assert d.role.text() == "Director"  # the same role unless changed
        d.on.setText("01/09/2024")
        d.first_name.setText("Katrien")
        d.last_name.setText("Desmet")
        d.save()

    driver.expect(HandOverDialog, successor)
    page.hand_over()
    with ctx.db.reading() as s:
        people = {c.full_name: c for c in contacts.list_contacts(s, include_past=True)}
        assert people["Luc Vanhoutte"].end_on == date(2024, 9, 1)
        new = people["Katrien Desmet"]
        assert (new.department, new.role, new.start_on, new.end_on) == ("management", "Director", date(2024, 9, 1),
                                                                        None)
        assert contacts.choose_addressee(s).full_name == "Katrien Desmet"
    assert sorted(_people(page)) == ["Hanne Vercruysse", "Katrien Desmet"]
    page.show_past.setChecked(True)
    assert sorted(_people(page)) == ["Hanne Vercruysse", "Katrien Desmet", "Luc Vanhoutte"]
    assert not page.people.isColumnHidden(6)  # 'Until' shows with the past roles
    _select_person(page, "Luc Vanhoutte")
    assert not page.hand_over_button.isEnabled() and not page.end_button.isEnabled()


def test_end_a_role_and_choose_the_letters_addressee(ctx, page, driver, director):
    page.refresh()
    assert "Luc Vanhoutte" in page.addressee.text() and "automatically" in page.addressee.text()
    _select_person(page, "Hanne Vercruysse")
    page.addressee_button.click()
    assert "Hanne Vercruysse" in page.addressee.text() and "as chosen" in page.addressee.text()
    with ctx.db.reading() as s:
        assert contacts.choose_addressee(s).full_name == "Hanne Vercruysse"
    _select_person(page, "Luc Vanhoutte")
    driver.expect(EndRoleDialog, lambda d: (d.end_on.setText("31/12/2025"), d.save()))
    page.end_role()
    with ctx.db.reading() as s:
        assert {c.full_name: c.end_on for c in contacts.list_contacts(s, include_past=True)}["Luc Vanhoutte"] == \
            date(2025, 12, 31)
    assert _people(page) == ["Hanne Vercruysse"]


def test_an_organisation_with_people_cannot_be_removed(ctx, page, director, message_boxes, monkeypatch):
    from huurdersgroep_app.ui.context import AppContext

    monkeypatch.setattr(AppContext, "ask", staticmethod(lambda *a, **k: True))
    page.refresh()
    page.delete_partner()
    assert "End their roles" in message_boxes[-1][1]
    with ctx.db.reading() as s:
        assert [p.name for p in contacts.list_partners(s)] == ["Woonmaatschappij Gent"]
