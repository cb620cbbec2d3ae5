"""The demo group's funders: the landlord's participation budget and the city's subsidy, each with
its conditions (the Flemish defaults; the city adds words of its own regulation), the evidence a
secretary would add, last year's accountability filed, last year's kascommissie and the year plans.

One gap is left on purpose, so a new user sees what one looks like: next year's budget is still a
draft, so "a budget for next year approved" is not met in the current year.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.contacts import Partner
from huurdersgroep_app.core.db.models.finance_plans import Funder, Grant
from huurdersgroep_app.core.demo import DemoContext
from huurdersgroep_app.core.services.finance import categories
from huurdersgroep_app.core.services.funding import conditions, grants, records, texts

ORDER = 50

IBANS = {"landlord": "BE33091012233446", "municipality": "BE83068888877715"}
CITY_RULE = ("Het reglement vraagt bij de aanvraag een werkingsverslag met foto's van de activiteiten en een "
             "bewijs van de bekendmaking in de wijk.")
NEWSLETTER = "Bewonersblad nr. {n} ({year}) in alle brievenbussen van de wijken"
LANDLORD_CATEGORIES = ("meeting_rooms", "communication", "training", "printing", "refreshments")
CITY_CATEGORIES = ("activities", "communication", "materials")


def populate(session: Session, demo: DemoContext) -> None:
    today = demo.today
    previous, current = today.year - 1, today.year
    cat = {c.code: c.id for c in categories.list_categories(session)}
    partners = {p.kind: p.id for p in session.scalars(select(Partner).order_by(Partner.id))
                if p.kind in ("landlord", "municipality")}
    for funder in session.scalars(select(Funder).order_by(Funder.id)):
        funder.iban = IBANS.get(funder.kind, "")
        funder.partner_id = partners.get(funder.kind, funder.partner_id)
        made = conditions.copy_profile_conditions(session, funder.id)
        wanted = LANDLORD_CATEGORIES if funder.kind == "landlord" else CITY_CATEGORIES
        for grant in session.scalars(select(Grant).where(Grant.funder_id == funder.id).order_by(Grant.year)):
            grants.set_eligible_categories(session, grant.id, [cat[c] for c in wanted if c in cat])
            if funder.kind == "municipality":
                grant.application_deadline = date(grant.year, 2, 1)
                grant.applied_on = date(grant.year, 1, 24)
                grant.deadline = date(grant.year + 1, 5, 31)
            if grant.year == previous:
                filed = min(today, date(current, 3, 10) if funder.kind == "landlord" else date(current, 3, 20))
                if filed < today:
                    grants.record_accountability(session, grant.id, filed)
        if funder.kind == "municipality":
            made.append(conditions.add_condition(session, funder.id, "confirm", text=CITY_RULE))
        _evidence(session, made, previous, current, today)
    _kascommissie(session, demo, previous, current)
    _year_plans(session, demo, cat, current)
    _year_texts(session, previous)


def _year_texts(session: Session, year: int) -> None:
    """Last year's free texts, as a secretary writes them for the activity report and the dossier."""
    texts.set_year_texts(
        session, year,
        foreword="Een jaar waarin we als huurdersgroep zichtbaarder werden: meer bewoners op onze vergaderingen, "
                 "een vast overleg met de woonmaatschappij en een bewonersblad dat in alle wijken gelezen wordt.",
        highlights="Het buurtfeest in juni bracht meer dan honderd bewoners samen.\n\nNa onze signalen over vocht "
                   "startte de woonmaatschappij een onderzoek in Hoogbouw Zwingelaar.",
        plans="Volgend jaar willen we de jongere huurders bereiken en een werkgroep rond energie starten.",
        # Not about whom to ask: the letter closes with that already, and said it twice.
        cover_note="Dit jaar verscheen ons bewonersblad voor het eerst twee keer in alle wijken.")


def _evidence(session: Session, made, previous: int, current: int, today: date) -> None:
    """What the secretary confirmed: the newsletters, openness to all tenants, the city's own words."""
    for condition in made:
        for year in (previous, current):
            on = min(today, date(year, 4, 2))
            if condition.check == "tenants_informed":
                note = "; ".join(NEWSLETTER.format(n=n, year=year) for n in (1, 2))
            elif condition.check == "open_to_all_tenants":
                note = "Statuten art. 4: elke huurder van de woonmaatschappij kan lid worden; inschrijvingsformulier."
            elif condition.check == "board_chosen_by_tenants":
                note = "Verslagen van de jaarvergaderingen van vóór de app, in de map van de secretaris."
            elif condition.check == "confirm":
                note = "Werkingsverslag met foto's bij de aanvraag gevoegd."
            else:
                continue
            if on <= today and (year < current or on < today):
                conditions.add_evidence(session, condition.id, year, note, confirmed_on=on)


def _kascommissie(session: Session, demo: DemoContext, previous: int, current: int) -> None:
    """Last year's books were checked by two members who are not on the board."""
    board = records.board_member_ids_in_year(session, previous)
    ids = [m for m in (demo.shared.get("member_ids") or session.scalars(select(Member.id).order_by(Member.id)))
           if m not in board]
    people = [m for m in ids if session.get(Member, m).is_tenant][:2]
    checked = min(demo.today, date(current, 2, 24))
    if len(people) == 2:
        records.set_audit_committee(
            session, previous, people, checked if checked < demo.today else None,
            "Kasboek, bankafschriften, bewijsstukken en de inventaris van de kas nagekeken.",
            "De boeken zijn in orde; drie kleine uitgaven zonder kasticket werden toegelicht.", approved=True)


def _year_plans(session: Session, demo: DemoContext, cat: dict, current: int) -> None:
    """This year's plan (approved) and next year's, both with activities linked to budget lines."""
    lines = (("Vier bewonersbladen", "communication"), ("Vorming huurdersrechten voor het bestuur", "training"),
             ("Buurtfeest in juni", "activities"), ("Open bewonersavond in oktober", "meeting_rooms"))
    for year, approved in ((current, min(demo.today, date(current, 3, 28))), (current + 1, None)):
        records.set_year_plan(session, year, "De stem van de huurders laten horen bij de woonmaatschappij en meer "
                              "bewoners betrekken bij de werking.", approved if approved and approved < demo.today
                              else None)
        for text, code in lines:
            records.add_plan_line(session, year, text, category_id=cat.get(code))
