"""What the tabs of an opened meeting share: the meeting's record (``load_meeting``, read once per
refresh by the view and handed to every tab), whether it may still change, and data a tab reads
only while it is shown (the e-mail text, the open seats), so opening a meeting stays one read."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR

if TYPE_CHECKING:
    from huurdersgroep_app.core.services.meetings.record import MeetingRecord

CLOSED_STATUSES = ("minutes_approved", "cancelled")
OK_COLOUR = "#1b5e20"  # dark green, above 7:1 on white like ERROR_COLOUR


def signal_label(ok: bool | None, text: str) -> str:
    """A sentence with a sign in front, so the message never rests on colour alone."""
    if ok is None:
        return text
    return ("✔ " if ok else "✖ ") + text


def set_signal(label: QLabel, ok: bool | None, text: str) -> None:
    label.setText(signal_label(ok, text))
    colour = "" if ok is None else (OK_COLOUR if ok else ERROR_COLOUR)
    label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")


def button_row(*buttons: QPushButton, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for number, button in enumerate(buttons):
        if stretch_at == number:
            row.addStretch(1)
        row.addWidget(button)
    if stretch_at is None:
        row.addStretch(1)
    return row


def button_column(*buttons: QPushButton) -> QVBoxLayout:
    column = QVBoxLayout()
    for button in buttons:
        if button is None:
            column.addSpacing(button_spacing())
        else:
            column.addWidget(button)
    column.addStretch(1)
    return column


def button_spacing() -> int:
    return QLabel().fontMetrics().height() // 2


class MeetingTab(QWidget):
    """One tab of the meeting view. ``fill(record)`` shows the record; ``load_extra()`` reads what
    only this tab needs, once the tab is on screen."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.record: MeetingRecord | None = None
        self._extra_stale = True

    @property
    def meeting_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    @property
    def editable(self) -> bool:
        return self.record is not None and self.record.status not in CLOSED_STATUSES

    def show_record(self, record: MeetingRecord) -> None:
        self.record = record
        self.fill(record)
        self._extra_stale = True
        if self.is_current():
            self.refresh_extra()

    def refresh_extra(self) -> None:
        if self._extra_stale and self.record is not None:
            self._extra_stale = False
            self.load_extra()

    def is_current(self) -> bool:
        tabs = self.parent()
        while tabs is not None and not isinstance(tabs, QTabWidget):
            tabs = tabs.parent()
        return tabs is not None and tabs.currentWidget() is self

    def fill(self, record: MeetingRecord) -> None:
        raise NotImplementedError

    def load_extra(self) -> None:
        """Tabs that need more than the record read it here."""

    def leaving(self) -> None:
        """Called before another tab or the list is shown (to save typed notes)."""
