"""The Attendance tab: everyone expected with present / excused / absent, proxies, guests, the
counts and the quorum as they change, and the sign-in sheet to print before the meeting."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings.record import MeetingRecord
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.meetings import documents as docs
from huurdersgroep_app.ui.meetings.attendance_model import (ROW_ROLE, SHOW_CHOICES, AttendanceFilter, AttendanceModel,
                                                   show_label)
from huurdersgroep_app.ui.meetings.tab import MeetingTab, button_column, set_signal
from huurdersgroep_app.ui.kit.table_model import table_view
from huurdersgroep_app.ui.kit.widgets import hint


def counts_text(record: MeetingRecord) -> str:
    c = record.counts
    text = _("Present: {present} · Excused: {excused} · Absent: {absent} (of whom not marked: {unmarked}) · "
             "Guests: {guests}").format(present=c.present, excused=c.excused, absent=c.absent, unmarked=c.unmarked,
                                        guests=c.guests)
    if c.proxies:
        text += " · " + _("Proxies: {n}").format(n=c.proxies)
    return text


class AttendanceTab(MeetingTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find a name"))
        self.search.setAccessibleName(_("Find a name"))
        self.search.setClearButtonEnabled(True)
        self.show_choice = QComboBox()
        self.show_choice.setAccessibleName(_("Show"))
        for choice in SHOW_CHOICES:
            self.show_choice.addItem(show_label(choice), choice)
        for text, widget, stretch in ((_("Find:"), self.search, 2), (_("Show:"), self.show_choice, 0)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, stretch)
        filters.addStretch(1)
        layout.addLayout(filters)

        row = QHBoxLayout()
        self.model = AttendanceModel(self)
        self.proxy = AttendanceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Attendance"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        width = self.fontMetrics().averageCharWidth()
        for column in (1, 2, 3):
            self.table.setColumnWidth(column, max(width * 11, self.fontMetrics().horizontalAdvance(
                self.model.headers[column]) + width * 4))
        self.table.setColumnWidth(4, width * 26)
        box = self.fontMetrics().height()
        self.table.setStyleSheet(f"QTableView::indicator {{ width: {box}px; height: {box}px; }}")
        row.addWidget(self.table, 1)
        self.mark_buttons = {}
        for status, label in (("present", _("Present")), ("excused", _("Excused")), ("absent", _("Absent")),
                              (None, _("Not marked"))):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, s=status: self.mark(s))
            self.mark_buttons[status] = button
        self.proxy_button = QPushButton(_("Proxy…"))
        self.guest_button = QPushButton(_("Add a guest…"))
        self.remove_guest_button = QPushButton(_("Remove the guest…"))
        self.roles_button = QPushButton(_("Chair and minute-taker…"))
        self.roles_button.setToolTip(_("Who chaired and who took the minutes, from those present."))
        self.sheet_button = docs.document_button(ctx, _("Sign-in sheet"), lambda fmt: docs.sign_in_sheet_writer(
            self.meeting_id), lambda: docs.meeting_file_name(self.record, _("sign-in-sheet")), self)
        side = button_column(*self.mark_buttons.values(), None, self.proxy_button, self.guest_button,
                             self.remove_guest_button, None, self.roles_button, None, self.sheet_button)
        side.insertWidget(0, hint(_("Mark the selected people as:")))
        row.addLayout(side)
        layout.addLayout(row, 1)
        layout.addWidget(hint(_("Tick a box in the table, or select several names (Shift or Ctrl and click) and use "
                                "the buttons. Whoever is not marked counts as absent.")))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.quorum = QLabel()
        self.quorum.setWordWrap(True)
        layout.addWidget(self.quorum)

        self.search.textChanged.connect(self.proxy.set_search)
        self.show_choice.currentIndexChanged.connect(lambda: self.proxy.set_show(self.show_choice.currentData()))
        self.model.status_requested.connect(self._status_requested)
        self.table.clicked.connect(self._clicked)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.proxy_button.clicked.connect(self.give_proxy)
        self.guest_button.clicked.connect(self.add_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)
        self.roles_button.clicked.connect(self.choose_roles)

    # -- showing -----------------------------------------------------------------------------------------
    def fill(self, record: MeetingRecord) -> None:
        self.model.set_rows(record.attendance, self.editable)
        self.counts.setText(counts_text(record))
        set_signal(self.quorum, record.quorum.reached, record.quorum.text)
        self._update_buttons()

    def selected_rows(self) -> list:
        return [self.proxy.data(index, ROW_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _update_buttons(self, *_args) -> None:
        rows = self.selected_rows()
        members = [r for r in rows if not r.is_guest]
        for button in self.mark_buttons.values():
            button.setEnabled(self.editable and bool(members))
        self.proxy_button.setEnabled(self.editable and len(members) == 1 and members[0].status != "present")
        self.proxy_button.setToolTip(_("For a member who is excused or absent: who votes for them."))
        self.guest_button.setEnabled(self.editable)
        self.remove_guest_button.setEnabled(self.editable and len(rows) == 1 and rows[0].is_guest)
        self.roles_button.setEnabled(self.editable)

    def select_member(self, member_id: int) -> bool:
        for number in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(number, 0), ROW_ROLE)
            if not row.is_guest and row.member_id == member_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.proxy.index(number, 0))
                return True
        return False

    # -- actions -----------------------------------------------------------------------------------------
    def _clicked(self, index) -> None:
        self.model.toggle(self.proxy.mapToSource(index))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Space on a status cell ticks it, like a click."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space:
            current = self.table.currentIndex()
            if current.isValid() and self.model.toggle(self.proxy.mapToSource(current)):
                return True
        return False

    def _status_requested(self, member_id: int, status: str | None) -> None:
        self.ctx.run(attendance.set_attendance, self.meeting_id, member_id, status, parent=self)

    def mark(self, status: str | None) -> bool:
        """Give every selected member the same mark, in one action."""
        members = [r.member_id for r in self.selected_rows() if not r.is_guest]
        if not members:
            return False
        return bool(self.ctx.run(attendance.set_attendances, self.meeting_id, dict.fromkeys(members, status),
                                 parent=self))

    def give_proxy(self) -> None:
        rows = [r for r in self.selected_rows() if not r.is_guest]
        if len(rows) != 1:
            return
        from huurdersgroep_app.ui.meetings.attendance_dialog import ProxyDialog

        present = self.present_members()
        if not present:
            self.ctx.show_info(_("Mark who is present first; a proxy goes to a member who is present."), self)
            return
        ProxyDialog(self.ctx, self.meeting_id, rows[0], present, parent=self).exec()

    def present_members(self) -> list[tuple[int, str]]:
        return [(r.member_id, r.name) for r in self.record.attendance if not r.is_guest and r.status == "present"]

    def choose_roles(self) -> None:
        from huurdersgroep_app.ui.meetings.attendance_dialog import RolesDialog

        present = self.present_members()
        if not present:
            self.ctx.show_info(_("Mark who is present first; the chair and the minute-taker are among them."), self)
            return
        RolesDialog(self.ctx, self.meeting_id, self.record.chair_id, self.record.minute_taker_id, present,
                    parent=self).exec()

    def add_guest(self) -> None:
        from huurdersgroep_app.ui.meetings.attendance_dialog import GuestDialog

        GuestDialog(self.ctx, self.meeting_id, [c.id for c in self.record.contacts], parent=self).exec()

    def remove_guest(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and rows[0].is_guest and self.ctx.ask(
                _("Remove {name} from the guests?").format(name=rows[0].name), self):
            self.ctx.run(attendance.remove_guest, rows[0].attendance_id, parent=self)

