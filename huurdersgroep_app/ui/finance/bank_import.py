"""Bank import: the tab lists the statements already imported; the wizard reads a file (CAMT.053,
MT940, CODA or a bank's CSV), previews every line — which is the dry run: nothing is written
until 'Book' — and books the new ones. An account the group does not have yet is added only
after asking. Importing the same file again books nothing."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance.bank_files import (CsvMapping, CsvSample, detect_format, detect_profile,
                                                              guess_mapping, parse_bank_file, read_text, sample_csv)
from huurdersgroep_app.core.services.finance import accounts, bank_import, csv_mappings
from huurdersgroep_app.core.services.finance.book_import import book_import
from huurdersgroep_app.core.services.finance.common import compact_iban
from huurdersgroep_app.core.services.finance.statements import statement_rows
from huurdersgroep_app.core.services import validation
from huurdersgroep_app.core.services.finance import views
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.finance.csv_mapping import CsvMappingPage
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.file_page import FileChoicePage
from huurdersgroep_app.ui.finance.bank_import_model import (CategoryDelegate, PreviewModel, PreviewNames,
                                                            statement_columns)
from huurdersgroep_app.ui.finance.models import YearInfo, money
from huurdersgroep_app.ui.kit.table_model import RowsTableModel, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR, busy, fit_to_screen, hint


FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)


def _formats() -> list[tuple[str, str]]:
    return [("auto", _("Recognise it")), ("camt053", "CAMT.053 (XML)"), ("mt940", "MT940"), ("coda", "CODA"),
            ("csv", _("CSV of the bank"))]


class FilePage(FileChoicePage):
    def __init__(self, wizard: "BankImportWizard"):
        super().__init__(wizard, _("Which bank file?"),
                         _("Download the statements from your bank's website, preferably as CAMT.053 (XML); "
                           "MT940, CODA or the bank's CSV work too."),
                         _("Choose the bank file"),
                         _("Bank files (*.xml *.sta *.940 *.txt *.cod *.csv);;All files (*)"),
                         QStandardPaths.StandardLocation.DownloadLocation)
        grid = QHBoxLayout()
        self.format = QComboBox()
        self.format.setAccessibleName(_("Kind of file"))
        for value, label in _formats():
            self.format.addItem(label, value)
        self.account = QComboBox()
        self.account.setAccessibleName(_("Account"))
        self.account.addItem(_("The account named in the file"), None)
        for account in wizard.ctx.read(views.account_rows, True):
            if account.kind == "bank":
                self.account.addItem(f"{account.name} ({account.iban})", account.id)
        for text, widget in ((_("Kind of file:"), self.format), (_("Book on:"), self.account)):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label)
            grid.addWidget(widget, 1)
        self.add_below_path(grid)

    def nextId(self) -> int:  # noqa: N802
        return MAPPING_PAGE if self.wiz.csv_sample is not None and self.wiz.needs_mapping else PREVIEW_PAGE

    @staticmethod
    def _csv_without_profile(path, kind: str) -> CsvSample | None:
        """The first lines of a CSV file that no bank profile recognises; None for any other file."""
        if kind not in ("auto", "csv") or (kind == "auto" and detect_format(path) != "csv"):
            return None
        return None if detect_profile(read_text(path)) is not None else sample_csv(path)

    def validatePage(self) -> bool:  # noqa: N802
        if not self.work.passed:
            wiz = self.wiz
            wiz.csv_sample, wiz.csv_mapping, wiz.mapping_error, wiz.needs_mapping = None, None, "", False
        kind = self.format.currentData()  # read here: the worker does not touch widgets
        # Read on a worker (a year of lines takes a while), with Cancel; a BankFileError names the line.
        return self.read_file_task(lambda p, **_steps: self._read(p, kind), self._accept, _("Reading the bank file…"))

    def _read(self, path, kind: str) -> tuple[CsvSample | None, list | None]:
        sample = self._csv_without_profile(path, kind)
        return sample, (parse_bank_file(path, kind) if sample is None else None)

    def _accept(self, read) -> bool:
        sample, statements = read
        return self._unknown_csv(sample) if sample is not None else self.prepare(statements, self.fail)

    def _unknown_csv(self, sample: CsvSample) -> bool:
        """The mapping step next, unless the group has a mapping for these columns that still reads
        the file: then straight to the preview."""
        wiz = self.wiz
        wiz.csv_sample = sample
        remembered = wiz.ctx.read(csv_mappings.recall_mapping, sample.key)
        if remembered is not None:
            try:
                with busy():
                    statements = parse_bank_file(self.chosen_path(), "csv", csv_mapping=remembered)
            except DomainError as exc:  # the bank changed its export: show why, on the mapping step
                wiz.mapping_error = exc.message
            else:
                wiz.csv_mapping = remembered
                return self.prepare(statements, self.fail)
        wiz.csv_mapping = remembered or guess_mapping(sample)
        wiz.needs_mapping = True
        return True

    def prepare(self, statements, fail) -> bool:
        """The dry run of booking ``statements``, for the preview; ``fail(message)`` says what went
        wrong on the page that asked (this one, or the column mapping step)."""
        path = self.chosen_path()
        account_id = self.account.currentData() or self._account_of_file(statements, fail)
        if account_id is None:
            return False
        try:
            with busy():
                self.wiz.preview = self.wiz.ctx.read(views.bank_preview, account_id, statements, path.name)
                self.wiz.names = self.wiz.ctx.read(views.preview_names)
        except DomainError as exc:  # a closed year, another account's statements, another currency
            return fail(exc.message)
        return True

    def _account_of_file(self, statements, fail) -> int | None:
        """The group's account named in the file; for an unknown IBAN, ask before adding it."""
        ibans = list(dict.fromkeys(compact_iban(s.account_iban) for s in statements if s.account_iban))
        if not ibans:
            fail(_("The file does not say which account it is for. Choose the account under 'Book on'."))
            return None
        for iban in ibans:
            found = self.wiz.ctx.read(accounts.find_by_iban, iban)
            if found is not None:
                return found.id
        question = _("This file is for the bank account {iban}, which the group does not have yet.\n\n"
                     "Add this bank account?").format(iban=validation.clean_iban(ibans[0]))
        if not self.wiz.ctx.ask(question, self, _("Add this bank account?")):
            fail(_("Nothing was imported and no account was added. Choose one of the group's accounts "
                         "under 'Book on', or add the account."))
            return None
        result = self.wiz.ctx.run(accounts.resolve_account, ibans[0], create=True, parent=self)
        if not result:
            return None
        self.wiz.created_account = result.value[0].name
        self.account.addItem(f"{result.value[0].name} ({result.value[0].iban})", result.value[0].id)
        return result.value[0].id


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
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.SelectedClicked |
                                   self.table.EditTrigger.EditKeyPressed)
        layout.addWidget(self.table, 1)
        self.model: PreviewModel | None = None

    def initializePage(self) -> None:  # noqa: N802
        preview, names = self.wiz.preview, self.wiz.names
        self.model = PreviewModel(preview, names, self)
        self.model.changed.connect(self._update_summary)
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
