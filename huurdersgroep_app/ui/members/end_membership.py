"""End a membership: the member stays in the history, their board offices end the same day."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout

from huurdersgroep_app.core.services import validation
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import DateField, Form, hint


def _reasons() -> list[str]:
    return [_("Moved"), _("Deceased"), _("No longer wants to be a member"), _("No longer a tenant")]


class EndMembershipDialog(QDialog):
    def __init__(self, ctx: AppContext, member_id: int, name: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.setWindowTitle(_("End membership"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("{name} will no longer be counted as a member from this date. The history is "
                                "kept, and any board office ends on the same day.").format(name=name)))
        self.form = Form()
        self.left_on = self.form.add("left_on", _("Last day"), DateField(date.today()))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("")
        self.reason.addItems(_reasons())
        self.form.add("left_reason", _("Reason"), self.reason)
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, _("End membership")))

    def save(self) -> bool:
        self.form.clear_problems()
        try:
            left_on = self.left_on.date()
            if left_on is None:
                raise validation.FieldError(_("Fill in the last day of the membership."))
        except validation.FieldError as exc:
            self.form.show_problems({"left_on": str(exc)})
            return False
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            members.end_membership, self.member_id, left_on, self.reason.currentText())).ok
