"""Words for the codes stored on advice dossiers and signals, translated when shown."""
from __future__ import annotations

from huurdersgroep_app.core.db.models.advices import (  # noqa: F401 - re-exported: the codes the forms offer
    ADVICE_KINDS, ADVICE_SCOPES, ADVICE_STATUSES, REPLY_OUTCOMES)
from huurdersgroep_app.core.db.models.signals import (  # noqa: F401 - re-exported likewise
    REPORTER_KINDS, SIGNAL_CATEGORIES, SIGNAL_SCOPES, SIGNAL_STATUSES)

from huurdersgroep_app.i18n import N_, _

KIND_LABELS = {"asked": N_("Asked for"), "own_initiative": N_("Own initiative")}
TOPIC_LABELS = {
    "rent": N_("Rent"), "service_costs": N_("Service costs"), "maintenance": N_("Maintenance and repairs"),
    "renovation": N_("Renovation and relocation"), "liveability": N_("Liveability"), "allocation": N_("Allocation"),
    "house_rules": N_("House rules"), "communication": N_("Communication"), "other": N_("Other"),
}
SCOPE_LABELS = {"one_complex": N_("One complex"), "several": N_("Several complexes"),
                "whole_stock": N_("The whole stock")}
STATUS_LABELS = {
    "requested": N_("Requested"), "drafting": N_("Drafting"), "consulting": N_("Consulting members"),
    "approved": N_("Approved"), "sent": N_("Sent"), "replied": N_("Reply received"), "closed": N_("Closed"),
    "withdrawn": N_("Withdrawn"),
}
OUTCOME_LABELS = {"followed": N_("Followed"), "partly": N_("Partly followed"), "not_followed": N_("Not followed")}
EVENT_LABELS = {
    "created": N_("Dossier opened"), "status": N_("Status: {from_status} → {to_status}"),
    "draft": N_("Draft {detail} saved"), "consultation": N_("Members consulted"), "approved": N_("Advice approved"),
    "sent": N_("Advice sent"), "reply": N_("Landlord's reply received"), "deadline": N_("Deadline changed"),
    "reply_due": N_("Reply date changed"), "signals": N_("Signals linked"), "note": N_("Note"),
    "closed": N_("Dossier closed"), "withdrawn": N_("Dossier withdrawn"),
}
SIGNAL_CATEGORY_LABELS = {
    "repairs": N_("Repairs"), "damp_mould": N_("Damp and mould"), "heating": N_("Heating"), "nuisance": N_("Nuisance"),
    "cleanliness": N_("Cleanliness"), "safety": N_("Safety"), "service_costs": N_("Service costs"),
    "communication": N_("Communication"), "other": N_("Other"),
}
SIGNAL_STATUS_LABELS = {"open": N_("Open"), "forwarded": N_("Forwarded"), "answered": N_("Answered"),
                        "resolved": N_("Resolved"), "closed": N_("Closed")}
REPORTER_LABELS = {"member": N_("Member"), "non_member": N_("Tenant, not a member"), "anonymous": N_("Anonymous")}
SIGNAL_SCOPE_LABELS = {"individual": N_("Individual"), "collective": N_("Collective")}


def _label(table: dict, code: str) -> str:
    return _(table[code]) if code in table else code


def kind_label(code: str) -> str:
    return _label(KIND_LABELS, code)


def topic_label(code: str) -> str:
    return _label(TOPIC_LABELS, code)


def scope_label(code: str) -> str:
    return _label(SCOPE_LABELS, code)


def status_label(code: str) -> str:
    return _label(STATUS_LABELS, code)


def outcome_label(code: str) -> str:
    return _label(OUTCOME_LABELS, code) if code else ""


def category_label(code: str) -> str:
    return _label(SIGNAL_CATEGORY_LABELS, code)


def signal_status_label(code: str) -> str:
    return _label(SIGNAL_STATUS_LABELS, code)


def reporter_label(code: str) -> str:
    return _label(REPORTER_LABELS, code)


def signal_scope_label(code: str) -> str:
    return _label(SIGNAL_SCOPE_LABELS, code)


def event_label(kind: str, from_status: str = "", to_status: str = "", detail: str = "") -> str:
    text = _(EVENT_LABELS.get(kind, kind))
    return text.format(from_status=status_label(from_status), to_status=status_label(to_status), detail=detail)
