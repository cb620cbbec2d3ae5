"""The two boxes under an agenda item's notes in the Minutes tab: its decisions and its action
points, each a table with its buttons. The tab (``owner``) says which meeting and item are shown
and whether they may still change; the boxes act through the minutes and action-point services."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QHeaderView, QPushButton, QVBoxLayout

from huurdersgroep_app.core.services.meetings import action_points
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings.action_points import action_status_label
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.meetings.tab import button_row
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, size_columns, table_view

if TYPE_CHECKING:
    from huurdersgroep_app.ui.meetings.minutes_tab import MinutesTab


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


def _table(model: RowsTableModel, name: str, stretch_column: int):
    view = table_view(model)
    view.setAccessibleName(name)
    size_columns(view, model.columns)
    # The text column takes the room that is left; the others keep their width.
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


class DecisionsBox(QGroupBox):
    def __init__(self, ctx: AppContext, owner: MinutesTab):
        super().__init__(_("Decisions"))
        self.ctx, self.owner = ctx, owner
        box = QVBoxLayout(self)
        self.model = RowsTableModel(decision_columns(), parent=self)
        self.table = _table(self.model, _("Decisions"), 1)
        box.addWidget(self.table)
        self.add_button = QPushButton(_("New decision…"))
        self.edit_button = QPushButton(_("Change…"))
        self.delete_button = QPushButton(_("Delete…"))
        box.addLayout(button_row(self.add_button, self.edit_button, self.delete_button))
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.update_buttons()

    def update_buttons(self, *_args) -> None:
        chosen = selected_row(self.table) is not None
        self.add_button.setEnabled(self.owner.editable)
        self.edit_button.setEnabled(self.owner.editable and chosen)
        self.delete_button.setEnabled(self.owner.editable and chosen)

    def add(self) -> None:
        from huurdersgroep_app.ui.meetings.decision_dialog import DecisionDialog

        self.owner.save_notes()
        DecisionDialog(self.ctx, self.owner.record, item_id=self.owner.item_for_new(), parent=self).exec()

    def edit(self) -> None:
        decision = selected_row(self.table)
        if decision is not None and self.owner.editable:
            from huurdersgroep_app.ui.meetings.decision_dialog import DecisionDialog

            DecisionDialog(self.ctx, self.owner.record, decision, parent=self).exec()

    def delete(self) -> None:
        decision = selected_row(self.table)
        if decision is not None and self.ctx.ask(_("Delete decision {label}? Its number is not given again.").format(
                label=decision.label), self):
            self.ctx.run(minutes.delete_decision, decision.id, parent=self)


class ActionPointsBox(QGroupBox):
    """The item's own action points, and under the review item those of earlier meetings."""

    def __init__(self, ctx: AppContext, owner: MinutesTab):
        super().__init__(_("Action points"))
        self.ctx, self.owner = ctx, owner
        box = QVBoxLayout(self)
        self.model = RowsTableModel(action_columns(lambda: owner.meeting_id), parent=self,
                                    dimmed=lambda a: a.status != "open")
        self.table = _table(self.model, _("Action points"), 0)
        box.addWidget(self.table)
        self.add_button = QPushButton(_("New action point…"))
        self.edit_button = QPushButton(_("Change…"))
        self.done_button = QPushButton(_("Done"))
        self.cancel_button = QPushButton(_("No longer needed"))
        self.reopen_button = QPushButton(_("Open again"))
        self.delete_button = QPushButton(_("Delete…"))
        box.addLayout(button_row(self.add_button, self.edit_button, self.done_button, self.cancel_button,
                                 self.reopen_button, self.delete_button))
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.done_button.clicked.connect(lambda: self.set_status("done"))
        self.cancel_button.clicked.connect(lambda: self.set_status("cancelled"))
        self.reopen_button.clicked.connect(lambda: self.set_status("open"))
        self.delete_button.clicked.connect(self.delete)

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.update_buttons()

    def update_buttons(self, *_args) -> None:
        point = selected_row(self.table)
        own = point is not None and point.meeting_id == self.owner.meeting_id
        open_ = self.owner.editable
        self.add_button.setEnabled(open_)
        self.edit_button.setEnabled(open_ and own)
        self.delete_button.setEnabled(open_ and own)
        # Follow-up goes on after approval: closing an action point is always possible.
        self.done_button.setEnabled(point is not None and point.status == "open")
        self.cancel_button.setEnabled(point is not None and point.status == "open")
        self.reopen_button.setEnabled(point is not None and point.status != "open")

    def add(self) -> None:
        from huurdersgroep_app.ui.meetings.action_point_dialog import ActionPointDialog

        self.owner.save_notes()
        ActionPointDialog(self.ctx, self.owner.record, item_id=self.owner.item_for_new(), parent=self).exec()

    def edit(self) -> None:
        point = selected_row(self.table)
        if point is not None and point.meeting_id == self.owner.meeting_id and self.owner.editable:
            from huurdersgroep_app.ui.meetings.action_point_dialog import ActionPointDialog

            ActionPointDialog(self.ctx, self.owner.record, point, parent=self).exec()

    def set_status(self, status: str) -> bool:
        point = selected_row(self.table)
        if point is None:
            return False
        # Reviewed at this meeting: closed on its day (or today, if that is still to come); our own: today.
        record = self.owner.record
        day = min(date.today(), record.scheduled_on) if point.meeting_id != record.id else date.today()
        return bool(self.ctx.run(action_points.set_action_status, point.id, status, day, parent=self))

    def delete(self) -> None:
        point = selected_row(self.table)
        if point is not None and self.ctx.ask(_("Delete the action point '{text}'?").format(
                text=point.description), self):
            self.ctx.run(action_points.delete_action_point, point.id, parent=self)
