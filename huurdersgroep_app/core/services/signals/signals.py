"""The signal register: tenants' problems, their follow-up with the landlord, and grouping into advice.

Confidential signals stay in the register for the group's own follow-up. Documents get their
signals only through ``shareable_signals``, which leaves confidential ones out, so no document can
print one by accident.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from huurdersgroep_app.core.db.models.members import Complex, Member
from huurdersgroep_app.core.db.models.signals import (
    REPORTER_KINDS, SIGNAL_CATEGORIES, SIGNAL_SCOPES, SIGNAL_STATUSES, Signal)
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.core.services.advices.labels import reporter_label
from huurdersgroep_app.core.services.contacts import get_contact
from huurdersgroep_app.core.services.organisation import get_setting, set_setting
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

UNANSWERED_DAYS_SETTING = "signals.unanswered_days"
DEFAULT_UNANSWERED_DAYS = 14
FINISHED = ("resolved", "closed")


@dataclass
class SignalInput:
    reported_on: date | str | None
    category: str
    description: str
    reporter_kind: str = "anonymous"
    member_id: int | None = None
    reporter_name: str = ""
    reporter_contact: str = ""
    complex_id: int | None = None
    street: str = ""
    house_number: str = ""
    box: str = ""
    scope: str = "individual"
    confidential: bool = False
    notes: str = ""


def _clean(session: Session, data: SignalInput) -> dict:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values = {k: (x.strip() if isinstance(x, str) else x) for k, x in values.items()}
    problems: dict[str, str] = {}
    try:
        values["reported_on"] = v.parse_date(values["reported_on"])
        if values["reported_on"] is None:
            problems["reported_on"] = _("The date of the signal is required.")
    except v.FieldError as exc:
        problems["reported_on"] = str(exc)
    if values["category"] not in SIGNAL_CATEGORIES:
        problems["category"] = _("Choose a category for the signal.")
    if not values["description"]:
        problems["description"] = _("Describe the problem.")
    if values["scope"] not in SIGNAL_SCOPES:
        problems["scope"] = _("Choose whether the problem is individual or collective.")
    kind = values["reporter_kind"]
    if kind not in REPORTER_KINDS:
        problems["reporter_kind"] = _("Choose who reported it: a member, a tenant who is not a member, or anonymous.")
    elif kind == "member":
        if values["member_id"] is None or session.get(Member, values["member_id"]) is None:
            problems["member_id"] = _("Choose the member who reported the problem.")
        values["reporter_name"] = values["reporter_contact"] = ""
    elif kind == "non_member":
        if not values["reporter_name"]:
            problems["reporter_name"] = _("Write the name of the tenant who reported the problem.")
        values["member_id"] = None
    else:  # anonymous: nothing that points to a person is kept
        values["member_id"], values["reporter_name"], values["reporter_contact"] = None, "", ""
    if values["complex_id"] is not None and session.get(Complex, values["complex_id"]) is None:
        problems["complex_id"] = _("This complex does not exist.")
    if problems:
        raise ValidationError(problems)
    if kind == "member":  # a member's own address and complex fill what was left blank
        member = session.get(Member, values["member_id"])
        if not values["street"] and values["complex_id"] in (None, member.complex_id):
            values["street"], values["house_number"], values["box"] = member.street, member.house_number, member.box
        values["complex_id"] = values["complex_id"] or member.complex_id
    return values


def add_signal(session: Session, data: SignalInput) -> Signal:
    signal = Signal(**_clean(session, data), status="open")
    session.add(signal)
    session.flush()
    return signal


def get_signal(session: Session, signal_id: int) -> Signal:
    return get_or_raise(session, Signal, signal_id, N_("Signal {id} does not exist."), id=signal_id)


def update_signal(session: Session, signal_id: int, data: SignalInput) -> Signal:
    signal = get_signal(session, signal_id)
    for key, value in _clean(session, data).items():
        setattr(signal, key, value)
    return signal


def signal_input(signal: Signal) -> SignalInput:
    return SignalInput(**{f.name: getattr(signal, f.name) for f in fields(SignalInput)})


def delete_signal(session: Session, signal_id: int) -> None:
    session.delete(get_signal(session, signal_id))


def _not_before_report(signal: Signal, on: date, field: str) -> None:
    if on < signal.reported_on:
        raise ValidationError({field: _("This date comes before the signal was reported ({date}).").format(
            date=signal.reported_on)})


def forward_signal(session: Session, signal_id: int, on: date, contact_id: int | None = None) -> Signal:
    """Passed on to the landlord (or another partner), to a person in the contacts register."""
    signal = get_signal(session, signal_id)
    if signal.status in FINISHED:
        raise DomainError(_("This signal is already finished; open it again first."))
    _not_before_report(signal, on, "forwarded_on")
    signal.forwarded_on = on
    signal.forwarded_to = get_contact(session, contact_id) if contact_id else None
    if signal.status == "open":
        signal.status = "forwarded"
    return signal


def record_answer(session: Session, signal_id: int, answer: str, on: date) -> Signal:
    signal = get_signal(session, signal_id)
    if not (answer or "").strip():
        raise ValidationError({"answer": _("Write down the answer that was received.")})
    if signal.status in FINISHED:
        raise DomainError(_("This signal is already finished; open it again first."))
    _not_before_report(signal, on, "answered_on")
    signal.answer, signal.answered_on, signal.status = answer.strip(), on, "answered"
    return signal


def resolve_signal(session: Session, signal_id: int, on: date) -> Signal:
    signal = get_signal(session, signal_id)
    if signal.status in FINISHED:
        raise DomainError(_("This signal is already finished."))
    _not_before_report(signal, on, "resolved_on")
    signal.status, signal.resolved_on = "resolved", on
    return signal


def close_signal(session: Session, signal_id: int, note: str = "") -> Signal:
    """Finished without a solution (withdrawn, not the landlord's business, tenant moved)."""
    signal = get_signal(session, signal_id)
    if signal.status in FINISHED:
        raise DomainError(_("This signal is already finished."))
    signal.status = "closed"
    if note.strip():
        signal.notes = "\n".join(x for x in (signal.notes, note.strip()) if x)
    return signal


def reopen_signal(session: Session, signal_id: int) -> Signal:
    signal = get_signal(session, signal_id)
    if signal.status not in FINISHED:
        raise DomainError(_("This signal is still open."))
    signal.resolved_on = None
    signal.status = "answered" if signal.answered_on else "forwarded" if signal.forwarded_on else "open"
    return signal


def set_status(session: Session, signal_id: int, status: str, on: date | None = None) -> Signal:
    """For a status menu: the plain steps; forwarding and answers need their own data."""
    if status not in SIGNAL_STATUSES:
        raise ValidationError({"status": _("Unknown status '{status}'.").format(status=status)})
    if status == "resolved":
        return resolve_signal(session, signal_id, on or date.today())
    if status == "closed":
        return close_signal(session, signal_id)
    if status == "open":
        return reopen_signal(session, signal_id)
    raise DomainError(_("Record the forwarding or the answer with its date."))


def reporter_text(signal: Signal) -> str:
    """Who reported it, for the register (never for shared documents)."""
    if signal.reporter_kind == "member" and signal.member is not None:
        return signal.member.full_name
    if signal.reporter_kind == "non_member":
        return signal.reporter_name
    return reporter_label("anonymous")


def unanswered_days(session: Session) -> int:
    return int(get_setting(session, UNANSWERED_DAYS_SETTING, DEFAULT_UNANSWERED_DAYS))


def set_unanswered_days(session: Session, days) -> int:
    """Settings: after how many days without an answer a signal shows in the overview."""
    try:
        days = int(days)
        if not 1 <= days <= 365:
            raise ValueError
    except (TypeError, ValueError):
        raise ValidationError({"unanswered_days": _("Give a number of days from 1 to 365.")}) from None
    set_setting(session, UNANSWERED_DAYS_SETTING, days)
    return days


def unanswered_signals(session: Session, today: date, days: int | None = None) -> list[Signal]:
    """Open or forwarded signals without an answer, reported more than ``days`` ago (Settings)."""
    days = unanswered_days(session) if days is None else days
    stmt = (select(Signal).options(joinedload(Signal.complex))
            .where(Signal.status.in_(("open", "forwarded")), Signal.answered_on.is_(None),
                   Signal.reported_on < today - timedelta(days=days))
            .order_by(Signal.reported_on, Signal.id))
    return list(session.scalars(stmt))
