"""The steps of an advice dossier, one small dialog per service call: consult the members, approve,
send, record the reply, close or withdraw, go back to drafting; and the deadlines and notes.

``step_dialog`` gives the dialog for a next status from ``advice_steps.allowed_next``; the service still
decides, so a step it refuses shows its message and changes nothing.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit

from huurdersgroep_app.core.services.advices.labels import REPLY_OUTCOMES
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps as advice_steps
from huurdersgroep_app.core.services.meetings import approvals
from huurdersgroep_app.core.services.advices.labels import outcome_label
from huurdersgroep_app.core.services.advices.record import AdviceRecord
from huurdersgroep_app.core.services.advices import views as advice_views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, contact_box, text_box


class ConsultationDialog(FormDialog):
    def __init__(self, ctx: AppContext, record: AdviceRecord, parent=None):
        super().__init__(ctx, _("Consultation of the members"), _(
            "How were the members asked for their opinion? A meeting, a survey at the door, a newsletter with a "
            "reply slip … Write down what was done and what came out of it."), _("Save"), parent)
        self.advice_id = record.id
        self.summary = self.add("consultation_summary", _("Summary"), text_box(5))
        self.summary.setPlainText(record.consultation_summary)
        self.on = self.add_date("consultation_on", _("Date"), record.consultation_on or date.today())

    def save(self) -> bool:
        dates = self.read_dates({"consultation_on": (self.on, "")})
        return dates is not None and self.submit(advice_steps.record_consultation, self.advice_id,
                                                 self.summary.toPlainText(), dates["consultation_on"])


class ApproveDialog(FormDialog):
    def __init__(self, ctx: AppContext, record: AdviceRecord, parent=None):
        super().__init__(ctx, _("Approve the advice"), _(
            "The board or a meeting approved the latest draft. Choose the meeting's decision, or say where, "
            "so it can be found in the minutes."), _("Approve"), parent)
        self.advice_id = record.id
        self.decision = self.add("decision_id", _("Decision"), QComboBox())
        self.decision.addItem(_("No decision in the app: fill in date and place"), None)
        for choice in ctx.read(approvals.decision_choices, since=record.requested_on):
            self.decision.addItem(choice.label, choice.id)
        self.on = self.add_date("approved_on", _("Approved on"), date.today())
        self.reference = self.add("approval_reference", _("Where"), QLineEdit())
        self.reference.setPlaceholderText(_("For example: board meeting, decision 3"))
        self.decision.currentIndexChanged.connect(self._decision_changed)

    def _decision_changed(self) -> None:
        by_hand = self.decision.currentData() is None
        self.on.setEnabled(by_hand)
        self.reference.setEnabled(by_hand)

    def save(self) -> bool:
        if self.decision.currentData() is not None:
            return self.submit(advice_steps.approve, self.advice_id, decision_id=self.decision.currentData())
        dates = self.read_dates({"approved_on": (self.on, _("Fill in the date of the approval."))})
        return dates is not None and self.submit(advice_steps.approve, self.advice_id, dates["approved_on"],
                                                 self.reference.text())


class SendDialog(FormDialog):
    def __init__(self, ctx: AppContext, record: AdviceRecord, parent=None):
        super().__init__(ctx, _("Mark the advice as sent"), _(
            "From this date the landlord's term to answer runs. The text of the advice can no longer change."),
            _("Mark as sent"), parent)
        self.advice_id = record.id
        people, default = ctx.read(advice_views.landlord_choices)
        self.on = self.add_date("sent_on", _("Sent on"), date.today())
        self.addressee = self.add("addressee", _("Sent to"), contact_box(
            people, record.addressee_id or default, _("The landlord (no person in particular)")))

    def save(self) -> bool:
        dates = self.read_dates({"sent_on": (self.on, _("Fill in the date the advice was sent."))})
        return dates is not None and self.submit(advice_steps.mark_sent, self.advice_id, dates["sent_on"],
                                                 self.addressee.currentData())


class ReplyDialog(FormDialog):
    def __init__(self, ctx: AppContext, record: AdviceRecord, parent=None):
        super().__init__(ctx, _("The landlord's reply"), _(
            "What did the landlord answer? When the advice is not or only partly followed, the landlord has to "
            "give the reasons in writing."), _("Save the reply"), parent)
        self.advice_id = record.id
        self.outcome = self.add("reply_outcome", _("The landlord"), QComboBox())
        self.outcome.addItem(_("Choose…"), "")
        for code in REPLY_OUTCOMES:
            self.outcome.addItem(outcome_label(code), code)
        self.outcome.setCurrentIndex(max(self.outcome.findData(record.reply_outcome), 0))
        self.on = self.add_date("replied_on", _("Reply received on"), record.replied_on or date.today())
        self.reasons = self.add("reply_reasons", _("Reasons given"), text_box(3))
        self.reasons.setPlainText(record.reply_reasons)
        self.planning = self.add("reply_planning", _("Promised planning"), text_box(2))
        self.planning.setPlainText(record.reply_planning)

    def save(self) -> bool:
        dates = self.read_dates({"replied_on": (self.on, _("Fill in the date of the reply."))})
        return dates is not None and self.submit(advice_steps.record_reply, self.advice_id, self.outcome.currentData(),
                                                 dates["replied_on"], self.reasons.toPlainText(),
                                                 self.planning.toPlainText())


class StatusNoteDialog(FormDialog):
    """Steps that need only a date and a note: back to drafting, close, withdraw."""

    TEXTS = {
        "start": (lambda: _("Start drafting"), lambda: _("The group starts writing its advice.")),
        "drafting": (lambda: _("Back to drafting"), lambda: _("The text will be worked on again. An approval given "
                                                              "earlier no longer counts.")),
        "closed": (lambda: _("Close the dossier"), lambda: _("Nothing more is expected: the reply was received "
                                                             "and the follow-up is done.")),
        "withdrawn": (lambda: _("Withdraw the dossier"), lambda: _("The landlord withdrew the request, or the "
                                                                   "group dropped its own initiative.")),
    }

    def __init__(self, ctx: AppContext, record: AdviceRecord, to_status: str, parent=None):
        starting = to_status == "drafting" and record.status == "requested"
        title, explanation = self.TEXTS["start" if starting else to_status]
        super().__init__(ctx, title(), explanation(), title(), parent)
        self.advice_id, self.to_status = record.id, to_status
        self.on = self.add_date("on", _("Date"), date.today())
        self.note = self.add("note", _("Reason or note"), QLineEdit())

    def save(self) -> bool:
        dates = self.read_dates({"on": (self.on, _("Fill in the date."))})
        return dates is not None and self.submit(advice_steps.change_status, self.advice_id, self.to_status,
                                                 dates["on"], self.note.text())


class DeadlineDialog(FormDialog):
    """An agreed term for the group's advice, or (``reply=True``) for the landlord's reply."""

    def __init__(self, ctx: AppContext, record: AdviceRecord, reply: bool = False, parent=None):
        if reply:
            super().__init__(ctx, _("Change the landlord's reply date"), _(
                "Leave the date empty to go back to the term of the rules."), _("Change"), parent)
            key, current, service = "reply_due", record.reply_due, advices.set_reply_due
        else:
            computed = formats.short_date(record.computed_deadline) or _("none")
            super().__init__(ctx, _("Change the group's deadline"), _(
                "The rules give {date}. Another term agreed with the landlord goes here; leave the date empty to go "
                "back to the rules.").format(date=computed), _("Change"), parent)
            key, current, service = "group_deadline", record.group_deadline, advices.set_group_deadline
        self.advice_id, self.key, self.service = record.id, key, service
        self.deadline = self.add_date(key, _("New date"), current)
        self.reason = self.add("reason", _("Why"), QLineEdit())
        self.reason.setPlaceholderText(_("For example: agreed at the consultation of 12 March"))

    def save(self) -> bool:
        dates = self.read_dates({self.key: (self.deadline, "")})
        return dates is not None and self.submit(self.service, self.advice_id, dates[self.key], self.reason.text())


class NoteDialog(FormDialog):
    """A free line on the dossier's timeline: a phone call, a reminder, an agreement."""

    def __init__(self, ctx: AppContext, advice_id: int, parent=None):
        super().__init__(ctx, _("Add a note to the timeline"), "", _("Add"), parent)
        self.advice_id = advice_id
        self.on = self.add_date("on", _("Date"), date.today())
        self.text = self.add("detail", _("Note"), QLineEdit())

    def save(self) -> bool:
        dates = self.read_dates({"on": (self.on, _("Fill in the date."))})
        return dates is not None and self.submit(advice_steps.add_note, self.advice_id, self.text.text(), dates["on"])


def step_dialog(ctx: AppContext, record: AdviceRecord, to_status: str, parent=None) -> FormDialog:
    """The dialog that takes a dossier to ``to_status``."""
    if to_status == "consulting":
        return ConsultationDialog(ctx, record, parent)
    if to_status == "approved":
        return ApproveDialog(ctx, record, parent)
    if to_status == "sent":
        return SendDialog(ctx, record, parent)
    if to_status == "replied":
        return ReplyDialog(ctx, record, parent)
    return StatusNoteDialog(ctx, record, to_status, parent)


def step_button_text(to_status: str, from_status: str) -> str:
    if to_status == "drafting" and from_status == "requested":
        return _("Start drafting…")
    texts = {"drafting": _("Back to drafting…"), "consulting": _("Consult the members…"),
             "approved": _("Approve…"), "sent": _("Mark as sent…"), "replied": _("Record the reply…"),
             "closed": _("Close the dossier…"), "withdrawn": _("Withdraw the dossier…")}
    return texts.get(to_status, to_status)
