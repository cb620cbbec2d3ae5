"""The step of the bank import wizard for a CSV file of a bank we have no profile for: the first
lines of the file in a small table, and per field a choice of column, filled in with what the
header words and the data suggest. 'Next' reads the whole file with that mapping; a mapping that
does not fit shows the parser's message (which names the line) here, and nothing is written. The
reading and the preview after it run as tasks (kit/wizard_work.py)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWizardPage)

from huurdersgroep_app.core.services.finance.bank_files import (DATE_CHOICES, CsvMapping, CsvSample, column_ref,
                                                              guess_date_format)
from huurdersgroep_app.i18n import N_, _
from huurdersgroep_app.ui.finance.bank_import_file import read_csv_task
from huurdersgroep_app.ui.kit.widgets import error_label, hint
from huurdersgroep_app.ui.kit.wizard_work import StepWork

# (field of CsvMapping, label); the booking date is the only column every file must have.
FIELDS = (("date", N_("Booking date:")), ("amount", N_("Amount:")),
          ("direction", N_("Money in or out (Af/Bij, D/C):")), ("debit", N_("Money out:")),
          ("credit", N_("Money in:")), ("counterparty_name", N_("Name of the other party:")),
          ("counterparty_iban", N_("Account of the other party (IBAN):")), ("description", N_("Description:")),
          ("value_date", N_("Value date (optional):")), ("structured_reference", N_("Payment reference (optional):")))
_SHOWN_ROWS = 5


class CsvMappingPage(QWizardPage):
    """Reads ``wizard.csv_sample`` and ``wizard.csv_mapping`` (the guess, or a remembered mapping
    that no longer fits, with ``wizard.mapping_error``); on 'Next' sets ``wizard.csv_mapping`` to
    the user's mapping and prepares the preview through ``wizard.file_page.prepare``."""

    def __init__(self, wizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(_("Which column holds what?"))
        self.setSubTitle(_("We do not know the CSV file of this bank. Say which column holds what; the choices "
                           "below are our guesses. Next time a file with the same columns is read straight away."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget()
        self.table.setAccessibleName(_("First lines of the file"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Room for the header and three lines at least, five at most: the form below matters more.
        row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(row_height * 4 + 6)
        self.table.setMaximumHeight(row_height * (_SHOWN_ROWS + 1) + 6)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field, label in FIELDS:
            combo = QComboBox()
            combo.setAccessibleName(_(label).rstrip(":"))
            self.combos[field] = combo
            form.addRow(_(label), combo)
        form.addRow("", hint(_("Choose either the amount, or the columns for money out and money in.")))
        self.date_format = QComboBox()
        self.date_format.setAccessibleName(_("Date format"))
        for fmt, example in DATE_CHOICES:
            self.date_format.addItem(example, fmt)
        form.addRow(_("Dates look like:"), self.date_format)
        self.decimal = QComboBox()
        self.decimal.setAccessibleName(_("Decimal sign"))
        self.decimal.addItem(_("comma (1.234,56)"), ",")
        self.decimal.addItem(_("point (1,234.56)"), ".")
        form.addRow(_("Amounts are written with a decimal:"), self.decimal)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.combos["date"].currentIndexChanged.connect(self._guess_date_format)
        self.sample: CsvSample | None = None
        self.work = StepWork(self, self.show_error)

    # -- showing the file and the guess ---------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802
        sample, mapping = self.wiz.csv_sample, self.wiz.csv_mapping
        self.sample = sample
        width = len(sample.names)
        self.table.setColumnCount(width)
        self.table.setRowCount(min(len(sample.rows), _SHOWN_ROWS))
        self.table.setHorizontalHeaderLabels([sample.column_label(i) for i in range(width)])
        for row, cells in enumerate(sample.rows[:_SHOWN_ROWS]):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            if field != "date":
                combo.addItem(_("(not in the file)"), None)
            for position in range(width):
                label = sample.column_label(position) if sample.header else _("column {number}").format(
                    number=position + 1)
                combo.addItem(label, column_ref(sample, position))
            value = getattr(mapping, field)
            if isinstance(value, tuple):  # the description may join several columns; we offer one
                value = value[0] if value else None
            self._select(combo, value)
            combo.blockSignals(False)
        self._select(self.date_format, mapping.date_formats[0] if mapping.date_formats else None)
        self._select(self.decimal, mapping.decimal or ",")
        self.show_error(self.wiz.mapping_error)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        for index in range(combo.count()):
            data = combo.itemData(index)
            if data == value and type(data) is type(value):  # column 0 is not 'not in the file'
                combo.setCurrentIndex(index)
                return

    def _guess_date_format(self) -> None:
        ref = self.combos["date"].currentData()
        position = ref if isinstance(ref, int) else self.sample.names.index(ref)
        values = [row[position].strip() for row in self.sample.rows if row[position].strip()]
        self._select(self.date_format, guess_date_format(values))

    def show_error(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        return False

    # -- reading the file with the user's mapping -------------------------------------------------------
    def mapping(self) -> CsvMapping:
        chosen = {field: combo.currentData() for field, combo in self.combos.items()}
        description = chosen.pop("description")
        return CsvMapping(**chosen, description=(description,) if description is not None else (),
                          date_formats=(self.date_format.currentData(),), decimal=self.decimal.currentData(),
                          delimiter=self.sample.delimiter, header=self.sample.header)

    def validatePage(self) -> bool:  # noqa: N802
        """'Next' reads the whole file with the user's mapping, then builds the preview, both as tasks."""
        if not self.work.passed:
            self.show_error("")
        mapping = self.mapping()
        path = self.wiz.file_page.chosen_path()

        def read(statements) -> bool:
            self.wiz.csv_mapping, self.wiz.mapping_error = mapping, ""
            self.wiz.file_page.prepare(statements, self.work)  # moves the wizard on once the preview is there
            return False

        # A BankFileError ('Line 3, amount: …') is shown on this page.
        return self.work.validate(lambda **done: read_csv_task(self, path, mapping, **done), read)
