"""A funder's condition: one of the app's checks (with its whole-number parameters) or the funder's
own words; and the evidence that confirms a condition for a year — a note, a file stored in the
group's database (the municipal regulation, a newsletter, a photo of the notice board), or both."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QSpinBox, QWidget

from huurdersgroep_app import paths
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.funding import conditions, views
from huurdersgroep_app.core.services.funding.catalogue import CONFIRM, get_check
from huurdersgroep_app.i18n import N_, _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, text_box
from huurdersgroep_app.ui.kit.widgets import hint

PARAM_LABELS = {"minimum": N_("At least"), "percent": N_("Percentage"), "months": N_("Within months"),
                "year_offset": N_("Year (−1 last, 0 this, +1 next)"), "every_years": N_("Every … years"),
                "turnout_percent": N_("Turnout at least (%)"), "candidates": N_("Candidates at least"),
                "months_after_year": N_("Months after the year (0: the grant's deadline)")}


def _param_label(key: str) -> str:
    return _(PARAM_LABELS[key]) if key in PARAM_LABELS else key


class ConditionDialog(FormDialog):
    """New: choose a check or 'in the funder's own words'. Change: its parameters or its words."""

    def __init__(self, ctx: AppContext, funder_id: int, condition=None, parent=None):
        super().__init__(ctx, _("New condition") if condition is None else _("Change condition"), _(
            "Most conditions are checked by the app from what is recorded. A condition the app cannot check is "
            "written in the funder's own words and confirmed with evidence each year."), _("Save"), parent)
        self.funder_id, self.condition = funder_id, condition
        self.check = self.add("check", _("Check"), QComboBox())
        self.check.addItem(_("In the funder's own words"), CONFIRM)
        for key, label in views.check_choices():
            self.check.addItem(label, key)
        if condition is not None:
            self.check.setCurrentIndex(max(self.check.findData(condition.check), 0))
            self.check.setEnabled(False)
        self.text = self.add("text", _("The funder's words"), text_box(3))
        self.text.setPlainText(condition.text if condition is not None else "")
        self.param_fields: dict[str, QSpinBox] = {}
        self.check.currentIndexChanged.connect(self._check_changed)
        self._check_changed()

    def _check_changed(self, *_args) -> None:
        key = self.check.currentData()
        self.text.setEnabled(key == CONFIRM)
        for box in self.param_fields.values():  # the rows of the check chosen before
            self.form.removeRow(box)
        self.param_fields = {}
        check = get_check(key) if key != CONFIRM else None
        given = self.condition.params if self.condition is not None else {}
        for name, default in (check.defaults.items() if check else ()):
            if isinstance(default, list) or isinstance(default, bool):
                continue  # lists (agenda items) keep the region's set
            box = QSpinBox()
            box.setRange(-5 if name == "year_offset" else 0, 1000)
            value = given.get(name, default)
            box.setValue(int(value) if isinstance(value, int) else 0)
            box.setAccessibleName(_param_label(name))
            self.form.addRow(_param_label(name), box)
            self.param_fields[name] = box

    def params(self) -> dict:
        check = get_check(self.check.currentData())
        values = {}
        for name, box in self.param_fields.items():
            values[name] = None if check.defaults[name] is None and box.value() == 0 else box.value()
        return values

    def save(self) -> bool:
        key = self.check.currentData()
        if self.condition is None:
            return self.submit(conditions.add_condition, self.funder_id, key,
                               self.params() if key != CONFIRM else None, self.text.toPlainText())
        if key == CONFIRM:
            return self.submit(conditions.update_condition, self.condition.id, text=self.text.toPlainText())
        return self.submit(conditions.update_condition, self.condition.id, params=self.params())


class EvidenceDialog(FormDialog):
    """The evidence already given for the year, and a new note and/or file."""

    def __init__(self, ctx: AppContext, line, year: int, parent=None):
        super().__init__(ctx, _("Evidence for {year}").format(year=year), line.label, _("Add evidence"), parent)
        self.line, self.year = line, year
        self.file_data: bytes | None = None
        self.file_name = ""
        self.given = QListWidget()
        for e in line.evidence:
            words = formats.short_date(e.confirmed_on) + ": " + (e.note or "")
            if e.file_name:
                words += " " + _("(file: {name})").format(name=e.file_name)
            self.given.addItem(words)
        if line.evidence:
            self.layout_.insertWidget(1, hint(_("Given so far:")))
            self.layout_.insertWidget(2, self.given)
            self.open_button = QPushButton(_("Open the chosen file"))
            self.open_button.clicked.connect(self.open_file)
            self.layout_.insertWidget(3, self.open_button)
        self.note = self.add("note", _("Note"), text_box(3))
        self.note.setPlaceholderText(_("for example: newsletter no. 2 delivered to every letterbox on 12 May"))
        row = QWidget()
        line_layout = QHBoxLayout(row)
        line_layout.setContentsMargins(0, 0, 0, 0)
        self.file_label = QLabel(_("No file"))
        choose = QPushButton(_("Attach a file…"))
        choose.clicked.connect(self.choose_file)
        line_layout.addWidget(self.file_label, 1)
        line_layout.addWidget(choose)
        self.add("file", _("File"), row)
        self.day = self.add_date("confirmed_on", _("Confirmed on"), date.today())

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the evidence"))
        if chosen:
            self.attach(Path(chosen))

    def attach(self, path: Path) -> None:
        self.file_data, self.file_name = path.read_bytes(), path.name
        self.file_label.setText(self.file_name)

    def open_file(self) -> None:
        number = self.given.currentRow()
        if not (0 <= number < len(self.line.evidence)) or not self.line.evidence[number].file_name:
            self.ctx.show_info(_("Choose evidence with a file first."), self)
            return
        try:
            name, _mime, data = self.ctx.read(conditions.evidence_file, self.line.evidence[number].id)
        except DomainError as exc:
            self.ctx.show_error(exc.message, self)
            return
        folder = paths.cache_dir() / "evidence"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / Path(name).name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def save(self) -> bool:
        return self.submit(conditions.add_evidence, self.line.id, self.year, self.note.toPlainText(),
                           self.file_name, self.file_data, "", self.day.text())
