"""Advice dossiers: open, edit, delete, their deadlines and the rows of the dossier table.

The steps a dossier goes through (drafts, consultation, approval, sending, the reply) are in
``steps``; the status table ``TRANSITIONS`` that they follow is here, beside the statuses.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from huurdersgroep_app.core.db.models.advices import (
    ADVICE_KINDS, ADVICE_SCOPES, Advice, AdviceEvent)
from huurdersgroep_app.core.db.models.members import Complex
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "requested": ("drafting", "consulting", "withdrawn"),
    "drafting": ("consulting", "approved", "withdrawn"),
    "consulting": ("drafting", "approved", "withdrawn"),
    "approved": ("drafting", "sent", "withdrawn"),
    "sent": ("replied", "closed"),
    "replied": ("closed",),
    "closed": (),
    "withdrawn": (),
}
OPEN_STATUSES = ("requested", "drafting", "consulting", "approved", "sent", "replied")
# Before these, the group's own advice is still due.
BEFORE_SENT = ("requested", "drafting", "consulting", "approved")


@dataclass
class AdviceInput:
    title: str
    kind: str = "asked"
    topic: str = "other"
    scope: str = "whole_stock"
    complex_ids: list[int] = field(default_factory=list)
    requested_on: date | str | None = None
    information_complete: bool = True
    information_note: str = ""
    notes: str = ""


def topics(session: Session) -> list[str]:
    """The topic codes a dossier can have, from the rule profile (``advice.topics``)."""
    return list(rule_profile(session).get("advice", "topics", ["other"]))


def _clean(session: Session, data: AdviceInput) -> dict:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values = {k: (x.strip() if isinstance(x, str) else x) for k, x in values.items()}
    problems: dict[str, str] = {}
    if not values["title"]:
        problems["title"] = _("Give the advice a title, for example 'New heating in De Linde'.")
    if values["kind"] not in ADVICE_KINDS:
        problems["kind"] = _("Choose whether the advice was asked for or is given on the group's own initiative.")
    if values["topic"] not in topics(session):
        problems["topic"] = _("Unknown topic '{topic}'.").format(topic=values["topic"])
    if values["scope"] not in ADVICE_SCOPES:
        problems["scope"] = _("Choose one complex, several complexes or the whole stock.")
    try:
        values["requested_on"] = v.parse_date(values["requested_on"])
        if values["requested_on"] is None:
            problems["requested_on"] = _("The date of the request is required.")
    except v.FieldError as exc:
        problems["requested_on"] = str(exc)
    ids = list(dict.fromkeys(values["complex_ids"] or []))
    found = list(session.scalars(select(Complex).where(Complex.id.in_(ids)))) if ids else []
    if len(found) != len(ids):
        problems["complex_ids"] = _("One of the chosen complexes does not exist.")
    elif values["scope"] == "one_complex" and len(ids) != 1:
        problems["complex_ids"] = _("Choose the one complex this advice is about.")
    elif values["scope"] == "several" and len(ids) < 2:
        problems["complex_ids"] = _("Choose at least two complexes, or set the scope to one complex.")
    if problems:
        raise ValidationError(problems)
    values["complexes"] = found if values["scope"] != "whole_stock" else []
    del values["complex_ids"]
    return values


def record_event(advice: Advice, on: date, kind: str, detail: str = "", from_status: str = "",
                 to_status: str = "") -> None:
    """A line on the dossier's timeline (``kind`` from advice_labels.EVENT_LABELS)."""
    advice.events.append(AdviceEvent(happened_on=on, kind=kind, detail=detail, from_status=from_status,
                                     to_status=to_status))


def create_advice(session: Session, data: AdviceInput) -> Advice:
    """A new dossier; its deadlines are computed from the rule profile and can be changed later."""
    values = _clean(session, data)
    profile = rule_profile(session)
    year = values["requested_on"].year
    sequence = (session.scalar(select(func.max(Advice.sequence)).where(Advice.year == year)) or 0) + 1
    computed = deadlines.group_deadline(values["requested_on"], profile)
    advice = Advice(**values, year=year, sequence=sequence, computed_deadline=computed, group_deadline=computed,
                    silence_deadline=deadlines.silence_deadline(values["requested_on"], profile)
                    if values["kind"] == "asked" else None,
                    status="requested" if values["kind"] == "asked" else "drafting")
    record_event(advice, values["requested_on"], "created", to_status=advice.status)
    session.add(advice)
    session.flush()
    return advice


def get_advice(session: Session, advice_id: int) -> Advice:
    return get_or_raise(session, Advice, advice_id, N_("Advice dossier {id} does not exist."), id=advice_id)


