"""The signal register as the window shows it: plain rows, the complexes to filter on, and how many
days a signal may wait for an answer — nothing that holds a database object."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.members import complexes, members
from huurdersgroep_app.core.services.signals import register as signal_register
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.signals.register import SignalRow
from huurdersgroep_app.core.services.signals.signals import SignalInput


class RegisterView(NamedTuple):
    rows: list[SignalRow]
    places: list[tuple[int, str]]  # (complex id, name) for the filter
    unanswered_days: int


def read_register(session: Session) -> RegisterView:
    return RegisterView(signal_register.signal_rows(session),
                        [(c.id, c.name) for c in complexes.list_complexes(session)], signals.unanswered_days(session))


@dataclass(frozen=True)
class FollowUp:
    status: str
    reported_on: date
    forwarded_on: date | None
    forwarded_to: str
    answer: str
    answered_on: date | None
    resolved_on: date | None
    advice_reference: str


def follow_up(session, signal_id: int) -> FollowUp:
    s = signals.get_signal(session, signal_id)
    return FollowUp(s.status, s.reported_on, s.forwarded_on, contacts.contact_label(s.forwarded_to), s.answer,
                    s.answered_on, s.resolved_on, s.advice.reference if s.advice else "")


def contact_choices(session) -> tuple[list[tuple[int, str]], int | None]:
    """Everyone in a role today, the landlord's people first; the letters' addressee by default."""
    people = sorted(contacts.list_contacts(session), key=lambda c: c.partner.kind != "landlord")
    chosen = contacts.choose_addressee(session)
    return [(c.id, contacts.contact_label(c)) for c in people], chosen.id if chosen else None


def open_dossiers(session: Session) -> list[tuple[int, str]]:
    return [(r.id, f"{r.reference} – {r.title}") for r in advices.advice_rows(session, open_only=True)]


def signal_form(session: Session, signal_id: int | None):
    """The signal to change (or a new one), the members to choose from and the complexes."""
    current = signals.signal_input(signals.get_signal(session, signal_id)) if signal_id else \
        SignalInput(reported_on=date.today(), category="repairs", description="")
    people = members.member_choices(session, active_only=False)
    return current, people, [(c.id, c.name) for c in complexes.list_complexes(session)]
