"""The signals page through the real dialogs: a confidential signal is marked and kept out of the
report, follow-up steps, filters, and signals grouped into an own-initiative advice."""
from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QDesktopServices

from huurdersgroep_app.core.services.signals import register as signal_register
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.advices.record import advice_record
from huurdersgroep_app.core.services.signals.signals import SignalInput
from huurdersgroep_app.ui.advices.dossier_dialog import AdviceDossierDialog
from huurdersgroep_app.ui.signals.signal_dialog import SignalDialog
from huurdersgroep_app.ui.signals.followup import AnswerDialog, ForwardDialog, ResolveDialog
from huurdersgroep_app.ui.signals.grouping import AdviceFromSignalsDialog, signals_report_dialog
from huurdersgroep_app.ui.signals.page import Page
from huurdersgroep_app.ui.signals.model import CONFIDENTIAL_COLUMN
from huurdersgroep_app.ui.kit.widgets import ERROR_COLOUR

from dialog_driver import DialogDriver

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


@pytest.fixture
def driver(monkeypatch):
    return DialogDriver(monkeypatch)


@pytest.fixture
def page(ctx, qtbot):
    made = Page(ctx)
    qtbot.addWidget(made)
    made.refresh()
    ctx.data_changed.connect(made.refresh)  # what the main window does for the visible page
    return made


def _add(ctx, description, category="damp_mould", complex_name="De Linde", days_ago=10, **extra):
    data = SignalInput(reported_on=TODAY - timedelta(days=days_ago), category=category, description=description,
                       complex_id=ctx.db.complex_ids.get(complex_name), **extra)
    return ctx.call(signals.add_signal, data).id


def _rows(ctx):
    return {r.id: r for r in ctx.read(signal_register.signal_rows)}


def _select(page, ids) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for n in range(page.proxy.rowCount()):
        if page.proxy.row_at(n).id in ids:
            selection.select(page.proxy.index(n, 0), QItemSelectionModel.SelectionFlag.Select |
                             QItemSelectionModel.SelectionFlag.Rows)


def test_a_confidential_signal_is_marked_in_the_form_and_the_register(ctx, qtbot, page, driver, monkeypatch,
                                                                      wait_tasks):
    def fill(d: SignalDialog) -> None:
        assert d.banner.isHidden()
        d.reported_on.setText(TODAY.strftime("%d/%m/%Y"))
        d.reporter_kind.button(0).setChecked(True)  # a member
        d.member.setCurrentIndex(d.member.findData(ctx.db.ids["Çelik"]))
        d.category.setCurrentIndex(d.category.findData("nuisance"))
        d.description.setPlainText("Threatened by a neighbour, does not dare to file a complaint.")
        d.confidential.setChecked(True)
        assert not d.banner.isHidden() and "never printed" in d.banner.text()
        qtbot.mouseClick(d.save_button, LEFT)

    driver.expect(SignalDialog, fill)
    page.new_signal()
    saved = driver.last(SignalDialog).saved_id
    row = _rows(ctx)[saved]
    assert row.confidential and row.reporter == "Ayşe Çelik" and row.complex_name == "De Linde"
    assert row.address == "Lindelaan 3"  # the member's address filled in
    shown = [n for n in range(page.proxy.rowCount()) if page.proxy.row_at(n).id == saved]
    cell = page.proxy.index(shown[0], CONFIDENTIAL_COLUMN)
    assert cell.data() == "Confidential"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == ERROR_COLOUR
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    # The anonymised report leaves it out, while an ordinary signal of the same day is in it.
    _add(ctx, "Lift broken on the third floor.", category="repairs", days_ago=0)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    report = signals_report_dialog(ctx)
    qtbot.addWidget(report)
    task = report.documents.preview()
    wait_tasks()
    target = task.result
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Lift broken" in text
    assert "Threatened" not in text and "Çelik" not in text


