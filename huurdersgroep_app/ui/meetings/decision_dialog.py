"""Decisions in the minutes: a decision with its vote, the approval of the previous meeting's
minutes, and the discharge of the board for a financial year. The number (2026-07) is given by
the minutes service when the decision is saved."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import ConfirmationNeeded, DomainError
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.minutes import DecisionInput
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import Form, error_label, fit_to_screen, hint


class VoteFields(QWidget):
    """How it was decided: by consensus, a show of hands or a secret ballot, with the counts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("How was it decided"))
        for code, label in (("consensus", _("By consensus (nobody against)")), ("vote", _("By a vote (show of hands)")),
                            ("ballot", _("By secret ballot"))):
            self.kind.addItem(label, code)
        column.addWidget(self.kind)
        row = QHBoxLayout()
        self.counts = {}
        for key, label in (("votes_for", _("For")), ("votes_against", _("Against")),
                           ("votes_abstain", _("Abstentions"))):
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.setAccessibleName(label)
            caption = QLabel(label)
            caption.setBuddy(spin)
            row.addWidget(caption)
            row.addWidget(spin)
            self.counts[key] = spin
        row.addStretch(1)
        column.addLayout(row)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        counted = self.kind.currentData() != "consensus"
        for spin in self.counts.values():
            spin.setEnabled(counted)

    def set_values(self, vote_kind: str, votes_for, votes_against, votes_abstain) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(vote_kind), 0))
        for key, value in (("votes_for", votes_for), ("votes_against", votes_against),
                           ("votes_abstain", votes_abstain)):
            self.counts[key].setValue(value or 0)

    def values(self) -> tuple:
        """(vote kind, for, against, abstentions); counts are None by consensus."""
        kind = self.kind.currentData()
        if kind == "consensus":
            return kind, None, None, None
        return (kind, *(self.counts[k].value() for k in ("votes_for", "votes_against", "votes_abstain")))


def item_combo(record, chosen: int | None) -> QComboBox:
    box = QComboBox()
    box.addItem(_("Not linked to an agenda item"), None)
    for item in record.agenda:
        box.addItem(f"{item.number}. {item.title}", item.id)
    box.setCurrentIndex(max(box.findData(chosen), 0))
    return box


class _DecisionForm(QDialog):
    """A form with vote fields whose ``submit()`` does the service call."""

    def __init__(self, ctx: AppContext, record, title: str, parent=None):
        super().__init__(parent)
        self.ctx, self.record = ctx, record
        self.saved = None
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = Form()
        self.vote = VoteFields()
        self.general_error = error_label()

    def finish(self) -> None:
        self.form.add("votes_for", _("Decided"), self.vote)
        self.form.errors.fields["vote_kind"] = self.vote.kind
        self.form.errors.labels["vote_kind"] = self.form.errors.labels["votes_for"]
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(dialog_buttons(self))
        fit_to_screen(self, 46, 20)

    def submit(self):
        raise NotImplementedError

    def save(self) -> bool:
        def work():
            self.saved = self.submit()  # set before the dialog closes

        return save_and_close(self, self.form.errors, work, self.general_error).ok


class DecisionDialog(_DecisionForm):
    """A new decision (``decision`` None) or a correction of one; its number stays."""

    def __init__(self, ctx: AppContext, record, decision=None, item_id: int | None = None, parent=None):
        super().__init__(ctx, record, _("New decision") if decision is None else
                         _("Change decision {label}").format(label=decision.label), parent)
        self.decision = decision
        if decision is None:
            number = ctx.read(minutes.next_decision_number, record.scheduled_on.year)
            self.layout_.addWidget(hint(_("This decision will get number {label}.").format(
                label=minutes.decision_label(record.scheduled_on.year, number))))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.fontMetrics().height() * 6)
        self.form.add("text", _("What was decided"), self.text)
        self.item = self.form.add("agenda_item_id", _("Agenda item"), item_combo(
            record, decision.agenda_item_id if decision else item_id))
        self.finish()
        if decision is not None:
            self.text.setPlainText(decision.text)
            self.vote.set_values(decision.vote_kind, decision.votes_for, decision.votes_against,
                                 decision.votes_abstain)
        self.text.setFocus()

    def submit(self):
        kind, votes_for, against, abstain = self.vote.values()
        data = DecisionInput(self.text.toPlainText(), kind, votes_for, against, abstain, self.item.currentData(),
                             self.decision.financial_year if self.decision else None)
        if self.decision is None:
            return self.ctx.call(minutes.add_decision, self.record.id, data)
        return self.ctx.call(minutes.update_decision, self.decision.id, data)


class ApprovalDialog(_DecisionForm):
    """This meeting approves the minutes of the previous meeting of the same body."""

    def __init__(self, ctx: AppContext, record, parent=None):
        super().__init__(ctx, record, _("Approve the previous minutes"), parent)
        self.layout_.addWidget(hint(_("The meeting approves the minutes of the {meeting}. This becomes a numbered "
                                      "decision, and those minutes can no longer be changed.").format(
            meeting=record.previous_meeting_heading)))
        self.changes = QLineEdit()
        self.changes.setPlaceholderText(_("Leave empty when approved as they are"))
        self.form.add("changes", _("Changes asked for"), self.changes)
        self.finish()

    def submit(self):
        kind, votes_for, against, abstain = self.vote.values()
        return self.ctx.call(minutes.approve_previous_minutes, self.record.id, kind, votes_for, against, abstain,
                             self.changes.text())


class DischargeDialog(_DecisionForm):
    """The meeting releases the board for the financial year it accounted for."""

    def __init__(self, ctx: AppContext, record, parent=None):
        super().__init__(ctx, record, _("Discharge of the board"), parent)
        self.layout_.addWidget(hint(_("After the financial report and the audit committee's report, the meeting "
                                      "releases the board for that financial year.")))
        self.year = QSpinBox()
        self.year.setRange(1990, record.scheduled_on.year)
        self.year.setValue(record.scheduled_on.year - 1)
        self.form.add("financial_year", _("Financial year"), self.year)
        self.text = QLineEdit()
        self.text.setPlaceholderText(_("Leave empty for the usual wording"))
        self.form.add("text", _("Wording"), self.text)
        self.finish()

    def submit(self):
        kind, votes_for, against, abstain = self.vote.values()
        args = (self.record.id, self.year.value(), kind, votes_for, against, abstain, self.text.text())
        try:
            return self.ctx.call(minutes.record_discharge, *args)
        except ConfirmationNeeded as question:  # the books are still open: the user decides
            if not self.ctx.ask(question.message, self):
                raise DomainError(_("The discharge was not recorded.")) from None
            return self.ctx.call(minutes.record_discharge, *args, confirm_open_books=True)
