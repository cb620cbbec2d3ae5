"""The demo group's foundation: Huurdersgroep De Vlasbloem in Kortrijk, its complexes, members and board.

Everything goes through the same services a user's actions go through, so the demo obeys the
same validation rules. Deterministic for ``demo.rng``'s seed and ``demo.today``; the people are
invented (random combinations of common names), the streets and the landlord too; only the
city, its boroughs and their postcodes are real.

Leaves for later areas in ``demo.shared``: ``complex_ids``, ``member_ids`` (active today),
``board_member_ids`` (holding an office today), ``former_member_ids``, ``founded_on``,
``annual_meeting_days`` (past annual meetings, where the board was elected) and
``next_annual_meeting``.
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta

from sqlalchemy.orm import Session

from huurdersgroep_app.core.demo import DemoContext
from huurdersgroep_app.core.demo.foundation_board import BoardHistory, next_annual_meeting_day
from huurdersgroep_app.core.demo.foundation_names import SHOWCASE, Person, people
from huurdersgroep_app.core.demo.foundation_places import (COMPLEXES, LANDLINE_PREFIX, ORGANISATION_ADDRESS,
                                                           OTHER_STREETS, ComplexPlan, Dwelling)
from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members.address_ranges import AddressRange
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services import validation as v

ORDER = 10

GROUP_NAME = "Huurdersgroep De Vlasbloem"
LANDLORD = "Woonmaatschappij Vlasland"
MOBILE_PREFIXES = ("0460", "0465", "0466", "0467", "0468") + tuple(f"04{n}" for n in range(70, 100))
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")  # reserved: no mail reaches anybody
LEFT_REASONS = ("Verhuisd naar een andere gemeente", "Verhuisd naar een woonzorgcentrum", "Overleden",
                "Geen interesse meer", "Huurcontract beëindigd", "Verhuisd naar een private huurwoning")
CONSENT_FORM = "Inschrijvingsformulier ondertekend"
CONSENT_WAYS = ((CONSENT_FORM, 70), ("Per e-mail bevestigd", 10),
                ("Mondeling op de ledenvergadering, genoteerd in het verslag", 20))
GDPR_ROUND = "Toestemmingsformulier AVG-ronde 2018"
NOTES = ("Slechtziend: brieven in groot lettertype.", "Dochter helpt met het lezen van de post.",
         "Helpt bij het ronddragen van de nieuwsbrief.", "Bij voorkeur bellen na 17 uur.",
         "Kookt mee op het buurtfeest.", "Spreekt Frans en een beetje Nederlands.")


def populate(session: Session, demo: DemoContext) -> None:
    rng, today = demo.rng, demo.today
    founded_on = date(today.year - 10, rng.randint(9, 11), rng.randint(1, 28))
    _create_organisation(session, rng)
    next_meeting = next_annual_meeting_day(today)
    organisation.set_setting(session, board.NEXT_ANNUAL_MEETING_SETTING, next_meeting.isoformat())

    plans = COMPLEXES
    made = [complexes.add_complex(session, p.name, len(p.dwellings()), code=p.code, address=p.address,
                                  postcode=p.postcode, city=p.city, notes=p.notes,
                                  ranges=[AddressRange(*r, postcode=p.postcode) for r in p.ranges()]) for p in plans]
    free = {p.code: p.dwellings() for p in plans}

    cast = people(rng, demo.members)
    non_tenants = max(1, round(len(cast) * 0.03)) if len(cast) >= 20 else 0
    joined = _joined_days(rng, len(cast), founded_on, today)
    leaving = _plan_leaving(rng, joined, today)
    weights = [p.engagement * len(free[p.code]) for p in plans]
    created = []
    for index, (person, joined_on) in enumerate(zip(cast, joined, strict=True)):
        home = None
        if index < len(cast) - non_tenants:
            place = rng.choices(range(len(plans)), weights=weights)[0]
            home = (plans[place], made[place].id, free[plans[place].code])
        left_on = leaving[index][0] if index in leaving else None
        data = _member_input(rng, person, joined_on, left_on, founded_on, today, home)
        created.append(members.add_member(session, data, allow_duplicate=True))

    leaving = {created[index].id: plan for index, plan in leaving.items()}
    history = BoardHistory(session, rng, created, leaving, founded_on, today)
    history.play()
    session.flush()

    demo.shared["organisation_name"] = GROUP_NAME
    demo.shared["complex_ids"] = [c.id for c in made]
    demo.shared["member_ids"] = [m.id for m in created if m.is_active(today)]
    demo.shared["former_member_ids"] = [m.id for m in created if not m.is_active(today)]
    demo.shared["board_member_ids"] = [o.member_id for o in board.current_offices(session, today)]
    demo.shared["founded_on"] = founded_on
    demo.shared["annual_meeting_days"] = list(history.meetings)
    demo.shared["next_annual_meeting"] = next_meeting


def _create_organisation(session: Session, rng: random.Random) -> None:
    from schwifty import IBAN

    street, number, postcode, city = ORGANISATION_ADDRESS
    iban = IBAN.generate("BE", bank_code=f"{rng.randint(1, 999):03d}", account_code=f"{rng.randint(0, 9999999):07d}")
    organisation.create_organisation(session, organisation.OrganisationInput(
        name=GROUP_NAME, region="vlaanderen", language="nl_BE", landlord_name=LANDLORD,
        street=street, house_number=number, postcode=postcode, city=city,
        email="info@devlasbloem.example", phone=_landline(rng), iban=iban.formatted,
        registration_number=enterprise_number(rng)))


def enterprise_number(rng: random.Random) -> str:
    """A Belgian enterprise number (of an invented vzw) whose last two digits are its mod-97 check."""
    base = rng.randint(7_000_000, 7_999_999)
    digits = f"{base:08d}{97 - base % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _joined_days(rng: random.Random, count: int, founded_on: date, today: date) -> list[date]:
    """About a quarter joined at the founding meeting; the others over the years since."""
    span = (today - timedelta(days=14) - founded_on).days
    return [founded_on if rng.random() < 0.25 else founded_on + timedelta(days=rng.randint(1, span))
            for _ in range(count)]


def _member_input(rng: random.Random, person: Person, joined_on: date, left_on: date | None, founded_on: date,
                  today: date,
                  home: tuple[ComplexPlan, int, list[Dwelling]] | None) -> members.MemberInput:
    if home is None:
        street, postcode, city = rng.choice(OTHER_STREETS)
        address = dict(street=street, house_number=str(rng.randint(1, 150)), postcode=postcode, city=city,
                       is_tenant=False, notes="Geen huurder; woont in de buurt en helpt bij activiteiten.")
    else:
        plan, complex_id, free = home
        # Each dwelling once while there are free ones; then a second member in the same household.
        dwelling = free.pop(rng.randrange(len(free))) if free else rng.choice(plan.dwellings())
        first_day = max(date(plan.built, 1, 1), today - timedelta(days=40 * 365))
        since = first_day + timedelta(days=rng.randint(0, max(0, (joined_on - first_day).days)))
        address = dict(street=dwelling.street, house_number=dwelling.house_number, box=dwelling.box,
                       postcode=plan.postcode, city=plan.city, complex_id=complex_id, dwelling=dwelling.code,
                       is_tenant=True, tenant_since=since, notes=rng.choice(NOTES) if rng.random() < 0.08 else "")
    draw = rng.random()
    phone = _mobile(rng) if draw < 0.70 else _landline(rng) if draw < 0.82 else ""
    email = _email(rng, person) if rng.random() < 0.35 else ""
    draw = rng.random()
    way = "email" if email and draw < 0.7 else "phone" if phone and draw > 0.88 else "letter"
    consent_on, consent_how = _consent(rng, joined_on, left_on or today, founded_on, email)
    return members.MemberInput(
        first_name=person.first_name, last_name=person.last_name, phone=phone, email=email,
        language=person.language, contact_way=way, joined_on=joined_on, consent_on=consent_on,
        consent_how=consent_how, **address)


def _consent(rng: random.Random, joined_on: date, member_until: date, founded_on: date,
             email: str) -> tuple[date, str]:
    # Members from before the GDPR were asked again in a round in June 2018.
    gdpr_round = date(2018, 6, 16)
    if founded_on < gdpr_round and joined_on < gdpr_round < member_until:
        return gdpr_round, GDPR_ROUND
    ways = [(way, weight) for way, weight in CONSENT_WAYS if email or "e-mail" not in way]
    return joined_on, rng.choices([w for w, _ in ways], weights=[n for _, n in ways])[0]


def _mobile(rng: random.Random) -> str:
    number = f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 999999):06d}"
    return v.clean_phone(number, "BE")


def _landline(rng: random.Random) -> str:
    while True:  # a few digit patterns are not in use; draw again (still deterministic)
        number = f"{LANDLINE_PREFIX}{rng.randint(2, 9)}{rng.randint(0, 99999):05d}"
        try:
            return v.clean_phone(number, "BE")
        except v.FieldError:
            continue


def _email(rng: random.Random, person: Person) -> str:
    first = re.sub(r"[^a-z]", "", names.fold(person.first_name))
    last = re.sub(r"[^a-z]", "", names.fold(person.last_name))
    local = rng.choice((f"{first}.{last}", f"{first}{last}", f"{last}.{first[:1]}", f"{first}{rng.randint(40, 99)}"))
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _plan_leaving(rng: random.Random, joined: list[date], today: date) -> dict[int, tuple[date, str]]:
    """About one in ten has left (by position in the cast); not the showcase members, who show
    the alphabets on the member lists."""
    candidates = [i for i in range(len(SHOWCASE), len(joined)) if joined[i] <= today - timedelta(days=200)]
    leaving = {}
    for index in sorted(rng.sample(candidates, min(len(candidates), round(len(joined) * 0.1)))):
        left_on = joined[index] + timedelta(days=rng.randint(180, (today - joined[index]).days - 1))
        leaving[index] = (left_on, rng.choice(LEFT_REASONS))
    return leaving
