"""The details of an advice dossier (kind, topic, scope and complexes, request date, whether the
landlord's information was complete), as a form used to open a dossier and on its Details tab."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services import group_rules
from huurdersgroep_app.core.services.advices.labels import ADVICE_KINDS, ADVICE_SCOPES
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices.labels import kind_label, scope_label, topic_label
from huurdersgroep_app.core.services.advices.dossiers import AdviceInput
from huurdersgroep_app.core.services.advices import views as advice_views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.form_dialog import text_box
from huurdersgroep_app.ui.kit.widgets import DateField, Form, error_label, fit_to_screen, hint


class AdviceForm(QWidget):
    def __init__(self, topics: list[str], complex_choices: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.form = Form()
        self.setLayout(self.form)
        self.title = self.form.add("title", _("Title"), QLineEdit())
        self.title.setPlaceholderText(_("For example: New heating in De Linde"))
        self.kind = self.form.add("kind", _("Kind of advice"), QComboBox())
        for code in ADVICE_KINDS:
            self.kind.addItem(kind_label(code), code)
        self.topic = self.form.add("topic", _("Topic"), QComboBox())
        for code in topics:
            self.topic.addItem(topic_label(code), code)
        self.scope = self.form.add("scope", _("About"), QComboBox())
        for code in ADVICE_SCOPES:
            self.scope.addItem(scope_label(code), code)
        self.complexes = QListWidget()
        for complex_id, name in complex_choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, complex_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.complexes.addItem(item)
        rows = min(max(len(complex_choices), 2), 5)
        self.complexes.setMaximumHeight(int(self.fontMetrics().height() * (rows * 1.4 + 1)))
        self.form.add("complex_ids", _("Complexes"), self.complexes)
        self.requested_on = DateField(date.today())
        self.date_hint = hint("")
        self.form.add("requested_on", _("Date of the request"), self._with_hint(self.requested_on, self.date_hint))
        self.information_complete = QCheckBox(_("The landlord gave all the information needed"))
        self.form.add("information_complete", _("Information"), self.information_complete)
        self.information_note = self.form.add("information_note", _("What is missing"), QLineEdit())
        self.notes = self.form.add("notes", _("Notes"), text_box(3))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 6)
        self.scope.currentIndexChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self.information_complete.toggled.connect(self._update)
        self.fill(AdviceInput(title="", requested_on=date.today()))

    @staticmethod
    def _with_hint(field: QWidget, note: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(note)
        box.setFocusProxy(field)
        return box

    def _update(self, *_args) -> None:
        self.complexes.setEnabled(self.scope.currentData() != "whole_stock")
        self.information_note.setEnabled(not self.information_complete.isChecked())
        self.date_hint.setText(
            _("The group's deadline is counted from this date.") if self.kind.currentData() == "asked"
            else _("For advice on the group's own initiative: the day the group started on it."))

    def fill(self, data: AdviceInput) -> None:
        self.title.setText(data.title)
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.topic.setCurrentIndex(max(self.topic.findData(data.topic), 0))
        self.scope.setCurrentIndex(max(self.scope.findData(data.scope), 0))
        chosen = set(data.complex_ids)
        for number in range(self.complexes.count()):
            item = self.complexes.item(number)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.requested_on.set_date(data.requested_on if isinstance(data.requested_on, date) else None)
        self.information_complete.setChecked(data.information_complete)
        self.information_note.setText(data.information_note)
        self.notes.setPlainText(data.notes)
        self._update()

    def checked_complexes(self) -> list[int]:
        return [self.complexes.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.complexes.count())
                if self.complexes.item(n).checkState() == Qt.CheckState.Checked]

    def advice_input(self) -> AdviceInput:
        """The form as the service takes it; the date stays text so the service explains a wrong one."""
        scope = self.scope.currentData()
        return AdviceInput(
            title=self.title.text(), kind=self.kind.currentData(), topic=self.topic.currentData(), scope=scope,
            complex_ids=self.checked_complexes() if scope != "whole_stock" else [],
            requested_on=self.requested_on.text(), information_complete=self.information_complete.isChecked(),
            information_note=self.information_note.text() if not self.information_complete.isChecked() else "",
            notes=self.notes.toPlainText())

    def show_problems(self, problems: dict[str, str]) -> dict[str, str]:
        return self.form.show_problems(problems)

    def clear_problems(self) -> None:
        self.form.clear_problems()


class NewAdviceDialog(QDialog):
    """Open a dossier; the page then shows it so the user can go on with the text."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setWindowTitle(_("New advice dossier"))
        topics, choices = ctx.read(advice_views.form_choices)
        layout = QVBoxLayout(self)
        kind = ctx.read(group_rules.rule_phrase, "advice", "advice_weeks")
        layout.addWidget(hint(_("The group's deadline is computed from the advice term of your region ({kind}); "
                                "you can change it later when another term was agreed with the landlord.").format(
                                    kind=kind)))
        self.details = AdviceForm(topics, choices)
        layout.addWidget(self.details)
        self.general_error = error_label()
        layout.addWidget(self.general_error)
        buttons = dialog_buttons(self, text=_("Open the dossier"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self.details.title.setFocus()
        fit_to_screen(self, 40, 34)

    def save(self) -> bool:
        def work():
            self.saved_id = self.ctx.call(advices.create_advice, self.details.advice_input()).id

        return save_and_close(self, self.details.form.errors, work, self.general_error).ok
