"""Year closing: the checks (problems that block, warnings for the kascommissie, entries without a
category, expenses without a receipt, bank balances against the statements) with a way to each
problem; then closing the year for good; the audit pack and the ledger spreadsheet."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance.closing import YearNotReadyError, close_year, closing_checks
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.documents import audit_pack_writer, document_button, save_ledger
from huurdersgroep_app.ui.finance.models import EntryTableModel, YearInfo, money
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, heading, hint


def bank_check_columns() -> list[Column]:
    def state(check) -> str:
        if check.statement_balance is None:
            return _("No statement imported")
        if check.later_entries:
            return _("Statements missing up to 31 December")
        return _("Agrees") if check.ok else _("Differs")

    return [Column(_("Account"), lambda c: c.account_name, chars=16),
            Column(_("Last statement"), lambda c: formats.short_date(c.statement_date), chars=11),
            Column(_("Bank says"), lambda c: money(c.statement_balance), align_right=True, chars=12),
            Column(_("Books say"), lambda c: money(c.books_balance), align_right=True, chars=12),
            Column(_("Check"), state)]


def details_tab(report, text: str) -> int | None:
    """Which details tab explains a message of the checks: the entries without a category, the
    expenses without a receipt, or the bank balances (the messages name the account)."""
    if any(f"'{check.account_name}'" in text for check in report.bank_checks):
        return 2
    count = len(report.uncategorised)
    if count and text == ngettext("{count} entry has no category yet.", "{count} entries have no category yet.",
                                  count).format(count=count):
        return 0
    count = len(report.missing_receipts)
    if count and text == ngettext("{count} expense has no receipt attached.",
                                  "{count} expenses have no receipt attached.", count).format(count=count):
        return 1
    return None


def _entries_view(title: str, table_id: str):
    model = EntryTableModel()
    view = table_view(model)
    view.setAccessibleName(title)
    # Measured like the cash book: at 1366 px the fixed widths cut descriptions beside a wide 'Receipt'.
    fit_columns(view, table_id, model.columns)
    return model, view


class ClosingTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.finance_page = parent  # to jump to the cash book
        self.info = YearInfo(date.today().year, False)
        self.report = None
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Before the kascommissie checks the books, the year is closed: every entry has a "
                                "category, the bank balances agree with the statements, and receipts are attached. "
                                "After closing nothing in that year can be changed.")))
        self.verdict = heading("", 2)
        layout.addWidget(self.verdict)
        self.messages = QListWidget()
        self.messages.setAccessibleName(_("Problems and warnings"))
        self.messages.setWordWrap(True)
        self.messages.setMaximumHeight(self.fontMetrics().height() * 8)
        layout.addWidget(self.messages)

        self.details = QTabWidget()
        self.uncategorised_model, self.uncategorised_table = _entries_view(_("Entries without a category"),
                                                                            "finance.closing.uncategorised")
        self.receipts_model, self.receipts_table = _entries_view(_("Expenses without a receipt"),
                                                                    "finance.closing.receipts")
        self.bank_model = RowsTableModel(bank_check_columns(), parent=self)
        self.bank_table = table_view(self.bank_model)
        self.bank_table.setAccessibleName(_("Bank balances"))
        size_columns(self.bank_table, self.bank_model.columns)
        self.open_button = QPushButton(_("Open the entry…"))
        self.cash_book_button = QPushButton(_("Show them in the cash book"))
        for table in (self.uncategorised_table, self.receipts_table):
            table.doubleClicked.connect(lambda _index: self.open_entry())
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.details.addTab(self.uncategorised_table, "")
        self.details.addTab(self.receipts_table, "")
        self.details.addTab(self.bank_table, "")
        self.details.currentChanged.connect(self._update_buttons)
        box = QGroupBox(_("Details"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.cash_book_button)
        row.addStretch(1)
        box_layout.addLayout(row)
        layout.addWidget(box, 1)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(_("Check again"))
        self.close_button = QPushButton()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(document_button(ctx, _("Audit pack (PDF)"), lambda: audit_pack_writer(self.info.year),
                                          lambda: _("audit-pack-{year}").format(year=self.info.year), self))
        self.ledger_button = QPushButton(_("Ledger as a spreadsheet…"))
        buttons.addWidget(self.ledger_button)
        layout.addLayout(buttons)

        self.check_button.clicked.connect(self.refresh)
        self.messages.itemClicked.connect(self._message_clicked)
        self.messages.itemActivated.connect(self._message_clicked)
        self.close_button.clicked.connect(self.close_the_year)
        self.open_button.clicked.connect(self.open_entry)
        self.cash_book_button.clicked.connect(self.show_in_cash_book)
        self.ledger_button.clicked.connect(lambda: save_ledger(self.ctx, self.info.year, self))

    def set_year(self, info: YearInfo) -> None:
        self.info = info

    def refresh(self, *_args) -> None:
        report = self.ctx.read(closing_checks, self.info.year)
        self.report = report
        year = self.info.year
        if report.already_closed:
            self.verdict.setText(_("The year {year} is closed.").format(year=year))
        elif report.can_close and report.confirmations:
            self.verdict.setText(_("The year {year} can be closed once you confirm what is marked with ?.").format(
                year=year))
        elif report.can_close:
            self.verdict.setText(_("The year {year} can be closed.").format(year=year))
        else:
            self.verdict.setText(_("The year {year} cannot be closed yet.").format(year=year))
        self.messages.clear()
        marked = ([("✗ ", t, ERROR_COLOUR) for t in report.problems] + [("? ", t, None) for t in report.confirmations]
                  + [("! ", t, None) for t in report.warnings])
        for mark, text, colour in marked:
            item = QListWidgetItem(mark + text)
            item.setData(Qt.ItemDataRole.UserRole, details_tab(report, text))
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            self.messages.addItem(item)
        if not report.problems and not report.warnings and not report.confirmations:
            self.messages.addItem(_("No problems found."))
        missing = {row.id for row in report.missing_receipts}
        self.uncategorised_model.set_rows(report.uncategorised, missing)
        self.receipts_model.set_rows(report.missing_receipts, missing)
        self.bank_model.set_rows(report.bank_checks)
        first = 0 if report.uncategorised else 1 if report.missing_receipts else 2
        self.details.setCurrentIndex(first)
        self.details.setTabText(0, _("Without a category ({count})").format(count=len(report.uncategorised)))
        self.details.setTabText(1, _("Without a receipt ({count})").format(count=len(report.missing_receipts)))
        self.details.setTabText(2, _("Bank balances ({count})").format(count=len(report.bank_checks)))
        self.close_button.setText(_("Close the year {year}…").format(year=year))
        self.close_button.setEnabled(report.can_close)
        self.close_button.setVisible(not report.already_closed)
        self._update_buttons()

    def _current_entry_table(self):
        return {0: self.uncategorised_table, 1: self.receipts_table}.get(self.details.currentIndex())

    def _update_buttons(self, *_args) -> None:
        table = self._current_entry_table()
        self.open_button.setEnabled(table is not None and selected_row(table) is not None)
        self.cash_book_button.setEnabled(self.details.currentIndex() == 0 and self.uncategorised_model.rowCount() > 0)

    # -- going to a problem ------------------------------------------------------------------------
    def _message_clicked(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target is not None:
            self.details.setCurrentIndex(target)

    def open_entry(self) -> None:
        from huurdersgroep_app.ui.finance.entry_dialog import EntryDialog

        table = self._current_entry_table()
        row = selected_row(table) if table is not None else None
        if row is not None and EntryDialog(self.ctx, row.id, parent=self).exec():
            self.refresh()

    def show_in_cash_book(self) -> None:
        if self.finance_page is not None and hasattr(self.finance_page, "show_tab"):
            self.finance_page.show_tab("cashbook").show_uncategorised()

    # -- closing -------------------------------------------------------------------------------------
    def close_the_year(self) -> None:
        from huurdersgroep_app.ui.finance.closing_confirm import ConfirmClosingDialog

        year = self.info.year
        questions = self.report.confirmations if self.report is not None else []
        if questions:  # each ticked in its own box, in place of the one question below
            if not ConfirmClosingDialog(year, questions, self).exec():
                return
        else:
            question = _("After closing, nothing in {year} can be changed. Corrections go into {next}.\n\n"
                         "Close the year {year} now?").format(year=year, next=year + 1)
            if not self.ctx.ask(question, self, _("Close the year {year}").format(year=year)):
                return
        try:
            # Confirmed is what the user ticked; anything new since is refused by the service and shown.
            report = self.ctx.call(close_year, year, confirmed=bool(questions) and
                                   questions == self.ctx.read(closing_checks, year).confirmations)
        except YearNotReadyError as exc:
            self.ctx.show_error(exc.message, self)
            self.refresh()
            return
        except DomainError as exc:
            self.ctx.show_error(exc.message, self)
            return
        warnings = report.warnings
        text = _("The year {year} is closed; its books are locked.").format(year=year)
        if warnings:
            text += "\n\n" + ngettext("The kascommissie will see this warning in the audit pack:",
                                      "The kascommissie will see these warnings in the audit pack:",
                                      len(warnings)) + "\n" + "\n".join(f"• {w}" for w in warnings)
        self.ctx.show_info(text, self)