def advice_input(advice: Advice) -> AdviceInput:
    return AdviceInput(title=advice.title, kind=advice.kind, topic=advice.topic, scope=advice.scope,
                       complex_ids=[c.id for c in advice.complexes], requested_on=advice.requested_on,
                       information_complete=advice.information_complete,
                       information_note=advice.information_note, notes=advice.notes)


def delete_advice(session: Session, advice_id: int) -> None:
    """Remove a dossier opened by mistake; once sent it is part of the group's history (close it)."""
    advice = get_advice(session, advice_id)
    if advice.status not in BEFORE_SENT:
        raise DomainError(_("Dossier {reference} was sent to the landlord; it cannot be deleted. Close or withdraw "
                            "it instead.").format(reference=advice.reference))
    session.delete(advice)


def update_advice(session: Session, advice_id: int, data: AdviceInput) -> Advice:
    """Edit the dossier's details. A new request date moves the deadlines unless they were edited."""
    advice = get_advice(session, advice_id)
    values = _clean(session, data)
    if values["kind"] != advice.kind and advice.status not in ("requested", "drafting"):
        raise DomainError(_("The kind of advice cannot change once the dossier is past drafting."))
    if values["requested_on"].year != advice.year:
        raise ValidationError({"requested_on": _("The request date must stay in {year}, the year of reference "
                                                 "{reference}.").format(year=advice.year, reference=advice.reference)})
    profile = rule_profile(session)
    computed = deadlines.group_deadline(values["requested_on"], profile)
    agreed = advice.group_deadline != advice.computed_deadline
    if not agreed:
        advice.group_deadline = computed
    advice.computed_deadline = computed
    silence = deadlines.silence_deadline(values["requested_on"], profile) if values["kind"] == "asked" else None
    # An agreed term carries the silence rule with it, as in set_group_deadline.
    advice.silence_deadline = advice.group_deadline if silence and agreed and advice.group_deadline else silence
    for key, value in values.items():
        setattr(advice, key, value)
    return advice


def set_group_deadline(session: Session, advice_id: int, deadline: date | None, reason: str = "",
                       on: date | None = None) -> Advice:
    """A term agreed with the landlord; ``None`` goes back to the computed one."""
    advice = get_advice(session, advice_id)
    deadline = deadline or advice.computed_deadline
    if deadline and deadline < advice.requested_on:
        raise ValidationError({"group_deadline": _("The deadline cannot come before the request.")})
    if advice.silence_deadline is not None and deadline is not None:
        advice.silence_deadline = deadline  # an agreed longer term also moves the silence rule
    advice.group_deadline = deadline
    record_event(advice, on or date.today(), "deadline", reason.strip())
    return advice


def set_reply_due(session: Session, advice_id: int, due: date | None, reason: str = "",
                  on: date | None = None) -> Advice:
    advice = get_advice(session, advice_id)
    if advice.sent_on is None:
        raise DomainError(_("The landlord's reply date follows from the date the advice is sent. Mark it sent first."))
    due = due or deadlines.reply_due(advice.sent_on, rule_profile(session))
    if due and due < advice.sent_on:
        raise ValidationError({"reply_due": _("The reply date cannot come before the advice was sent.")})
    advice.reply_due = due
    record_event(advice, on or date.today(), "reply_due", reason.strip())
    return advice


@dataclass(frozen=True)
class AdviceRow:
    """A plain row for the dossier table and the CLI list."""

    id: int
    reference: str
    title: str
    kind: str
    topic: str
    status: str
    requested_on: date
    group_deadline: date | None
    sent_on: date | None
    reply_due: date | None
    reply_outcome: str
    complexes: tuple[str, ...]


def _row(a: Advice) -> AdviceRow:
    return AdviceRow(a.id, a.reference, a.title, a.kind, a.topic, a.status, a.requested_on, a.group_deadline,
                     a.sent_on, a.reply_due, a.reply_outcome, tuple(c.name for c in a.complexes))


def advice_rows(session: Session, *, open_only: bool = False, status: str | None = None,
                year: int | None = None) -> list[AdviceRow]:
    stmt = select(Advice).options(selectinload(Advice.complexes)).order_by(Advice.year.desc(),
                                                                           Advice.sequence.desc())
    if open_only:
        stmt = stmt.where(Advice.status.in_(OPEN_STATUSES))
    if status:
        stmt = stmt.where(Advice.status == status)
    if year:
        stmt = stmt.where(Advice.year == year)
    return [_row(a) for a in session.scalars(stmt)]
