"""The cash book tab: the entries of one year, filtered by period, account, category and text
(search as you type), with new / change / delete, transfers and the receipts."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from huurdersgroep_app.core.services.finance import entries
from huurdersgroep_app.core.services.finance.search import UNCATEGORISED
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.category_cell import CategoryDelegate
from huurdersgroep_app.ui.finance.models import EntryFilterProxy, EntryTableModel, YearInfo, money, period_choices
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import table_view
from huurdersgroep_app.ui.kit.widgets import hint


def _labelled(layout: QHBoxLayout, text: str, widget: QWidget, stretch: int = 1) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text.rstrip(":"))
    layout.addWidget(label)
    layout.addWidget(widget, stretch)


class CashBookTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = YearInfo(date.today().year, False)
        self.category_list: list[tuple[int, str, str]] = []  # (id, label, kind), from the last refresh
        layout = QVBoxLayout(self)
        self.closed_note = hint("")
        self.closed_note.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.closed_note)

        filters = QHBoxLayout()
        self.period = QComboBox()
        _labelled(filters, _("Period:"), self.period)
        self.account = QComboBox()
        _labelled(filters, _("Account:"), self.account)
        self.category = QComboBox()
        _labelled(filters, _("Category:"), self.category, 2)
        self.search = QLineEdit()
        # The placeholder is short and the search box at least as wide as it, so the hint is never cut
        # on a 1366-pixel screen beside the three filters; the tooltip says it in full.
        self.search.setPlaceholderText(_("Who, what, amount, receipt no."))
        self.search.setToolTip(_("Search who, what, amount or receipt number"))
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self.search.setClearButtonEnabled(True)
        _labelled(filters, _("Search:"), self.search, 2)
        layout.addLayout(filters)

        self.model = EntryTableModel(parent=self)
        self.proxy = EntryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy)
        self.table.setAccessibleName(_("Entries"))
        self.table.setSortingEnabled(True)
        # Several lines at once for 'Set category…' (a year of bank lines is categorised in batches).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.sortByColumn(EntryTableModel.DATE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.columns = fit_columns(self.table, "finance.cashbook", self.model.columns)
        # The category is chosen in the cell itself (a click on the selected line's category, or F2); the
        # double click still opens the whole entry.
        self.model.editable_columns = {EntryTableModel.CATEGORY_COLUMN}
        self.table.setItemDelegateForColumn(EntryTableModel.CATEGORY_COLUMN,
                                            CategoryDelegate(self._cell_choices, self._cell_commit, self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked |
                                   QAbstractItemView.EditTrigger.EditKeyPressed)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        self.count.setWordWrap(True)
        layout.addWidget(self.count)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New entry…"))
        self.new_button.setToolTip("Ctrl+E")
        self.edit_button = QPushButton(_("Change…"))
        self.delete_button = QPushButton(_("Delete…"))
        self.category_button = QPushButton(_("Set category…"))
        self.category_button.setToolTip(_("Put the selected entries in one category"))
        self.transfer_button = QPushButton(_("Transfer between accounts…"))
        for button in (self.new_button, self.edit_button, self.delete_button, self.category_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.transfer_button)
        layout.addLayout(buttons)

        self.period.currentIndexChanged.connect(self._filters_changed)
        self.account.currentIndexChanged.connect(self._filters_changed)
        self.category.currentIndexChanged.connect(self._filters_changed)
        self.search.textChanged.connect(self._filters_changed)
        # `activated` is Enter and the double click (or the single click where the platform wants it);
        # connecting `doubleClicked` as well opened the entry twice.
        self.table.activated.connect(lambda _index: self.edit_entry())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_entry)
        # `clicked` passes `checked` (False), which must not reach edit_entry as an entry id.
        self.edit_button.clicked.connect(lambda: self.edit_entry())
        self.delete_button.clicked.connect(self.delete_entry)
        self.category_button.clicked.connect(lambda: self.set_category_for_selection())
        self.transfer_button.clicked.connect(self.new_transfer)

    # -- data --------------------------------------------------------------------------------------
    def set_year(self, info: YearInfo) -> None:
        changed = info.year != self.info.year or self.period.count() == 0
        self.info = info
        if changed:
            self.period.blockSignals(True)
            self.period.clear()
            for label, start, end in period_choices(info.year):
                self.period.addItem(label, (start, end))
            self.period.blockSignals(False)

    def refresh(self) -> None:
        if self.period.count() == 0:
            self.set_year(self.info)
        keep = self.selected_row()
        book = self.ctx.read(views.read_cash_book, self.info.year)
        rows, missing, account_list, category_list = book.entries, book.missing_receipts, book.accounts, book.categories
        self.category_list = category_list
        self._refill(self.account, _("All accounts"), account_list)
        self.category.blockSignals(True)
        current = self.category.currentData()
        self.category.clear()
        self.category.addItem(_("All categories"), None)
        self.category.addItem(_("Not categorised"), UNCATEGORISED)
        for kind, title in (("income", _("Income")), ("expense", _("Expenses"))):
            self.category.insertSeparator(self.category.count())
            for category_id, name, category_kind in category_list:
                if category_kind == kind:
                    self.category.addItem(f"{title}: {name}", category_id)
        found = self.category.findData(current)
        self.category.setCurrentIndex(max(found, 0))
        self.category.blockSignals(False)
        self.model.set_rows(rows, missing)
        self._filters_changed()
        if keep is not None:
            self.select_entry(keep.id)
        self.closed_note.setText(self.info.closed_note() if self.info.closed else "")
        self.closed_note.setVisible(self.info.closed)
        self._update_buttons()

    @staticmethod
    def _refill(combo: QComboBox, everything: str, choices) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, name in choices:
            combo.addItem(name, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _filters_changed(self, *_args) -> None:
        start, end = self.period.currentData() or (None, None)
        self.proxy.set_filter(start=start, end=end, account_id=self.account.currentData(),
                              category_id=self.category.currentData(), text=self.search.text())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        money_in, money_out = self.proxy.totals()
        self.count.setText(ngettext("{shown} of {total} entry shown", "{shown} of {total} entries shown", total)
                           .format(shown=shown, total=total) + " · " +
                           _("money in {income}, money out {expense}").format(income=money(money_in),
                                                                               expense=money(money_out)))
        self._update_buttons()

    def show_uncategorised(self) -> None:
        """Used by the year closing: only the entries that still need a category."""
        self.search.clear()
        self.period.setCurrentIndex(0)
        self.account.setCurrentIndex(0)
        self.category.setCurrentIndex(self.category.findData(UNCATEGORISED))

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def selected_rows(self) -> list:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [self.model.rows[self.proxy.mapToSource(index).row()] for index in rows]

    def select_entry(self, entry_id: int) -> bool:
        for number, row in enumerate(self.model.rows):
            if row.id == entry_id:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    self.table.selectRow(index.row())
                    self.table.scrollTo(index)
                    return True
        return False

    def _update_buttons(self, *_args) -> None:
        row = self.selected_row()
        locked = self.info.closed
        self.new_button.setEnabled(not locked)
        self.transfer_button.setEnabled(not locked)
        self.edit_button.setEnabled(row is not None)
        self.edit_button.setText(_("Show…") if locked else _("Change…"))
        self.delete_button.setEnabled(row is not None and not locked)
        self.category_button.setEnabled(row is not None and not locked)

    # -- actions -----------------------------------------------------------------------------------
    def new_entry(self) -> None:
        from huurdersgroep_app.ui.finance.entry_dialog import EntryDialog

        today = date.today()
        day = today if today.year == self.info.year else date(self.info.year, 12, 31)
        dialog = EntryDialog(self.ctx, day=day, account_id=self.account.currentData(), parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.search.clear()
            self.select_entry(dialog.saved_id)

    def edit_entry(self, entry_id: int | None = None) -> None:
        from huurdersgroep_app.ui.finance.entry_dialog import EntryDialog

        if entry_id is None:
            row = self.selected_row()
            if row is None:
                return
            entry_id = row.id
        EntryDialog(self.ctx, entry_id, parent=self).exec()

    def set_category_for_selection(self, category_id: int | None = None) -> bool:
        """One category for every selected entry, in one service call; the service refuses split entries,
        a closed year and a category of the other kind, and then nothing changes."""
        rows = self.selected_rows()
        if not rows:
            return False
        if category_id is None:
            kinds = {"income" if r.amount > 0 else "expense" for r in rows if r.amount}
            choices = [(c_id, name) for c_id, name, kind in self.category_list if not kinds or
                       kind in kinds]
            labels = [name for _id, name in choices]
            picked, ok = QInputDialog.getItem(self, _("Set category"), ngettext(
                "Category for {count} entry:", "Category for {count} entries:", len(rows)).format(count=len(rows)),
                labels, 0, False)
            if not ok or picked not in labels:
                return False
            category_id = choices[labels.index(picked)][0]
        done = self.ctx.run(entries.set_categories, [r.id for r in rows], category_id, parent=self)
        if done:
            self.refresh()
        return bool(done)

    def _cell_choices(self, index) -> tuple[list[tuple[int, str]], int | None]:
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        kind = "income" if row.amount > 0 else "expense" if row.amount < 0 else None
        pairs = [(c_id, name) for c_id, name, c_kind in self.category_list if kind is None or c_kind == kind]
        return pairs, row.category_ids[0] if len(row.category_ids) == 1 else None

    def _cell_commit(self, index, category_id: int) -> None:
        entry_id = self.model.rows[self.proxy.mapToSource(index).row()].id
        # The refresh resets the model, which must not happen while the view is still closing the editor.
        if self.ctx.run(entries.set_categories, [entry_id], category_id, parent=self):
            QTimer.singleShot(0, self, lambda: (self.refresh(), self.select_entry(entry_id)))

    def delete_entry(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        question = _("Delete the entry of {date} ({who}, {amount})? Its receipts are deleted with it.").format(
            date=formats.short_date(row.booked_on), who=row.counterparty or row.description or "–",
            amount=money(row.amount))
        if self.ctx.ask(question, self):
            self.ctx.run(entries.delete_entry, row.id, parent=self)

    def new_transfer(self) -> None:
        from huurdersgroep_app.ui.finance.dialogs import TransferDialog

        today = date.today()
        TransferDialog(self.ctx, today if today.year == self.info.year else date(self.info.year, 12, 31),
                       parent=self).exec()
