"""The advices page and the dossier dialog, through the real dialogs: open a dossier, write drafts,
take the steps to the landlord's reply, refused steps, deadlines, follow-up and the letter."""
from __future__ import annotations

from datetime import date, timedelta

import docx
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from huurdersgroep_app.core.services import contacts, organisation
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps as advice_steps
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.advices.record import advice_record
from huurdersgroep_app.core.services.advices.dossiers import AdviceInput
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.advices.drafts import VersionDialog
from huurdersgroep_app.ui.advices.dossier_dialog import AdviceDossierDialog
from huurdersgroep_app.ui.advices.followup import ActionPointDialog
from huurdersgroep_app.ui.advices.form_dialog import NewAdviceDialog
from huurdersgroep_app.ui.advices.steps import ApproveDialog, DeadlineDialog, ReplyDialog, SendDialog
from huurdersgroep_app.ui.advices.page import Page

from dialog_driver import DialogDriver

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def driver(monkeypatch):
    return DialogDriver(monkeypatch)


@pytest.fixture
def landlord(ctx):
    """The landlord's director, who receives the letters."""
    with ctx.db.transaction() as s:
        partner = contacts.add_partner(s, contacts.PartnerInput(name="Woonmaatschappij Gent", kind="landlord",
                                                                street="Kortrijksesteenweg", house_number="1",
                                                                postcode="9000", city="Gent"))
        person = contacts.add_contact(s, contacts.ContactInput(partner_id=partner.id, first_name="Katrien",
                                                               last_name="Desmet", department="management",
                                                               role="Director", start_on=date(2020, 1, 1)))
    return person.id


def _record(ctx, advice_id):
    return ctx.read(advice_record, advice_id)


def _open_dossier(ctx, qtbot, kind="asked", requested_on=None, title="Lifts in De Linde") -> AdviceDossierDialog:
    advice = ctx.call(advices.create_advice, AdviceInput(title=title, kind=kind, topic="maintenance",
                                                         requested_on=requested_on or date.today() - timedelta(days=3)))
    dialog = AdviceDossierDialog(ctx, advice.id)
    qtbot.addWidget(dialog)
    return dialog


