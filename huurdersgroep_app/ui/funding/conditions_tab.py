"""The compliance check of one funder for one year: every condition met, not met or to confirm,
with its evidence in plain words and what to do; the button under the table opens the place in
the app where the selected condition is put right (or the evidence form for the funder's own
words). The conditions themselves are edited here too."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from huurdersgroep_app.core.services.funding import conditions
from huurdersgroep_app.core.services.funding.catalogue import MET
from huurdersgroep_app.core.services.funding.views import ConditionLine, FunderDetail
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.funding.models import FIX_PLACES, TEXT_PLACES, ConditionsModel, fix_button_text
from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import selected_row, table_view
from huurdersgroep_app.ui.kit.widgets import hint


class ConditionsTab(QWidget):
    def __init__(self, ctx: AppContext, page, parent=None):
        super().__init__(parent)
        self.ctx, self.page = ctx, page
        self.detail: FunderDetail | None = None
        layout = QVBoxLayout(self)
        self.model = ConditionsModel(self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Conditions"))
        fit_columns(self.table, "funding.conditions", self.model.columns)
        # A dozen sentences in the funder's words: wrapped onto more lines, not cut with "…" (at
        # 1366 px every condition and its evidence ended in "…").
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Row heights follow the widths once they have settled (the last column stretches after the others).
        self.row_heights = QTimer(self, singleShot=True, interval=0)
        self.row_heights.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_args: self.row_heights.start())
        self.model.modelReset.connect(self.row_heights.start)
        layout.addWidget(self.table, 1)
        self.explanation = hint("")
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        self.fix_button = QPushButton(_("Go there"))
        self.evidence_button = QPushButton(_("Evidence…"))
        row.addWidget(self.fix_button)
        row.addWidget(self.evidence_button)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()  # editing the conditions: a line of its own, so the page fits a small laptop
        self.new_button = QPushButton(_("New condition…"))
        self.edit_button = QPushButton(_("Change…"))
        self.switch_button = QPushButton(_("Switch off"))
        self.remove_button = QPushButton(_("Remove…"))
        self.defaults_button = QPushButton(_("Add the region's conditions"))
        for button in (self.new_button, self.edit_button, self.switch_button, self.remove_button,
                       self.defaults_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.fix())
        self.fix_button.clicked.connect(self.fix)
        self.evidence_button.clicked.connect(self.add_evidence)
        self.new_button.clicked.connect(self.new_condition)
        self.edit_button.clicked.connect(self.edit_condition)
        self.switch_button.clicked.connect(self.switch)
        self.remove_button.clicked.connect(self.remove)
        self.defaults_button.clicked.connect(self.add_defaults)
        self._selection_changed()

    def show_detail(self, detail: FunderDetail | None, keep: bool = True) -> None:
        """Show the funder's conditions; ``keep`` keeps the selected one, else (or when it is gone)
        the first condition that needs doing is chosen."""
        chosen = self.selected() if keep else None
        self.detail = detail
        self.model.set_rows(detail.conditions if detail else [])
        wanted = chosen.id if chosen else None
        if not self.select(wanted) and detail and detail.conditions:
            first = next((c for c in detail.conditions if c.result and c.result.status != MET), None)
            self.select(first.id if first else detail.conditions[0].id)
        self._selection_changed()

    def select(self, condition_id: int | None) -> bool:
        for number, line in enumerate(self.model.rows):
            if line.id == condition_id:
                self.table.selectRow(number)
                return True
        return False

    def selected(self) -> ConditionLine | None:
        return selected_row(self.table)

    def _selection_changed(self, *_args) -> None:
        line = self.selected()
        funder = self.detail is not None
        result = line.result if line is not None else None
        for button in (self.edit_button, self.switch_button, self.remove_button, self.evidence_button):
            button.setEnabled(line is not None)
        self.new_button.setEnabled(funder)
        self.defaults_button.setEnabled(funder)
        self.switch_button.setText(_("Switch on") if line is not None and not line.active else _("Switch off"))
        self.fix_button.setEnabled(result is not None and result.status != MET)
        self.fix_button.setText(fix_button_text(result.fix) if result is not None else _("Go there"))
        if line is None:
            self.explanation.setText(_("Choose a funder to see its conditions.") if not funder else "")
        elif result is None:
            self.explanation.setText(_("Switched off: this funder does not ask it."))
        else:
            parts = [f"{line.label}", _("Status: {status}.").format(status=result.status_label),
                     _("Evidence: {text}").format(text=result.evidence)]
            if result.todo:
                parts.append(_("What to do: {text}").format(text=result.todo))
            self.explanation.setText("\n".join(parts))

    # -- actions -------------------------------------------------------------------------------------
    def fix(self) -> QWidget | None:
        """Open the place where the selected condition is put right; the page shown."""
        line = self.selected()
        if line is None or line.result is None or line.result.status == MET:
            return None
        key = line.result.fix
        if key in FIX_PLACES:
            name, tab, _text = FIX_PLACES[key]
            page = self.ctx.show_page(name, tab)
            if page is not None and name == "finance" and hasattr(page, "set_year"):
                page.set_year(self.detail.year)
            return page
        if key == "funding.grants":
            return self.page.show_tab("grants")
        if key in TEXT_PLACES:
            self.ctx.open_document_texts(TEXT_PLACES[key][0], line.looks_at, self)
            return self
        self.add_evidence()
        return self

    def _dialog(self, dialog) -> bool:
        done = bool(dialog.exec())
        dialog.deleteLater()
        return done

    def add_evidence(self) -> None:
        line = self.selected()
        if line is not None:
            from huurdersgroep_app.ui.funding.condition_dialog import EvidenceDialog

            self._dialog(EvidenceDialog(self.ctx, line, self.detail.year, parent=self))

    def new_condition(self) -> None:
        if self.detail is not None:
            from huurdersgroep_app.ui.funding.condition_dialog import ConditionDialog

            self._dialog(ConditionDialog(self.ctx, self.detail.id, parent=self))

    def edit_condition(self) -> None:
        line = self.selected()
        if line is None:
            return
        from huurdersgroep_app.ui.funding.condition_dialog import ConditionDialog

        row = next(r for r in self.ctx.read(conditions.condition_rows, self.detail.id) if r.id == line.id)
        self._dialog(ConditionDialog(self.ctx, self.detail.id, row, parent=self))

    def switch(self) -> None:
        line = self.selected()
        if line is not None:
            self.ctx.run(conditions.update_condition, line.id, active=not line.active, parent=self)

    def remove(self) -> None:
        line = self.selected()
        if line is not None and self.ctx.ask(_("Remove the condition '{label}' and its evidence?").format(
                label=line.label), self):
            self.ctx.run(conditions.remove_condition, line.id, parent=self)

    def add_defaults(self) -> None:
        if self.detail is not None and self.ctx.ask(_(
                "Add the usual conditions of the group's region to {funder}? They come after its own "
                "conditions; switch off or remove the ones it does not ask.").format(funder=self.detail.name), self):
            self.ctx.run(conditions.copy_profile_conditions, self.detail.id, parent=self)

