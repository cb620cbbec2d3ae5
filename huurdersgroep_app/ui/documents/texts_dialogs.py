"""What some funders ask besides meetings and books, written in the app: the year plan (goals and
planned activities), the audit committee of a financial year (members not on the board, what they
checked, what they found), and the free texts of the year's reports (foreword, highlights, plans,
the cover letter's note). Each is one form and one transaction. ``TEXT_DIALOGS`` says which
document's contents each dialog writes; the Funding page reaches them through the context."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QListWidgetItem

from huurdersgroep_app.core.services.funding import records, texts, views
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.kit.form_dialog import FormDialog, text_box
from huurdersgroep_app.ui.kit.widgets import DateField


def save_year_plan(session, year: int, goals: str, approved_on: str, new_line: str, planned_on: str):
    """One user action: the plan's goals and approval, and a new planned activity if one was typed."""
    plan = records.set_year_plan(session, year, goals, approved_on)
    if new_line.strip() or planned_on.strip():
        records.add_plan_line(session, year, new_line, planned_on)
    return plan


class YearPlanDialog(FormDialog):
    def __init__(self, ctx: AppContext, year: int, parent=None):
        super().__init__(ctx, _("Year plan {year}").format(year=year), _(
            "What the group wants to reach in {year} and what it plans to do. The meetings already planned "
            "are added to the year plan document by themselves.").format(year=year), _("Save"), parent)
        self.year = year
        current = ctx.read(views.year_plan_view, year)
        self.goals = self.add("goals", _("Goals"), text_box(4))
        self.goals.setPlainText(current.goals)
        self.approved = self.add("approved_on", _("Approved on"), DateField(current.approved_on))
        self.lines = self.add("lines", _("Planned activities"), QListWidget())
        for description, day in current.lines:
            self.lines.addItem(f"{formats.short_date(day)}  {description}".strip())
        self.lines.setMinimumHeight(self.fontMetrics().height() * 5)
        self.new_line = self.add("description", _("New activity"), QLineEdit())
        self.new_line.setPlaceholderText(_("for example: a neighbourhood party in June"))
        self.planned_on = self.add("planned_on", _("Planned on"), DateField())

    def save(self) -> bool:
        return self.submit(save_year_plan, self.year, self.goals.toPlainText(), self.approved.text(),
                           self.new_line.text(), self.planned_on.text())


class AuditCommitteeDialog(FormDialog):
    def __init__(self, ctx: AppContext, year: int, parent=None):
        super().__init__(ctx, _("Audit committee {year}").format(year=year), _(
            "The members who checked the books of {year}. They may not sit on the board that year.").format(
            year=year), _("Save"), parent)
        self.year = year
        current = ctx.read(views.audit_committee_view, year)
        self.members = self.add("member_ids", _("Members"), QListWidget())
        for member_id, label in current.choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member_id in current.member_ids else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.members.setMinimumHeight(self.fontMetrics().height() * 6)
        self.checked_on = self.add("checked_on", _("Checked on"), DateField(current.checked_on))
        self.scope = self.add("scope", _("What they checked"), text_box(3))
        self.scope.setPlainText(current.scope)
        self.findings = self.add("findings", _("What they found"), text_box(3))
        self.findings.setPlainText(current.findings)
        self.approved = QCheckBox(_("The books were found in order"))
        self.approved.setChecked(current.approved)
        self.form.addRow("", self.approved)

    def chosen(self) -> list[int]:
        return [self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
                if self.members.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> bool:
        return self.submit(records.set_audit_committee, self.year, self.chosen(), self.checked_on.text(),
                           self.scope.toPlainText(), self.findings.toPlainText(), self.approved.isChecked())


class YearTextsDialog(FormDialog):
    LABELS = (("foreword", lambda: _("Foreword")), ("highlights", lambda: _("Highlights of the year")),
              ("plans", lambda: _("Plans for next year")), ("cover_note", lambda: _("Note in the cover letter")))

    def __init__(self, ctx: AppContext, year: int, parent=None):
        super().__init__(ctx, _("Texts of {year}").format(year=year), _(
            "Written by the board for the activity report and the funding dossier of {year}.").format(year=year),
            _("Save"), parent)
        self.year = year
        current = ctx.read(texts.get_year_texts, year)
        self.boxes = {}
        for name, label in self.LABELS:
            self.boxes[name] = self.add(name, label(), text_box(3))
            self.boxes[name].setPlainText(getattr(current, name))

    def save(self) -> bool:
        return self.submit(texts.set_year_texts, self.year,
                           **{name: box.toPlainText() for name, box in self.boxes.items()})


# The document kind (``core.documents.catalogue``) → the dialog that writes what it says.
TEXT_DIALOGS = {"year-plan": YearPlanDialog, "audit-committee": AuditCommitteeDialog,
                "activity-report": YearTextsDialog, "cover-letter": YearTextsDialog,
                "funding-dossier": YearTextsDialog}


def open_texts(ctx: AppContext, kind: str, year: int, parent=None) -> bool:
    """Open the form for ``kind``'s texts of ``year``; True when it was saved."""
    dialog = TEXT_DIALOGS[kind](ctx, year, parent=parent)
    saved = bool(dialog.exec())
    dialog.deleteLater()
    return saved