def test_gui_flow_create_draft_send_and_record_the_reply(ctx, qtbot, driver, landlord):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.data_changed.connect(page.refresh)  # what the main window does for the visible page
    linde = ctx.db.complex_ids["De Linde"]

    def fill_new(d: NewAdviceDialog) -> None:
        d.details.title.setText("New heating in De Linde")
        d.details.topic.setCurrentIndex(d.details.topic.findData("maintenance"))
        d.details.scope.setCurrentIndex(d.details.scope.findData("one_complex"))
        for n in range(d.details.complexes.count()):
            item = d.details.complexes.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == linde:
                item.setCheckState(Qt.CheckState.Checked)
        d.details.requested_on.setText("02/03/2026")
        qtbot.mouseClick(d.save_button, LEFT)

    driver.expect(NewAdviceDialog, fill_new)
    driver.expect(AdviceDossierDialog)  # the new dossier opens; the test works in it below
    page.new_dossier()
    dossier = driver.last(AdviceDossierDialog)
    qtbot.addWidget(dossier)
    advice_id = dossier.advice_id
    assert page.selected_id() == advice_id  # the page shows and selects the new dossier
    record = _record(ctx, advice_id)
    assert (record.title, record.scope, record.complex_ids, record.status) == \
        ("New heating in De Linde", "one_complex", (linde,), "requested")
    with ctx.db.reading() as s:
        expected = deadlines.group_deadline(date(2026, 3, 2), organisation.rule_profile(s))
    assert record.group_deadline == expected
    assert formats.short_date(expected) in dossier.deadline_label.text()
    assert set(dossier.step_buttons) == {"drafting", "consulting", "withdrawn"}

    # Two drafts: both versions are kept, with their dates and note.
    dossier.drafts.editor.setPlainText("We agree with new boilers.")
    qtbot.mouseClick(dossier.drafts.save_button, LEFT)
    dossier.drafts.editor.setPlainText("We agree with new boilers.\n\nWork only outside the winter.")
    dossier.drafts.note.setText("after the board meeting")
    qtbot.mouseClick(dossier.drafts.save_button, LEFT)
    record = _record(ctx, advice_id)
    assert [(v.number, v.note) for v in record.versions] == [(1, ""), (2, "after the board meeting")]
    assert record.versions[0].body == "We agree with new boilers."
    assert record.status == "drafting"
    assert dossier.drafts.model.rowCount() == 2

    driver.expect(ApproveDialog, lambda d: (d.on.setText("20/03/2026"), d.reference.setText("Board, decision 2"),
                                            d.save()))
    qtbot.mouseClick(dossier.step_buttons["approved"], LEFT)
    driver.expect(SendDialog, lambda d: (d.on.setText("23/03/2026"),
                                         d.addressee.setCurrentIndex(d.addressee.findData(landlord)), d.save()))
    qtbot.mouseClick(dossier.step_buttons["sent"], LEFT)
    assert set(dossier.step_buttons) == {"replied", "closed"}
    assert dossier.drafts.editor.isReadOnly()  # the sent text can no longer change

    def reply(d: ReplyDialog) -> None:
        d.outcome.setCurrentIndex(d.outcome.findData("partly"))
        d.on.setText("01/04/2026")
        d.reasons.setPlainText("The budget allows one block this year.")
        d.planning.setPlainText("Block A in 2026, block B in 2027.")
        qtbot.mouseClick(d.ok_button, LEFT)

    driver.expect(ReplyDialog, reply)
    qtbot.mouseClick(dossier.step_buttons["replied"], LEFT)
    assert driver.all_used()

    record = _record(ctx, advice_id)
    assert record.status == "replied"
    assert (record.approved_on, record.approval_reference) == (date(2026, 3, 20), "Board, decision 2")
    assert (record.sent_on, record.addressee_id) == (date(2026, 3, 23), landlord)
    assert (record.reply_outcome, record.replied_on) == ("partly", date(2026, 4, 1))
    assert record.reply_reasons == "The budget allows one block this year."
    assert record.reply_planning == "Block A in 2026, block B in 2027."
    with ctx.db.reading() as s:
        assert record.reply_due == deadlines.reply_due(date(2026, 3, 23), organisation.rule_profile(s))
    assert "Partly followed" in dossier.stages.texts["reply"].text()
    assert "Katrien Desmet" in dossier.stages.texts["sent"].text()
    timeline = [dossier.timeline.model.index(n, 1).data() for n in range(dossier.timeline.model.rowCount())]
    assert "Advice sent" in timeline and "Landlord's reply received" in timeline
    page.refresh()
    shown = {page.proxy.row_at(n).id: page.proxy.index(n, 4).data() for n in range(page.proxy.rowCount())}
    assert shown[advice_id] == "Reply received"


def test_a_refused_step_shows_the_service_message_and_changes_nothing(ctx, qtbot, driver, message_boxes):
    dossier = _open_dossier(ctx, qtbot, kind="own_initiative")
    assert dossier.record.status == "drafting" and "approved" in dossier.step_buttons
    driver.expect(ApproveDialog, lambda d: d.save())
    qtbot.mouseClick(dossier.step_buttons["approved"], LEFT)
    assert message_boxes[-1] == ("warning", "Save a draft of the advice before approving it.")
    assert _record(ctx, dossier.advice_id).status == "drafting"
    assert driver.last(ApproveDialog).result() == 0  # the dialog stayed open for the user
    # A step the status table does not allow gets no button; forced anyway, the service says why.
    assert "sent" not in dossier.step_buttons
    driver.expect(SendDialog, lambda d: d.save())
    dossier.take_step("sent")
    assert "cannot become 'Sent'" in message_boxes[-1][1] and "Possible next steps" in message_boxes[-1][1]
    assert _record(ctx, dossier.advice_id).sent_on is None


