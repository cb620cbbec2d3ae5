"""Small attendance forms: who holds a member's proxy, a guest with their organisation, and who chaired and
took the minutes."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QVBoxLayout

from huurdersgroep_app.core.services.meetings import attendance, roles
from huurdersgroep_app.core.services.meetings import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.choices import combo_value, member_combo
from huurdersgroep_app.ui.kit.widgets import Form, fit_to_screen, hint


class ProxyDialog(QDialog):
    """``member``: the AttendanceRow of the member who cannot come; ``present``: (id, name) of those present."""

    def __init__(self, ctx: AppContext, meeting_id: int, member, present: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.ctx, self.meeting_id, self.member = ctx, meeting_id, member
        self.setWindowTitle(_("Proxy"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("{name} cannot come and lets a member who is present vote for them. Choose that "
                                "member, or 'No proxy'.").format(name=member.name)))
        self.form = Form()
        self.holder = self.form.add("proxy_holder_id", _("Proxy given to"),
                                    member_combo([p for p in present if p[0] != member.member_id], _("No proxy")))
        if member.proxy_holder_id is not None:
            self.holder.setCurrentIndex(max(self.holder.findData(member.proxy_holder_id), 0))
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self))
        fit_to_screen(self, 30, 10)

    def save(self) -> bool:
        text = self.holder.currentText().strip()
        holder = combo_value(self.holder)
        if text and text != self.holder.itemText(0) and holder is None:
            self.form.show_problems({"proxy_holder_id": _("Choose a member who is present from the list.")})
            return False
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            attendance.set_proxy, self.meeting_id, self.member.member_id, holder)).ok


class GuestDialog(QDialog):
    """A guest: a known contact (the meeting's invited contacts first) or a name with an organisation."""

    def __init__(self, ctx: AppContext, meeting_id: int, invited_ids: list[int], parent=None):
        super().__init__(parent)
        self.ctx, self.meeting_id = ctx, meeting_id
        self.setWindowTitle(_("Add a guest"))
        known = ctx.read(views.contact_choices)
        known.sort(key=lambda c: c[0] not in invited_ids)  # the invited ones on top, otherwise as listed
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Choose a known contact, or write the guest's name and organisation.")))
        self.form = Form()
        self.contact = QComboBox()
        self.contact.addItem(_("Not a known contact"), None)
        for contact_id, label in known:
            self.contact.addItem(label, contact_id)
        self.form.add("contact_id", _("Known contact"), self.contact)
        self.name = self.form.add("guest_name", _("Name"), QLineEdit())
        self.organisation = self.form.add("guest_organisation", _("Organisation"), QLineEdit())
        self.organisation.setPlaceholderText(_("e.g. the landlord, the city, a neighbourhood centre"))
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self))
        self.name.setFocus()
        fit_to_screen(self, 32, 14)

    def save(self) -> bool:
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            attendance.add_guest, self.meeting_id, self.name.text(), self.organisation.text(),
            self.contact.currentData())).ok


class RolesDialog(QDialog):
    """Who chaired and who took the minutes: only those marked present are offered."""

    def __init__(self, ctx: AppContext, meeting_id: int, chair_id: int | None, minute_taker_id: int | None,
                 present: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.ctx, self.meeting_id = ctx, meeting_id
        self.setWindowTitle(_("Chair and minute-taker"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Who chaired this meeting and who took the minutes? Only those marked present can; "
                                "when the chair was excused, another member chairs.")))
        self.form = Form()
        self.chair = self.form.add("chair_id", _("Chair"), member_combo(present, _("Nobody chosen")))
        self.minute_taker = self.form.add("minute_taker_id", _("Minute-taker"),
                                          member_combo(present, _("Nobody chosen")))
        for box, value in ((self.chair, chair_id), (self.minute_taker, minute_taker_id)):
            if value is not None and box.findData(value) >= 0:
                box.setCurrentIndex(box.findData(value))
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self))
        fit_to_screen(self, 32, 10)

    def save(self) -> bool:
        return save_and_close(self, self.form.errors, lambda: self.ctx.call(
            roles.set_meeting_roles, self.meeting_id, combo_value(self.chair), combo_value(self.minute_taker))).ok
