"""The Documents page as the window shows it: the years, the funders and when each document was last
made, read in one session as plain values."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.documents.made import last_made
from huurdersgroep_app.core.services.funding import funders, views


@dataclass(frozen=True)
class Snapshot:
    years: list[int]
    funders: list[tuple[int, str]]
    made: dict[str, datetime]


def read_snapshot(session: Session) -> Snapshot:
    return Snapshot(views.funding_years(session), [(r.id, r.name) for r in funders.funder_rows(session)],
                    last_made(session))
