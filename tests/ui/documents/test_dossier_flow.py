"""Issue 10's GUI flow, through the real main window (pytest-qt, offscreen): from the demo, open the
Documents page, make the funding dossier in one click, read its compliance checklist, and follow
the condition it names as not met to the page where it is put right. And the same dossier one
click from the Overview, for the next accountability due."""
from __future__ import annotations

from datetime import date

import pypdf
from laptop_window import laptop_window

from huurdersgroep_app.core.documents.catalogue import safe_file_stem
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.documents.made import last_made, made_key
from huurdersgroep_app.core.services.funding import views
from huurdersgroep_app.core.services.funding.catalogue import NOT_MET
from huurdersgroep_app.core.services.funding.compliance import check_funder
from huurdersgroep_app.i18n import _, language
from huurdersgroep_app.ui.funding.models import FIX_PLACES
from huurdersgroep_app.ui.overview.funding_panel import FundingDeadlinesPanel

LAST_YEAR = date.today().year - 1


def _text(path) -> str:
    return " ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).replace("\n", " ")


def test_the_dossier_from_the_documents_page_and_its_gap_to_where_it_is_fixed(demo, qtbot, opened, wait_tasks):
    window = laptop_window(demo, qtbot, "documents")
    page = window.page("documents")
    page.year.setCurrentIndex(page.year.findData(LAST_YEAR))
    funder_id, funder = page.funder.currentData(), page.funder.currentText()
    assert funder_id is not None and page.dossier_button.isEnabled()
    page.dossier_button.click()  # one click
    wait_tasks()
    (path,) = opened
    assert path.name == safe_file_stem(f"Funding dossier {LAST_YEAR} {funder}") + ".pdf"
    text = _text(path)
    with demo.reading() as s:
        lang = organisation.get_organisation(s).language
        made = last_made(s)
    with language(lang), demo.reading() as s:
        report = check_funder(s, funder_id, LAST_YEAR)
    gaps = [r for r in report.results if r.status == NOT_MET]
    assert gaps, "the demo has a condition that is not met"
    for gap in gaps:  # the checklist in the dossier names it, with what to do
        assert " ".join(gap.label.split())[:40] in text
    assert made_key("funding-dossier", LAST_YEAR, funder_id) in made
    assert page.item_for("funding-dossier").text(2) != "never"

    # The gap, on the Funding page, leads to the page where it is fixed.
    window.show_page("funding").show_funder(funder_id, LAST_YEAR)
    tab = window.page("funding").compliance
    line = tab.selected()
    assert line.result.status == NOT_MET and line.id in {g.condition_id for g in gaps}
    name, wanted_tab, _text_ = FIX_PLACES[line.result.fix]
    tab.fix_button.click()
    assert window.current_page_name() == name
    if wanted_tab is not None:
        assert window.page(name).current_tab_name() == wanted_tab


def test_the_dossier_is_one_click_from_the_overview(demo, qtbot, opened, wait_tasks):
    window = laptop_window(demo, qtbot, "overview")
    panel = window.page("overview").findChild(FundingDeadlinesPanel)
    with demo.reading() as s:
        due = views.funder_deadlines(s).accountability
    assert due is not None and panel.dossier_button.isVisible()
    assert due.funder in panel.dossier_button.text() and str(due.year) in panel.dossier_button.text()
    panel.dossier_button.click()
    wait_tasks()
    (path,) = opened
    assert path.name == safe_file_stem(f"Funding dossier {due.year} {due.funder}") + ".pdf"
    assert due.funder in _text(path)


def test_parts_left_out_for_a_funder_stay_out_of_its_one_click_dossier(demo, qtbot, opened, wait_tasks, monkeypatch):
    from huurdersgroep_app.ui.documents import dossier_parts

    window = laptop_window(demo, qtbot, "documents")
    page = window.page("documents")
    page.year.setCurrentIndex(page.year.findData(LAST_YEAR))
    assert page.parts_button.isEnabled()
    shown = []

    def untick_board_list(dialog):  # what the user does in the dialog 'Parts of the dossier…' opens
        shown.append({key: box.isChecked() for key, box in dialog.boxes.items()})
        dialog.boxes["board_list"].setChecked(False)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(dossier_parts.DossierPartsDialog, "exec", untick_board_list)
    assert page.parts_button.click() is None and shown and all(shown[0].values())  # every part ticked at first
    page.dossier_button.click()  # still one click
    wait_tasks()
    (path,) = opened
    outline = [item.title for item in pypdf.PdfReader(path).outline]
    with demo.reading() as s:
        lang = organisation.get_organisation(s).language
    with language(lang):  # the dossier is in the group's language
        board_list, checklist = _("Board list"), _("Compliance checklist")
    assert board_list not in outline and checklist in outline and len(outline) > 5
    page.parts_button.click()  # the choice is kept for this funder
    assert shown[1]["board_list"] is False and shown[1]["financial_report"] is True
