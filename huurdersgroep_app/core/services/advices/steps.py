"""The steps of an advice dossier: drafts with every version kept, consultation, approval, sending,
the landlord's reply, closing — and the timeline they leave.

The steps follow the status table ``dossiers.TRANSITIONS``; a step that does not follow is refused
with a message that names the steps that can. Each step is one call, so a form button maps onto one
function: ``save_draft``, ``record_consultation``, ``approve``, ``mark_sent``, ``record_reply``,
``close_advice``, ``withdraw``. Every change leaves a line on the dossier's timeline.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.advices import ADVICE_STATUSES, REPLY_OUTCOMES, Advice, AdviceEvent, AdviceVersion
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.dossiers import BEFORE_SENT, TRANSITIONS, get_advice, record_event
from huurdersgroep_app.core.services.advices.labels import event_label, outcome_label, status_label
from huurdersgroep_app.core.services.contacts import choose_addressee, get_contact
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.i18n import _, format_date


def allowed_next(advice: Advice) -> tuple[str, ...]:
    return TRANSITIONS.get(advice.status, ())


def check_step(advice: Advice, to_status: str) -> None:
    """Refuse a status change that does not follow from the current one, naming those that do."""
    if to_status not in ADVICE_STATUSES:
        raise ValidationError({"status": _("Unknown status '{status}'.").format(status=to_status)})
    if to_status not in allowed_next(advice):
        allowed = allowed_next(advice)
        if allowed:
            raise DomainError(_("A dossier that is '{current}' cannot become '{wanted}'. Possible next steps: "
                                "{allowed}.").format(current=status_label(advice.status),
                                                     wanted=status_label(to_status),
                                                     allowed=", ".join(status_label(s) for s in allowed)))
        raise DomainError(_("This dossier is '{current}'; it cannot change any more.").format(
            current=status_label(advice.status)))


def _move(advice: Advice, to_status: str, on: date, detail: str = "") -> None:
    check_step(advice, to_status)
    record_event(advice, on, "status", detail, from_status=advice.status, to_status=to_status)
    advice.status = to_status


def change_status(session: Session, advice_id: int, to_status: str, on: date | None = None,
                  note: str = "") -> Advice:
    """The plain step for a status menu; steps that need data (sent, reply) use their own function."""
    advice = get_advice(session, advice_id)
    handlers = {"approved": lambda: approve(session, advice_id, on or date.today(), note),
                "sent": lambda: mark_sent(session, advice_id, on or date.today()),
                "closed": lambda: close_advice(session, advice_id, on or date.today(), note),
                "withdrawn": lambda: withdraw(session, advice_id, on or date.today(), note)}
    if to_status == "replied":
        check_step(advice, to_status)  # a wrong step is refused before asking for the reply
        raise DomainError(_("Record the landlord's reply with its outcome."))
    if to_status in handlers:
        return handlers[to_status]()
    _move(advice, to_status, on or date.today(), note.strip())
    return advice


def save_draft(session: Session, advice_id: int, body: str, note: str = "", on: date | None = None) -> AdviceVersion:
    """Keep a new numbered version; earlier versions are never changed."""
    advice = get_advice(session, advice_id)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("The draft is empty.")})
    if advice.status not in BEFORE_SENT:
        raise DomainError(_("The advice was already sent; its text can no longer change."))
    on = on or date.today()
    if advice.latest_version is not None and advice.latest_version.body == body:
        raise DomainError(_("Nothing changed since draft {number}.").format(number=advice.latest_version.number))
    if advice.status == "requested":
        _move(advice, "drafting", on)
    elif advice.status == "approved":
        _move(advice, "drafting", on, _("The approved text was changed."))
    version = AdviceVersion(number=len(advice.versions) + 1, saved_on=on, body=body, note=note.strip())
    advice.versions.append(version)
    record_event(advice, on, "draft", str(version.number))
    session.flush()
    return version


def record_consultation(session: Session, advice_id: int, summary: str, on: date | None = None) -> Advice:
    """How members were consulted (a meeting, a survey): a summary and, if known, the date."""
    advice = get_advice(session, advice_id)
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"consultation_summary": _("Write down how the members were consulted.")})
    if advice.status in ("requested", "drafting"):
        _move(advice, "consulting", on or date.today())
    elif advice.status not in ("consulting", "approved"):
        raise DomainError(_("Members are consulted before the advice is sent."))
    advice.consultation_summary, advice.consultation_on = summary, on
    record_event(advice, on or date.today(), "consultation")
    return advice


def approve(session: Session, advice_id: int, approved_on: date | None = None, reference: str = "",
            decision_id: int | None = None) -> Advice:
    """The board (or a meeting) approved the latest draft; ``reference`` says where. With
    ``decision_id`` the meeting's numbered decision is the approval: its date and reference are used."""
    from huurdersgroep_app.core.services.meetings.approvals import decision_approval

    advice = get_advice(session, advice_id)
    if advice.latest_version is None and advice.status in ("drafting", "consulting"):
        raise DomainError(_("Save a draft of the advice before approving it."))
    if decision_id is not None:
        approval = decision_approval(session, decision_id)
        approved_on, reference = approval.approved_on, approval.reference
    elif approved_on is None:
        raise ValidationError({"approved_on": _("Give the date of the approval.")})
    elif approved_on > date.today():
        raise ValidationError({"approved_on": _("The approval of {date} lies in the future; record it once the "
                                                "advice has been approved.").format(date=format_date(approved_on))})
    _move(advice, "approved", approved_on)
    advice.approved_on, advice.approval_reference = approved_on, reference.strip()
    advice.approval_decision_id = decision_id
    record_event(advice, approved_on, "approved", reference.strip())
    return advice


