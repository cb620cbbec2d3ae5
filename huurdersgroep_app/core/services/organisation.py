"""The group: create it, read and change its details and settings, its rule profile."""
from __future__ import annotations

import json
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Organisation, Setting
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError
from huurdersgroep_app.core.rules import REGIONS, RuleProfile, load_profile
from huurdersgroep_app.core.rules.profiles import REGION_LABELS  # noqa: F401 - re-exported for the forms
from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.i18n import SUPPORTED_LANGUAGES, _


@dataclass
class OrganisationInput:
    name: str
    region: str
    language: str = ""
    landlord_name: str = ""
    street: str = ""
    house_number: str = ""
    box: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    iban: str = ""
    registration_number: str = ""
    # The landlord's postal address, so an advice letter without a named contact is still addressed.
    landlord_street: str = ""
    landlord_house_number: str = ""
    landlord_box: str = ""
    landlord_postcode: str = ""
    landlord_city: str = ""


# Kept as a setting (not columns of the group) so that adding it needed no change of the file's schema.
LANDLORD_ADDRESS_SETTING = "landlord.address"
LANDLORD_ADDRESS_FIELDS = ("landlord_street", "landlord_house_number", "landlord_box", "landlord_postcode",
                           "landlord_city")


def _validated(data: OrganisationInput) -> dict:
    problems: dict[str, str] = {}
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values = {k: (val.strip() if isinstance(val, str) else val) for k, val in values.items()}
    if not values["name"]:
        problems["name"] = _("The name of the group is required.")
    if values["region"] not in REGIONS:
        problems["region"] = _("Choose a region: Flanders, the Netherlands or Brussels.")
        country = "BE"
    else:
        profile = load_profile(values["region"])
        country = profile.country
        values["language"] = values["language"] or profile.default_language
    if values["language"] and values["language"] not in SUPPORTED_LANGUAGES:
        problems["language"] = _("Unsupported language '{value}'.").format(value=values["language"])
    for key, check in (("email", v.clean_email), ("iban", v.clean_iban)):
        try:
            values[key] = check(values[key])
        except v.FieldError as exc:
            problems[key] = str(exc)
    for key, check in (("phone", v.clean_phone), ("postcode", v.clean_postcode),
                       ("landlord_postcode", v.clean_postcode)):
        try:
            values[key] = check(values[key], country)
        except v.FieldError as exc:
            problems[key] = str(exc)
    if problems:
        raise ValidationError(problems)
    return values


def create_organisation(session: Session, data: OrganisationInput, logo: bytes | None = None,
                        logo_mime: str = "") -> Organisation:
    if session.scalar(select(Organisation.id)) is not None:
        raise DomainError(_("This file already holds a group. Create a new file for another group."))
    values = _validated(data)
    landlord = {key: values.pop(key) for key in LANDLORD_ADDRESS_FIELDS}
    org = Organisation(**values, logo=logo, logo_mime=logo_mime)
    session.add(org)
    session.flush()
    _store_landlord_address(session, landlord)
    # A new group can book money from the first click: its categories exist in the same transaction.
    # (Imported here: reading the group's name must not load the finance models, see core.db.models.)
    from huurdersgroep_app.core.services.finance.categories import ensure_default_categories

    ensure_default_categories(session, rule_profile(session))
    return org


def get_organisation(session: Session) -> Organisation:
    org = session.scalar(select(Organisation))
    if org is None:
        raise NotFoundError(_("This file holds no group yet."))
    return org


def has_organisation(session: Session) -> bool:
    return session.scalar(select(Organisation.id)) is not None


def update_organisation(session: Session, data: OrganisationInput) -> Organisation:
    org = get_organisation(session)
    values = _validated(data)
    _store_landlord_address(session, {key: values.pop(key) for key in LANDLORD_ADDRESS_FIELDS})
    for key, value in values.items():
        setattr(org, key, value)
    return org


def _store_landlord_address(session: Session, values: dict) -> None:
    stored = {key.removeprefix("landlord_"): value for key, value in values.items() if value}
    if stored or get_setting(session, LANDLORD_ADDRESS_SETTING) is not None:
        set_setting(session, LANDLORD_ADDRESS_SETTING, stored)


def landlord_address(session: Session) -> dict[str, str]:
    """The landlord's address as the forms show it: {"landlord_street": …, …}, empty strings when unknown."""
    stored = get_setting(session, LANDLORD_ADDRESS_SETTING) or {}
    return {key: stored.get(key.removeprefix("landlord_"), "") for key in LANDLORD_ADDRESS_FIELDS}


def landlord_address_lines(session: Session) -> tuple[str, ...]:
    """The address lines under the landlord's name on a letter: street and number, postcode and city."""
    a = landlord_address(session)
    street = addresses.street_line(a["landlord_street"], a["landlord_house_number"], a["landlord_box"],
                                   postcode=a["landlord_postcode"], default_country=country(session))
    place = " ".join(x for x in (a["landlord_postcode"], a["landlord_city"]) if x)
    return tuple(x for x in (street, place) if x)


def set_logo(session: Session, logo: bytes | None, mime: str = "") -> None:
    org = get_organisation(session)
    org.logo, org.logo_mime = logo, mime if logo else ""


def get_setting(session: Session, key: str, default=None):
    row = session.get(Setting, key)
    return json.loads(row.value) if row else default


def set_setting(session: Session, key: str, value) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False, default=str)
    if row:
        row.value = text
    else:
        session.add(Setting(key=key, value=text))


def rule_profile(session: Session) -> RuleProfile:
    org = get_organisation(session)
    return load_profile(org.region, get_setting(session, "rules.overrides", {}))


def set_rule_override(session: Session, section: str, key: str, value) -> None:
    overrides = dict(get_setting(session, "rules.overrides", {}))
    overrides[f"{section}.{key}"] = value
    set_setting(session, "rules.overrides", overrides)


def country(session: Session) -> str:
    return rule_profile(session).country


def group_name(session: Session) -> str:
    """The group's name (as a folder and a title use it)."""
    return get_organisation(session).name
