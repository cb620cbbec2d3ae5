"""One advice dossier: its details and deadlines, the text with its versions, the stages, the
follow-up and the timeline; buttons for the next steps the service allows, and the letter.

Everything is read in one call (``advice_record``) and read again after each change, so what the
dialog shows is always what the database holds.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QTabWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import NotFoundError
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices.record import AdviceRecord, advice_record
from huurdersgroep_app.core.services.advices import views as advice_views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.advices.model import days_text
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.advices.drafts import DraftsPanel
from huurdersgroep_app.ui.advices.followup import ActionsPanel, StagesPanel, TimelinePanel
from huurdersgroep_app.ui.advices.form_dialog import AdviceForm
from huurdersgroep_app.ui.advices.steps import (ConsultationDialog, DeadlineDialog, NoteDialog, ReplyDialog,
                                                       step_button_text, step_dialog)
from huurdersgroep_app.ui.kit.document_buttons import DocumentButtons
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, error_label, fit_to_screen, heading, hint


def letter_writer(advice_id: int, word: bool = False):
    def write(session, target):
        from huurdersgroep_app.core.documents import advice_letter

        if word:
            advice_letter.write_advice_letter_docx(session, target, advice_id)
            return 1
        return advice_letter.write_advice_letter_pdf(session, target, advice_id)
    return write


def deadline_text(r: AdviceRecord) -> str:
    if r.group_deadline is None:
        return _("No deadline")
    text = formats.short_date(r.group_deadline)
    if r.deadline_edited:
        text = _("{date} (agreed; the rules give {computed})").format(
            date=text, computed=formats.short_date(r.computed_deadline) or _("none"))
    return f"{text} – {days_text(r.days_left)}" if r.days_left is not None else text


class AdviceDossierDialog(QDialog):
    def __init__(self, ctx: AppContext, advice_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.advice_id = ctx, advice_id
        self.record: AdviceRecord | None = None
        topics, choices = ctx.read(advice_views.form_choices)
        layout = QVBoxLayout(self)
        self.title = heading("", 2)
        layout.addWidget(self.title)
        self.summary = hint("")
        layout.addWidget(self.summary)
        self.warning = hint("")
        self.warning.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.warning)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._details_tab(topics, choices), _("Details and deadlines"))
        self.drafts = DraftsPanel(ctx)
        self.tabs.addTab(self.drafts, _("Text of the advice"))
        self.stages = StagesPanel()
        self.tabs.addTab(self.stages, _("Progress"))
        self.actions = ActionsPanel(ctx)
        self.tabs.addTab(self.actions, _("Follow-up"))
        self.timeline = TimelinePanel()
        self.tabs.addTab(self.timeline, _("Timeline"))

        steps = QHBoxLayout()
        self.steps_label = QLabel(_("Next step:"))
        steps.addWidget(self.steps_label)
        self.step_buttons: dict[str, QPushButton] = {}
        self.steps_row = QHBoxLayout()
        steps.addLayout(self.steps_row)
        steps.addStretch(1)
        layout.addLayout(steps)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(_("Advice letter:")))
        self.letter = DocumentButtons(ctx, lambda: letter_writer(self.advice_id), self._letter_name,
                                      docx=lambda: letter_writer(self.advice_id, word=True))
        bottom.addWidget(self.letter)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.stages.consultation_button.clicked.connect(lambda: ConsultationDialog(ctx, self.record, self).exec())
        self.stages.reply_button.clicked.connect(lambda: ReplyDialog(ctx, self.record, self).exec())
        self.timeline.note_button.clicked.connect(lambda: NoteDialog(ctx, self.advice_id, self).exec())
        ctx.data_changed.connect(self.reload)
        self._listening = True
        self.reload()
        if self.record is not None:
            self.details.fill(self.ctx.read(advice_views.advice_form_input, advice_id))
        fit_to_screen(self, 70, 56)

    def _details_tab(self, topics, choices) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        self.details = AdviceForm(topics, choices)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        column.addWidget(scroll, 1)
        self.details_error = error_label()
        column.addWidget(self.details_error)
        row = QHBoxLayout()
        self.save_details_button = QPushButton(_("Save the details"))
        row.addStretch(1)
        row.addWidget(self.save_details_button)
        column.addLayout(row)
        box = QGroupBox(_("Deadlines"))
        grid = QVBoxLayout(box)
        self.deadline_label, self.deadline_button = self._deadline_row(grid, _("Change the deadline…"))
        self.reply_label, self.reply_button = self._deadline_row(grid, _("Change the reply date…"))
        column.addWidget(box)
        self.save_details_button.clicked.connect(self.save_details)
        self.deadline_button.clicked.connect(lambda: DeadlineDialog(self.ctx, self.record, parent=self).exec())
        self.reply_button.clicked.connect(lambda: DeadlineDialog(self.ctx, self.record, reply=True, parent=self).exec())
        return tab

    @staticmethod
    def _deadline_row(layout, button_text: str) -> tuple[QLabel, QPushButton]:
        row = QHBoxLayout()
        label = QLabel()
        label.setWordWrap(True)
        button = QPushButton(button_text)
        row.addWidget(label, 1)
        row.addWidget(button)
        layout.addLayout(row)
        return label, button

    def _letter_name(self) -> str:
        return _("advice-{reference}").format(reference=self.record.reference if self.record else self.advice_id)

    # -- showing --------------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            r = self.ctx.read(advice_record, self.advice_id)
        except NotFoundError:  # deleted elsewhere
            self.done(QDialog.DialogCode.Rejected)
            return
        self.record = r
        self.setWindowTitle(_("Advice dossier {reference}").format(reference=r.reference))
        self.title.setText(f"{r.reference} – {r.title}")
        about = [f"{r.kind_label}, {r.topic_label.lower()}", ", ".join(r.complex_names) or r.scope_label]
        if r.signal_count:
            about.append(ngettext("{n} signal linked", "{n} signals linked", r.signal_count).format(n=r.signal_count))
        state = [_("Status: {status}").format(status=r.status_label)]
        if r.status in advices.BEFORE_SENT:
            state.append(_("Our deadline: {text}").format(text=deadline_text(r)))
        elif r.reply_due and r.status == "sent":
            state.append(_("The landlord answers by: {date}").format(date=formats.short_date(r.reply_due)))
        lines = [" · ".join(about), " · ".join(state)] + ([r.silence_text] if r.silence_text else [])
        self.summary.setText("\n".join(lines))
        warnings = []
        if r.days_left is not None and r.days_left < 0:
            warnings.append(_("The group's deadline has passed."))
        if r.reply_overdue:
            warnings.append(_("The landlord's reply is late (due {date}).").format(
                date=formats.short_date(r.reply_due)))
        if not r.information_complete and r.status in advices.BEFORE_SENT:
            warnings.append(_("The landlord's information is not complete: {note}").format(
                note=r.information_note or _("ask for what is missing")))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self.deadline_label.setText(_("Our deadline: {text}").format(text=deadline_text(r)))
        self.deadline_button.setEnabled(r.status in advices.BEFORE_SENT)
        self.reply_label.setText(_("The landlord answers by: {date}").format(
            date=formats.short_date(r.reply_due) if r.sent_on else _("counted from the day the advice is sent")))
        self.reply_button.setEnabled(r.sent_on is not None and r.status == "sent")
        self.drafts.load(r)
        self.stages.load(r)
        self.actions.load(r)
        self.timeline.load(r)
        self._show_steps(r)
        self.letter.setEnabled(bool(r.versions))
        self.letter.setToolTip("" if r.versions else
                               _("Save a text first; the letter is made from the latest version."))

    def _show_steps(self, r: AdviceRecord) -> None:
        for button in self.step_buttons.values():
            self.steps_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        for status in r.next_statuses:
            button = QPushButton(step_button_text(status, r.status))
            button.clicked.connect(lambda _checked=False, s=status: self.take_step(s))
            self.steps_row.addWidget(button)
            self.step_buttons[status] = button
        self.steps_label.setText(_("Next step:") if r.next_statuses else _("This dossier is finished."))

    # -- acting -----------------------------------------------------------------------------------------
    def take_step(self, to_status: str) -> bool:
        if to_status in ("approved", "sent") and self.drafts.has_changes():
            self.ctx.show_error(_("The text has changes that were not saved. Save them as a new version first, "
                                  "or undo them."), self)
            return False
        return bool(step_dialog(self.ctx, self.record, to_status, self).exec())

    def save_details(self) -> bool:
        return attempt(self.ctx, self, self.details.form.errors, lambda: self.ctx.call(
            advices.update_advice, self.advice_id, self.details.advice_input()), self.details_error).ok

    def reject(self) -> None:
        if self.drafts.has_changes() and not self.ctx.ask(
                _("The text of the advice has changes that were not saved. Close all the same?"), self):
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._listening:
            self._listening = False
            self.ctx.data_changed.disconnect(self.reload)
        super().done(result)
