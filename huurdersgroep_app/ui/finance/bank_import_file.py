"""The bank import wizard's first step: which file, of which kind, booked on which account. 'Next'
reads the file, and for a CSV with a remembered column mapping reads it again with that mapping,
then builds the preview (the dry run) — each as a task, so a year of lines never freezes the window."""
from __future__ import annotations

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import validation
from huurdersgroep_app.core.services.finance import accounts, csv_mappings, views
from huurdersgroep_app.core.services.finance.bank_files import (CsvSample, detect_format, detect_profile,
                                                              guess_mapping, parse_bank_file, read_text, sample_csv)
from huurdersgroep_app.core.services.finance.common import compact_iban
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit.file_page import FileChoicePage
from huurdersgroep_app.ui.kit.wizard_work import StepWork
from huurdersgroep_app.ui.tasks import run_task

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)


def _formats() -> list[tuple[str, str]]:
    return [("auto", _("Recognise it")), ("camt053", "CAMT.053 (XML)"), ("mt940", "MT940"), ("coda", "CODA"),
            ("csv", _("CSV of the bank"))]


def read_csv_task(parent, path, mapping, **done):
    """The whole CSV read with a column mapping, on a worker (cancellable: reading changes nothing)."""
    return run_task(parent, lambda progress, cancel: parse_bank_file(path, "csv", csv_mapping=mapping),
                    label=_("Reading the bank file…"), cancellable=True, **done)


class FilePage(FileChoicePage):
    def __init__(self, wizard):
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
        if sample is not None:
            return self._unknown_csv(sample)
        self.prepare(statements, self.work)
        return False  # the preview is being built; it moves the wizard on

    def _unknown_csv(self, sample: CsvSample) -> bool:
        """The mapping step next, unless the group has a mapping for these columns that still reads
        the file: then (once the file is read again with it) straight to the preview."""
        wiz = self.wiz
        wiz.csv_sample = sample
        remembered = wiz.ctx.read(csv_mappings.recall_mapping, sample.key)
        if remembered is None:
            wiz.csv_mapping, wiz.needs_mapping = guess_mapping(sample), True
            return True

        def read(statements) -> None:
            wiz.csv_mapping = remembered
            self.prepare(statements, self.work)

        def misfit(error: BaseException) -> None:
            if not isinstance(error, DomainError):
                return self.work.report(error)
            # The bank changed its export: the mapping step shows why, with the remembered mapping.
            wiz.csv_mapping, wiz.mapping_error, wiz.needs_mapping = remembered, error.message, True
            self.work.go_on()

        path = self.chosen_path()
        self.work.run(lambda **done: read_csv_task(self, path, remembered, **done), read, misfit)
        return False

    def prepare(self, statements, work: StepWork) -> None:
        """The dry run of booking ``statements``, for the preview, as a task of ``work`` (this page's,
        or the column mapping step's): it says what went wrong on its page, and moves the wizard on
        once the preview is there."""
        path = self.chosen_path()
        account_id = self.account.currentData() or self._account_of_file(statements, work.show_error)
        if account_id is None:
            return

        def previewed(view: views.BankPreview) -> None:
            self.wiz.preview, self.wiz.names = view.preview, view.names
            work.go_on()

        # A closed year, another account's statements, another currency: a DomainError on the page.
        work.run(lambda **done: self.wiz.ctx.read_task(
            views.read_bank_preview, account_id, statements, path.name, parent=self, steps=True,
            label=_("Preparing the preview…"), **done), previewed)

    def _account_of_file(self, statements, fail) -> int | None:
        """The group's account named in the file; for an unknown IBAN, ask before adding it."""
        ibans = list(dict.fromkeys(compact_iban(s.account_iban) for s in statements if s.account_iban))
        if not ibans:
            fail(_("The file does not say which account it is for. Choose the account under 'Book on'."))
            return None
        for iban in ibans:
            found = self.wiz.ctx.read(views.account_id_by_iban, iban)
            if found is not None:
                return found
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
