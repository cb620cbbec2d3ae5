"""When each document was last made, per kind, year and funder: one setting in the group's own
database (so a backup and a successor have it too), not the window's QSettings. No migration is
needed: the ``setting`` table holds it as JSON."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from huurdersgroep_app.core.services.organisation import get_setting, set_setting

SETTING = "documents.last_made"


def made_key(kind: str, year: int, funder_id: int | None = None) -> str:
    return f"{kind}|{year}|{funder_id or ''}"


def last_made(session: Session) -> dict[str, datetime]:
    """made_key(...) → when it was last made."""
    found = {}
    for key, value in (get_setting(session, SETTING, {}) or {}).items():
        try:
            found[key] = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            continue  # a hand-edited or damaged value: as if never made
    return found


def record_made(session: Session, kind: str, year: int, funder_id: int | None = None,
                when: datetime | None = None) -> datetime:
    when = (when or datetime.now()).replace(microsecond=0)
    stored = dict(get_setting(session, SETTING, {}) or {})
    stored[made_key(kind, year, funder_id)] = when.isoformat()
    set_setting(session, SETTING, stored)
    return when
