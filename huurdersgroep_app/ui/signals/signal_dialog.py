"""Add or change one signal: who reported it, where, what; the confidential flag stands out, and
for an existing signal its follow-up (forwarded, answer, resolved) with the buttons for each step."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QBoxLayout, QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QScrollArea, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services.advices.labels import REPORTER_KINDS, SIGNAL_CATEGORIES, SIGNAL_SCOPES
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.advices.labels import category_label, reporter_label, signal_scope_label
from huurdersgroep_app.core.services.signals.signals import SignalInput
from huurdersgroep_app.core.services.signals import views as signal_views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.choices import member_combo
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.kit.form_dialog import text_box
from huurdersgroep_app.ui.signals.followup import FollowUpBox
from huurdersgroep_app.ui.kit.widgets import (ERROR_COLOUR, DateField, FieldErrors, Form, error_label, fit_to_screen,
                                          hint, room_for_columns)


def _combo(items) -> QComboBox:
    box = QComboBox()
    for value, label in items:
        box.addItem(label, value)
    return box


class SignalDialog(QDialog):
    def __init__(self, ctx: AppContext, signal_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.signal_id = ctx, signal_id
        self.saved_id: int | None = None
        self.errors = FieldErrors()
        current, people, places = ctx.read(signal_views.signal_form, signal_id)
        self.setWindowTitle(_("New signal") if signal_id is None else _("Signal {number}").format(number=signal_id))
        two_columns = room_for_columns(self, 72)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight if two_columns else QBoxLayout.Direction.TopToBottom)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, int(two_columns))
        columns.addLayout(right, int(two_columns))

        report = self._group(left, _("Reported"))
        self.reported_on = report.add("reported_on", _("Date"), DateField())
        kinds = QWidget()
        kinds_row = QHBoxLayout(kinds)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        self.reporter_kind = QButtonGroup(self)
        for number, kind in enumerate(REPORTER_KINDS):
            button = QRadioButton(reporter_label(kind))
            button.setProperty("kind", kind)
            self.reporter_kind.addButton(button, number)
            kinds_row.addWidget(button)
        kinds_row.addStretch(1)
        report.add("reporter_kind", _("Reported by"), kinds)
        self.member = report.add("member_id", _("Member"), member_combo(people, empty=""))
        self.reporter_name = report.add("reporter_name", _("Name"), QLineEdit())
        self.reporter_contact = report.add("reporter_contact", _("Phone or e-mail"), QLineEdit())

        where = self._group(left, _("Where"))
        self.complex = where.add("complex_id", _("Complex"), _combo([(None, _("No particular complex"))] + places))
        self.street = where.add("street", _("Street"), QLineEdit())
        self.house_number = where.add("house_number", _("Number"), QLineEdit())
        self.box = where.add("box", _("Box"), QLineEdit())
        where.addRow(hint(_("For a member the address of their home is filled in when left empty.")))

        problem = self._group(right, _("Problem"))
        self.category = problem.add("category", _("Category"),
                                    _combo([(c, category_label(c)) for c in SIGNAL_CATEGORIES]))
        self.description = problem.add("description", _("Description"), text_box(4))
        self.description.setMaximumHeight(self.fontMetrics().height() * 8)
        self.scope = problem.add("scope", _("Concerns"), _combo([(s, signal_scope_label(s)) for s in SIGNAL_SCOPES]))
        self.confidential = QCheckBox(_("Confidential – for the group only"))
        problem.add("confidential", _("Privacy"), self.confidential)
        self.confidential_note = QLabel(_("A confidential signal is never printed in a report or letter. Use it for "
                                          "personal situations (health, debts, conflicts between neighbours)."))
        self.confidential_note.setWordWrap(True)
        problem.addRow(self.confidential_note)
        self.notes = problem.add("notes", _("Notes"), text_box(2))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.follow_up = None
        if signal_id is not None:
            self.follow_up = FollowUpBox(ctx, signal_id)
            right.addWidget(self.follow_up)
        for column in (left, right) if two_columns else (columns,):
            column.addStretch(1)  # the boxes stay at the top, the spare room goes below

        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.general_error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # Outside the scrolling part, so it is seen whatever the size of the screen.
        self.banner = QLabel(_("Confidential signal: for the group's own follow-up only. It is never printed in a "
                               "report, letter or other shared document."))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: white; background: {ERROR_COLOUR}; font-weight: bold; padding: 6px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.reporter_kind.idToggled.connect(self._update)
        self.confidential.toggled.connect(self._update)
        self._fill(current)
        fit_to_screen(self, 66, 40)

    def _group(self, column: QVBoxLayout, title: str) -> Form:
        box = QGroupBox(title)
        form = Form(self.errors)
        box.setLayout(form)
        column.addWidget(box)
        return form

    def _fill(self, data: SignalInput) -> None:
        self.reported_on.set_date(data.reported_on if isinstance(data.reported_on, date) else None)
        self.reporter_kind.button(REPORTER_KINDS.index(data.reporter_kind)).setChecked(True)
        self.member.setCurrentIndex(max(self.member.findData(data.member_id), 0))
        self.reporter_name.setText(data.reporter_name)
        self.reporter_contact.setText(data.reporter_contact)
        self.complex.setCurrentIndex(max(self.complex.findData(data.complex_id), 0))
        self.street.setText(data.street)
        self.house_number.setText(data.house_number)
        self.box.setText(data.box)
        self.category.setCurrentIndex(max(self.category.findData(data.category), 0))
        self.description.setPlainText(data.description)
        self.scope.setCurrentIndex(max(self.scope.findData(data.scope), 0))
        self.confidential.setChecked(data.confidential)
        self.notes.setPlainText(data.notes)
        self._update()

    def _update(self, *_args) -> None:
        kind = self.kind()
        self.member.setEnabled(kind == "member")
        self.reporter_name.setEnabled(kind == "non_member")
        self.reporter_contact.setEnabled(kind == "non_member")
        marked = self.confidential.isChecked()
        style = f"color: {ERROR_COLOUR}; font-weight: bold;" if marked else ""
        self.confidential.setStyleSheet(style)
        self.confidential_note.setStyleSheet(f"color: {ERROR_COLOUR};" if marked else "")
        self.banner.setVisible(marked)

    def kind(self) -> str:
        button = self.reporter_kind.checkedButton()
        return button.property("kind") if button else "anonymous"

    def member_id(self) -> int | None:
        found = self.member.findText(self.member.currentText().strip())
        return self.member.itemData(found) if found > 0 else None

    def signal_input(self) -> SignalInput:
        return SignalInput(
            reported_on=self.reported_on.text(), category=self.category.currentData(),
            description=self.description.toPlainText(), reporter_kind=self.kind(), member_id=self.member_id(),
            reporter_name=self.reporter_name.text(), reporter_contact=self.reporter_contact.text(),
            complex_id=self.complex.currentData(), street=self.street.text(), house_number=self.house_number.text(),
            box=self.box.text(), scope=self.scope.currentData(), confidential=self.confidential.isChecked(),
            notes=self.notes.toPlainText())

    def save(self) -> bool:
        def store():
            if self.signal_id is None:
                return self.ctx.call(signals.add_signal, self.signal_input())
            return self.ctx.call(signals.update_signal, self.signal_id, self.signal_input())

        result = attempt(self.ctx, self, self.errors, store, self.general_error, summary=True)
        if result:
            self.saved_id = result.value.id
            self.accept()
        return result.ok