def mark_sent(session: Session, advice_id: int, sent_on: date, addressee_contact_id: int | None = None) -> Advice:
    """The letter went out: the landlord's reply date starts to run."""
    advice = get_advice(session, advice_id)
    if sent_on < advice.requested_on:
        raise ValidationError({"sent_on": _("The advice cannot be sent before it was requested.")})
    _move(advice, "sent", sent_on)
    addressee = get_contact(session, addressee_contact_id) if addressee_contact_id else \
        (advice.addressee or choose_addressee(session, sent_on))
    advice.addressee = addressee
    advice.sent_on = sent_on
    advice.reply_due = deadlines.reply_due(sent_on, rule_profile(session))
    record_event(advice, sent_on, "sent", addressee.full_name if addressee else "")
    return advice


def record_reply(session: Session, advice_id: int, outcome: str, replied_on: date, reasons: str = "",
                 planning: str = "") -> Advice:
    advice = get_advice(session, advice_id)
    if outcome not in REPLY_OUTCOMES:
        raise ValidationError({"reply_outcome": _("Choose whether the landlord followed the advice, partly "
                                                  "or not.")})
    if advice.sent_on and replied_on < advice.sent_on:
        raise ValidationError({"replied_on": _("The reply cannot come before the advice was sent.")})
    if advice.status == "replied":  # a corrected or later, fuller answer replaces the first
        record_event(advice, replied_on, "reply", outcome)
    else:
        _move(advice, "replied", replied_on)
        record_event(advice, replied_on, "reply", outcome)
    advice.reply_outcome, advice.replied_on = outcome, replied_on
    advice.reply_reasons, advice.reply_planning = reasons.strip(), planning.strip()
    return advice


def close_advice(session: Session, advice_id: int, on: date, note: str = "") -> Advice:
    advice = get_advice(session, advice_id)
    _move(advice, "closed", on, note.strip())
    advice.closed_on = on
    return advice


def withdraw(session: Session, advice_id: int, on: date, reason: str = "") -> Advice:
    """The request was withdrawn by the landlord, or the group dropped its own initiative."""
    advice = get_advice(session, advice_id)
    _move(advice, "withdrawn", on, reason.strip())
    advice.closed_on = on
    return advice


def add_note(session: Session, advice_id: int, text: str, on: date | None = None) -> AdviceEvent:
    """A free line on the timeline: a phone call, a reminder sent, an agreement."""
    advice = get_advice(session, advice_id)
    if not (text or "").strip():
        raise ValidationError({"detail": _("The note is empty.")})
    record_event(advice, on or date.today(), "note", text.strip())
    session.flush()
    return advice.events[-1]


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    text: str
    detail: str


def timeline(advice: Advice) -> list[TimelineEntry]:
    """The dossier's history, oldest first, in the current language."""
    entries = []
    for e in advice.events:
        label = event_label(e.kind, e.from_status, e.to_status, e.detail)
        detail = "" if e.kind in ("draft", "reply") else e.detail
        if e.kind == "reply":
            detail = outcome_label(e.detail)
        entries.append(TimelineEntry(e.happened_on, label, detail))
    return entries
