"""Meetings: the list of meetings by year and type, planning a new (annual) meeting, and opening a
meeting to prepare it, take attendance and write its minutes (``ui.meeting_view``). The decisions
register and the open action points are printed from here."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.meetings.lifecycle import MEETING_TYPES
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import (ESSENTIAL, HIGH, LOW, SORT_ROLE, Column, RowsTableModel, selected_row,
                                                  table_view)
from huurdersgroep_app.ui.kit.widgets import heading, hint


def _time(row) -> str:
    return row.start_time.strftime("%H:%M") if row.start_time else ""


def meeting_columns() -> list[Column]:
    # Sort values are strings or numbers: Qt's proxy compares those, not Python tuples.
    return [Column(_("Date"), lambda r: formats.short_date(r.scheduled_on), chars=11, priority=ESSENTIAL,
                   sort=lambda r: f"{r.scheduled_on.isoformat()} {_time(r)}"),
            Column(_("Time"), _time, chars=6),
            Column(_("Type"), lambda r: r.type_label, chars=30, priority=HIGH),
            # The type's own name is not repeated as a title.
            Column(_("Title"), lambda r: r.title if r.title != r.type_label else "", chars=36,
                   tooltip=lambda r: r.title, priority=HIGH),
            Column(_("Status"), lambda r: r.status_label, chars=18,
                   sort=lambda r: list(meetings.STATUS_LABELS).index(r.status), priority=HIGH),
            Column(_("Place"), lambda r: r.place, chars=20, tooltip=lambda r: r.place, priority=LOW)]


class MeetingList(QWidget):
    """The meetings of a year (or all), newest first, with the buttons to plan and open them."""

    def __init__(self, ctx: AppContext, page: "Page"):
        super().__init__()
        self.ctx, self.page = ctx, page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_("Meetings")))
        self.next_label = hint("")
        layout.addWidget(self.next_label)

        filters = QHBoxLayout()
        self.year = QComboBox()
        self.year.setAccessibleName(_("Year"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Type"))
        self.kind.addItem(_("All types"), None)
        for code in MEETING_TYPES:
            self.kind.addItem(meetings.type_label(code), code)
        for text, box in ((_("Year:"), self.year), (_("Type:"), self.kind)):
            label = QLabel(text)
            label.setBuddy(box)
            filters.addWidget(label)
            filters.addWidget(box)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = RowsTableModel(meeting_columns(), parent=self, dimmed=lambda r: r.status == "cancelled")
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Meetings"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.columns = fit_columns(self.table, "meetings", self.model.columns)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New meeting…"))
        self.new_button.setToolTip("Ctrl+M")
        self.annual_button = QPushButton(_("New annual meeting…"))
        self.open_button = QPushButton(_("Open"))
        self.delete_button = QPushButton(_("Delete…"))
        self.decisions_button = QPushButton(_("Decisions register…"))
        self.actions_button = QPushButton(_("Open action points…"))
        for button in (self.new_button, self.annual_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.decisions_button)
        buttons.addWidget(self.actions_button)
        layout.addLayout(buttons)

        self.year.currentIndexChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(lambda: self.page.new_meeting())
        self.annual_button.clicked.connect(lambda: self.page.new_meeting("annual"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.decisions_button.clicked.connect(lambda: self._register("decisions"))
        self.actions_button.clicked.connect(lambda: self._register("action_points"))
        self._update_buttons()

    def refresh(self, *_args) -> None:
        keep = self.selected_id()
        view = self.ctx.read(views.read_meeting_list, self.year.currentData(), self.kind.currentData())
        rows, upcoming = view.rows, view.upcoming
        self._fill_years(view.years)
        self.model.set_rows(rows)
        self.count.setText(ngettext("{n} meeting", "{n} meetings", len(rows)).format(n=len(rows)))
        if upcoming:
            nxt = upcoming[0]
            self.next_label.setText(_("Next meeting: {title} on {date} ({status}).").format(
                title=nxt.title, date=formats.long_date(nxt.scheduled_on), status=nxt.status_label))
        else:
            self.next_label.setText(_("No meeting is planned. Plan one with 'New meeting…'."))
        if keep is not None:
            self.select_meeting(keep)
        self._update_buttons()

    def _fill_years(self, years: list[int]) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("All years"), None)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)

    def selected_id(self) -> int | None:
        row = selected_row(self.table)
        return row.id if row is not None else None

    def select_meeting(self, meeting_id: int) -> bool:
        for number in range(self.proxy.rowCount()):
            index = self.proxy.index(number, 0)
            if self.proxy.data(index, Qt.ItemDataRole.UserRole).id == meeting_id:
                self.table.selectRow(number)
                self.table.scrollTo(index)
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        row = selected_row(self.table)
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status not in meetings.HELD_STATUSES)

    def open_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.page.open_meeting(meeting_id)

    def delete_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        question = _("Delete '{title}' of {date}? This is for a meeting entered by mistake; to call off a "
                     "meeting, open it and cancel it instead.").format(title=row.title,
                                                                       date=formats.long_date(row.scheduled_on))
        if self.ctx.ask(question, self):
            self.ctx.run(meetings.delete_meeting, row.id, parent=self)

    def _register(self, kind: str) -> None:
        from huurdersgroep_app.ui.meetings.documents import RegisterDialog

        RegisterDialog(self.ctx, kind, self.year.currentData() or date.today().year, parent=self).exec()


class Page(QWidget):
    """The list, or one meeting opened from it; 'All meetings' goes back."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget()
        self.list = MeetingList(ctx, self)
        self.stack.addWidget(self.list)
        self.view = None  # built when a meeting is first opened
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def refresh(self) -> None:
        if self.view is not None and self.stack.currentWidget() is self.view:
            if not self.view.refresh():  # the meeting is gone (deleted)
                self.show_list()
        else:
            self.list.refresh()

    def open_meeting(self, meeting_id: int) -> QWidget:
        if self.view is None:
            from huurdersgroep_app.ui.meetings.view import MeetingView

            self.view = MeetingView(self.ctx)
            self.view.back.connect(self.show_list)
            self.stack.addWidget(self.view)
        self.view.show_meeting(meeting_id)
        self.stack.setCurrentWidget(self.view)
        return self.view

    def show_list(self) -> None:
        shown = self.view.meeting_id if self.view is not None else None
        self.stack.setCurrentWidget(self.list)
        self.list.refresh()
        if shown is not None:
            self.list.select_meeting(shown)
        self.list.table.setFocus()

    def new_meeting(self, kind: str = "board") -> int | None:
        from huurdersgroep_app.ui.meetings.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(self.ctx, kind=kind, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.open_meeting(dialog.saved_id)
            return dialog.saved_id
        return None
