"""The demo's contacts register, six advice dossiers in different states and about 80 signals.

Everything goes through the services, so the demo obeys the same rules as a user's input. Dates
are relative to ``demo.today``; the texts are Flemish Dutch, as the demo group writes them.
Leaves ``demo.shared["landlord_contact_ids"]`` and ``["advice_ids"]`` for later areas.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.members import Complex, Member
from huurdersgroep_app.core.demo import DemoContext
from huurdersgroep_app.core.demo.advices_signals import populate_signals
from huurdersgroep_app.core.services import contacts as c
from huurdersgroep_app.core.services.advices import actions as advice_actions
from huurdersgroep_app.core.services.advices import dossiers as a
from huurdersgroep_app.core.services.advices import steps
from huurdersgroep_app.core.services.signals import register as signal_register

ORDER = 30

# (organisation, kind, street, number, postcode, city, phone, e-mail,
#  [(first, last, department, role, phone, email, started years ago, ended years ago or None)])
PARTNERS = (
    ("Woonmaatschappij Vlasland", "landlord", "Leiestraat", "90", "8500", "Kortrijk", "056 24 80 00",
     "info@vlasland.example", (
         ("Luc", "Vanhoutte", "management", "Directeur", "", "", 14, 6),
         ("Katrien", "Desmet", "management", "Directeur", "056 24 80 01", "katrien.desmet@vlasland.example", 6, None),
         ("Sofie", "Vandamme", "management", "Coördinator huurdersparticipatie", "056 24 80 12",
          "sofie.vandamme@vlasland.example", 4, None),
         ("Hanne", "Vercruysse", "social_service", "Maatschappelijk werker", "056 24 80 30",
          "hanne.vercruysse@vlasland.example", 5, None),
         ("Dirk", "Maes", "technical_service", "Hoofd technische dienst", "", "", 12, 2),
         ("Kevin", "Deprez", "technical_service", "Hoofd technische dienst", "056 24 80 40",
          "kevin.deprez@vlasland.example", 2, None),
         ("Bart", "Lefever", "technical_service", "Wijkonderhoud", "0472 55 18 90", "bart.lefever@vlasland.example",
          7, None),
     )),
    ("Stad Kortrijk", "municipality", "Grote Markt", "54", "8500", "Kortrijk", "056 27 80 00",
     "wonen@kortrijk.example", (
        ("Annelies", "Debaene", "Dienst Wonen", "Woonambtenaar", "056 27 81 10", "annelies.debaene@kortrijk.example",
         3, None),
    )),
    ("Huurdersbond West-Vlaanderen", "tenants_union", "Brugsesteenweg", "3", "8500", "Kortrijk", "056 21 30 40",
     "kortrijk@huurdersbond.example", (
         ("Pieter", "Claeys", "", "Consulent", "056 21 30 41", "pieter.claeys@huurdersbond.example", 8, None),
     )),
    ("CAW Zuid-West-Vlaanderen", "welfare", "Kasteelstraat", "11", "8500", "Kortrijk", "056 25 60 00",
     "onthaal@caw.example", (
         ("Nadia", "El Amrani", "", "Welzijnswerker buurtwerking", "056 25 60 18", "nadia.elamrani@caw.example",
          4, None),
     )),
    ("Netwerk Huurdersparticipatie Zuid-West-Vlaanderen", "umbrella", "", "", "8500", "Kortrijk", "",
     "netwerk@huurdersparticipatie.example", ()),
)


def populate(session: Session, demo: DemoContext) -> None:
    today = demo.today
    people = _contacts(session, today)
    director = people["Desmet"]
    c.set_default_addressee(session, director.id)
    complex_ids = demo.shared.get("complex_ids") or list(session.scalars(select(Complex.id).order_by(Complex.id)))
    member_ids = demo.shared.get("member_ids") or list(session.scalars(select(Member.id).order_by(Member.id)))
    names = {cid: session.get(Complex, cid).name for cid in complex_ids}
    made = _dossiers(session, today, complex_ids, names, people)
    signal_ids = populate_signals(session, demo, complex_ids, member_ids, people)
    # The twelve damp signals of the second complex started the own-initiative dossier.
    signal_register.link_signals(session, signal_ids["damp_cluster"], made["damp"].id, on=made["damp"].requested_on)
    signal_register.link_signals(session, signal_ids["lifts"], made["lifts"].id, on=made["lifts"].requested_on)
    demo.shared["landlord_contact_ids"] = [x.id for x in c.landlord_contacts(session, today)]
    demo.shared["advice_ids"] = [x.id for x in made.values()]


def _contacts(session: Session, today: date) -> dict[str, object]:
    people = {}
    for name, kind, street, number, postcode, city, phone, email, staff in PARTNERS:
        partner = c.add_partner(session, c.PartnerInput(name=name, kind=kind, street=street, house_number=number,
                                                        postcode=postcode, city=city, phone=phone, email=email))
        for first, last, department, role, p, e, since, until in staff:
            start = date(today.year - since, 9, 1)
            end = date(today.year - until, 9, 1) if until is not None else None
            people[last] = c.add_contact(session, c.ContactInput(
                partner_id=partner.id, first_name=first, last_name=last, department=department, role=role,
                phone=p, email=e, start_on=start, end_on=end))
    return people


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _dossiers(session: Session, today: date, complex_ids: list[int], names: dict, people: dict) -> dict:
    ago = lambda days: today - timedelta(days=days)  # noqa: E731 - reads like the dates in a dossier
    made = {}
    # 1. Rent calculation: asked, followed, closed.
    rent = a.create_advice(session, a.AdviceInput(
        title="Nieuwe berekening van de huurprijs", topic="rent", requested_on=ago(300)))
    steps.save_draft(session, rent.id, _body(
        "U vroeg ons advies over de nieuwe berekening van de huurprijs die vanaf volgend jaar geldt.",
        "De huurdersgroep vraagt om elke huurder een persoonlijke brief te sturen met de oude en de nieuwe "
        "huurprijs, de berekening in begrijpelijke taal en een telefoonnummer voor vragen."), on=ago(290))
    steps.save_draft(session, rent.id, _body(
        "U vroeg ons advies over de nieuwe berekening van de huurprijs die vanaf volgend jaar geldt.",
        "De huurdersgroep vraagt om elke huurder een persoonlijke brief te sturen met de oude en de nieuwe "
        "huurprijs, de berekening in begrijpelijke taal en een telefoonnummer voor vragen.",
        "Daarnaast vragen wij een zitdag in elke wijk, zodat huurders zonder computer hun berekening kunnen "
        "laten nalezen."), note="na bestuursvergadering", on=ago(283))
    steps.approve(session, rent.id, ago(280), "Bestuursvergadering, besluit 3")
    steps.mark_sent(session, rent.id, ago(278), people["Desmet"].id)
    steps.record_reply(session, rent.id, "followed", ago(266), planning="Brieven in november, zitdagen in december.")
    steps.close_advice(session, rent.id, ago(200))
    made["rent"] = rent
    # 2. Cleaning of common areas: asked, not followed, with action points.
    several = complex_ids[:2] if len(complex_ids) >= 2 else complex_ids
    cleaning = a.create_advice(session, a.AdviceInput(
        title="Schoonmaak gemeenschappelijke delen via servicekosten", topic="service_costs",
        scope="several" if len(several) > 1 else "whole_stock", complex_ids=several if len(several) > 1 else [],
        requested_on=ago(160)))
    steps.save_draft(session, cleaning.id, _body(
        "De huurdersgroep is het eens met een vaste schoonmaakfirma voor de traphallen.",
        "Wij adviseren wel om de kosten per blok te verdelen volgens de werkelijke prestaties en om elk jaar een "
        "overzicht van de gepresteerde uren te bezorgen."), on=ago(140))
    steps.record_consultation(session, cleaning.id, "Bewonersavond in het buurtlokaal: 31 aanwezigen, 26 voor het "
                                                "advies, 5 onthoudingen.", on=ago(130))
    steps.approve(session, cleaning.id, ago(125), "Bestuursvergadering, besluit 2")
    steps.mark_sent(session, cleaning.id, ago(123))
    steps.record_reply(session, cleaning.id, "not_followed", ago(110),
                   reasons="Een verdeling per blok vraagt te veel administratie; de kosten worden per complex "
                           "verdeeld.", planning="Evaluatie na het eerste jaar.")
    advice_actions.add_action(session, cleaning.id, "Uren van de schoonmaakfirma opvragen bij de afrekening",
                              "Secretaris", ago(20))
    done = advice_actions.add_action(session, cleaning.id, "Bewoners informeren in de nieuwsbrief", "Voorzitter",
                                     ago(95))
    advice_actions.set_action_done(session, done.id, ago(97))
    made["cleaning"] = cleaning
    # 3. Lifts: asked, sent, the landlord's reply is overdue.
    lifts = a.create_advice(session, a.AdviceInput(
        title=f"Vervanging van de liften in {names[complex_ids[0]]}", topic="maintenance", scope="one_complex",
        complex_ids=complex_ids[:1], requested_on=ago(75)))
    steps.save_draft(session, lifts.id, _body(
        "De huurdersgroep steunt de vervanging van beide liften.",
        "Tijdens de werken moet één lift altijd werken. Voor bewoners die slecht te been zijn vragen wij "
        "hulp bij boodschappen zolang er maar één lift is."), on=ago(50))
    steps.approve(session, lifts.id, ago(35), "Bestuursvergadering, besluit 1")
    steps.mark_sent(session, lifts.id, ago(30))
    made["lifts"] = lifts
    # 4. Renovation and moving out: asked, members being consulted.
    target = complex_ids[2] if len(complex_ids) > 2 else complex_ids[0]
    renovation = a.create_advice(session, a.AdviceInput(
        title=f"Renovatie en tijdelijke verhuis {names[target]}", topic="renovation", scope="one_complex",
        complex_ids=[target], requested_on=ago(25)))
    steps.save_draft(session, renovation.id, _body(
        "De huurdersgroep vraagt een vaste verhuisvergoeding en een wisselwoning in dezelfde wijk.",
        "Wij vragen ook een aanspreekpunt op de werf voor de hele duur van de werken."), on=ago(15))
    steps.record_consultation(session, renovation.id, "Enquête aan de deur bij 64 gezinnen; resultaten worden "
                                                  "verwerkt.", on=ago(8))
    made["renovation"] = renovation
    # 5. Damp and mould: own initiative, started from twelve signals.
    damp_complex = complex_ids[1] if len(complex_ids) > 1 else complex_ids[0]
    damp = a.create_advice(session, a.AdviceInput(
        title=f"Vocht en schimmel in {names[damp_complex]}", kind="own_initiative", topic="maintenance",
        scope="one_complex", complex_ids=[damp_complex], requested_on=ago(20),
        notes="Gestart na twaalf meldingen van vocht en schimmel."))
    steps.save_draft(session, damp.id, _body(
        "Sinds vorige winter kreeg de huurdersgroep twaalf meldingen van vocht en schimmel.",
        "Wij adviseren een onderzoek van de ventilatie in alle appartementen en een vaste termijn van "
        "vier weken voor herstellingen."), on=ago(6))
    made["damp"] = damp
    # 6. House rules: asked, incomplete information, due within two weeks.
    rules = a.create_advice(session, a.AdviceInput(
        title="Aanpassing huisreglement: fietsen en scooters in gemeenschappelijke ruimtes", topic="house_rules",
        requested_on=ago(34), information_complete=False,
        information_note="Het plan van de nieuwe fietsenberging ontbreekt nog."))
    steps.add_note(session, rules.id, "Plan van de fietsenberging opgevraagd bij de woonmaatschappij.", on=ago(30))
    made["rules"] = rules
    return made
