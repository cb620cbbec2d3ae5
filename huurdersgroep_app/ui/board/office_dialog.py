"""Give a member a board office, or end one."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from huurdersgroep_app.core.services import group_rules
from huurdersgroep_app.core.services.members.board import OFFICE_ROLES
from huurdersgroep_app.core.services import validation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import views as member_views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.choices import member_combo
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import DateField, Form, hint


class AssignOfficeDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Give a board office"))
        choices, years = ctx.read(member_views.office_choices)
        kind = ctx.read(group_rules.rule_phrase, "board", "term_years")
        layout = QVBoxLayout(self)
        self.form = Form()
        self.member = member_combo(choices, "")
        self.form.add("member_id", _("Member"), self.member)
        self.role = QComboBox()
        for role in OFFICE_ROLES:
            self.role.addItem(board.role_label(role), role)
        self.form.add("role", _("Office"), self.role)
        self.start_on = self.form.add("start_on", _("From"), DateField(date.today()))
        self.planned_end_on = self.form.add("planned_end_on", _("End of term"), DateField())
        self.form.addRow(hint(ngettext("Leave the end of term empty for the usual term of {count} year ({kind}).",
                                       "Leave the end of term empty for the usual term of {count} years ({kind}).",
                                       years).format(count=years, kind=kind)))
        self.notes = self.form.add("notes", _("Notes"), QLineEdit())
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self))

    def member_id(self) -> int | None:
        found = self.member.findText(self.member.currentText().strip())
        return self.member.itemData(found) if found > 0 else None

    def save(self) -> bool:
        problems = {}
        member_id = self.member_id()
        if member_id is None:
            problems["member_id"] = _("Choose a member from the list.")
        dates = {}
        for key, field in (("start_on", self.start_on), ("planned_end_on", self.planned_end_on)):
            try:
                dates[key] = field.date()
            except validation.FieldError as exc:
                problems[key] = str(exc)
        if "start_on" not in problems and dates.get("start_on") is None:
            problems["start_on"] = _("Fill in the date the office starts.")
        if problems:
            self.form.show_problems(problems)
            return False
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            board.assign_office, member_id, self.role.currentData(), dates["start_on"], dates["planned_end_on"],
            self.notes.text().strip())).ok


class EndOfficeDialog(QDialog):
    def __init__(self, ctx: AppContext, office_id: int, description: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.office_id = office_id
        self.setWindowTitle(_("End board office"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("{office} ends on this day. It stays in the history.").format(office=description)))
        self.form = Form()
        self.ended_on = self.form.add("ended_on", _("Last day"), DateField(date.today()))
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, _("End office")))

    def save(self) -> bool:
        try:
            ended_on = self.ended_on.date()
            if ended_on is None:
                raise validation.FieldError(_("Fill in the last day of the office."))
        except validation.FieldError as exc:
            self.form.show_problems({"ended_on": str(exc)})
            return False
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            board.end_office, self.office_id, ended_on)).ok
