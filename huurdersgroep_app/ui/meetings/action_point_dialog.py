"""An action point: what has to be done, by whom (a member or a contact), by when."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout

from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.services.meetings import action_points
from huurdersgroep_app.core.services.meetings.action_points import ActionPointInput
from huurdersgroep_app.core.services.meetings import views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.choices import member_combo
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.meetings.decision_dialog import item_combo
from huurdersgroep_app.ui.kit.widgets import DateField, Form, error_label, fit_to_screen


class ActionPointDialog(QDialog):
    def __init__(self, ctx: AppContext, record, point=None, item_id: int | None = None, parent=None):
        """``point``: the ActionPointRow to change, or None for a new one (under ``item_id``)."""
        super().__init__(parent)
        self.ctx, self.record, self.point = ctx, record, point
        self.saved_id: int | None = None
        self.setWindowTitle(_("New action point") if point is None else _("Change action point"))
        layout = QVBoxLayout(self)
        self.form = Form()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().height() * 5)
        self.form.add("description", _("What has to be done"), self.description)
        self.owner = member_combo(ctx.read(views.owner_choices), empty=_("Nobody in particular"))
        self.form.add("owner_member_id", _("Who (a member or a contact)"), self.owner)
        self.form.errors.fields["owner_contact_id"] = self.owner
        self.form.errors.labels["owner_contact_id"] = self.form.errors.labels["owner_member_id"]
        self.due_on = self.form.add("due_on", _("To be done by"), DateField())
        self.item = self.form.add("agenda_item_id", _("Agenda item"),
                                  item_combo(record, point.agenda_item_id if point else item_id))
        layout.addLayout(self.form)
        self.general_error = error_label()
        layout.addWidget(self.general_error)
        layout.addWidget(dialog_buttons(self))
        if point is not None:
            self.description.setPlainText(point.description)
            key = ("member", point.owner_member_id) if point.owner_member_id else \
                ("contact", point.owner_contact_id) if point.owner_contact_id else None
            if key and self.owner.findData(key) < 0:  # a former member or contact keeps the point
                self.owner.addItem(point.owner_name, key)
            self.owner.setCurrentIndex(max(self.owner.findData(key), 0) if key else 0)
            self.due_on.set_date(point.due_on)
        self.description.setFocus()
        fit_to_screen(self, 46, 20)

    def owner_key(self):
        """('member'|'contact', id), None for nobody; raises ValidationError for a name not in the list."""
        text = self.owner.currentText().strip()
        if not text or text == self.owner.itemText(0):
            return None
        current = self.owner.currentIndex()
        found = current if current > 0 and self.owner.itemText(current) == text else self.owner.findText(text)
        if found <= 0:
            raise ValidationError({"owner_member_id": _("Choose a member or a contact from the list.")})
        return self.owner.itemData(found)

    def save(self) -> bool:
        def work():
            key = self.owner_key()
            data = ActionPointInput(self.description.toPlainText(),
                                    key[1] if key and key[0] == "member" else None,
                                    key[1] if key and key[0] == "contact" else None,
                                    self.due_on.text(), self.item.currentData(),
                                    self.point.notes if self.point else "")
            if self.point is None:
                saved = self.ctx.call(action_points.add_action_point, self.record.id, data)
            else:
                saved = self.ctx.call(action_points.update_action_point, self.point.id, data)
            self.saved_id = saved.id  # set before the dialog closes

        return save_and_close(self, self.form.errors, work, self.general_error).ok
