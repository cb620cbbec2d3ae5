"""The Settings page as the window shows it: the group's details, logo and habits as plain values,
read in one session (no Organisation row leaves it)."""
from __future__ import annotations

from dataclasses import dataclass
from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board, members

TEXT_FIELDS = ("name", "landlord_name", "street", "house_number", "box", "postcode", "city", "email", "phone", "iban",
               "registration_number")


@dataclass(frozen=True)
class SettingsView:
    details: dict[str, str]  # the group's text fields by name, the landlord's address among them
    region: str
    language: str  # the language of the group's documents
    logo: bytes | None
    term_years: int
    surname_sort: str
    next_meeting: str | None  # the stored date of the next annual meeting (ISO), if one is set


def read_settings(session: Session) -> SettingsView:
    org = organisation.get_organisation(session)
    details = {key: getattr(org, key) or "" for key in TEXT_FIELDS}
    details.update(organisation.landlord_address(session))
    return SettingsView(details, org.region, org.language, org.logo, int(board.term_years(session)),
                        members.surname_sort_mode(session),
                        organisation.get_setting(session, board.NEXT_ANNUAL_MEETING_SETTING))