def test_the_signal_form_shows_problems_under_the_fields(ctx, qtbot):
    dialog = SignalDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.reported_on.setText("31/02/2026")
    dialog.reporter_kind.button(1).setChecked(True)  # a tenant who is not a member, without a name
    assert dialog.save() is False
    assert "31/02/2026" in dialog.errors.problem("reported_on")
    assert dialog.errors.problem("reporter_name") and dialog.errors.problem("description")
    assert dialog.general_error.text() == "Some fields need attention; they are marked in red."
    assert _rows(ctx) == {}


def test_forward_answer_and_resolve_from_the_register(ctx, page, driver, monkeypatch):
    signal_id = _add(ctx, "Heating fails again.", category="heating", days_ago=20)
    _select(page, {signal_id})
    assert page.buttons["forward"].isEnabled()
    driver.expect(ForwardDialog, lambda d: (d.on.setText((TODAY - timedelta(days=18)).strftime("%d/%m/%Y")),
                                            d.save()))
    page.buttons["forward"].click()
    _select(page, {signal_id})
    driver.expect(AnswerDialog, lambda d: (d.answer.setPlainText("Technician comes on Monday."), d.save()))
    page.buttons["answer"].click()
    _select(page, {signal_id})
    driver.expect(ResolveDialog, lambda d: d.save())
    page.buttons["resolve"].click()
    with ctx.db.reading() as s:
        signal = signals.get_signal(s, signal_id)
        assert signal.forwarded_on == TODAY - timedelta(days=18)
        assert (signal.answer, signal.answered_on) == ("Technician comes on Monday.", TODAY)
        assert (signal.status, signal.resolved_on) == ("resolved", TODAY)
    assert signal_id not in {r.id for r in page.proxy.source_rows()}  # only unfinished signals shown
    page.open_only.setChecked(False)
    assert signal_id in {r.id for r in page.proxy.source_rows()}


def test_a_refused_follow_up_step_shows_the_message(ctx, page, driver, message_boxes):
    signal_id = _add(ctx, "Door does not close.", category="repairs", days_ago=5)
    _select(page, {signal_id})
    driver.expect(AnswerDialog, lambda d: (d.answer.setPlainText("Fixed"),
                                           d.on.setText((TODAY - timedelta(days=30)).strftime("%d/%m/%Y")), d.save()))
    page.buttons["answer"].click()
    dialog = driver.last(AnswerDialog)
    assert "before the signal was reported" in dialog.form.problem("answered_on")
    assert _rows(ctx)[signal_id].answered_on is None


def test_filters_combine(ctx, page):
    _add(ctx, "Mould in the bathroom.", days_ago=3)
    _add(ctx, "Mould behind the cupboard.", complex_name="Rabot", days_ago=40)
    _add(ctx, "Loud music at night.", category="nuisance", days_ago=3)
    page.refresh()
    descriptions = lambda: sorted(r.description for r in page.proxy.source_rows())  # noqa: E731
    assert len(descriptions()) == 3
    page.category.setCurrentIndex(page.category.findData("damp_mould"))
    assert descriptions() == ["Mould behind the cupboard.", "Mould in the bathroom."]
    page.complex.setCurrentIndex(page.complex.findData(ctx.db.complex_ids["Rabot"]))
    assert descriptions() == ["Mould behind the cupboard."]
    page.complex.setCurrentIndex(0)
    page.date_from.setText((TODAY - timedelta(days=10)).strftime("%d/%m/%Y"))
    assert descriptions() == ["Mould in the bathroom."]
    page.date_from.setText("")
    page.search.setText("cupboard")
    assert descriptions() == ["Mould behind the cupboard."]