def test_an_empty_or_unchanged_draft_is_refused_under_the_editor(ctx, qtbot):
    dossier = _open_dossier(ctx, qtbot)
    assert dossier.drafts.save() is False
    assert dossier.drafts.error.text() == "The draft is empty."
    dossier.drafts.editor.setPlainText("Text")
    assert dossier.drafts.save() is True
    assert dossier.drafts.save() is False and "Nothing changed since draft 1" in dossier.drafts.error.text()
    assert len(_record(ctx, dossier.advice_id).versions) == 1


def test_an_old_version_can_be_read_and_copied_into_the_editor(ctx, qtbot, driver):
    dossier = _open_dossier(ctx, qtbot)
    for text in ("First version.", "Second version."):
        dossier.drafts.editor.setPlainText(text)
        assert dossier.drafts.save()
    dossier.drafts.table.selectRow(1)  # newest first: row 1 is version 1
    driver.expect(VersionDialog, lambda d: (d.text.toPlainText() == "First version." and d.copy_button.click()))
    dossier.drafts.view_version()
    assert dossier.drafts.editor.toPlainText() == "First version."
    assert dossier.drafts.has_changes()
    assert len(_record(ctx, dossier.advice_id).versions) == 2  # reading saves nothing


def test_the_deadline_can_be_changed_with_a_reason_and_the_details_edited(ctx, qtbot, driver):
    dossier = _open_dossier(ctx, qtbot, requested_on=date(2026, 3, 2))
    agreed = date(2026, 5, 15)
    driver.expect(DeadlineDialog, lambda d: (d.deadline.setText(formats.short_date(agreed)),
                                             d.reason.setText("Agreed at the consultation"), d.save()))
    qtbot.mouseClick(dossier.deadline_button, LEFT)
    record = _record(ctx, dossier.advice_id)
    assert (record.group_deadline, record.deadline_edited) == (agreed, True)
    assert "agreed" in dossier.deadline_label.text()
    assert any(e.text == "Deadline changed" and e.detail == "Agreed at the consultation" for e in record.timeline)
    dossier.details.title.setText("")
    assert dossier.save_details() is False
    assert "title" in dossier.details.form.problem("title").lower()
    dossier.details.title.setText("Lifts and stairs in De Linde")
    assert dossier.save_details() is True
    assert _record(ctx, dossier.advice_id).title == "Lifts and stairs in De Linde"


def test_follow_up_action_points(ctx, qtbot, driver):
    dossier = _open_dossier(ctx, qtbot)
    driver.expect(ActionPointDialog, lambda d: (d.what.setText("Check the promised planning"),
                                                d.who.setText("Secretary"), d.due_on.setText("30/06/2026"), d.save()))
    dossier.actions.add_action()
    dossier.actions.table.selectRow(0)
    dossier.actions.toggle_done()
    (action,) = _record(ctx, dossier.advice_id).actions
    assert (action.what, action.who, action.due_on, action.done_on) == \
        ("Check the promised planning", "Secretary", date(2026, 6, 30), date.today())


def test_the_advice_letter_as_pdf_and_word(ctx, qtbot, landlord, monkeypatch, tmp_path, wait_tasks):
    dossier = _open_dossier(ctx, qtbot)
    assert not dossier.letter.isEnabled()  # no text yet
    dossier.drafts.editor.setPlainText("The group supports the new lifts.\n\nOne lift must work at all times.")
    assert dossier.drafts.save()
    assert dossier.letter.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    task = dossier.letter.preview()
    wait_tasks()
    target = task.result
    assert opened[0].toLocalFile() == str(target)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    reference = dossier.record.reference
    for expected in (reference, "Lifts in De Linde", "One lift must work at all times.", "Katrien Desmet"):
        assert expected in text
    chosen = tmp_path / "letter"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chosen), "")))
    task = dossier.letter.save_docx()
    wait_tasks()
    saved = task.result
    assert saved == tmp_path / "letter.docx"
    words = "\n".join(p.text for p in docx.Document(saved).paragraphs)
    assert "The group supports the new lifts." in words and reference in words


