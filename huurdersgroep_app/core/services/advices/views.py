"""The advice dossiers' forms as the window shows them: plain choices and inputs, read in one session."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices.dossiers import AdviceInput
from huurdersgroep_app.core.services.members import complexes


def form_choices(session: Session) -> tuple[list[str], list[tuple[int, str]]]:
    """The profile's topics and the complexes, read once for the form."""
    return advices.topics(session), [(c.id, c.name) for c in complexes.list_complexes(session)]


def landlord_choices(session: Session, on: date | None = None) -> tuple[list[tuple[int, str]], int | None]:
    """The landlord's people in their role today, and who receives the letters by default."""
    people = contacts.landlord_contacts(session, on)
    chosen = contacts.choose_addressee(session, on)
    return [(c.id, contacts.contact_label(c)) for c in people], chosen.id if chosen else None


def advice_form_input(session: Session, advice_id: int) -> AdviceInput:
    return advices.advice_input(advices.get_advice(session, advice_id))
