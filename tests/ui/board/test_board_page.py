"""Board page: assign and end offices, the rota."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.board.office_dialog import AssignOfficeDialog, EndOfficeDialog
from huurdersgroep_app.ui.board import page as board_page


def _current_offices(db):
    with db.reading() as s:
        return [(o.role, o.member.last_name) for o in board.current_offices(s)]


def test_assigning_an_office_from_the_board_page(ctx, qtbot):
    page = board_page.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.data_changed.connect(page.refresh)
    assert page.current_model.rowCount() == 1
    dialog = AssignOfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.member.setCurrentText("Nguyễn, Thi Lan")
    dialog.role.setCurrentIndex(dialog.role.findData("treasurer"))
    dialog.start_on.setText("01/04/2024")
    assert dialog.save()
    assert ("treasurer", "Nguyễn") in _current_offices(ctx.db)
    shown = {(page.current_model.row_at(r).role, page.current_model.row_at(r).member_name)
             for r in range(page.current_model.rowCount())}
    assert ("treasurer", "Thi Lan Nguyễn") in shown
    with ctx.db.reading() as s:
        years = board.term_years(s)
    office = next(row for row in page.current_model.rows if row.role == "treasurer")
    assert office.planned_end_on == board.add_years(date(2024, 4, 1), years)


def test_assign_office_dialog_explains_problems(ctx, qtbot, message_boxes):
    dialog = AssignOfficeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.start_on.setText("someday")
    assert dialog.save() is False
    assert dialog.form.problem("member_id") and "someday" in dialog.form.problem("start_on")
    # A second chair is refused by the service; its message is shown and nothing changes.
    dialog.member.setCurrentText("Kowalski, Łukasz")
    dialog.role.setCurrentIndex(dialog.role.findData("chair"))
    dialog.start_on.setText("01/01/2025")
    assert dialog.save() is False
    assert message_boxes and "Peeters" in message_boxes[-1][1]
    assert _current_offices(ctx.db) == [("chair", "Peeters")]


def test_ending_an_office(ctx, qtbot):
    page = board_page.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    office = page.current_model.row_at(0)
    dialog = EndOfficeDialog(ctx, office.id, "Chair: Marie Peeters")
    qtbot.addWidget(dialog)
    dialog.ended_on.setText("01/01/2020")  # before the start
    assert dialog.save() is False and dialog.form.problem("ended_on")
    dialog.ended_on.setText(formats.short_date(date.today()))
    assert dialog.save()
    assert _current_offices(ctx.db) == []
    page.refresh()
    assert page.history_model.rowCount() == 1 and page.history_model.row_at(0).ended_on == date.today()


def test_rota_marks_who_steps_down_at_the_next_annual_meeting(ctx, qtbot):
    with ctx.db.transaction() as s:
        organisation.set_setting(s, board.NEXT_ANNUAL_MEETING_SETTING, date(date.today().year + 5, 3, 20).isoformat())
    page = board_page.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    rows = [page.rota_model.row_at(r) for r in range(page.rota_model.rowCount())]
    assert [(r.member_name, r.due) for r in rows] == [("Marie Peeters", True)]  # a 3-year term from 2023
    assert "1 of 1" in page.rota_text.text()

