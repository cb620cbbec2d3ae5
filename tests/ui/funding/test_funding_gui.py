"""The Funding page through the real main window and dialogs (pytest-qt, offscreen): from the demo,
a condition not met leads to the page where it is put right; funders, grants, conditions and
evidence are added and changed, bad input is refused under its field and changes nothing; the
Overview shows the funders' deadlines and opens the funder from there. Checked through the services."""
from __future__ import annotations

from datetime import date

import pytest
from demo_files import demo_copy
from dialog_driver import DialogDriver
from laptop_window import laptop_window

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.funding import conditions, funders, grants, views
from huurdersgroep_app.core.services.funding.catalogue import MET, NOT_MET, TO_CONFIRM
from huurdersgroep_app.ui.funding.condition_dialog import ConditionDialog, EvidenceDialog
from huurdersgroep_app.ui.funding.funder_dialog import FunderDialog
from huurdersgroep_app.ui.funding.grant_dialog import GrantDialog
from huurdersgroep_app.ui.funding.models import FIX_PLACES

THIS_YEAR = date.today().year


@pytest.fixture
def demo(tmp_path):
    database = Database(demo_copy(tmp_path / "demo.sqlite"), backup_on_close=False)
    yield database
    database.close()


@pytest.fixture
def driver(monkeypatch):
    return DialogDriver(monkeypatch)


def test_a_condition_not_met_in_the_demo_opens_the_page_where_it_is_fixed(demo, qtbot):
    window = laptop_window(demo, qtbot, "funding")
    page = window.page("funding")
    assert page.chosen_year() == THIS_YEAR
    assert [r.name for r in page.funder_model.rows] == ["Stad Kortrijk", "Woonmaatschappij Vlasland"]
    tab = page.compliance
    line = tab.selected()  # the first condition that is not met is chosen for the user
    assert line is not None and line.result.status == NOT_MET
    with demo.reading() as s:
        report = views.funder_detail(s, page.detail.id, THIS_YEAR)
    assert line.id in {c.id for c in report.conditions if c.result and c.result.status == NOT_MET}
    assert line.result.todo and line.result.todo in tab.explanation.text()
    name, wanted_tab, _text = FIX_PLACES[line.result.fix]
    assert tab.fix_button.isEnabled() and tab.fix_button.text() == _text
    tab.fix_button.click()
    assert window.current_page_name() == name != "funding"
    shown = window.page(name)
    if wanted_tab is not None:
        assert shown.current_tab_name() == wanted_tab
    # A condition that is met has nothing to fix.
    met = next(n for n, c in enumerate(tab.model.rows) if c.result and c.result.status == MET)
    tab.table.selectRow(met)
    assert not tab.fix_button.isEnabled()


def test_new_funder_refuses_a_wrong_iban_then_adds_it_with_the_regions_conditions(ctx, qtbot, driver):
    window = laptop_window(ctx.db, qtbot, "funding")
    page = window.page("funding")
    assert "No funders yet" in page.summary.text()

    def wrong(dialog: FunderDialog):
        dialog.name.setText("Stad Gent")
        dialog.iban.setText("BE00 1234")
        assert not dialog.save()
        assert dialog.form.problem("iban")

    driver.expect(FunderDialog, wrong)
    page.new_button.click()
    with ctx.db.reading() as s:
        assert funders.funder_rows(s) == []

    def right(dialog: FunderDialog):
        dialog.name.setText("Stad Gent")
        dialog.iban.setText("BE68 5390 0754 7034")
        assert dialog.save()

    driver.expect(FunderDialog, right)
    page.new_button.click()
    with ctx.db.reading() as s:
        (row,) = funders.funder_rows(s)
        defaults = len(conditions.condition_rows(s, row.id))
    assert row.name == "Stad Gent" and row.iban == "BE68539007547034" and row.conditions == defaults > 0
    assert page.detail.id == row.id and len(page.compliance.model.rows) == defaults

    def rename(dialog: FunderDialog):
        dialog.name.setText("Stad Gent – Dienst Wonen")
        assert dialog.save()

    driver.expect(FunderDialog, rename)
    page.edit_button.click()
    assert page.detail.name == "Stad Gent – Dienst Wonen"
    assert driver.all_used()


def _funder(ctx) -> int:
    with ctx.db.transaction() as s:
        return funders.add_funder(s, funders.FunderInput(name="Stad Gent", kind="municipality")).id


