"""One meeting opened from the list: its heading and details, the next steps of its status, and
tabs for the agenda, the invitation, attendance, the minutes and (at an annual or members'
meeting) discharge and elections. Everything shown comes from one ``load_meeting`` call."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import NotFoundError
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.elections import ELECTING_TYPES
from huurdersgroep_app.core.services.meetings.record import MeetingRecord, load_meeting
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.agenda_tab import AgendaTab
from huurdersgroep_app.ui.meetings.attendance_tab import AttendanceTab
from huurdersgroep_app.ui.meetings.elections_tab import ElectionsTab
from huurdersgroep_app.ui.meetings.invitation_tab import InvitationTab
from huurdersgroep_app.ui.meetings.minutes_tab import MinutesTab
from huurdersgroep_app.ui.kit.widgets import heading, hint


def step_label(status: str) -> str:
    """The button for moving a meeting to ``status``, in words of what happened."""
    return {"invited": _("Invitations were sent…"), "held": _("The meeting was held"),
            "minutes_drafted": _("The minutes are written"), "minutes_approved": _("Approve the minutes…"),
            "cancelled": _("Cancel the meeting…"), "planned": _("Plan it again")}[status]


def details_text(record: MeetingRecord) -> str:
    parts = []
    if record.time_text:
        parts.append(_("Time: {time}").format(time=record.time_text))
    parts.append(_("Place: {place}").format(place=record.place or _("not known yet")))
    parts.append(_("Invited: {audience}").format(audience=meetings.audience_label(record.audience)))
    if record.chair_name:
        parts.append(_("Chair: {name}").format(name=record.chair_name))
    if record.minute_taker_name:
        parts.append(_("Minutes: {name}").format(name=record.minute_taker_name))
    if record.contacts:
        parts.append(_("Guests invited: {names}").format(
            names=", ".join(f"{c.name} ({c.organisation})" for c in record.contacts)))
    return " · ".join(parts)


class MeetingView(QWidget):
    back = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.record: MeetingRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(_("← All meetings"))
        self.back_button.clicked.connect(self.go_back)
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.edit_button = QPushButton(_("Change date, place, people…"))
        self.edit_button.clicked.connect(self.edit_meeting)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.title = heading("")
        layout.addWidget(self.title)
        self.details = hint("")
        layout.addWidget(self.details)

        status_row = QHBoxLayout()
        self.status = QLabel()
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        status_row.addWidget(self.status)
        self.steps = QHBoxLayout()
        status_row.addLayout(self.steps)
        status_row.addStretch(1)
        layout.addLayout(status_row)
        self.closed_note = hint("")
        layout.addWidget(self.closed_note)

        self.tabs = QTabWidget()
        self.agenda = AgendaTab(ctx)
        self.invitation = InvitationTab(ctx)
        self.attendance = AttendanceTab(ctx)
        self.minutes = MinutesTab(ctx)
        self.elections = ElectionsTab(ctx)
        for tab, title in ((self.agenda, _("Agenda")), (self.invitation, _("Invitation")),
                           (self.attendance, _("Attendance")), (self.minutes, _("Minutes")),
                           (self.elections, _("Discharge and elections"))):
            self.tabs.addTab(tab, title)
        self._previous_tab = self.tabs.currentWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

    # -- data --------------------------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int) -> bool:
        if meeting_id != self.meeting_id:
            self.tabs.setCurrentIndex(0)
        self.meeting_id = meeting_id
        return self.refresh()

    def refresh(self) -> bool:
        """Read the meeting again and show it; False when it no longer exists."""
        try:
            record = self.ctx.read(load_meeting, self.meeting_id)
        except NotFoundError:
            return False
        self.record = record
        self.title.setText(record.heading)
        self.details.setText(details_text(record))
        self.status.setText(_("Status: {status}").format(status=record.status_label))
        self._fill_steps(record)
        if record.status == "minutes_approved":
            self.closed_note.setText(_("The minutes of this meeting are approved, so it can no longer be changed. "
                                       "Its action points can still be marked as done."))
        elif record.status == "cancelled":
            reason = _(" Reason: {reason}").format(reason=record.cancel_reason) if record.cancel_reason else ""
            self.closed_note.setText(_("This meeting was cancelled.") + reason +
                                     " " + _("Use 'Plan it again' to change it."))
        self.closed_note.setVisible(record.status in ("minutes_approved", "cancelled"))
        self.edit_button.setEnabled(record.status not in ("minutes_approved", "cancelled"))
        electing = record.type in ELECTING_TYPES
        self.tabs.setTabText(self.tabs.indexOf(self.elections), _("Discharge and elections") if record.type ==
                             "annual" else _("Elections"))
        self.tabs.setTabVisible(self.tabs.indexOf(self.elections), electing)
        for tab in (self.agenda, self.invitation, self.attendance, self.minutes, self.elections):
            if tab is not self.elections or electing:
                tab.show_record(record)
        return True

    def _fill_steps(self, record: MeetingRecord) -> None:
        while self.steps.count():
            widget = self.steps.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # deleted later; hidden now so it is not drawn over its successor
                widget.deleteLater()
        self.step_buttons: dict[str, QPushButton] = {}
        for status in record.next_statuses:
            button = QPushButton(step_label(status))
            button.clicked.connect(lambda _checked=False, s=status: self.step(s))
            self.steps.addWidget(button)
            self.step_buttons[status] = button

    # -- actions -----------------------------------------------------------------------------------------
    def step(self, status: str) -> bool:
        """Move the meeting on; a step the service refuses shows its reason and changes nothing."""
        if status == "invited":
            self.tabs.setCurrentWidget(self.invitation)
            self.invitation.sent_on.setFocus()
            return False
        if status == "cancelled":
            reason, ok = QInputDialog.getText(self, _("Cancel the meeting"),
                                              _("Why is the meeting cancelled? (printed on the calendar file)"))
            if not ok:
                return False
            return bool(self.ctx.run(meetings.cancel_meeting, self.meeting_id, reason, parent=self))
        if status == "minutes_approved" and not self.ctx.ask(_(
                "Usually the next meeting approves these minutes: use 'Approve the previous minutes' in its "
                "Minutes tab, so the approval is a numbered decision. Mark them as approved here anyway? They "
                "can no longer be changed afterwards."), self):
            return False
        return bool(self.ctx.run(meetings.set_meeting_status, self.meeting_id, status, date.today(), parent=self))

    def edit_meeting(self) -> None:
        from huurdersgroep_app.ui.meetings.meeting_dialog import MeetingDialog

        MeetingDialog(self.ctx, self.meeting_id, parent=self).exec()

    def go_back(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "leaving"):
            current.leaving()
        self.back.emit()

    def _tab_changed(self, _index: int) -> None:
        if self._previous_tab is not None and self._previous_tab is not self.tabs.currentWidget():
            self._previous_tab.leaving()
        self._previous_tab = self.tabs.currentWidget()
        self._previous_tab.refresh_extra()
