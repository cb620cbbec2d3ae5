"""The signal register as the window shows it: plain rows, the complexes to filter on, and how many
days a signal may wait for an answer — nothing that holds a database object."""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.signals import register as signal_register
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.signals.register import SignalRow


class RegisterView(NamedTuple):
    rows: list[SignalRow]
    places: list[tuple[int, str]]  # (complex id, name) for the filter
    unanswered_days: int


def read_register(session: Session) -> RegisterView:
    return RegisterView(signal_register.signal_rows(session),
                        [(c.id, c.name) for c in complexes.list_complexes(session)], signals.unanswered_days(session))
