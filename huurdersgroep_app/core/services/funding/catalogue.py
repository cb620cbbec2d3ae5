"""The catalogue of checks a funder's condition can use: every check module, registered. The
vocabulary of a check (statuses, Outcome, CheckContext, the ``check`` decorator) is in
``checking``; it is re-exported here for the callers of the catalogue."""
from __future__ import annotations

from huurdersgroep_app.core.services.funding import checks_board, checks_meetings, checks_money  # noqa: F401
from huurdersgroep_app.core.services.funding.checking import (  # noqa: F401 - re-exported
    CATALOGUE, CONFIRM, EVIDENCE_FIX, MET, NOT_MET, STATUS_LABELS, TO_CONFIRM, Check, CheckContext, EvidenceNote,
    Outcome, check, confirmed, status_label)


def catalogue() -> dict[str, Check]:
    """All checks (the check modules registered them when imported above)."""
    return CATALOGUE


def get_check(key: str) -> Check | None:
    return catalogue().get(key)