def test_page_filters_by_status_year_and_search(ctx, qtbot):
    old = ctx.call(advices.create_advice, AdviceInput(title="Rent 2024", topic="rent", requested_on=date(2024, 2, 1)))
    ctx.call(advice_steps.withdraw, old.id, date(2024, 3, 1))
    ctx.call(advices.create_advice, AdviceInput(title="Heating Rabot", topic="maintenance",
                                                requested_on=date(2026, 1, 10)))
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    titles = lambda: sorted(r.title for r in page.proxy.source_rows())  # noqa: E731
    assert titles() == ["Heating Rabot"]  # open dossiers only
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))
    assert titles() == ["Heating Rabot", "Rent 2024"]
    page.year.setCurrentIndex(page.year.findData(2024))
    assert titles() == ["Rent 2024"]
    page.year.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "rabot")
    assert titles() == ["Heating Rabot"]
    assert "1 of 2" in page.count.text()


def test_a_new_dossier_from_a_group_of_signals(ctx, qtbot, driver):
    from huurdersgroep_app.core.services.signals import signals
    from huurdersgroep_app.ui.signals.grouping import AdviceFromSignalsDialog
    from huurdersgroep_app.ui.signals.clusters import ClustersDialog

    for n in range(3):
        ctx.call(signals.add_signal, signals.SignalInput(
            reported_on=date.today() - timedelta(days=n + 1), category="heating", description=f"No heating {n}",
            complex_id=ctx.db.complex_ids["Rabot"]))
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.data_changed.connect(page.refresh)

    def choose(d: ClustersDialog) -> None:
        assert d.panel.model.rowCount() == 1
        d.panel.table.selectRow(0)
        d.panel.make_advice()

    driver.expect(ClustersDialog, choose)
    driver.expect(AdviceFromSignalsDialog, lambda d: (d.title.text() == "Heating in Rabot" and d.save()))
    driver.expect(AdviceDossierDialog)
    page.dossier_from_signals()
    assert driver.all_used()
    record = _record(ctx, driver.last(AdviceDossierDialog).advice_id)
    assert (record.title, record.kind, record.complex_names, record.signal_count) == \
        ("Heating in Rabot", "own_initiative", ("Rabot",), 3)
    assert page.selected_id() == record.id


def test_approval_by_a_meeting_decision_fills_date_and_reference(ctx, qtbot, driver):
    from huurdersgroep_app.core.services.meetings import lifecycle as meetings
    from huurdersgroep_app.core.services.meetings import minutes

    requested = date.today() - timedelta(days=10)
    with ctx.db.transaction() as s:
        board = meetings.create_meeting(s, meetings.MeetingInput(type="board", scheduled_on=requested + timedelta(days=5)))
        decision = minutes.add_decision(s, board.id, minutes.DecisionInput(text="The advice on the lifts is approved."))
    dossier = _open_dossier(ctx, qtbot, requested_on=requested)
    advice_id = dossier.advice_id
    ctx.call(advice_steps.change_status, advice_id, "drafting", date.today())
    ctx.call(advice_steps.save_draft, advice_id, "We agree.", on=date.today())
    dossier.reload()

    def choose(d: ApproveDialog) -> None:
        d.decision.setCurrentIndex(d.decision.findData(decision.id))
        assert not d.on.isEnabled() and not d.reference.isEnabled()
        d.save()

    driver.expect(ApproveDialog, choose)
    qtbot.mouseClick(dossier.step_buttons["approved"], LEFT)
    record = _record(ctx, advice_id)
    assert record.status == "approved"
    with ctx.db.reading() as s:
        stored = advices.get_advice(s, advice_id)
        assert stored.approval_decision_id == decision.id
        assert stored.approved_on == requested + timedelta(days=5)
        assert decision.label in stored.approval_reference
