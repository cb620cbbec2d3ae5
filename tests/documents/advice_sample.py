"""The sample group with a landlord, advice dossiers in several states and signals, one of them
confidential. A plain module so the document and CLI tests share it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.advices import dossiers as a
from huurdersgroep_app.core.services.advices import steps
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.signals import signals as sig

from sample_group import build_group

# Nothing of this may ever reach a shared document.
SECRET_TEXT = "Bewoner wordt bedreigd door buurman Kurtuluş"
SECRET_NAME = "Mevrouw Geheimhouder"
BODY = ("On 2 March you asked our advice on the new central heating.\n\n"
        "The tenants support it, on condition that the works happen outside the heating season.")
YEAR_START, YEAR_END = date(2026, 1, 1), date(2026, 12, 31)


@dataclass
class AdviceSample:
    members: dict[str, int]
    complex_ids: dict[str, int]
    advice_ids: dict[str, int] = field(default_factory=dict)
    signal_ids: dict[str, int] = field(default_factory=dict)
    director_id: int = 0


def build_advice_group(db) -> AdviceSample:
    group = build_group(db)
    sample = AdviceSample(group.active, group.complex_ids)
    rabot, westveld = group.complex_ids["Rabot"], group.complex_ids["Westveld"]
    with db.transaction() as s:
        landlord = contacts.add_partner(s, contacts.PartnerInput(
            name="Woonmaatschappij Gent", kind="landlord", street="Kortrijksesteenweg", house_number="100",
            postcode="9000", city="Gent"))
        director = contacts.add_contact(s, contacts.ContactInput(
            partner_id=landlord.id, first_name="An", last_name="Peeters", department="management", role="Director",
            start_on=date(2020, 1, 1)))
        tech = contacts.add_contact(s, contacts.ContactInput(partner_id=landlord.id, first_name="Jan",
                                                             last_name="Claes", department="technical_service"))
        sample.director_id = director.id
        heating = a.create_advice(s, a.AdviceInput(title="New central heating in Rabot", topic="maintenance",
                                                   scope="one_complex", complex_ids=[rabot],
                                                   requested_on=date(2026, 3, 2)))
        steps.save_draft(s, heating.id, "An early draft that was replaced.", on=date(2026, 3, 5))
        steps.save_draft(s, heating.id, BODY, on=date(2026, 3, 9))
        steps.approve(s, heating.id, date(2026, 3, 20), "Board meeting of 20 March")
        steps.mark_sent(s, heating.id, date(2026, 3, 23))
        steps.record_reply(s, heating.id, "partly", date(2026, 4, 2), reasons="The budget allows one complex a year",
                       planning="Rabot in 2027")
        sample.advice_ids["heating"] = heating.id
        cleaning = a.create_advice(s, a.AdviceInput(title="Cleaning of the stairwells", topic="service_costs",
                                                    requested_on=date(2026, 4, 6)))
        steps.save_draft(s, cleaning.id, "We agree with a cleaning company.", on=date(2026, 4, 10))
        steps.approve(s, cleaning.id, date(2026, 4, 15))
        steps.mark_sent(s, cleaning.id, date(2026, 4, 16))  # the reply is due 30 April and never came
        sample.advice_ids["cleaning"] = cleaning.id
        old = a.create_advice(s, a.AdviceInput(title="Rent calculation of last year", topic="rent",
                                               requested_on=date(2025, 3, 3)))
        steps.save_draft(s, old.id, "Text", on=date(2025, 3, 10))
        steps.approve(s, old.id, date(2025, 3, 20))
        steps.mark_sent(s, old.id, date(2025, 3, 21))
        sample.advice_ids["old"] = old.id
        rules = a.create_advice(s, a.AdviceInput(title="New house rules", topic="house_rules",
                                                 requested_on=date(2026, 5, 4)))
        sample.advice_ids["rules"] = rules.id

        def signal(key, **kw):
            data = dict(reported_on=date(2026, 2, 1), category="damp_mould", description="Mould in the bathroom",
                        complex_id=rabot)
            data.update(kw)
            sample.signal_ids[key] = sig.add_signal(s, sig.SignalInput(**data)).id

        signal("named", reporter_kind="member", member_id=group.active["Jan Van den Broeck"], complex_id=westveld,
               description="Jan Van den Broeck reports mould, Land van Waaslaan 7 bus 2, since winter")
        signal("neighbour", reporter_kind="non_member", reporter_name="Karim Bouzid", category="nuisance",
               description="Karim Bouzid hears noise at night", street="Kerkstraat", house_number="12")
        signal("heating", category="heating", description="Radiators stay cold", scope="collective",
               reported_on=date(2026, 3, 1))
        signal("secret", reporter_kind="non_member", reporter_name=SECRET_NAME, category="safety",
               description=SECRET_TEXT, confidential=True, street="Geheimstraat", house_number="5")
        signal("last_year", description="Leaking roof last year", category="repairs", reported_on=date(2025, 6, 1))
        for key in ("heating", "secret"):
            sig.forward_signal(s, sample.signal_ids[key], date(2026, 3, 3), tech.id)
        meeting = meetings.create_meeting(s, meetings.MeetingInput(
            type="consultation", scheduled_on=date(2026, 2, 10), title="Consultation February",
            contact_ids=[director.id]))
        agenda.add_item(s, meeting.id, agenda.AgendaItemInput(title="Planning of the heating works"))
        meetings.set_meeting_status(s, meeting.id, "held", today=date(2026, 6, 1))
        minutes.add_decision(s, meeting.id, minutes.DecisionInput(text="The landlord sends the heating plan by March."))
    return sample
