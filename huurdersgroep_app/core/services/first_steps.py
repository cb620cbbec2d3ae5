"""The first steps of a new group: the five things to set up before its year can run — a board,
complexes with their dwellings, members, a bank account with its opening balance, the landlord's
address — each ticked from what the file holds (never from a click in the guide), so the guide
is right however the user did it (by hand, an import, the command line)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Complex, Member
from huurdersgroep_app.core.db.models.contacts import Partner
from huurdersgroep_app.core.db.models.finance import Account, OpeningBalance
from huurdersgroep_app.core.services.members.board import current_offices
from huurdersgroep_app.core.services.organisation import landlord_address_lines
from huurdersgroep_app.i18n import N_, _

STEPS = (
    ("board", N_("The board"), N_("Give the board offices: chair, secretary, treasurer.")),
    ("complexes", N_("Complexes and their dwellings"),
     N_("The buildings the group works for, each with its number of dwellings (for the reach and the funding).")),
    ("members", N_("Members"), N_("Add the members by hand or import them from a spreadsheet.")),
    ("bank", N_("Bank account and opening balance"),
     N_("The group's bank account with what it held on 1 January, so the books start right.")),
    ("landlord", N_("The landlord's address"), N_("So that advice letters are addressed.")),
)


@dataclass(frozen=True)
class FirstStep:
    key: str
    label: str
    explanation: str
    done: bool


def first_steps(session: Session, today: date | None = None) -> list[FirstStep]:
    done = {
        "board": bool(current_offices(session, today or date.today())),
        "complexes": session.scalar(select(exists().where(Complex.dwellings > 0))),
        "members": session.scalar(select(exists().where(Member.id.is_not(None)))),
        "bank": session.scalar(select(exists().where(
            Account.kind == "bank", OpeningBalance.account_id == Account.id))),
        # the group's note of the address, or a landlord among the contacts with one
        "landlord": bool(landlord_address_lines(session)) or session.scalar(select(exists().where(
            Partner.kind == "landlord", Partner.street != ""))),
    }
    return [FirstStep(key, _(label), _(explanation), bool(done[key])) for key, label, explanation in STEPS]


def all_done(session: Session, today: date | None = None) -> bool:
    return all(step.done for step in first_steps(session, today))
