"""Bank import: the tab lists the statements already imported; the wizard reads a file (CAMT.053,
MT940, CODA or a bank's CSV), previews every line — which is the dry run: nothing is written
until 'Book' — and books the new ones. An account the group does not have yet is added only
after asking. Importing the same file again books nothing."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from huurdersgroep_app.core.services.finance import bank_import
from huurdersgroep_app.core.services.finance.bank_files import CsvMapping, CsvSample
from huurdersgroep_app.core.services.finance.book_import import book_import
from huurdersgroep_app.core.services.finance.statements import statement_rows
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.bank_import_file import FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, FilePage
from huurdersgroep_app.ui.finance.bank_import_model import (CategoryDelegate, PreviewModel, PreviewNames,
                                                            statement_columns)
from huurdersgroep_app.ui.finance.csv_mapping import CsvMappingPage
from huurdersgroep_app.ui.finance.models import YearInfo, money
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import RowsTableModel, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, fit_to_screen, hint

__all__ = ["BankImportTab", "BankImportWizard", "FilePage"]


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "BankImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(_("Check before booking"))
        self.setSubTitle(_("Nothing has been written yet. Change a category where the suggestion is wrong, or "
                           "untick a line to leave it out. Greyed lines are already in the books."))
        layout = QVBoxLayout(self)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOUR}; border: 2px solid {ERROR_COLOUR}; padding: 6px;"
                                    "font-weight: bold;")
        layout.addWidget(self.problems)
        self.summary = hint("")
        layout.addWidget(self.summary)
        self.table = table_view(None)
        self.table.setAccessibleName(_("Lines of the bank file"))
        # One click on a category opens its list (CurrentChanged: the clicked cell becomes current).
        self.table.setEditTriggers(self.table.EditTrigger.CurrentChanged | self.table.EditTrigger.SelectedClicked |
                                   self.table.EditTrigger.EditKeyPressed)
        layout.addWidget(self.table, 1)
        # One box for the whole preview rather than a choice per line: a volunteer decides once what a
        # changed category means ("this member paid for something else, still theirs"), and a column of
        # extra tick boxes next to 'Book' would be easily mistaken for it. Unticked, the safe default:
        # a line that is no longer dues is not booked as the member's dues payment.
        self.keep_member = QCheckBox(_("Keep the member link when I change a category"))
        self.keep_member.setToolTip(_("Unticked, a line suggested as a member's dues loses that member when you "
                                      "give it another category."))
        self.keep_member.toggled.connect(self._keep_member_toggled)
        layout.addWidget(self.keep_member)
        self.model: PreviewModel | None = None

    def initializePage(self) -> None:  # noqa: N802
        preview, names = self.wiz.preview, self.wiz.names
        self.model = PreviewModel(preview, names, self)
        self.model.changed.connect(self._update_summary)
        self.model.keep_member = self.keep_member.isChecked()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(5, CategoryDelegate(names.categories, self.table))
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        widths = {0: metrics.horizontalAdvance(self.model.titles[0]) + char * 6,
                  1: metrics.horizontalAdvance(formats.short_date(date(2026, 12, 31))) + char * 3,
                  2: char * 24, 3: char * 34, 4: metrics.horizontalAdvance(money(Decimal("-1234.56"))) + char * 3,
                  5: char * 28}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        problems = preview.mismatches + preview.warnings
        self.problems.setText("\n".join(f"⚠ {text}" for text in problems))
        self.problems.setVisible(bool(problems))
        self._update_summary()

    def _keep_member_toggled(self, checked: bool) -> None:
        if self.model is not None:
            self.model.keep_member = checked

    def _update_summary(self) -> None:
        preview = self.wiz.preview
        money_in, money_out = bank_import.totals(preview)
        new = len(preview.new_lines)
        lines = [_("Account: {account}. File: {file}.").format(account=preview.account_name, file=preview.file_name),
                 preview.summary(),
                 _("To book: money in {income}, money out {expense}.").format(income=money(money_in),
                                                                            expense=money(money_out))]
        uncategorised = sum(1 for line in preview.new_lines
                            if line.category_id is None and not line.transfer_account_id)
        if uncategorised:
            lines.append(ngettext("{count} line has no category yet; you can give it one here or later in the "
                                  "cash book.", "{count} lines have no category yet; you can give them one here or "
                                  "later in the cash book.", uncategorised).format(count=uncategorised))
        self.summary.setText("\n".join(lines))
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           ngettext("Book {count} line", "Book {count} lines", new).format(count=new)
                           if new else _("Close"))

    def validatePage(self) -> bool:  # noqa: N802
        """'Book': one use case in one transaction, as a task; the wizard closes when it is done."""
        wiz = self.wiz
        if wiz.booked is not None:
            return True
        key = wiz.csv_sample.key if wiz.csv_sample is not None and wiz.csv_mapping is not None else None
        wiz.ctx.call_task(book_import, wiz.preview, csv_key=key, csv_mapping=wiz.csv_mapping, parent=self,
                          label=_("Booking the lines…"), success=self._booked)
        return False

    def _booked(self, count: int) -> None:
        self.wiz.booked = count
        self.wiz.accept()  # validates this page again, which now lets the wizard finish


class BankImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.names: PreviewNames | None = None
        self.booked: int | None = None
        self.created_account: str | None = None
        # A CSV file of a bank without a profile: its first lines, the column mapping (guessed,
        # remembered or chosen), why a remembered one no longer fits, and whether to ask.
        self.csv_sample: CsvSample | None = None
        self.csv_mapping: CsvMapping | None = None
        self.mapping_error = ""
        self.needs_mapping = False
        self.setWindowTitle(_("Import a bank file"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = CsvMappingPage(self)
        self.preview_page = PreviewPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        self.finished.connect(self._report)
        fit_to_screen(self, 64, 38)

    def _report(self, result: int) -> None:
        if result and self.booked:
            self.ctx.show_info(ngettext("{count} line was booked on '{account}'.",
                                        "{count} lines were booked on '{account}'.", self.booked).format(
                count=self.booked, account=self.preview.account_name), self.parentWidget())


class BankImportTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = YearInfo(date.today().year, False)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Import the statements of your bank account instead of typing every payment. "
                                "You see every line before anything is booked; a file imported twice adds "
                                "nothing.")))
        row = QHBoxLayout()
        self.import_button = QPushButton(_("Import a bank file…"))
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.caption = QLabel()
        layout.addWidget(self.caption)
        self.model = RowsTableModel(statement_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Imported statements"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        self.import_button.clicked.connect(self.import_file)

    def set_year(self, info: YearInfo) -> None:
        self.info = info

    def refresh(self) -> None:
        rows = self.ctx.read(statement_rows, self.info.year)
        self.caption.setText(ngettext("{count} bank statement of {year} imported:",
                                      "{count} bank statements of {year} imported:", len(rows)).format(
            count=len(rows), year=self.info.year) if rows else
            _("No bank statement of {year} has been imported yet.").format(year=self.info.year))
        self.model.set_rows(rows)

    def import_file(self) -> None:
        BankImportWizard(self.ctx, parent=self).exec()
