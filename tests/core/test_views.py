"""The readers in core/services/<area>/views.py hand the window plain data: nothing reachable from
what they return is a database object (which would be detached, or lazily load after the session)."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.funding import views as funding_views
from huurdersgroep_app.core.services.meetings import lifecycle
from huurdersgroep_app.core.services.meetings import views as meeting_views
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members import views as member_views
from huurdersgroep_app.core.services.privacy import views as privacy_views
from huurdersgroep_app.core.services.settings import views as settings_views
from orm_walk import orm_objects


def test_settings_are_read_as_plain_values(db):
    with db.transaction() as s:
        organisation.set_setting(s, organisation.LANDLORD_ADDRESS_SETTING, {"street": "Kaai", "city": "Gent"})
    with db.reading() as s:
        view = settings_views.read_settings(s)
        org_orm = organisation.get_organisation(s)
    assert orm_objects(view) == [] and orm_objects([org_orm]) != []  # the walk would see the row
    assert view.details["name"] == "Huurdersgroep De Linde" and view.details["house_number"] == "12"
    assert view.details["landlord_street"] == "Kaai" and view.details["landlord_city"] == "Gent"
    assert view.region == "vlaanderen" and view.logo is None and view.term_years > 0


def test_meeting_group_and_privacy_readers_hold_no_rows(db):
    with db.transaction() as s:
        ann = members.add_member(s, members.MemberInput(first_name="Ann", last_name="Peeters",
                                                        joined_on=date(2020, 1, 1))).id
        meeting = lifecycle.create_meeting(s, lifecycle.MeetingInput(
            "board", date.today(), "19:00", "", "Bestuur", "Buurthuis", ann, None, "board", "")).id
    with db.reading() as s:
        results = [meeting_views.read_choices(s, meeting), meeting_views.read_choices(s, None),
                   meeting_views.owner_choices(s), meeting_views.read_meeting_list(s, None, None),
                   meeting_views.read_meetings_snapshot(s, shown=2), member_views.read_group_snapshot(s),
                   privacy_views.read_counts(s), funding_views.read_page(s, None, date.today().year),
                   funding_views.funder_form(s, None), funding_views.grant_form(s, None)]
    assert orm_objects(results) == []
    choices = results[0]
    assert [mid for mid, _label in choices.members] == [ann] and choices.current.title == "Bestuur"
    assert results[3].years[0] >= date.today().year
    assert results[5].group == "Huurdersgroep De Linde"
    assert results[6].past_retention == 0 and results[6].without_consent >= 0


def test_member_signal_privacy_and_contact_readers_hold_no_rows(db):
    from huurdersgroep_app.core.services import contacts
    from huurdersgroep_app.core.services.signals import signals
    from huurdersgroep_app.core.services.signals import views as signal_views

    with db.transaction() as s:
        ann = members.add_member(s, members.MemberInput(first_name="Ann", last_name="Peeters",
                                                        joined_on=date(2020, 1, 1))).id
        partner = contacts.add_partner(s, contacts.PartnerInput(name="Woonmaatschappij", kind="landlord")).id
        person = contacts.add_contact(s, contacts.ContactInput(partner_id=partner, last_name="Janssens",
                                                               start_on=date(2024, 1, 1))).id
        signal = signals.add_signal(s, signals.SignalInput(reported_on=date.today(), category="repairs",
                                                           description="Lekkend dak")).id
    with db.reading() as s:
        results = [member_views.read_member_page(s), member_views.member_form(s, ann),
                   member_views.member_form(s, None), member_views.office_choices(s),
                   privacy_views.read_consent_log(s, ann), privacy_views.read_view(s),
                   privacy_views.read_preview(s, ann), contacts.contact_form(s, person, None),
                   contacts.partner_form_input(s, partner), contacts.contact_form_input(s, person),
                   signal_views.follow_up(s, signal), signal_views.contact_choices(s), signal_views.open_dossiers(s),
                   signal_views.signal_form(s, signal)]
    assert orm_objects(results) == []
    assert results[1].current.last_name == "Peeters" and results[4][0] == "Ann Peeters"
    assert results[7][0].last_name == "Janssens" and results[7][1] == [(partner, "Woonmaatschappij")]
    assert results[10].status == "open" and results[13][0].description == "Lekkend dak"


def test_advice_document_and_bank_preview_readers_hold_no_rows(db):
    from huurdersgroep_app.core.services.advices import views as advice_views
    from huurdersgroep_app.core.services.documents import views as document_views

    with db.reading() as s:
        results = [advice_views.form_choices(s), advice_views.landlord_choices(s), document_views.read_snapshot(s),
                   organisation.group_name(s)]
    assert orm_objects(results) == []
    assert results[1] == ([], None) and results[3] == "Huurdersgroep De Linde"
    assert results[2].funders == [] and date.today().year in results[2].years