def test_a_group_of_signals_becomes_an_own_initiative_advice(ctx, page, driver):
    ids = [_add(ctx, f"Mould in flat {n}.", days_ago=30 + n) for n in range(4)]
    _add(ctx, "Mould in Rabot.", complex_name="Rabot")
    page.refresh()
    clusters = page.clusters
    assert [(c.complex_name, c.category, c.count) for c in clusters.model.rows] == [("De Linde", "damp_mould", 4)]
    clusters.table.selectRow(0)

    def make(d: AdviceFromSignalsDialog) -> None:
        assert d.title.text() == "Damp and mould in De Linde"
        assert d.topic.currentData() == "maintenance"
        d.save()

    driver.expect(AdviceFromSignalsDialog, make)
    driver.expect(AdviceDossierDialog)  # the new dossier opens
    advice_id = clusters.make_advice()
    record = ctx.read(advice_record, advice_id)
    assert (record.kind, record.scope, record.complex_names, record.signal_count) == \
        ("own_initiative", "one_complex", ("De Linde",), 4)
    assert {r.id for r in _rows(ctx).values() if r.advice_id == advice_id} == set(ids)
    assert clusters.model.rowCount() == 0 and not clusters.empty.isHidden()
    assert driver.last(AdviceDossierDialog).advice_id == advice_id


def test_selected_signals_of_several_complexes_make_one_dossier(ctx, page, driver):
    first = _add(ctx, "Stairwell lights broken.", category="safety")
    second = _add(ctx, "Entrance lights broken.", category="safety", complex_name="Rabot")
    page.refresh()
    _select(page, {first, second})
    assert page.advice_action.isEnabled() and not page.buttons["edit"].isEnabled()
    driver.expect(AdviceFromSignalsDialog, lambda d: (d.title.setText("Lighting"), d.save()))
    driver.expect(AdviceDossierDialog)
    page.advice_from_selected()
    rows = _rows(ctx)
    advice_id = rows[first].advice_id
    assert advice_id is not None and rows[second].advice_id == advice_id
    record = ctx.read(advice_record, advice_id)
    assert (record.scope, set(record.complex_names), record.topic) == ("several", {"De Linde", "Rabot"}, "liveability")


def test_unanswered_days_setting_on_the_page(ctx, page):
    page.unanswered_days.setValue(30)
    page.unanswered_days.editingFinished.emit()
    assert ctx.read(signals.unanswered_days) == 30


def test_period_reports_check_the_dates_and_show_the_consultation_history(ctx, qtbot, monkeypatch, wait_tasks):
    from huurdersgroep_app.core.services.advices import dossiers as advices
    from huurdersgroep_app.core.services.advices import steps as advice_steps
    from huurdersgroep_app.core.services.advices.dossiers import AdviceInput
    from huurdersgroep_app.ui.signals.grouping import consultation_history_dialog

    advice = ctx.call(advices.create_advice, AdviceInput(title="Cleaning of the stairwells",
                                                         requested_on=TODAY - timedelta(days=40)))
    ctx.call(advice_steps.save_draft, advice.id, "We agree.")
    ctx.call(advice_steps.approve, advice.id, TODAY - timedelta(days=30))
    ctx.call(advice_steps.mark_sent, advice.id, TODAY - timedelta(days=29))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    dialog = consultation_history_dialog(ctx)
    qtbot.addWidget(dialog)
    dialog.start.setText(TODAY.strftime("%d/%m/%Y"))
    dialog.end.setText((TODAY - timedelta(days=365)).strftime("%d/%m/%Y"))
    assert dialog.documents.preview() is None and not opened
    assert dialog.form.problem("date_to") == "The period ends before it starts."
    dialog.start.setText((TODAY - timedelta(days=365)).strftime("%d/%m/%Y"))
    dialog.end.setText(TODAY.strftime("%d/%m/%Y"))
    task = dialog.documents.preview()
    wait_tasks()
    target = task.result
    assert dialog.form.problem("date_to") == ""
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Cleaning of the stairwells" in text and advice.reference in text


def test_empty_period_reads_any_date_and_shows_all_signals(ctx, page):
    old = _add(ctx, "Old leak", days_ago=400)
    new = _add(ctx, "New leak", days_ago=1)
    page.refresh()
    page.open_only.setChecked(False)
    for field in (page.date_from, page.date_to):
        assert field.text() == "" and field.edit.placeholderText() == "any date"
    shown = {page.proxy.row_at(n).id for n in range(page.proxy.rowCount())}
    assert {old, new} <= shown
