"""The Agenda tab: the items in order, with their documents; the open action points of earlier
meetings under the review item; items parked for later. Items are added, changed, moved, parked
or moved to another meeting, each through the agenda service."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QInputDialog, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import attachments as meeting_attachments
from huurdersgroep_app.core.services.meetings import overview as meeting_overview
from huurdersgroep_app.core.services.meetings.agenda import STANDARD_ITEMS, StandardItem, standard_title
from huurdersgroep_app.core.services.meetings.record import MeetingRecord
from huurdersgroep_app.core.services.meetings.lifecycle import type_label
from huurdersgroep_app import i18n
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.meetings import documents as docs
from huurdersgroep_app.ui.meetings.tab import MeetingTab, button_column
from huurdersgroep_app.ui.kit.widgets import hint

KIND_ROLE = Qt.ItemDataRole.UserRole        # 'item', 'attachment', 'action' or '' for a group heading
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def size_text(size: int) -> str:
    # Babel writes the decimal comma of the user's language ('2,5 MB' in Dutch).
    return _("{n} kB").format(n=max(1, round(size / 1024))) if size < 1024 * 1024 else \
        _("{n} MB").format(n=i18n.format_number(round(Decimal(size) / 1024 / 1024, 1)))


def action_line(point) -> str:
    parts = [point.description]
    if point.owner_name:
        parts.append(point.owner_name)
    if point.due_on:
        parts.append(_("due {date}").format(date=formats.short_date(point.due_on)))
    return _("Action point of {date}: {text}").format(date=formats.short_date(point.meeting_date),
                                                      text=" — ".join(parts))


class AgendaTab(MeetingTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("A new meeting starts with the standard agenda of its type. Open action points of "
                                "earlier meetings show under 'Review of open action points' until they are done.")))
        row = QHBoxLayout()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("No."), _("Item"), _("Introduced by"), _("Comes from")])
        self.tree.setAccessibleName(_("Agenda"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        self.tree.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 7)
        self.tree.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 60)
        self.tree.setColumnWidth(2, self.fontMetrics().averageCharWidth() * 20)
        row.addWidget(self.tree, 1)
        self.add_button = QPushButton(_("Add item…"))
        self.edit_button = QPushButton(_("Change…"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        self.park_button = QPushButton(_("Park for later"))
        self.move_button = QPushButton(_("Move to another meeting…"))
        self.remove_button = QPushButton(_("Remove item…"))
        self.attach_button = QPushButton(_("Attach a document…"))
        self.open_doc_button = QPushButton(_("Open the document"))
        self.remove_doc_button = QPushButton(_("Remove the document…"))
        self.standard_button = QPushButton(_("Use as standard agenda…"))
        self.standard_button.setToolTip(_("New meetings of this type will start with this agenda."))
        row.addLayout(button_column(self.add_button, self.edit_button, self.up_button, self.down_button,
                                    self.park_button, self.move_button, self.remove_button, None, self.attach_button,
                                    self.open_doc_button, self.remove_doc_button, None, self.standard_button))
        layout.addLayout(row, 1)
        self.description = hint("")
        layout.addWidget(self.description)

        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_a: self._double_clicked())
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.park_button.clicked.connect(self.toggle_park)
        self.move_button.clicked.connect(self.move_to_meeting)
        self.remove_button.clicked.connect(self.remove_item)
        self.attach_button.clicked.connect(self.attach)
        self.open_doc_button.clicked.connect(self.open_document)
        self.remove_doc_button.clicked.connect(self.remove_document)
        self.standard_button.clicked.connect(self.save_as_standard)

    # -- showing -----------------------------------------------------------------------------------------
    def fill(self, record: MeetingRecord) -> None:
        keep = self.selected()
        self.tree.clear()
        for item in record.agenda:
            node = self._item_node(item, str(item.number))
            self.tree.addTopLevelItem(node)
            for point in item.review:
                child = QTreeWidgetItem([action_line(point)])
                child.setData(0, KIND_ROLE, "action")
                child.setData(0, ID_ROLE, point.id)
                child.setToolTip(0, action_line(point))
                node.addChild(child)
                child.setFirstColumnSpanned(True)
            if item.id == record.review_item_id and not item.review:
                note = QTreeWidgetItem([_("No open action points from earlier meetings.")])
                note.setData(0, KIND_ROLE, "")
                note.setFlags(Qt.ItemFlag.ItemIsEnabled)
                node.addChild(note)
                note.setFirstColumnSpanned(True)
            self._attachment_nodes(node, item.attachments)
            node.setExpanded(True)
        if record.parked_items:
            group = self._group(_("Parked for a later meeting"))
            for item in record.parked_items:
                group.addChild(self._item_node(item, "–"))
            group.setExpanded(True)
        loose = [a for a in record.attachments if a.agenda_item_id is None]
        if loose:
            group = self._group(_("Documents of the whole meeting"))
            self._attachment_nodes(group, loose)
            group.setExpanded(True)
        if keep is not None:
            self.select(*keep)
        self._update_buttons()

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(["", title])
        font = group.font(1)
        font.setBold(True)
        group.setFont(1, font)
        group.setData(0, KIND_ROLE, "")
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        return group

    def _item_node(self, item, number: str) -> QTreeWidgetItem:
        title = item.title
        if item.moved_to_meeting_id:
            title = _("{title} (moved to another meeting)").format(title=title)
        node = QTreeWidgetItem([number, title, item.introduced_by, agenda.origin_label(item.origin)])
        node.setData(0, KIND_ROLE, "item")
        node.setData(0, ID_ROLE, item.id)
        if item.description:
            node.setToolTip(1, item.description)
        return node

    def _attachment_nodes(self, parent: QTreeWidgetItem, attachments) -> None:
        for attachment in attachments:
            child = QTreeWidgetItem([_("Document: {name} ({size})").format(name=attachment.file_name,
                                                                          size=size_text(attachment.size))])
            child.setData(0, KIND_ROLE, "attachment")
            child.setData(0, ID_ROLE, attachment.id)
            parent.addChild(child)
            child.setFirstColumnSpanned(True)

    def selected(self) -> tuple[str, int] | None:
        nodes = self.tree.selectedItems()
        if not nodes or not nodes[0].data(0, KIND_ROLE):
            return None
        return nodes[0].data(0, KIND_ROLE), nodes[0].data(0, ID_ROLE)

    def select(self, kind: str, ident: int) -> bool:
        for node in self._nodes():
            if node.data(0, KIND_ROLE) == kind and node.data(0, ID_ROLE) == ident:
                self.tree.setCurrentItem(node)
                return True
        return False

    def _nodes(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            yield node
            stack[0:0] = [node.child(i) for i in range(node.childCount())]

    def selected_item(self):
        chosen = self.selected()
        if chosen is None or chosen[0] != "item" or self.record is None:
            return None
        return next((i for i in self.record.items if i.id == chosen[1]), None)

    def _update_buttons(self) -> None:
        item, chosen, open_ = self.selected_item(), self.selected(), self.editable
        on_agenda = item is not None and not item.parked
        self.add_button.setEnabled(open_)
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(open_ and item is not None)
        agenda_ids = [i.id for i in self.record.agenda] if self.record else []
        self.up_button.setEnabled(open_ and on_agenda and agenda_ids.index(item.id) > 0)
        self.down_button.setEnabled(open_ and on_agenda and agenda_ids.index(item.id) < len(agenda_ids) - 1)
        self.park_button.setEnabled(open_ and item is not None and not item.moved_to_meeting_id)
        self.park_button.setText(_("Put back on the agenda") if item is not None and item.parked
                                 else _("Park for later"))
        self.move_button.setEnabled(open_ and item is not None and not item.moved_to_meeting_id)
        self.attach_button.setEnabled(self.record is not None)
        is_doc = chosen is not None and chosen[0] == "attachment"
        self.open_doc_button.setEnabled(is_doc)
        self.remove_doc_button.setEnabled(is_doc and open_)
        self.standard_button.setEnabled(bool(agenda_ids))
        self.description.setText(item.description if item is not None else "")

    # -- actions -----------------------------------------------------------------------------------------
    def _double_clicked(self) -> None:
        chosen = self.selected()
        if chosen and chosen[0] == "attachment":
            self.open_document()
        elif chosen and chosen[0] == "item" and self.editable:
            self.edit_item()

    def add_item(self) -> None:
        from huurdersgroep_app.ui.meetings.agenda_item_dialog import AgendaItemDialog

        dialog = AgendaItemDialog(self.ctx, self.meeting_id, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.select("item", dialog.saved_id)

    def edit_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            from huurdersgroep_app.ui.meetings.agenda_item_dialog import AgendaItemDialog

            AgendaItemDialog(self.ctx, self.meeting_id, item, parent=self).exec()

    def move(self, step: int) -> None:
        item = self.selected_item()
        if item is None or item.parked:
            return
        shown = self.record.agenda
        neighbour = shown[[i.id for i in shown].index(item.id) + step]
        if self.ctx.run(agenda.move_item, item.id, neighbour.position, parent=self):
            self.select("item", item.id)

    def toggle_park(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.ctx.run(agenda.park_item, item.id, not item.parked, parent=self)

    def move_to_meeting(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        rows = [r for r in self.ctx.read(meeting_overview.meeting_rows)
                if r.status in ("planned", "invited") and r.id != self.meeting_id]
        if not rows:
            self.ctx.show_info(_("There is no other meeting still to come. Plan the next meeting first; the item "
                                 "can stay parked until then."), self)
            return
        labels = [f"{formats.long_date(r.scheduled_on)} – {r.title}" for r in rows]
        chosen, ok = QInputDialog.getItem(self, _("Move to another meeting"),
                                          _("Put '{title}' on the agenda of:").format(title=item.title), labels, 0,
                                          False)
        if ok and chosen in labels:
            self.ctx.run(agenda.move_item_to_meeting, item.id, rows[labels.index(chosen)].id, parent=self)

    def remove_item(self) -> None:
        item = self.selected_item()
        if item is not None and self.ctx.ask(_("Remove '{title}' from the agenda?").format(title=item.title), self):
            self.ctx.run(agenda.remove_item, item.id, parent=self)

    def attach(self) -> None:
        item = self.selected_item()
        docs.attach_file(self.ctx, self.meeting_id, item.id if item is not None else None, self)

    def open_document(self) -> Path | None:
        chosen = self.selected()
        if chosen is None or chosen[0] != "attachment":
            return None
        return docs.open_attachment(self.ctx, chosen[1], self)

    def remove_document(self) -> None:
        chosen = self.selected()
        if chosen and chosen[0] == "attachment" and self.ctx.ask(_("Remove this document from the meeting?"), self):
            self.ctx.run(meeting_attachments.remove_attachment, chosen[1], parent=self)

    def save_as_standard(self) -> None:
        kind = self.record.type
        question = _("New meetings of the type '{type}' will start with these {n} items. Continue?").format(
            type=type_label(kind), n=len(self.record.agenda))
        if not self.ctx.ask(question, self):
            return
        items = [StandardItem(i.key, "" if i.key in STANDARD_ITEMS and i.title == standard_title(i.key)
                              else i.title, i.description) for i in self.record.agenda]
        if self.ctx.run(agenda.set_standard_agenda, kind, items, parent=self):
            self.ctx.show_info(_("The standard agenda of '{type}' was saved.").format(type=type_label(kind)), self)
