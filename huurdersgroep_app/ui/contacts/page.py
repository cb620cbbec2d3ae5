"""Contacts: the partner organisations and their people per department, with the period each held
the role; staff changes as a hand-over, so the history stays; who receives the advice letters."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHeaderView, QHBoxLayout, QLineEdit, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.i18n import _
from huurdersgroep_app.core.services.contacts import Register, read_register
from huurdersgroep_app.ui.contacts.model import contact_columns, contact_search_text, partner_columns
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.row_filter import RowFilterProxy
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import ID_ROLE, SORT_ROLE, RowsTableModel, selected_row, table_view
from huurdersgroep_app.ui.kit.widgets import heading, hint

UNTIL_COLUMN = 6


def _button_row(layout: QVBoxLayout, *buttons: QPushButton) -> None:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.register: Register | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Contacts")))
        layout.addWidget(hint(_("The organisations the group works with and the people in them. When someone "
                                "leaves, end their role or hand over to the successor: the history stays.")))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left_box = QGroupBox(_("Organisations"))
        left = QVBoxLayout(left_box)
        self.partner_model = RowsTableModel(partner_columns(), parent=self)
        partner_proxy = QSortFilterProxyModel(self)
        partner_proxy.setSortRole(SORT_ROLE)
        partner_proxy.setSourceModel(self.partner_model)
        self.partners = table_view(partner_proxy)
        self.partners.setAccessibleName(_("Organisations"))
        self.partners.setSortingEnabled(True)
        self.partners.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.partner_columns = fit_columns(self.partners, "contacts.organisations", self.partner_model.columns)
        header = self.partners.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long names elide; the tooltip has them
        left.addWidget(self.partners, 1)
        self.new_partner_button = QPushButton(_("New…"))
        self.edit_partner_button = QPushButton(_("Change…"))
        self.delete_partner_button = QPushButton(_("Remove…"))
        _button_row(left, self.new_partner_button, self.edit_partner_button, self.delete_partner_button)
        splitter.addWidget(left_box)

        self.people_box = QGroupBox(_("People"))
        right = QVBoxLayout(self.people_box)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, role or department"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 1)
        self.show_past = QCheckBox(_("Also people who left their role"))
        filters.addWidget(self.show_past)
        right.addLayout(filters)
        self.model = RowsTableModel(contact_columns(), parent=self, dimmed=lambda r: not r.current)
        self.proxy = RowFilterProxy(contact_search_text, self)
        self.proxy.setSourceModel(self.model)
        self.people = table_view(self.proxy)
        self.people.setAccessibleName(_("People"))
        self.people.setSortingEnabled(True)
        self.people.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.people_columns = fit_columns(self.people, "contacts.people", self.model.columns)
        right.addWidget(self.people, 1)
        self.new_button = QPushButton(_("New person…"))
        self.edit_button = QPushButton(_("Change…"))
        self.end_button = QPushButton(_("End role…"))
        self.hand_over_button = QPushButton(_("Hand over to a successor…"))
        _button_row(right, self.new_button, self.edit_button, self.end_button, self.hand_over_button)
        splitter.addWidget(self.people_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        unit = self.fontMetrics().averageCharWidth()
        splitter.setSizes([unit * 48, unit * 100])

        letters = QGroupBox(_("Advice letters"))
        row = QHBoxLayout(letters)
        self.addressee = hint("")
        row.addWidget(self.addressee, 1)
        self.addressee_button = QPushButton(_("Send advice letters to the selected person"))
        self.automatic_button = QPushButton(_("Choose automatically"))
        row.addWidget(self.addressee_button)
        row.addWidget(self.automatic_button)
        layout.addWidget(letters)

        self.partners.selectionModel().selectionChanged.connect(self._partner_changed)
        self.people.selectionModel().selectionChanged.connect(self._update_buttons)
        self.search.textChanged.connect(self._filters_changed)
        self.show_past.toggled.connect(self._filters_changed)
        self.partners.doubleClicked.connect(lambda _index: self.edit_partner())
        self.people.doubleClicked.connect(lambda _index: self.edit_contact())
        self.new_partner_button.clicked.connect(self.new_partner)
        self.edit_partner_button.clicked.connect(self.edit_partner)
        self.delete_partner_button.clicked.connect(self.delete_partner)
        self.new_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(self.edit_contact)
        self.end_button.clicked.connect(self.end_role)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.addressee_button.clicked.connect(self.choose_addressee)
        self.automatic_button.clicked.connect(lambda: self.ctx.run(contacts.set_default_addressee, None, parent=self))
        self._filters_changed()

    # -- data --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        partner = self.selected_partner()
        self.register = self.ctx.read(read_register)
        self.partner_model.set_rows(self.register.partners)
        self.model.set_rows(self.register.people)
        wanted = partner.id if partner else (self.register.partners[0].id if self.register.partners else None)
        self.select_partner(wanted)
        if self.register.addressee_id is None:
            text = _("Advice letters go to the landlord without a name: add the landlord's people first.")
        elif self.register.addressee_chosen:
            text = _("Advice letters go to {person}, as chosen.").format(person=self.register.addressee_label)
        else:
            text = _("Advice letters go to {person}: the landlord's management, chosen automatically.").format(
                person=self.register.addressee_label)
        self.addressee.setText(text)
        self.automatic_button.setEnabled(self.register.addressee_chosen)
        self._filters_changed()

    def selected_partner(self):
        return selected_row(self.partners)

    def selected_contact(self):
        rows = self.people.selectionModel().selectedRows()
        return self.proxy.row_at(rows[0].row()) if rows else None

    def select_partner(self, partner_id: int | None) -> None:
        model = self.partners.model()
        for number in range(model.rowCount()):
            if model.index(number, 0).data(ID_ROLE) == partner_id:
                self.partners.selectRow(number)
                return

    def _partner_changed(self, *_args) -> None:
        partner = self.selected_partner()
        self.people_box.setTitle(_("People at {name}").format(name=partner.name) if partner else _("People"))
        self._filters_changed()

    def _filters_changed(self, *_args) -> None:
        partner = self.selected_partner()
        partner_id = partner.id if partner else None
        past = self.show_past.isChecked()
        self.people_columns.set_available(UNTIL_COLUMN, past)
        self.proxy.set_search(self.search.text())
        self.proxy.set_test(lambda r: r.partner_id == partner_id and (past or r.current))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        partner, person = self.selected_partner(), self.selected_contact()
        self.edit_partner_button.setEnabled(partner is not None)
        self.delete_partner_button.setEnabled(partner is not None)
        self.new_button.setEnabled(partner is not None)
        self.edit_button.setEnabled(person is not None)
        for button in (self.end_button, self.hand_over_button):
            button.setEnabled(person is not None and person.end_on is None)
        self.addressee_button.setEnabled(person is not None and person.current and partner is not None
                                         and partner.kind == "landlord")

    # -- actions -----------------------------------------------------------------------------------
    def _dialog(self, dialog) -> bool:
        done = bool(dialog.exec())
        dialog.deleteLater()
        return done

    def new_partner(self) -> None:
        from huurdersgroep_app.ui.contacts.contact_dialog import PartnerDialog

        dialog = PartnerDialog(self.ctx, parent=self)
        if self._dialog(dialog) and dialog.result_value is not None:
            self.select_partner(dialog.result_value.id)

    def edit_partner(self) -> None:
        partner = self.selected_partner()
        if partner is not None:
            from huurdersgroep_app.ui.contacts.contact_dialog import PartnerDialog

            self._dialog(PartnerDialog(self.ctx, partner.id, parent=self))

    def delete_partner(self) -> None:
        partner = self.selected_partner()
        if partner is not None and self.ctx.ask(_("Remove {name} from the register?").format(name=partner.name), self):
            self.ctx.run(contacts.delete_partner, partner.id, parent=self)

    def new_contact(self) -> None:
        partner = self.selected_partner()
        if partner is not None:
            from huurdersgroep_app.ui.contacts.contact_dialog import ContactDialog

            self._dialog(ContactDialog(self.ctx, partner_id=partner.id, parent=self))

    def edit_contact(self) -> None:
        person = self.selected_contact()
        if person is not None:
            from huurdersgroep_app.ui.contacts.contact_dialog import ContactDialog

            self._dialog(ContactDialog(self.ctx, person.id, parent=self))

    def end_role(self) -> None:
        person = self.selected_contact()
        if person is not None:
            from huurdersgroep_app.ui.contacts.contact_dialog import EndRoleDialog

            self._dialog(EndRoleDialog(self.ctx, person.id, person.full_name, parent=self))

    def hand_over(self) -> None:
        person = self.selected_contact()
        if person is not None:
            from huurdersgroep_app.ui.contacts.contact_dialog import HandOverDialog

            self._dialog(HandOverDialog(self.ctx, person.id, parent=self))

    def choose_addressee(self) -> None:
        person = self.selected_contact()
        if person is not None:
            self.ctx.run(contacts.set_default_addressee, person.id, parent=self)
