"""Import members from a CSV or Excel file: choose the file, say what each column holds, check
every row, then import. All or nothing: with problems, the user must choose to import only the
valid rows. Importing the same file again adds nobody twice."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard,
                               QWizardPage)

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _, ngettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.file_page import FileChoicePage
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, table_view
from huurdersgroep_app.ui.kit.widgets import error_label, fit_to_screen, hint
from huurdersgroep_app.ui.kit.wizard_work import StepWork


def _importer():
    from huurdersgroep_app.core.services.members import imports

    return imports


def problem_columns() -> list[Column]:
    return [Column(_("Line"), lambda p: str(p.line), sort=lambda p: p.line, align_right=True),
            Column(_("Field"), lambda p: p.field_label),
            Column(_("Problem"), lambda p: p.reason, tooltip=lambda p: p.reason)]


class FilePage(FileChoicePage):
    def __init__(self, wizard: "ImportMembersWizard"):
        super().__init__(wizard, _("Which file?"),
                         _("A list of members saved from Excel (.xlsx) or as a CSV file. The first row "
                           "holds the column names."),
                         _("Choose the file with the members"),
                         _("Member lists (*.xlsx *.csv *.txt);;All files (*)"))

    def validatePage(self) -> bool:  # noqa: N802
        # A 10,000-row workbook takes seconds to read: on a worker, with progress and Cancel.
        return self.read_file_task(_importer().read_table, self._keep, _("Reading the member list…"))

    def _keep(self, table) -> bool:
        self.wiz.table = table
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: "ImportMembersWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(_("What does each column hold?"))
        self.setSubTitle(_("Columns with a known name are already filled in. Choose “Do not import” for a "
                           "column you do not need."))
        layout = QVBoxLayout(self)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.combos: dict[str, QComboBox] = {}
        self.checked: dict[str, str] = {}
        self.work = StepWork(self, self.show_error)

    def initializePage(self) -> None:  # noqa: N802
        importer = _importer()
        table = self.wiz.table
        guessed = importer.guess_mapping(table.headers)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        for column, title in enumerate((_("Column in the file"), _("First value"), _("Holds"))):
            label = QLabel(f"<b>{title}</b>")
            grid.addWidget(label, 0, column)
        self.combos = {}
        first = table.rows[0] if table.rows else []
        for number, header in enumerate(table.headers, start=1):
            grid.addWidget(QLabel(header), number, 0)
            sample = first[number - 1] if number - 1 < len(first) else ""
            grid.addWidget(QLabel(sample), number, 1)
            combo = QComboBox()
            combo.setAccessibleName(header)
            combo.addItem(_("Do not import"), None)
            for field, label in importer.IMPORT_FIELDS.items():
                combo.addItem(_(label), field)
            found = combo.findData(guessed.get(header))
            combo.setCurrentIndex(max(found, 0))
            grid.addWidget(combo, number, 2)
            self.combos[header] = combo
        grid.setRowStretch(len(table.headers) + 1, 1)
        grid.setColumnStretch(2, 1)
        self.scroll.setWidget(grid_widget)
        self.error.setVisible(False)

    def mapping(self) -> dict[str, str]:
        """Every column with the user's choice; 'ignore' for the columns not to import."""
        ignore = _importer().IGNORE
        return {header: combo.currentData() or ignore for header, combo in self.combos.items()}

    def validatePage(self) -> bool:  # noqa: N802
        importer = _importer()
        if not self.work.passed:
            self.error.setVisible(False)
            try:
                self.checked = importer.check_mapping(self.wiz.table.headers, self.mapping())
            except DomainError as exc:
                return self.show_error(exc.message)
        # Every row is checked against the register: on a worker, with progress and Cancel.
        return self.work.validate(lambda **done: self.wiz.ctx.read_task(
            importer.preview, self.wiz.table, self.checked, parent=self, label=_("Checking every row…"), steps=True,
            **done), self._keep)

    def _keep(self, preview) -> bool:
        self.wiz.preview = preview
        return True

    def show_error(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setVisible(True)
        return False


class PreviewPage(QWizardPage):
    def __init__(self, wizard: "ImportMembersWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(_("Check before importing"))
        self.setSubTitle(_("Every row of the file was checked with the same rules as the member form."))
        layout = QVBoxLayout(self)
        self.summary = hint("")
        layout.addWidget(self.summary)
        self.problems_label = QLabel()
        layout.addWidget(self.problems_label)
        self.model = RowsTableModel(problem_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Problems"))
        layout.addWidget(self.table, 1)
        self.only_valid = QCheckBox()
        self.only_valid.toggled.connect(self.completeChanged)
        layout.addWidget(self.only_valid)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))

    def initializePage(self) -> None:  # noqa: N802
        preview = self.wiz.preview
        lines = [ngettext("{count} member can be imported.", "{count} members can be imported.",
                          len(preview.valid)).format(count=len(preview.valid))]
        if preview.already_present:
            lines.append(ngettext("{count} row is already in the register and is skipped.",
                                  "{count} rows are already in the register and are skipped.",
                                  len(preview.already_present)).format(count=len(preview.already_present)))
        if preview.new_complexes:
            lines.append(_("New complexes will be added: {names}.").format(names=", ".join(preview.new_complexes)))
        if preview.placed_by_address:
            count = len(preview.placed_by_address)
            lines.append(ngettext("{count} member is placed in a complex by their address.",
                                  "{count} members are placed in a complex by their address.", count).format(
                count=count))
        if not preview.valid:
            lines.append(_("There is nothing to import."))
        self.summary.setText("\n".join(lines))
        problem_lines = sorted({p.line for p in preview.problems})
        self.problems_label.setText(ngettext(
            "{count} problem found, on {rows} row. Nothing is imported unless you choose so below.",
            "{count} problems found, on {rows} rows. Nothing is imported unless you choose so below.",
            len(preview.problems)).format(count=len(preview.problems), rows=len(problem_lines))
            if preview.problems else _("No problems found."))
        self.model.set_rows(preview.problems)
        self.table.setVisible(bool(preview.problems))
        self.table.resizeColumnsToContents()
        self.only_valid.setText(ngettext(
            "Import only the {count} valid row and leave out the rows with problems",
            "Import only the {count} valid rows and leave out the rows with problems",
            len(preview.valid)).format(count=len(preview.valid)))
        self.only_valid.setChecked(False)
        self.only_valid.setVisible(bool(preview.problems) and bool(preview.valid))

    def isComplete(self) -> bool:  # noqa: N802
        preview = self.wiz.preview
        if preview is None or not preview.valid:
            return False
        return not preview.problems or self.only_valid.isChecked()

    def validatePage(self) -> bool:  # noqa: N802
        """'Import': every row in one transaction, as a task (10,000 rows take seconds on an old laptop);
        the wizard closes when it is done."""
        wiz = self.wiz
        if wiz.imported is not None:
            return True
        wiz.ctx.call_task(_importer().apply, wiz.preview, valid_only=self.only_valid.isChecked(), parent=self,
                          label=_("Importing the members…"), success=self._imported)
        return False

    def _imported(self, count: int) -> None:
        self.wiz.imported = count
        self.wiz.accept()  # validates this page again, which now lets the wizard finish


class ImportMembersWizard(QWizard):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = None
        self.preview = None
        self.imported: int | None = None
        self.setWindowTitle(_("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.finished.connect(self._report)
        fit_to_screen(self, 50, 34)

    def _report(self, result: int) -> None:
        if result and self.imported is not None:
            self.ctx.show_info(ngettext("{count} member was imported.", "{count} members were imported.",
                                        self.imported).format(count=self.imported), self.parentWidget())
