"""Add or change one member: every field of the register, checked by the members service."""
from __future__ import annotations


from PySide6.QtWidgets import (QBoxLayout, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGroupBox, QLineEdit,
                               QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.members.members import CONTACT_WAYS
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.members.members import DuplicateMemberError, MemberInput
from huurdersgroep_app.core.services.members import views as member_views
from huurdersgroep_app.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.members.model import contact_way_label
from huurdersgroep_app.ui.kit.widgets import (DateField, FieldErrors, Form, error_label, fit_to_screen, hint,
                                              room_for_columns)

DATE_FIELDS = ("tenant_since", "joined_on", "left_on", "consent_on")


def _consent_suggestions() -> list[str]:
    return [_("Signed the membership form"), _("By e-mail"), _("Said yes at a meeting"), _("By phone")]


class MemberDialog(QDialog):
    def __init__(self, ctx: AppContext, member_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.saved_id: int | None = None
        self.errors = FieldErrors()
        current, choices = ctx.read(member_views.member_form, member_id)
        self.setWindowTitle(_("New member") if member_id is None else
                            _("Change member: {name}").format(name=f"{current.first_name} {current.last_name}".strip()))

        self.widgets: dict[str, QWidget] = {}
        # Two columns where the screen has room; one below the other on a small or strongly scaled screen.
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight if room_for_columns(self, 70)
                             else QBoxLayout.Direction.TopToBottom)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        person = self._group(left, _("Person"))
        self._line(person, "first_name", _("First name"))
        self._line(person, "last_name", _("Last name (required)"))
        language = QComboBox()
        language.addItem(_("Same as the group"), "")
        for code in SUPPORTED_LANGUAGES:
            language.addItem(LANGUAGE_NAMES[code], code)
        self._add(person, "language", _("Language for letters"), language)
        way = QComboBox()
        for code in CONTACT_WAYS:
            way.addItem(contact_way_label(code), code)
        self._add(person, "contact_way", _("Contact by"), way)
        self._line(person, "phone", _("Phone"))
        self._line(person, "email", _("E-mail"))
        self._line(person, "iban", _("Bank account (IBAN)"))

        home = self._group(left, _("Address and dwelling"))
        self._line(home, "street", _("Street"))
        self._line(home, "house_number", _("Number"))
        self._line(home, "box", _("Box"))
        self._line(home, "postcode", _("Postcode"))
        self._line(home, "city", _("City"))
        complex_box = QComboBox()
        complex_box.addItem(_("No complex"), None)
        for complex_id, name in choices:
            complex_box.addItem(name, complex_id)
        self._add(home, "complex_id", _("Complex"), complex_box)
        self._line(home, "dwelling", _("Dwelling"))
        tenant = QCheckBox(_("Rents a dwelling from the landlord"))
        self._add(home, "is_tenant", _("Tenant"), tenant)
        self._add(home, "tenant_since", _("Tenant since"), DateField())

        membership = self._group(right, _("Membership"))
        self._add(membership, "joined_on", _("Member since"), DateField())
        self._add(membership, "left_on", _("Left on"), DateField())
        self._line(membership, "left_reason", _("Reason for leaving"))
        membership.addRow(hint(_("Members agree to be in the register. Write down when and how.")))
        self._add(membership, "consent_on", _("Consent given on"), DateField())
        consent_how = QComboBox()
        consent_how.setEditable(True)
        consent_how.addItem("")
        consent_how.addItems(_consent_suggestions())
        self._add(membership, "consent_how", _("Consent given how"), consent_how)

        notes_box = self._group(right, _("Notes"))
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        self._add(notes_box, "notes", _("Notes"), notes)
        right.addStretch(1)

        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.general_error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._fill(current)
        self.widgets["first_name"].setFocus()
        fit_to_screen(self, 62, 46)

    # -- building --------------------------------------------------------------------------------------
    def _group(self, column: QVBoxLayout, title: str) -> Form:
        box = QGroupBox(title)
        form = Form(self.errors)
        box.setLayout(form)
        column.addWidget(box)
        return form

    def _add(self, form: Form, key: str, label: str, widget: QWidget) -> QWidget:
        self.widgets[key] = form.add(key, label, widget)
        return widget

    def _line(self, form: Form, key: str, label: str) -> QLineEdit:
        return self._add(form, key, label, QLineEdit())

    def _fill(self, data: MemberInput) -> None:
        for key, widget in self.widgets.items():
            value = getattr(data, key)
            if isinstance(widget, DateField):
                widget.set_date(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QComboBox) and widget.isEditable():
                widget.setCurrentText(value or "")
            elif isinstance(widget, QComboBox):
                found = widget.findData(value)
                widget.setCurrentIndex(max(found, 0))
            else:
                widget.setText(value or "")

    # -- reading back ------------------------------------------------------------------------------
    def member_input(self) -> MemberInput:
        """The form as the service takes it; dates stay text so the service explains a wrong one."""
        values = {}
        for key, widget in self.widgets.items():
            if isinstance(widget, DateField):
                values[key] = widget.text()
            elif isinstance(widget, QCheckBox):
                values[key] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox) and widget.isEditable():
                values[key] = widget.currentText()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            else:
                values[key] = widget.text()
        return MemberInput(**values)

    def save(self) -> bool:
        data = self.member_input()

        def store(allow_duplicate: bool):
            if self.member_id is None:
                return self.ctx.call(members.add_member, data, allow_duplicate=allow_duplicate)
            return self.ctx.call(members.update_member, self.member_id, data, allow_duplicate=allow_duplicate)

        def store_or_ask():
            try:
                return store(False)
            except DuplicateMemberError as exc:
                if not self.ctx.ask(exc.message, self, _("Already registered?")):
                    return None  # the user keeps the form open to look again
                return store(True)

        # Some marked fields may be scrolled out of view: the summary says so beside the Save button.
        result = attempt(self.ctx, self, self.errors, store_or_ask, self.general_error, summary=True)
        if not result or result.value is None:
            return False
        self.saved_id = result.value.id
        self.accept()
        return True
