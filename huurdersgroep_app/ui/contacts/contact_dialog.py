"""The contacts register's forms: an organisation, a person in it, the end of a person's role, and a
hand-over to a successor (the old role ends, the new person starts the same day)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit

from huurdersgroep_app.core.services.contacts import PARTNER_KINDS
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.contacts import DEPARTMENT_LABELS, ContactInput, PartnerInput
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, text_box


def department_box(current: str = "") -> QComboBox:
    """The usual departments to choose from; any other name may be typed."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItem("", "")
    for code in DEPARTMENT_LABELS:
        box.addItem(contacts.department_label(code), code)
    box.setCurrentText(contacts.department_label(current))
    return box


def department_value(box: QComboBox) -> str:
    """The code of a suggested department (so it reads in every language), else the typed text."""
    text = box.currentText().strip()
    found = box.findText(text)
    return box.itemData(found) if found > 0 else text


class PartnerDialog(FormDialog):
    def __init__(self, ctx: AppContext, partner_id: int | None = None, parent=None):
        super().__init__(ctx, _("New organisation") if partner_id is None else _("Change organisation"), _(
            "The landlord, the municipality, the tenants' union, a welfare service … Its people are added "
            "separately, with their department and role."), _("Save"), parent)
        self.partner_id = partner_id
        current = ctx.read(contacts.partner_form_input, partner_id) if partner_id \
            else PartnerInput(name="", kind="landlord")
        self.name = self.add("name", _("Name"), QLineEdit(current.name))
        self.kind = self.add("kind", _("Kind"), QComboBox())
        for code in PARTNER_KINDS:
            self.kind.addItem(contacts.kind_label(code), code)
        self.kind.setCurrentIndex(max(self.kind.findData(current.kind), 0))
        self.lines = {}
        for key, label in (("street", _("Street")), ("house_number", _("Number")), ("postcode", _("Postcode")),
                           ("city", _("City")), ("phone", _("Phone")), ("email", _("E-mail"))):
            self.lines[key] = self.add(key, label, QLineEdit(getattr(current, key)))
        self.notes = self.add("notes", _("Notes"), text_box(2))
        self.notes.setPlainText(current.notes)

    def save(self) -> bool:
        data = PartnerInput(name=self.name.text(), kind=self.kind.currentData(), notes=self.notes.toPlainText(),
                            **{key: line.text() for key, line in self.lines.items()})
        if self.partner_id is None:
            return self.submit(contacts.add_partner, data)
        return self.submit(contacts.update_partner, self.partner_id, data)


class ContactDialog(FormDialog):
    def __init__(self, ctx: AppContext, contact_id: int | None = None, partner_id: int | None = None, parent=None):
        super().__init__(ctx, _("New contact person") if contact_id is None else _("Change contact person"), "",
                         _("Save"), parent)
        self.contact_id = contact_id
        current, partners = ctx.read(contacts.contact_form, contact_id, partner_id)
        self.partner = self.add("partner_id", _("Organisation"), QComboBox())
        for pid, name in partners:
            self.partner.addItem(name, pid)
        self.partner.setCurrentIndex(max(self.partner.findData(current.partner_id), 0))
        self.first_name = self.add("first_name", _("First name"), QLineEdit(current.first_name))
        self.last_name = self.add("last_name", _("Last name (required)"), QLineEdit(current.last_name))
        self.department = self.add("department", _("Department"), department_box(current.department))
        self.role = self.add("role", _("Role"), QLineEdit(current.role))
        self.role.setPlaceholderText(_("For example: director, housing consultant"))
        self.phone = self.add("phone", _("Phone"), QLineEdit(current.phone))
        self.email = self.add("email", _("E-mail"), QLineEdit(current.email))
        self.start_on = self.add_date("start_on", _("In this role since"), current.start_on)
        self.end_on = self.add_date("end_on", _("Left the role on"), current.end_on)
        self.notes = self.add("notes", _("Notes"), text_box(2))
        self.notes.setPlainText(current.notes)

    def contact_input(self) -> ContactInput:
        return ContactInput(partner_id=self.partner.currentData() or 0, last_name=self.last_name.text(),
                            first_name=self.first_name.text(), department=department_value(self.department),
                            role=self.role.text(), email=self.email.text(), phone=self.phone.text(),
                            start_on=self.start_on.text(), end_on=self.end_on.text(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        if self.contact_id is None:
            return self.submit(contacts.add_contact, self.contact_input())
        return self.submit(contacts.update_contact, self.contact_id, self.contact_input())


class EndRoleDialog(FormDialog):
    def __init__(self, ctx: AppContext, contact_id: int, name: str, parent=None):
        super().__init__(ctx, _("End role"), _(
            "{name} leaves the role on this day. They stay in the register, so earlier letters and meetings still "
            "name them.").format(name=name), _("End role"), parent)
        self.contact_id = contact_id
        self.end_on = self.add_date("end_on", _("Last day"), date.today())

    def save(self) -> bool:
        dates = self.read_dates({"end_on": (self.end_on, _("Fill in the day the role ends."))})
        return dates is not None and self.submit(contacts.end_contact, self.contact_id, dates["end_on"])


class HandOverDialog(FormDialog):
    """A staff change at a partner: the successor takes the same organisation, department and role."""

    def __init__(self, ctx: AppContext, contact_id: int, parent=None):
        old = ctx.read(contacts.contact_form_input, contact_id)
        old_name = f"{old.first_name} {old.last_name}".strip()
        super().__init__(ctx, _("Hand over to a successor"), _(
            "{name} leaves the role; the successor starts the same day, in the same department and role. Letters "
            "and meetings from then on name the successor.").format(name=old_name), _("Hand over"), parent)
        self.contact_id, self.old = contact_id, old
        self.on = self.add_date("on", _("Day of the hand-over"), date.today())
        self.first_name = self.add("first_name", _("Successor's first name"), QLineEdit())
        self.last_name = self.add("last_name", _("Successor's last name"), QLineEdit())
        self.role = self.add("role", _("Role"), QLineEdit(old.role))
        self.phone = self.add("phone", _("Phone"), QLineEdit())
        self.email = self.add("email", _("E-mail"), QLineEdit())

    def save(self) -> bool:
        dates = self.read_dates({"on": (self.on, _("Fill in the day of the hand-over."))})
        if dates is None:
            return False
        successor = ContactInput(partner_id=self.old.partner_id, last_name=self.last_name.text(),
                                 first_name=self.first_name.text(), department=self.old.department,
                                 role=self.role.text(), email=self.email.text(), phone=self.phone.text())
        return self.submit(contacts.hand_over, self.contact_id, successor, dates["on"])

