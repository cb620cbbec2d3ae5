"""What became of a signal: forwarded to whom and when, the answer, resolved. One small dialog per
step (forward, answer, resolved, closed without a solution), used by the register and the signal form."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.advices.labels import signal_status_label
from huurdersgroep_app.core.services.signals import views as signal_views
from huurdersgroep_app.core.services.signals.views import FollowUp
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, contact_box, text_box
from huurdersgroep_app.ui.kit.widgets import hint


class ForwardDialog(FormDialog):
    def __init__(self, ctx: AppContext, signal_id: int, parent=None):
        super().__init__(ctx, _("Forward the signal"), _("Who at the landlord (or elsewhere) received the signal, "
                                                         "and when?"), _("Forwarded"), parent)
        self.signal_id = signal_id
        people, default = ctx.read(signal_views.contact_choices)
        self.on = self.add_date("forwarded_on", _("Forwarded on"), date.today())
        self.contact = self.add("contact", _("To"), contact_box(people, default, _("Nobody in particular")))

    def save(self) -> bool:
        dates = self.read_dates({"forwarded_on": (self.on, _("Fill in the date it was forwarded."))})
        return dates is not None and self.submit(signals.forward_signal, self.signal_id, dates["forwarded_on"],
                                                 self.contact.currentData())


class AnswerDialog(FormDialog):
    def __init__(self, ctx: AppContext, signal_id: int, parent=None):
        super().__init__(ctx, _("Answer received"), _("What did the landlord answer?"), _("Save the answer"), parent)
        self.signal_id = signal_id
        self.on = self.add_date("answered_on", _("Answered on"), date.today())
        self.answer = self.add("answer", _("Answer"), text_box(4))

    def save(self) -> bool:
        dates = self.read_dates({"answered_on": (self.on, _("Fill in the date of the answer."))})
        return dates is not None and self.submit(signals.record_answer, self.signal_id, self.answer.toPlainText(),
                                                 dates["answered_on"])


class ResolveDialog(FormDialog):
    def __init__(self, ctx: AppContext, signal_id: int, parent=None):
        super().__init__(ctx, _("Problem solved"), _("The problem was solved; the signal is finished."),
                         _("Solved"), parent)
        self.signal_id = signal_id
        self.on = self.add_date("resolved_on", _("Solved on"), date.today())

    def save(self) -> bool:
        dates = self.read_dates({"resolved_on": (self.on, _("Fill in the date it was solved."))})
        return dates is not None and self.submit(signals.resolve_signal, self.signal_id, dates["resolved_on"])


class CloseSignalDialog(FormDialog):
    def __init__(self, ctx: AppContext, signal_id: int, parent=None):
        super().__init__(ctx, _("Close without a solution"), _(
            "For a signal that is finished without a solution: withdrawn, not the landlord's business, the tenant "
            "moved."), _("Close"), parent)
        self.signal_id = signal_id
        self.note = self.add("note", _("Why"), QLineEdit())

    def save(self) -> bool:
        return self.submit(signals.close_signal, self.signal_id, self.note.text())


def follow_up_text(f: FollowUp) -> str:
    lines = [_("Status: {status}").format(status=signal_status_label(f.status))]
    if f.forwarded_on:
        lines.append(_("Forwarded on {date} to {who}").format(date=formats.short_date(f.forwarded_on),
                                                              who=f.forwarded_to or _("the landlord")))
    if f.answered_on:
        lines.append(_("Answer of {date}: {answer}").format(date=formats.short_date(f.answered_on), answer=f.answer))
    if f.resolved_on:
        lines.append(_("Solved on {date}").format(date=formats.short_date(f.resolved_on)))
    if f.advice_reference:
        lines.append(_("Part of advice dossier {reference}").format(reference=f.advice_reference))
    return "\n".join(lines)


class FollowUpBox(QGroupBox):
    """The follow-up of one signal in its form; each button is one step, saved at once."""

    def __init__(self, ctx: AppContext, signal_id: int, parent=None):
        super().__init__(_("Follow-up"), parent)
        self.ctx, self.signal_id = ctx, signal_id
        layout = QVBoxLayout(self)
        self.text = hint("")
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.buttons = {}
        for key, label, dialog in (("forward", _("Forward…"), ForwardDialog), ("answer", _("Answer…"), AnswerDialog),
                                   ("resolve", _("Solved…"), ResolveDialog)):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, d=dialog: self._step(d))
            row.addWidget(button)
            self.buttons[key] = button
        self.reopen_button = QPushButton(_("Open again"))
        self.reopen_button.clicked.connect(self.reopen)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        state = self.ctx.read(signal_views.follow_up, self.signal_id)
        self.text.setText(follow_up_text(state))
        finished = state.status in signals.FINISHED
        for button in self.buttons.values():
            button.setVisible(not finished)
        self.reopen_button.setVisible(finished)

    def _step(self, dialog) -> None:
        if dialog(self.ctx, self.signal_id, self).exec():
            self.reload()

    def reopen(self) -> None:
        if self.ctx.run(signals.reopen_signal, self.signal_id, parent=self):
            self.reload()
