"""What happened and what follows: the stages of a dossier (consultation, approval, sending, the
landlord's reply), its follow-up action points, and its timeline."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services.advices import actions as advice_actions
from huurdersgroep_app.core.services.advices.record import AdviceRecord
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_dialog import FormDialog
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import hint


def _lines(*pairs: tuple[str, str]) -> str:
    """'Label: value' lines for the values that are filled in."""
    return "\n".join(_("{label}: {value}").format(label=label, value=value) for label, value in pairs if value)


def stage_texts(r: AdviceRecord) -> dict[str, str]:
    """What each stage box says; 'not yet' where nothing was recorded."""
    missing = _("Not yet.")
    reply_due = formats.short_date(r.reply_due) + (" " + _("(late)") if r.reply_overdue else "")
    return {
        "consultation": _lines((_("Date"), formats.short_date(r.consultation_on)),
                               (_("Summary"), r.consultation_summary)) or missing,
        "approval": _lines((_("Approved on"), formats.short_date(r.approved_on)),
                           (_("Where"), r.approval_reference)) or missing,
        "sent": _lines((_("Sent on"), formats.short_date(r.sent_on)), (_("To"), r.addressee_label),
                       (_("Reply due by"), reply_due if r.sent_on else "")) or missing,
        "reply": _lines((_("Received on"), formats.short_date(r.replied_on)), (_("Outcome"), r.reply_outcome_label),
                        (_("Reasons"), r.reply_reasons), (_("Planning"), r.reply_planning)) or missing,
    }


class StagesPanel(QWidget):
    """The four stages side by side; the consultation and the reply can be corrected while they apply."""

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setRowStretch(2, 1)  # the boxes take the room their text needs; the space stays below
        self.texts: dict[str, QWidget] = {}
        titles = (("consultation", _("Consultation of the members")), ("approval", _("Approval")),
                  ("sent", _("Sent to the landlord")), ("reply", _("The landlord's reply")))
        for number, (key, title) in enumerate(titles):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            self.texts[key] = hint("")
            inner.addWidget(self.texts[key])
            if key in ("consultation", "reply"):
                button = QPushButton(_("Change the consultation…") if key == "consultation" else
                                     _("Change the reply…"))
                row = QHBoxLayout()
                row.addWidget(button)
                row.addStretch(1)
                inner.addLayout(row)
                setattr(self, f"{key}_button", button)
            inner.addStretch(1)  # text at the top when the box beside it is taller
            grid.addWidget(box, number // 2, number % 2)

    def load(self, record: AdviceRecord) -> None:
        for key, text in stage_texts(record).items():
            self.texts[key].setText(text)
        self.consultation_button.setVisible(record.status in ("consulting", "approved") and
                                            bool(record.consultation_summary))
        self.reply_button.setVisible(record.status == "replied")


class ActionPointDialog(FormDialog):
    def __init__(self, ctx: AppContext, advice_id: int, action=None, parent=None):
        super().__init__(ctx, _("Action point") if action else _("New action point"), "", _("Save"), parent)
        self.advice_id, self.action = advice_id, action
        self.what = self.add("what", _("What"), QLineEdit(action.what if action else ""))
        self.who = self.add("who", _("Who"), QLineEdit(action.who if action else ""))
        self.due_on = self.add_date("due_on", _("By"), action.due_on if action else None)

    def save(self) -> bool:
        dates = self.read_dates({"due_on": (self.due_on, "")})
        if dates is None:
            return False
        if self.action is None:
            return self.submit(advice_actions.add_action, self.advice_id, self.what.text(), self.who.text(),
                               dates["due_on"])
        return self.submit(advice_actions.update_action, self.action.id, self.what.text(), self.who.text(),
                           dates["due_on"])


def action_columns() -> list[Column]:
    return [Column(_("What"), lambda r: r.what, chars=30, tooltip=lambda r: r.what),
            Column(_("Who"), lambda r: r.who, chars=12),
            Column(_("By"), lambda r: formats.short_date(r.due_on), sort=lambda r: r.due_on, chars=10),
            Column(_("Done on"), lambda r: formats.short_date(r.done_on), sort=lambda r: r.done_on, chars=10)]


class ActionsPanel(QWidget):
    """The action points; every change goes through ``ctx``, whose ``data_changed`` reloads the dossier."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.advice_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("What the group still has to do after the reply: check a promise, inform the "
                                "tenants, ask again.")))
        self.model = RowsTableModel(action_columns(), parent=self, dimmed=lambda r: r.done_on is not None)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Action points"))
        size_columns(self.table, self.model.columns)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add…"))
        self.edit_button = QPushButton(_("Change…"))
        self.done_button = QPushButton(_("Done today"))
        self.delete_button = QPushButton(_("Remove"))
        for button in (self.add_button, self.edit_button, self.done_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_action)
        self.edit_button.clicked.connect(self.edit_action)
        self.done_button.clicked.connect(self.toggle_done)
        self.delete_button.clicked.connect(self.delete_action)
        self.table.doubleClicked.connect(lambda _index: self.edit_action())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def load(self, record: AdviceRecord) -> None:
        self.advice_id = record.id
        self.model.set_rows(record.actions)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        row = selected_row(self.table)
        for button in (self.edit_button, self.done_button, self.delete_button):
            button.setEnabled(row is not None)
        self.done_button.setText(_("Not done after all") if row is not None and row.done_on else _("Done today"))

    def add_action(self) -> None:
        ActionPointDialog(self.ctx, self.advice_id, parent=self).exec()

    def edit_action(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            ActionPointDialog(self.ctx, self.advice_id, row, parent=self).exec()

    def toggle_done(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.ctx.run(advice_actions.set_action_done, row.id, None if row.done_on else date.today(), parent=self)

    def delete_action(self) -> None:
        row = selected_row(self.table)
        if row is not None and self.ctx.ask(_("Remove the action point '{what}'?").format(what=row.what), self):
            self.ctx.run(advice_actions.delete_action, row.id, parent=self)


def timeline_columns() -> list[Column]:
    return [Column(_("Date"), lambda r: formats.short_date(r.on), sort=lambda r: r.on, chars=10),
            Column(_("What happened"), lambda r: r.text, chars=30),
            Column(_("Details"), lambda r: r.detail, tooltip=lambda r: r.detail, chars=20)]


class TimelinePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model = RowsTableModel(timeline_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Timeline"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.note_button = QPushButton(_("Add a note…"))
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def load(self, record: AdviceRecord) -> None:
        self.model.set_rows(record.timeline)
        self.table.resizeColumnsToContents()
        self.table.scrollToBottom()
