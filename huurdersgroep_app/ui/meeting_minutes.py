"""The Minutes tab, following the agenda: pick an item on the left, write its notes, record its
decisions (numbered per year, with the vote) and action points. Under the review item the open
action points of earlier meetings can be closed. Approving the previous meeting's minutes is a
decision here; the minutes themselves come out as PDF or Word."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services import action_points, agenda, minutes
from huurdersgroep_app.core.services.action_points import action_status_label
from huurdersgroep_app.core.services.meeting_record import MeetingRecord
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui import formats
from huurdersgroep_app.ui import meeting_documents as docs
from huurdersgroep_app.ui.meeting_tab import MeetingTab, button_row
from huurdersgroep_app.ui.table_model import Column, RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.widgets import heading, hint

LOOSE = -1  # the list entry for decisions and action points without an agenda item


def decision_columns() -> list[Column]:
    return [Column(_("No."), lambda d: d.label, chars=8),
            Column(_("Decision"), lambda d: d.text, chars=50, tooltip=lambda d: d.text),
            Column(_("Vote"), lambda d: d.vote, chars=24)]


def action_columns(meeting_id_of) -> list[Column]:
    return [Column(_("What"), lambda a: a.description, chars=40, tooltip=lambda a: a.description),
            Column(_("Who"), lambda a: a.owner_name, chars=18),
            Column(_("Due"), lambda a: formats.short_date(a.due_on), chars=10),
            Column(_("Status"), lambda a: action_status_label(a.status), chars=9),
            Column(_("From"), lambda a: _("this meeting") if a.meeting_id == meeting_id_of()
                   else formats.short_date(a.meeting_date), chars=12)]


def stretch(view, column: int) -> None:
    """The text column takes the room that is left; the others keep their width."""
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class MinutesTab(MeetingTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._list_ids: list[int] = []
        self._notes_item: int | None = None
        self._notes_dirty = False
        self._window = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        self.items = QListWidget()
        self.items.setAccessibleName(_("Agenda items"))
        self.items.setWordWrap(True)
        self.items.setSpacing(3)
        left_column.addWidget(self.items, 1)
        left_column.addWidget(hint(_("✎ = notes written")))
        splitter.addWidget(left)

        # Notes, decisions and action points one above the other; the user can give any of them more room.
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        notes_box = QWidget()
        column = QVBoxLayout(notes_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.item_title = heading("", 2)
        column.addWidget(self.item_title)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setPlaceholderText(_("What was said about this item"))
        self.notes.setTabChangesFocus(True)
        self.notes.installEventFilter(self)
        self.save_notes_button = QPushButton(_("Save the notes"))
        self.notes_state = QLabel()
        notes_row = button_row(self.save_notes_button)
        notes_row.insertWidget(1, self.notes_state)
        column.addWidget(self.notes, 1)
        column.addLayout(notes_row)
        right.addWidget(notes_box)

        decisions = QGroupBox(_("Decisions"))
        box = QVBoxLayout(decisions)
        self.decision_model = RowsTableModel(decision_columns(), parent=self)
        self.decision_table = table_view(self.decision_model)
        self.decision_table.setAccessibleName(_("Decisions"))
        size_columns(self.decision_table, self.decision_model.columns)
        stretch(self.decision_table, 1)
        box.addWidget(self.decision_table)
        self.add_decision_button = QPushButton(_("New decision…"))
        self.edit_decision_button = QPushButton(_("Change…"))
        self.delete_decision_button = QPushButton(_("Delete…"))
        box.addLayout(button_row(self.add_decision_button, self.edit_decision_button, self.delete_decision_button))
        right.addWidget(decisions)

        actions = QGroupBox(_("Action points"))
        box = QVBoxLayout(actions)
        self.action_model = RowsTableModel(action_columns(lambda: self.meeting_id), parent=self,
                                           dimmed=lambda a: a.status != "open")
        self.action_table = table_view(self.action_model)
        self.action_table.setAccessibleName(_("Action points"))
        size_columns(self.action_table, self.action_model.columns)
        stretch(self.action_table, 0)
        box.addWidget(self.action_table)
        self.add_action_button = QPushButton(_("New action point…"))
        self.edit_action_button = QPushButton(_("Change…"))
        self.done_button = QPushButton(_("Done"))
        self.cancel_action_button = QPushButton(_("No longer needed"))
        self.reopen_button = QPushButton(_("Open again"))
        self.delete_action_button = QPushButton(_("Delete…"))
        box.addLayout(button_row(self.add_action_button, self.edit_action_button, self.done_button,
                                 self.cancel_action_button, self.reopen_button, self.delete_action_button))
        right.addWidget(actions)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.fontMetrics().averageCharWidth() * 34, self.fontMetrics().averageCharWidth() * 100])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.approve_button = QPushButton(_("Approve the previous minutes…"))
        self.previous_note = hint("")
        self.summary = QLabel()
        self.minutes_button = docs.document_button(ctx, _("Minutes"), lambda fmt: docs.minutes_writer(
            self.meeting_id, fmt), lambda: _("minutes"), self, word=True)
        bottom.addWidget(self.approve_button)
        bottom.addWidget(self.previous_note, 1)
        bottom.addWidget(self.summary)
        bottom.addWidget(self.minutes_button)
        layout.addLayout(bottom)

        self.items.currentRowChanged.connect(self._item_changed)
        self.notes.textChanged.connect(self._notes_changed)
        self.save_notes_button.clicked.connect(self.save_notes)
        self.decision_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.action_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.decision_table.doubleClicked.connect(lambda _i: self.edit_decision())
        self.action_table.doubleClicked.connect(lambda _i: self.edit_action())
        self.add_decision_button.clicked.connect(self.add_decision)
        self.edit_decision_button.clicked.connect(self.edit_decision)
        self.delete_decision_button.clicked.connect(self.delete_decision)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(self.edit_action)
        self.done_button.clicked.connect(lambda: self.set_action_status("done"))
        self.cancel_action_button.clicked.connect(lambda: self.set_action_status("cancelled"))
        self.reopen_button.clicked.connect(lambda: self.set_action_status("open"))
        self.delete_action_button.clicked.connect(self.delete_action)
        self.approve_button.clicked.connect(self.approve_previous)

    # -- the list of items -------------------------------------------------------------------------------
    def _loose(self, record: MeetingRecord):
        shown = {i.id for i in record.agenda}
        return ([d for d in record.decisions if d.agenda_item_id not in shown],
                [a for a in record.action_points if a.agenda_item_id not in shown])

    def fill(self, record: MeetingRecord) -> None:
        loose_decisions, loose_actions = self._loose(record)
        ids = [i.id for i in record.agenda] + ([LOOSE] if loose_decisions or loose_actions else [])
        texts = [f"{i.number}. {i.title}" + (" ✎" if i.notes else "") for i in record.agenda]
        texts += [_("Not linked to an agenda item")] if ids and ids[-1] == LOOSE else []
        if ids != self._list_ids:
            keep = self.current_item_id()
            self.items.blockSignals(True)
            self.items.clear()
            for ident, text in zip(ids, texts):
                entry = QListWidgetItem(text)
                entry.setData(Qt.ItemDataRole.UserRole, ident)
                self.items.addItem(entry)
            self._list_ids = ids
            self.items.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
            self.items.blockSignals(False)
        else:
            for number, text in enumerate(texts):
                self.items.item(number).setText(text)
        self.show_item(self.current_item_id())
        self.summary.setText(ngettext("{n} decision", "{n} decisions", len(record.decisions)).format(
            n=len(record.decisions)) + " · " + ngettext("{n} action point", "{n} action points", len(
                record.action_points)).format(n=len(record.action_points)))
        approval = next((d for d in record.decisions if d.kind == "minutes_approval"), None)
        if approval is not None:
            self.previous_note.setText(_("The previous minutes were approved in decision {label}.").format(
                label=approval.label))
        elif record.previous_meeting_id is not None:
            self.previous_note.setText(_("Previous: {meeting}").format(meeting=record.previous_meeting_heading))
        else:
            self.previous_note.setText(_("There is no earlier meeting of this kind."))
        self.approve_button.setEnabled(self.editable and approval is None and record.previous_meeting_id is not None)

    def current_item_id(self) -> int | None:
        entry = self.items.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None

    def select_item(self, item_id: int) -> bool:
        if item_id in self._list_ids:
            self.items.setCurrentRow(self._list_ids.index(item_id))
            return True
        return False

    def _item_changed(self, _row: int) -> None:
        self.save_notes()
        self.show_item(self.current_item_id())

    def show_item(self, item_id: int | None) -> None:
        record = self.record
        item = next((i for i in record.agenda if i.id == item_id), None) if record else None
        if item is None:
            decisions, actions = self._loose(record) if record and item_id == LOOSE else ([], [])
            self.item_title.setText(_("Not linked to an agenda item") if item_id == LOOSE else "")
            self._set_notes(None, "")
        else:
            decisions, actions = item.decisions, item.action_points + item.review
            self.item_title.setText(f"{item.number}. {item.title}")
            if not (self._notes_dirty and self._notes_item == item.id):
                self._set_notes(item.id, item.notes)
        self.decision_model.set_rows(decisions)
        self.action_model.set_rows(actions)
        self._update_buttons()

    # -- notes -------------------------------------------------------------------------------------------
    def _set_notes(self, item_id: int | None, text: str) -> None:
        self._notes_item = item_id
        self.notes.blockSignals(True)
        self.notes.setPlainText(text)
        self.notes.blockSignals(False)
        self._notes_dirty = False
        self.notes.setReadOnly(item_id is None or not self.editable)
        self.notes.setPlaceholderText(_("What was said about this item") if not self.notes.isReadOnly()
                                      else _("No notes."))
        self.save_notes_button.setEnabled(False)
        self.notes_state.setText("")

    def _notes_changed(self) -> None:
        self._notes_dirty = True
        self.save_notes_button.setEnabled(True)
        self.notes_state.setText(_("Not saved yet"))

    def save_notes(self) -> bool:
        if not self._notes_dirty or self._notes_item is None or not self.editable:
            return False
        item_id, text = self._notes_item, self.notes.toPlainText()
        self._notes_dirty = False  # a refresh during the call shows the saved text
        if not self.ctx.run(agenda.set_item_notes, item_id, text, parent=self):
            self._notes_dirty = True
            return False
        self.notes_state.setText(_("Saved"))
        return True

    def leaving(self) -> None:
        self.save_notes()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # Typed notes are saved when the user moves on: to another field, another item or tab, or when
        # the window closes (before the file is closed). Not when another program takes the focus.
        if watched is self.notes and event.type() == QEvent.Type.FocusOut and event.reason() not in (
                Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.save_notes()
        elif watched is self._window and event.type() == QEvent.Type.Close:
            self.save_notes()
        return False

    def showEvent(self, event) -> None:  # noqa: N802
        if self._window is None:
            self._window = self.window()
            self._window.installEventFilter(self)
        super().showEvent(event)

    # -- decisions ---------------------------------------------------------------------------------------
    def _item_for_new(self) -> int | None:
        current = self.current_item_id()
        return current if current not in (None, LOOSE) else None

    def _update_buttons(self, *_args) -> None:
        open_ = self.editable
        decision = selected_row(self.decision_table)
        point = selected_row(self.action_table)
        own = point is not None and point.meeting_id == self.meeting_id
        self.add_decision_button.setEnabled(open_)
        self.edit_decision_button.setEnabled(open_ and decision is not None)
        self.delete_decision_button.setEnabled(open_ and decision is not None)
        self.add_action_button.setEnabled(open_)
        self.edit_action_button.setEnabled(open_ and own)
        self.delete_action_button.setEnabled(open_ and own)
        # Follow-up goes on after approval: closing an action point is always possible.
        self.done_button.setEnabled(point is not None and point.status == "open")
        self.cancel_action_button.setEnabled(point is not None and point.status == "open")
        self.reopen_button.setEnabled(point is not None and point.status != "open")

    def add_decision(self) -> None:
        from huurdersgroep_app.ui.dialogs.meeting_decision import DecisionDialog

        self.save_notes()
        DecisionDialog(self.ctx, self.record, item_id=self._item_for_new(), parent=self).exec()

    def edit_decision(self) -> None:
        decision = selected_row(self.decision_table)
        if decision is not None and self.editable:
            from huurdersgroep_app.ui.dialogs.meeting_decision import DecisionDialog

            DecisionDialog(self.ctx, self.record, decision, parent=self).exec()

    def delete_decision(self) -> None:
        decision = selected_row(self.decision_table)
        if decision is not None and self.ctx.ask(_("Delete decision {label}? Its number is not given again.").format(
                label=decision.label), self):
            self.ctx.run(minutes.delete_decision, decision.id, parent=self)

    def approve_previous(self) -> None:
        from huurdersgroep_app.ui.dialogs.meeting_decision import ApprovalDialog

        ApprovalDialog(self.ctx, self.record, parent=self).exec()

    # -- action points -----------------------------------------------------------------------------------
    def add_action(self) -> None:
        from huurdersgroep_app.ui.dialogs.action_point import ActionPointDialog

        self.save_notes()
        ActionPointDialog(self.ctx, self.record, item_id=self._item_for_new(), parent=self).exec()

    def edit_action(self) -> None:
        point = selected_row(self.action_table)
        if point is not None and point.meeting_id == self.meeting_id and self.editable:
            from huurdersgroep_app.ui.dialogs.action_point import ActionPointDialog

            ActionPointDialog(self.ctx, self.record, point, parent=self).exec()

    def set_action_status(self, status: str) -> bool:
        point = selected_row(self.action_table)
        if point is None:
            return False
        # Closed on the meeting's day when reviewed there, else today (the day it is entered).
        day = min(date.today(), self.record.scheduled_on) if point.meeting_id != self.meeting_id else date.today()
        return bool(self.ctx.run(action_points.set_action_status, point.id, status, day, parent=self))

    def delete_action(self) -> None:
        point = selected_row(self.action_table)
        if point is not None and self.ctx.ask(_("Delete the action point '{text}'?").format(
                text=point.description), self):
            self.ctx.run(action_points.delete_action_point, point.id, parent=self)