def test_new_grant_refuses_a_wrong_amount_and_computes_per_dwelling(ctx, qtbot, driver):
    funder_id = _funder(ctx)
    window = laptop_window(ctx.db, qtbot, "funding")
    page = window.page("funding")
    page.show_tab("grants")

    def wrong(dialog: GrantDialog):
        dialog.amount.setText("12.345")  # three decimals: not an exact amount
        dialog.accountability.setText("31/02/2027")
        assert not dialog.save()
        assert dialog.form.problem("amount") and dialog.form.problem("accountability_deadline")

    driver.expect(GrantDialog, wrong)
    page.grants.new_button.click()
    with ctx.db.reading() as s:
        assert grants.grant_views(s) == []

    def per_dwelling(dialog: GrantDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("per_dwelling"))
        dialog.rate.setText("6,00")
        assert "160" in dialog.calculation.text()  # the group fixture's complexes: 40 + 120 dwellings
        dialog.accountability.setText("31/03/2027")
        assert dialog.save()

    driver.expect(GrantDialog, per_dwelling)
    page.grants.new_button.click()
    with ctx.db.reading() as s:
        (grant,) = grants.grant_views(s)
    assert grant.amount == grants.per_dwelling_amount(grants.CENT * 600, 160) and grant.amount_kind == "per_dwelling"
    assert grant.accountability_deadline == date(2027, 3, 31) and grant.funder_id == funder_id
    assert [g.id for g in page.grants.model.rows] == [grant.id]

    def change(dialog: GrantDialog):
        dialog.reference.setText("SUB-2026-7")
        assert dialog.save()

    page.grants.table.selectRow(0)
    driver.expect(GrantDialog, change)
    page.grants.edit_button.click()
    with ctx.db.reading() as s:
        assert grants.grant_views(s)[0].reference == "SUB-2026-7"


def test_a_condition_in_the_funders_words_is_confirmed_with_evidence(ctx, qtbot, driver, tmp_path):
    _funder(ctx)
    window = laptop_window(ctx.db, qtbot, "funding")
    tab = window.page("funding").compliance

    def empty(dialog: ConditionDialog):
        assert not dialog.save()
        assert dialog.form.problem("text")

    def words(dialog: ConditionDialog):
        dialog.text.setPlainText("Een affiche in elke inkomhal")
        assert dialog.save()

    driver.expect(ConditionDialog, empty)
    tab.new_button.click()
    driver.expect(ConditionDialog, words)
    tab.new_button.click()
    (line,) = tab.model.rows
    assert line.own_words and line.result.status == TO_CONFIRM
    tab.table.selectRow(0)
    scan = tmp_path / "affiche.jpg"
    scan.write_bytes(b"\xff\xd8 a photo")

    def no_evidence(dialog: EvidenceDialog):
        assert not dialog.save()
        assert dialog.form.problem("note")

    def with_file(dialog: EvidenceDialog):
        dialog.note.setPlainText("Affiche opgehangen op 3 maart")
        dialog.attach(scan)
        assert dialog.save()

    driver.expect(EvidenceDialog, no_evidence)
    tab.fix_button.click()  # for the funder's own words the button is 'Add evidence…'
    driver.expect(EvidenceDialog, with_file)
    tab.fix_button.click()
    (line,) = tab.model.rows
    assert line.result.status == MET and "Affiche opgehangen" in line.result.evidence
    with ctx.db.reading() as s:
        assert conditions.evidence_file(s, line.evidence[0].id) == ("affiche.jpg", "application/octet-stream",
                                                                     b"\xff\xd8 a photo")
    assert driver.all_used()


def test_the_overview_shows_the_next_funders_deadline_and_opens_the_funder(demo, qtbot):
    window = laptop_window(demo, qtbot, "overview")
    from huurdersgroep_app.ui.overview.funding_panel import FundingDeadlinesPanel

    panel = window.page("overview").findChild(FundingDeadlinesPanel)
    with demo.reading() as s:
        data = views.funder_deadlines(s)
    shown = data.due[0] if data.due else data.next
    assert shown is not None and shown.funder in panel.text.text()
    panel.open_link(f"funder:{shown.funder_id}:{shown.year}")
    assert window.current_page_name() == "funding"
    page = window.page("funding")
    assert page.detail.id == shown.funder_id and page.chosen_year() == shown.year
