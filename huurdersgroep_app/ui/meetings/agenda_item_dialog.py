"""Add or change one agenda item: title, a short description, who introduces it, where it came from."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit, QVBoxLayout

from huurdersgroep_app.core.services.meetings.agenda import ITEM_ORIGINS
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings.agenda import AgendaItemInput
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import dialog_buttons, save_and_close
from huurdersgroep_app.ui.kit.widgets import Form, fit_to_screen


class AgendaItemDialog(QDialog):
    def __init__(self, ctx: AppContext, meeting_id: int, item=None, parent=None):
        """``item``: the ItemRecord to change, or None for a new item (placed before 'any other business')."""
        super().__init__(parent)
        self.ctx, self.meeting_id, self.item = ctx, meeting_id, item
        self.saved_id: int | None = None
        self.setWindowTitle(_("New agenda item") if item is None else _("Change agenda item"))
        layout = QVBoxLayout(self)
        self.form = Form()
        self.title = self.form.add("title", _("Title"), QLineEdit())
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().height() * 6)
        self.form.add("description", _("Short description"), self.description)
        self.introduced_by = self.form.add("introduced_by", _("Introduced by"), QLineEdit())
        self.introduced_by.setPlaceholderText(_("Who explains it at the meeting"))
        self.origin = QComboBox()
        for code in ITEM_ORIGINS:
            self.origin.addItem(agenda.origin_label(code), code)
        self.form.add("origin", _("Comes from"), self.origin)
        layout.addLayout(self.form)
        layout.addWidget(dialog_buttons(self))
        if item is not None:
            self.title.setText(item.title)
            self.description.setPlainText(item.description)
            self.introduced_by.setText(item.introduced_by)
            self.origin.setCurrentIndex(max(self.origin.findData(item.origin), 0))
        self.title.setFocus()
        fit_to_screen(self, 34, 18)

    def item_input(self) -> AgendaItemInput:
        return AgendaItemInput(self.title.text(), self.description.toPlainText(), self.introduced_by.text(),
                               self.origin.currentData())

    def save(self) -> bool:
        def work():
            if self.item is None:
                saved = self.ctx.call(agenda.add_item, self.meeting_id, self.item_input())
            else:
                saved = self.ctx.call(agenda.update_item, self.item.id, self.item_input())
            self.saved_id = saved.id  # set before the dialog closes

        return save_and_close(self, self.form.errors, work).ok
