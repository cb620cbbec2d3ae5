"""The privacy statement template: the group's own statement, filled in from its details and
its retention policy, to publish as a version members are shown when they consent."""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import addresses
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.core.services.privacy.register import processing_activities
from huurdersgroep_app.i18n import _


def statement_sections(session: Session) -> list[tuple[str, str]]:
    """(heading, text) pairs of the template, in the current language."""
    org = get_organisation(session)
    street = addresses.street_line(org.street, org.house_number, org.box, postcode=org.postcode,
                                   default_country=addresses.region_country(org.region))
    address = ", ".join(x for x in (street, f"{org.postcode} {org.city}".strip()) if x)
    reach = " · ".join(x for x in (address, org.email, org.phone) if x) or _("(the group's address)")
    authority = rule_profile(session).get("privacy", "supervisory_authority", "")
    activities = processing_activities(session)

    def listed(text_of) -> str:
        # '{label}: ' is translated: French writes 'Gestion des membres : …' with its no-break space.
        return "\n".join("• " + _("{label}: ").format(label=a.name) + text_of(a) for a in activities)

    what = listed(lambda a: a.data)
    why = listed(lambda a: f"{a.purpose} {a.legal_basis}")
    how_long = listed(lambda a: a.retention)
    who = listed(lambda a: a.access)
    return [
        (_("Who we are"), _("{group} is responsible for the personal data described here. You can reach us at: "
                            "{reach}.").format(group=org.name, reach=reach)),
        (_("What we keep"), what),
        (_("Why, and on what ground"), why),
        (_("How long"), how_long),
        (_("Who has access"), who + "\n" + _("We do not sell or give your data to anyone else. We pass it on only "
                                             "where the law requires it or you agreed to it.")),
        (_("Your rights"), _("You may see all data we hold about you (we answer within a month), have it corrected, "
                             "have it removed where we are not required to keep it, withdraw a consent at any time, "
                             "and object to its use. Ask any board member.")),
        (_("Complaints"), _("If you are not satisfied with our answer, you may complain to the supervisory "
                            "authority: {authority}.").format(authority=authority or "—")),
    ]


def statement_text(session: Session) -> str:
    """The template as one text, as it is stored when published."""
    return "\n\n".join(f"{heading}\n{text}" for heading, text in statement_sections(session))
