"""The privacy tools in the window (issue 13 §4): from the members page's Privacy menu — export
everything about a person, the consent log, anonymising a former member, erasing one who appears in
no decision or booking, the retention list — and the reminder on the Overview."""
from __future__ import annotations

import json
from datetime import date

import pypdf
import pytest
from PySide6.QtWidgets import QFileDialog

from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.privacy import consent, retention
from huurdersgroep_app.ui.members import page as members_page
from huurdersgroep_app.ui.members.anonymise_dialog import AnonymiseDialog
from huurdersgroep_app.ui.members.consent_dialog import ConsentDialog
from huurdersgroep_app.ui.members.retention_dialog import RetentionDialog
from huurdersgroep_app.ui.overview.privacy_panel import PrivacyPanel


@pytest.fixture
def page(ctx, qtbot):
    made = members_page.Page(ctx)
    qtbot.addWidget(made)
    made.status.setCurrentIndex(made.status.findData(members_page.STATUS_ALL))
    made.refresh()
    return made


def _choose(page, member_id: int) -> None:
    assert page.select_member(member_id)


def _name(ctx, member_id: int) -> str:
    return ctx.read(lambda s: members.get_member(s, member_id).full_name)


def _answer(monkeypatch, ctx, answer: bool) -> list[str]:
    asked = []
    monkeypatch.setattr(ctx, "ask", lambda question, parent=None, title=None: asked.append(question) or answer)
    return asked


def test_the_menu_follows_the_chosen_member(page, ctx):
    menu = page.privacy_menu
    assert not menu.export_pdf.isEnabled() and menu.retention.isEnabled()
    _choose(page, ctx.db.ids["Peeters"])  # a current member
    assert menu.export_pdf.isEnabled() and menu.consents.isEnabled() and not menu.anonymise.isEnabled()
    _choose(page, ctx.db.ids["De Smet"])  # left in 2024
    assert menu.anonymise.isEnabled() and menu.erase.isEnabled()


def test_export_everything_about_a_person_as_pdf_and_json(page, ctx, monkeypatch, tmp_path, wait_tasks,
                                                          message_boxes):
    _choose(page, ctx.db.ids["Çelik"])
    pdf, js = tmp_path / "celik.pdf", tmp_path / "celik.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    page.privacy_menu.export_pdf.trigger()
    wait_tasks()
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "Çelik" in text and "Lindelaan" in text
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(js), "")))
    page.privacy_menu.export_json.trigger()
    wait_tasks()
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["subject"]["last_name"] == "Çelik" and data["subject_kind"] == "member"
    assert any("was saved as" in text and str(js) in text for _kind, text in message_boxes)


def test_the_anonymise_dialog_says_what_is_kept_and_anonymises(ctx, qtbot, message_boxes):
    smet = ctx.db.ids["De Smet"]
    dialog = AnonymiseDialog(ctx, smet)
    qtbot.addWidget(dialog)
    said = dialog.text.text()
    assert "Bookings keep their amount and date" in said
    assert "Minutes of approved meetings keep the name where they were published" in said
    new = "Voormalig lid 2024-06"  # the new name is stored in the group's language (nl_BE), and said so
    assert f"'{new}'" in said
    assert dialog.save()
    assert _name(ctx, smet) == new
    assert any(f"is now '{new}'" in text for _kind, text in message_boxes)


def test_a_current_member_is_not_anonymised(ctx, qtbot):
    peeters = ctx.db.ids["Peeters"]
    dialog = AnonymiseDialog(ctx, peeters)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert "still a member" in dialog.problem.text() and not dialog.problem.isHidden()
    assert _name(ctx, peeters) == "Marie Peeters"


def test_erase_is_refused_with_reasons_for_a_board_member(page, ctx, monkeypatch, message_boxes):
    asked = _answer(monkeypatch, ctx, True)
    _choose(page, ctx.db.ids["Peeters"])
    page.privacy_menu.erase.trigger()
    assert asked == []  # nothing to confirm: it cannot be done
    assert any("cannot be erased" in text and "board office" in text for _kind, text in message_boxes)
    assert _name(ctx, ctx.db.ids["Peeters"]) == "Marie Peeters"


def test_erase_a_person_in_no_decision_or_booking_after_asking(page, ctx, monkeypatch):
    hansen = ctx.db.ids["Hansen"]
    asked = _answer(monkeypatch, ctx, False)
    _choose(page, hansen)
    page.privacy_menu.erase.trigger()
    assert len(asked) == 1 and "cannot be undone" in asked[0]
    assert hansen in {row.id for row in ctx.read(members.member_rows)}  # the user said no
    _answer(monkeypatch, ctx, True)
    page.privacy_menu.erase.trigger()
    assert hansen not in {row.id for row in ctx.read(members.member_rows)}


def test_the_consent_log_records_and_withdraws(ctx, qtbot):
    kowalski = ctx.db.ids["Kowalski"]
    dialog = ConsentDialog(ctx, kowalski)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("newsletter"))
    dialog.how.setCurrentIndex(dialog.how.findData("email"))
    dialog.given_on.setText("31/02/2024")  # no such day
    assert not dialog.record()
    assert dialog.form.problem("given_on") and dialog.model.rowCount() == before
    dialog.given_on.setText("15/03/2024")
    dialog.notes.setText("Via de nieuwsbrief")
    assert dialog.record()
    rows = ctx.read(consent.consent_rows, kowalski)
    assert [(r.purpose, r.given_on, r.how, r.withdrawn_on) for r in rows][-1] == (
        "newsletter", date(2024, 3, 15), "email", None)
    assert dialog.model.rowCount() == before + 1
    dialog.table.selectRow(dialog.model.rowCount() - 1)
    assert dialog.withdraw_button.isEnabled()
    dialog.ctx.ask = lambda *a, **k: True
    assert dialog.withdraw()
    assert ctx.read(consent.consent_rows, kowalski)[-1].withdrawn_on == date.today()
    assert not dialog.withdraw_button.isEnabled()  # a withdrawn consent cannot be withdrawn twice


def test_the_retention_list_anonymises_everyone_past_it(ctx, qtbot, monkeypatch, message_boxes):
    smet = ctx.db.ids["De Smet"]
    listed = ctx.read(retention.past_retention)
    assert [(i.kind, i.record_id) for i in listed if i.kind == "former_member"] == [("former_member", smet)]
    panel = PrivacyPanel(ctx)
    qtbot.addWidget(panel)
    panel.refresh()
    assert "1 former member or contact is past the retention period" in panel.text.text()
    dialog = RetentionDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == len(listed) and dialog.anonymise_button.isEnabled()
    asked = _answer(monkeypatch, ctx, True)
    assert dialog.anonymise_all()
    assert "keep their amount and date" in asked[0]
    assert _name(ctx, smet) == "Voormalig lid 2024-06"
    assert not dialog.anonymise_button.isEnabled() and "Nobody is past" in dialog.summary.text()
    panel.refresh()
    assert "Nobody is past the retention period" in panel.text.text() and not panel.show_button.isEnabled()
