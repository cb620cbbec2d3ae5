"""Which parts a funder's dossier holds. Chosen once per funder (the Documents page's "Parts of the
dossier…"), kept in the group's settings, and used by every way the dossier is made: the one-click
buttons on the Documents page and the Overview, and ``huurdersgroep report funding-dossier``.

What is kept is what the group *leaves out*, so a part added by a later version of the program is in
the dossier until the group says otherwise. The cover letter, the contents and the compliance
checklist are always there; a part whose data is missing stays named on the checklist."""
from __future__ import annotations

from typing import Iterable

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.funding.sections import SECTIONS
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.funding.funders import get_funder
from huurdersgroep_app.core.services.organisation import get_setting, set_setting
from huurdersgroep_app.i18n import _

PART_KEYS = tuple(key for key, _label in SECTIONS)


def _setting(funder_id: int) -> str:
    return f"dossier_left_out.{funder_id}"


def chosen_parts(session: Session, funder_id: int) -> tuple[str, ...]:
    """The parts of this funder's dossier, in dossier order (every part until some were left out)."""
    left_out = set(get_setting(session, _setting(funder_id), []) or [])
    return tuple(key for key in PART_KEYS if key not in left_out)


def choose_parts(session: Session, funder_id: int, keys: Iterable[str]) -> tuple[str, ...]:
    """Keep ``keys`` as this funder's parts (one transaction: the caller's); returns them in order."""
    get_funder(session, funder_id)  # a translated NotFoundError for a funder that is gone
    wanted = set(keys)
    unknown = wanted - set(PART_KEYS)
    if unknown:
        raise DomainError(_("Unknown part of the dossier: {names}. Choose from: {choices}.").format(
            names=", ".join(sorted(unknown)), choices=", ".join(PART_KEYS)))
    set_setting(session, _setting(funder_id), [key for key in PART_KEYS if key not in wanted])
    return tuple(key for key in PART_KEYS if key in wanted)
