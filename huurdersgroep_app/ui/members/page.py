"""Members: search as you type, filter, sort, add, change, end membership, import, print."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from huurdersgroep_app.core.services.members import address_ranges
from huurdersgroep_app.core.services.members import views as member_views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.members.privacy_actions import PrivacyMenu
from huurdersgroep_app.ui.members.model import (NO_COMPLEX, STATUS_ACTIVE, STATUS_ALL, STATUS_BOARD, STATUS_FORMER,
                                               MemberFilterProxy, MemberTableModel)
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import ID_ROLE, table_view
from huurdersgroep_app.ui.kit.widgets import heading


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Members")))

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, address, phone or e-mail"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("Search:"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        self.status = QComboBox()
        for value, label in ((STATUS_ACTIVE, _("Current members")), (STATUS_FORMER, _("Former members")),
                             (STATUS_BOARD, _("Board members")), (STATUS_ALL, _("All members"))):
            self.status.addItem(label, value)
        self.status.setAccessibleName(_("Show"))
        show_label = QLabel(_("Show:"))
        show_label.setBuddy(self.status)
        filters.addWidget(show_label)
        filters.addWidget(self.status, 1)
        self.complex = QComboBox()
        self.complex.setAccessibleName(_("Complex"))
        complex_label = QLabel(_("Complex:"))
        complex_label.setBuddy(self.complex)
        filters.addWidget(complex_label)
        filters.addWidget(self.complex, 1)
        layout.addLayout(filters)

        self.model = MemberTableModel(parent=self)
        self.proxy = MemberFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Members"))
        self.table.setSortingEnabled(True)
        # Several members at once for "Assign to complex…"; the one-member buttons use the current row.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.sortByColumn(MemberTableModel.NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.columns = fit_columns(self.table, "members", self.model.columns)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        # The actions on the whole list sit beside the count, those on the selection below: in one row
        # they made the window 1421 px wide, wider than a 1366-pixel laptop screen.
        whole_list = QHBoxLayout()
        whole_list.addWidget(self.count)
        whole_list.addStretch(1)
        layout.addLayout(whole_list)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New member…"))
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton(_("Change…"))
        self.end_button = QPushButton(_("End membership…"))
        # Access requests, consents, anonymising and erasing, retention: the privacy tools on one menu.
        self.privacy_button = QPushButton(_("Privacy"))
        self.privacy_menu = PrivacyMenu(ctx, self)
        self.privacy_button.setMenu(self.privacy_menu)
        self.assign_button = QPushButton(_("Assign to complex…"))
        self.by_address_button = QPushButton(_("Assign complexes by address"))
        self.by_address_button.setToolTip(_("Put every member without a complex in the complex whose address "
                                            "ranges hold their street and house number."))
        self.import_button = QPushButton(_("Import from a file…"))
        self.print_button = QPushButton(_("Member list (PDF)…"))
        for button in (self.new_button, self.edit_button, self.end_button, self.assign_button, self.privacy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.by_address_button, self.import_button, self.print_button):
            whole_list.addWidget(button)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._search_changed)
        self.status.currentIndexChanged.connect(self._filters_changed)
        self.complex.currentIndexChanged.connect(self._filters_changed)
        # Enter and the double click (one signal: connecting doubleClicked too opened the member twice).
        self.table.activated.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.end_button.clicked.connect(self.end_membership)
        self.assign_button.clicked.connect(self.assign_complex)
        self.by_address_button.clicked.connect(self.assign_by_address)
        self.import_button.clicked.connect(self.import_members)
        self.print_button.clicked.connect(self.print_list)
        self._update_buttons()

    # -- data --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_id()
        rows, choices = self.ctx.read(member_views.read_member_page)
        current = self.complex.currentData()
        self.complex.blockSignals(True)
        self.complex.clear()
        self.complex.addItem(_("All complexes"), None)
        for complex_id, name in choices:
            self.complex.addItem(name, complex_id)
        self.complex.addItem(_("No complex"), NO_COMPLEX)
        found = self.complex.findData(current)
        self.complex.setCurrentIndex(found if found >= 0 else 0)
        self.complex.blockSignals(False)
        self.proxy.set_complex(self.complex.currentData())
        self.model.set_rows(rows)
        if keep is not None:
            self.select_member(keep)
        self._update_count()
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ID_ROLE) if rows else None

    def selected_ids(self) -> list[int]:
        return [self.proxy.data(index, ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def select_member(self, member_id: int) -> bool:
        """Select a member's row if the filters show it."""
        for number, row in enumerate(self.model.rows):
            if row.id == member_id:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if not index.isValid():
                    return False
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return True
        return False

    # -- filters -----------------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _filters_changed(self) -> None:
        self.proxy.set_status(self.status.currentData())
        self.proxy.set_complex(self.complex.currentData())
        self._update_count()

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(ngettext("{shown} of {total} member shown", "{shown} of {total} members shown",
                                    total).format(shown=shown, total=total))

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        self.edit_button.setEnabled(row is not None)
        self.end_button.setEnabled(row is not None and row.left_on is None)
        self.privacy_menu.set_member(row)
        self.assign_button.setEnabled(bool(self.selected_ids()))

    def _selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    # -- actions -----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_member(self) -> None:
        from huurdersgroep_app.ui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.search.clear()
            self.select_member(dialog.saved_id)

    def edit_member(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        from huurdersgroep_app.ui.members.member_dialog import MemberDialog

        MemberDialog(self.ctx, member_id, parent=self).exec()

    def end_membership(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        from huurdersgroep_app.ui.members.end_membership import EndMembershipDialog

        EndMembershipDialog(self.ctx, row.id, row.full_name, parent=self).exec()

    def assign_complex(self) -> None:
        from huurdersgroep_app.ui.members.assign_complex import AssignComplexDialog

        ids = self.selected_ids()
        if ids:
            AssignComplexDialog(self.ctx, ids, parent=self).exec()

    def assign_by_address(self) -> None:
        result = self.ctx.run(address_ranges.assign_by_address, parent=self)
        if result:
            self.ctx.show_info(result.value.note(), self)

    def import_members(self) -> None:
        from huurdersgroep_app.ui.members.import_wizard import ImportMembersWizard

        ImportMembersWizard(self.ctx, parent=self).exec()

    def print_list(self) -> None:
        from huurdersgroep_app.ui.kit.documents import MemberListDialog

        MemberListDialog(self.ctx, parent=self).exec()
