"""Add or change a complex (a building or neighbourhood of the landlord)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout

from huurdersgroep_app.core.services.members import complexes, views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import Form, hint
from huurdersgroep_app.ui.members.complex_ranges import RangesEditor


class ComplexDialog(QDialog):
    def __init__(self, ctx: AppContext, complex_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.complex_id = complex_id
        self.setWindowTitle(_("New complex") if complex_id is None else _("Change complex"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("A building or neighbourhood of the landlord. The number of dwellings is used to "
                                "count the group's reach; its address ranges place members in it by their "
                                "address.")))
        self.form = Form()
        self.name = self.form.add("name", _("Name"), QLineEdit())
        self.dwellings = QSpinBox()
        self.dwellings.setRange(0, 100_000)
        self.form.add("dwellings", _("Number of dwellings"), self.dwellings)
        self.code = self.form.add("code", _("Landlord's code"), QLineEdit())
        self.address = self.form.add("address", _("Streets and numbers"), QLineEdit())
        # The ranges place members in this complex from their address (import, "Assign complexes by address").
        self.ranges = self.form.add("ranges", _("Address ranges"), RangesEditor())
        self.postcode = self.form.add("postcode", _("Postcode"), QLineEdit())
        self.city = self.form.add("city", _("City"), QLineEdit())
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.form.add("notes", _("Notes"), self.notes)
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self))
        if complex_id is not None:
            item = ctx.read(views.complex_form, complex_id)
            self.name.setText(item.name)
            self.dwellings.setValue(item.dwellings)
            self.code.setText(item.code)
            self.address.setText(item.address)
            self.postcode.setText(item.postcode)
            self.city.setText(item.city)
            self.notes.setPlainText(item.notes)
            self.ranges.set_ranges(item.ranges)

    def save(self) -> bool:
        values = dict(name=self.name.text(), dwellings=self.dwellings.value(), code=self.code.text(),
                      address=self.address.text(), postcode=self.postcode.text(), city=self.city.text(),
                      notes=self.notes.toPlainText(), ranges=self.ranges.ranges())
        if self.complex_id is None:
            return save_and_close(self, self.form.errors, lambda: self.ctx.call(complexes.add_complex, **values)).ok
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            complexes.update_complex, self.complex_id, **values)).ok
