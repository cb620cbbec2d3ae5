"""Assign the members selected in the members table to one complex, all in one transaction: after an
import most members have no complex yet, and one by one that is an afternoon's work."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout

from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import views as member_views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import Form, hint

NO_COMPLEX = -1  # the combo's item data for "no complex" (None would read as "nothing chosen")


class AssignComplexDialog(QDialog):
    def __init__(self, ctx: AppContext, member_ids: list[int], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_ids = list(member_ids)
        self.assigned = 0
        self.setWindowTitle(_("Assign to complex"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(ngettext("The {n} selected member will be put in the complex you choose.",
                                       "The {n} selected members will be put in the complex you choose.",
                                       len(self.member_ids)).format(n=len(self.member_ids))))
        self.form = Form()
        self.complex = QComboBox()
        for complex_id, name in ctx.read(member_views.complex_choices):
            self.complex.addItem(name, complex_id)
        self.complex.addItem(_("No complex"), NO_COMPLEX)
        self.form.add("complex", _("Complex"), self.complex)
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok, _("Assign")))

    def save(self) -> bool:
        chosen = self.complex.currentData()
        complex_id = None if chosen == NO_COMPLEX else chosen
        result = save_and_close(self, self.form.errors, lambda: self.ctx.call(
            complexes.assign_members, self.member_ids, complex_id))
        if result:
            self.assigned = result.value
        return result.ok
