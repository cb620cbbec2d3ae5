"""The Minutes tab, following the agenda: pick an item on the left, write its notes, record its
decisions (numbered per year, with the vote) and action points. Under the review item the open
action points of earlier meetings can be closed. Approving the previous meeting's minutes is a
decision here; the minutes themselves come out as PDF or Word."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings.record import MeetingRecord
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.meetings import documents as docs
from huurdersgroep_app.ui.meetings.tab import MeetingTab, button_row
from huurdersgroep_app.ui.meetings.minutes_boxes import ActionPointsBox, DecisionsBox
from huurdersgroep_app.ui.kit.widgets import heading, hint

LOOSE = -1  # the list entry for decisions and action points without an agenda item


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

        self.decisions = DecisionsBox(ctx, self)
        right.addWidget(self.decisions)
        self.actions = ActionPointsBox(ctx, self)
        right.addWidget(self.actions)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.fontMetrics().averageCharWidth() * 34, self.fontMetrics().averageCharWidth() * 100])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.approve_button = QPushButton(_("Approve the previous minutes…"))
        self.previous_note = hint("")
        self.summary = QLabel()
        self.minutes_button = docs.document_button(ctx, _("Minutes"), lambda fmt: docs.minutes_writer(
            self.meeting_id, fmt), lambda: docs.meeting_file_name(self.record, _("minutes")), self, word=True)
        bottom.addWidget(self.approve_button)
        bottom.addWidget(self.previous_note, 1)
        bottom.addWidget(self.summary)
        bottom.addWidget(self.minutes_button)
        layout.addLayout(bottom)

        self.items.currentRowChanged.connect(self._item_changed)
        self.notes.textChanged.connect(self._notes_changed)
        self.save_notes_button.clicked.connect(self.save_notes)
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
            for ident, text in zip(ids, texts, strict=True):
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
        self.decisions.show_rows(decisions)
        self.actions.show_rows(actions)

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

    # -- decisions and action points (``minutes_boxes``) ------------------------------------------------------
    def item_for_new(self) -> int | None:
        """The agenda item a new decision or action point belongs to: the one shown."""
        current = self.current_item_id()
        return current if current not in (None, LOOSE) else None

    def approve_previous(self) -> None:
        from huurdersgroep_app.ui.meetings.decision_dialog import ApprovalDialog

        ApprovalDialog(self.ctx, self.record, parent=self).exec()
