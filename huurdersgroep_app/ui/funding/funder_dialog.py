"""A funder: an organisation of the contacts register (or a new one made for it), its kind and the
IBAN its payments come from, so a bank import charges them to its grant."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from huurdersgroep_app.core.services.funding import conditions, funders, views
from huurdersgroep_app.core.services.funding.funders import FUNDER_KINDS, FunderInput
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, text_box


def add_funder_with_defaults(session, data: FunderInput, copy_defaults: bool):
    """One user action: the funder and, if asked, the region's default conditions."""
    funder = funders.add_funder(session, data)
    if copy_defaults:
        conditions.copy_profile_conditions(session, funder.id)
    return funder


class FunderDialog(FormDialog):
    def __init__(self, ctx: AppContext, funder_id: int | None = None, parent=None):
        super().__init__(ctx, _("New funder") if funder_id is None else _("Change funder"), _(
            "Who pays the group: the landlord, the municipality, a province or a foundation. Choose its "
            "organisation in the contacts register, or leave it on 'new' to add it there."), _("Save"), parent)
        self.funder_id = funder_id
        form = ctx.read(views.funder_form, funder_id)
        current, choices = form.current, form.organisations
        self.partner = self.add("partner_id", _("Organisation"), QComboBox())
        self.partner.addItem(_("New organisation with this name"), None)
        for pid, name in choices:
            self.partner.addItem(name, pid)
        self.partner.setCurrentIndex(max(self.partner.findData(current.partner_id), 0))
        self.name = self.add("name", _("Name"), QLineEdit(current.name))
        self.name.setPlaceholderText(_("Empty: the organisation's name"))
        self.kind = self.add("kind", _("Kind"), QComboBox())
        for code in FUNDER_KINDS:
            self.kind.addItem(funders.kind_label(code), code)
        self.kind.setCurrentIndex(max(self.kind.findData(current.kind), 0))
        self.iban = self.add("iban", _("IBAN it pays from"), QLineEdit(current.iban))
        self.notes = self.add("notes", _("Notes"), text_box(2))
        self.notes.setPlainText(current.notes)
        self.copy_defaults = None
        if funder_id is None:
            self.copy_defaults = QCheckBox(_("Give it the region's usual conditions (they can be changed)"))
            self.copy_defaults.setChecked(True)
            self.form.addRow("", self.copy_defaults)

    def data(self) -> FunderInput:
        return FunderInput(name=self.name.text(), kind=self.kind.currentData(), partner_id=self.partner.currentData(),
                           iban=self.iban.text(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        if self.funder_id is None:
            return self.submit(add_funder_with_defaults, self.data(), self.copy_defaults.isChecked())
        return self.submit(funders.update_funder, self.funder_id, self.data())
