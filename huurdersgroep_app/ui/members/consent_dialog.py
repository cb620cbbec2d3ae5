"""A member's consent log: what they consented to, when, how, and which version of the privacy
statement they were shown; a new consent is recorded here and a consent withdrawn."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLineEdit, QPushButton,
                               QVBoxLayout)

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.privacy import consent
from huurdersgroep_app.core.services.privacy.labels import PURPOSE_LABELS, WAY_LABELS, purpose_label, way_label
from huurdersgroep_app.core.services.privacy import views as privacy_views
from huurdersgroep_app.i18n import _, pgettext
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, selected_row, size_columns, table_view
from huurdersgroep_app.ui.kit.widgets import DateField, Form, hint


def consent_columns() -> list[Column]:
    return [Column(_("Consent to"), lambda r: r.purpose_label, chars=30),
            Column(_("Given on"), lambda r: formats.short_date(r.given_on), sort=lambda r: r.given_on, chars=10),
            Column(_("How"), lambda r: r.how_label, chars=18),
            # the privacy statement the consent was given under (not a bank statement)
            Column(pgettext("privacy statement", "Statement"),
                   lambda r: _("version {number}").format(number=r.statement_version) if r.statement_version else "–",
                   chars=10),
            Column(_("Withdrawn on"), lambda r: formats.short_date(r.withdrawn_on) if r.withdrawn_on else "",
                   chars=10),
            Column(_("Notes"), lambda r: r.notes, chars=20)]


class ConsentDialog(QDialog):
    def __init__(self, ctx: AppContext, member_id: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        name, _rows, _version = ctx.read(privacy_views.read_consent_log, member_id)
        self.setWindowTitle(_("Consents: {name}").format(name=name))
        layout = QVBoxLayout(self)
        self.model = RowsTableModel(consent_columns(), parent=self)
        self.table = table_view(self.model)
        self.table.setAccessibleName(_("Consents"))
        size_columns(self.table, self.model.columns)
        layout.addWidget(self.table, 1)
        self.statement = hint("")
        layout.addWidget(self.statement)
        self.withdraw_button = QPushButton(_("Withdraw the chosen consent"))
        row = QHBoxLayout()
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        layout.addLayout(row)

        box = QGroupBox(_("Record a consent"))
        self.form = Form()
        box.setLayout(self.form)
        self.purpose = QComboBox()
        for code in PURPOSE_LABELS:
            self.purpose.addItem(purpose_label(code), code)
        self.form.add("purpose", _("Consent to"), self.purpose)
        self.given_on = self.form.add("given_on", _("Given on"), DateField(date.today()))
        self.how = QComboBox()
        for code in WAY_LABELS:
            self.how.addItem(way_label(code), code)
        self.form.add("how", _("How"), self.how)
        self.notes = self.form.add("notes", _("Notes"), QLineEdit())
        self.record_button = QPushButton(_("Record"))
        self.form.addRow("", self.record_button)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.record_button.clicked.connect(self.record)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 40)
        self.refresh()

    def refresh(self) -> None:
        _name, rows, version = self.ctx.read(privacy_views.read_consent_log, self.member_id)
        self.model.set_rows(rows)
        self.statement.setText(_("A consent recorded now refers to version {number} of the privacy statement.")
                               .format(number=version) if version else
                               _("No privacy statement has been published yet; publish one under Settings so the "
                                 "log shows which text the member was shown."))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        row = selected_row(self.table)
        self.withdraw_button.setEnabled(row is not None and row.active)

    def record(self) -> bool:
        self.form.clear_problems()
        try:  # the date goes as typed: the service reads it and says in words what is wrong
            self.ctx.call(consent.record_consent, self.member_id, self.purpose.currentData(), self.given_on.text(),
                          self.how.currentData(), notes=self.notes.text())
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.ctx.show_error(exc.message, self)
            return False
        self.notes.clear()
        self.refresh()
        return True

    def withdraw(self) -> bool:
        row = selected_row(self.table)
        if row is None:
            return False
        if not self.ctx.ask(_("Record that the consent to '{purpose}' was withdrawn today?").format(
                purpose=row.purpose_label), self):
            return False
        done = bool(self.ctx.run(consent.withdraw_consent, row.id, date.today(), parent=self))
        self.refresh()
        return done
