"""What some conditions ask that is written in the app — the year plan, the audit committee, the
texts of the year's reports: the unmet condition's button opens the form for the year it looks
at, bad input is refused under its field and changes nothing, and once saved the condition is met.
The same forms open from the Documents page. Checked through the services."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dialog_driver import DialogDriver
from huurdersgroep_app.core.services.funding import conditions, funders, records, texts
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET
from huurdersgroep_app.ui.documents.texts_dialogs import AuditCommitteeDialog, YearPlanDialog, YearTextsDialog
from huurdersgroep_app.ui.shell.main_window import MainWindow
from huurdersgroep_app.ui.context import AppContext

THIS_YEAR = date.today().year


@pytest.fixture
def driver(monkeypatch):
    return DialogDriver(monkeypatch)


@pytest.fixture
def window(ctx, qtbot):
    with ctx.db.transaction() as s:
        funder = funders.add_funder(s, funders.FunderInput(name="Stad Gent", kind="municipality"))
        conditions.add_condition(s, funder.id, "year_plan")
        conditions.add_condition(s, funder.id, "audit_committee", {"minimum": 2})
    win = MainWindow(AppContext(ctx.db), initial_page="funding")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _select(tab, check: str):
    number = next(n for n, line in enumerate(tab.model.rows) if line.result and line.result.check == check)
    tab.table.selectRow(number)
    return tab.selected()


def test_the_year_plan_is_written_from_its_unmet_condition(window, driver):
    tab = window.page("funding").compliance
    line = _select(tab, "year_plan")
    assert line.result.status == NOT_MET and line.looks_at == THIS_YEAR + 1
    assert tab.fix_button.text() == "Write the year plan…"

    def outside_the_year(dialog: YearPlanDialog):
        assert dialog.year == THIS_YEAR + 1
        dialog.goals.setPlainText("Meer bewoners betrekken")
        dialog.new_line.setText("Buurtfeest")
        dialog.planned_on.setText(f"15/06/{THIS_YEAR}")
        assert not dialog.save()
        assert dialog.form.problem("planned_on")

    def right(dialog: YearPlanDialog):
        dialog.goals.setPlainText("Meer bewoners betrekken")
        dialog.new_line.setText("Buurtfeest")
        dialog.planned_on.setText(f"15/06/{THIS_YEAR + 1}")
        assert dialog.save()

    driver.expect(YearPlanDialog, outside_the_year)
    tab.fix_button.click()
    with window.ctx.db.reading() as s:
        assert records.year_plan(s, THIS_YEAR + 1) is None  # refused as a whole: no plan half saved
    driver.expect(YearPlanDialog, right)
    tab.fix_button.click()
    line = _select(tab, "year_plan")
    assert line.result.status == MET and "1 planned activity" in line.result.evidence
    assert not tab.fix_button.isEnabled()


def test_the_audit_committee_is_filled_in_from_its_unmet_condition(window, driver, group):
    tab = window.page("funding").compliance
    line = _select(tab, "audit_committee")
    assert line.result.status == NOT_MET and line.looks_at == THIS_YEAR - 1

    def fill(dialog: AuditCommitteeDialog):
        labels = [dialog.members.item(i).text() for i in range(dialog.members.count())]
        assert not any("Peeters" in label for label in labels)  # the chair may not check the books
        for number in range(2):
            dialog.members.item(number).setCheckState(Qt.CheckState.Checked)
        dialog.checked_on.setText(f"20/02/{THIS_YEAR}")
        dialog.scope.setPlainText("Kasboek en bankafschriften")
        dialog.approved.setChecked(True)
        assert dialog.save()

    driver.expect(AuditCommitteeDialog, fill)
    tab.fix_button.click()
    with window.ctx.db.reading() as s:
        committee = records.audit_committee(s, THIS_YEAR - 1)
        assert len(committee.members) == 2 and committee.approved and committee.checked_on == date(THIS_YEAR, 2, 20)
    assert driver.all_used()


def test_the_texts_of_the_activity_report_are_written_from_the_documents_page(window, driver):
    page = window.show_page("documents")
    page.select("budget")
    assert not page.texts_button.isEnabled()
    page.select("activity-report")
    assert page.texts_button.isEnabled()

    def write(dialog: YearTextsDialog):
        assert dialog.year == page.chosen_year()
        dialog.boxes["foreword"].setPlainText("Een druk jaar.")
        assert dialog.save()

    driver.expect(YearTextsDialog, write)
    page.texts_button.click()
    with window.ctx.db.reading() as s:
        assert texts.get_year_texts(s, page.chosen_year()).foreword == "Een druk jaar."
