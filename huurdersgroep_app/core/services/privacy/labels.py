"""The words of the privacy tools: consent purposes and ways, and the name that replaces a person's."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.i18n import N_, _

PURPOSE_LABELS = {
    "registration": N_("Registration as a member"),
    "contact": N_("Being contacted by e-mail or phone"),
    "newsletter": N_("Receiving the newsletter"),
    "photos": N_("Photos in the group's publications"),
    "share_with_landlord": N_("Passing their signals on to the landlord with their name"),
}
WAY_LABELS = {
    "paper_form": N_("Signed paper form"),
    "email": N_("By e-mail"),
    "verbal": N_("Verbally, noted by the board"),
    "online_form": N_("Online form"),
    "other": N_("Other"),
}


def purpose_label(purpose: str) -> str:
    return _(PURPOSE_LABELS[purpose]) if purpose in PURPOSE_LABELS else purpose


def way_label(way: str) -> str:
    return _(WAY_LABELS[way]) if way in WAY_LABELS else way


def former_member_label(left_on: date | None) -> str:
    """What replaces an anonymised member's name: 'Former member 2019-07' (the month they left)."""
    if left_on is None:
        return _("Former member")
    return _("Former member {month}").format(month=f"{left_on.year:04d}-{left_on.month:02d}")


def former_contact_label(end_on: date | None) -> str:
    if end_on is None:
        return _("Former contact")
    return _("Former contact {month}").format(month=f"{end_on.year:04d}-{end_on.month:02d}")
