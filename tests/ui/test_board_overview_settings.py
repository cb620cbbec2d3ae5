"""Board page (assign and end offices, rota), Overview (reach, complexes) and Settings."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui.kit import formats
from huurdersgroep_app.ui.members.complex_dialog import ComplexDialog
from huurdersgroep_app.ui.board.office_dialog import AssignOfficeDialog, EndOfficeDialog
from huurdersgroep_app.ui.board import page as board_page
from huurdersgroep_app.ui.pages import PAGES
from huurdersgroep_app.ui.overview import page as overview
from huurdersgroep_app.ui.settings import page as settings
from huurdersgroep_app.ui.kit.table_model import ROW_ROLE


def _current_offices(db):
    with db.reading() as s:
        return [(o.role, o.member.last_name) for o in board.current_offices(s)]


def test_pages_are_registered_in_order():
    specs = list(PAGES)
    assert [s.name for s in specs][:3] == ["overview", "members", "board"]
    assert specs[-1].name == "settings"
    assert all(s.title() and hasattr(s.load(), "refresh") for s in specs)


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


def test_overview_shows_reach_and_manages_complexes(ctx, qtbot):
    page = overview.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    ctx.data_changed.connect(page.refresh)
    with ctx.db.reading() as s:
        expected = {r.name: (r.members, r.dwellings) for r in complexes.complex_rows(s)}
    shown = {page.model.row_at(r).name: (page.model.row_at(r).members, page.model.row_at(r).dwellings)
             for r in range(page.model.rowCount())}
    assert shown == expected
    total = sum(m for m, _d in expected.values())
    assert f"{total} current members" in page.summary.text()
    assert "Marie Peeters" in page.board_text.text()
    dialog = ComplexDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Rabot")  # exists already
    assert dialog.save() is False and "Rabot" in dialog.form.problem("name")
    dialog.name.setText("Nieuw Gent")
    dialog.dwellings.setValue(80)
    assert dialog.save()
    assert "Nieuw Gent" in {page.model.row_at(r).name for r in range(page.model.rowCount())}


def test_settings_save_group_details_with_messages(ctx, qtbot, message_boxes):
    page = settings.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.group_fields["name"].text() == "Huurdersgroep De Linde"
    page.group_fields["email"].setText("info-at-delinde")
    assert page.save_group() is False
    assert "info-at-delinde" in page.group_errors.problem("email")
    page.group_fields["email"].setText("info@delinde.be")
    page.group_fields["registration_number"].setText("0123.456.789")
    assert page.save_group()
    with ctx.db.reading() as s:
        org = organisation.get_organisation(s)
        assert (org.email, org.registration_number) == ("info@delinde.be", "0123.456.789")


def test_settings_term_sorting_and_annual_meeting(ctx, qtbot):
    page = settings.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.term_years.setValue(4)
    page.next_meeting.setText("not yet")
    assert page.save_habits() is False and page.habit_errors.problem("next_meeting")
    page.next_meeting.setText("20/03/2031")
    page.surname_sort.button(1).setChecked(True)  # under V
    assert page.save_habits()
    with ctx.db.reading() as s:
        assert board.term_years(s) == 4
        assert members.surname_sort_mode(s) == names.SORT_BY_PARTICLE
        assert board.next_annual_meeting(s) == date(2031, 3, 20)
    page.refresh()
    assert page.term_years.value() == 4 and page.next_meeting.text() == "20/03/2031"


def test_settings_logo(ctx, qtbot, tmp_path, message_boxes):
    from PySide6.QtGui import QColor, QImage

    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("darkgreen"))
    logo = tmp_path / "logo.png"
    assert picture.save(str(logo))
    page = settings.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    not_a_picture = tmp_path / "logo.jpg"
    not_a_picture.write_bytes(b"plain text")
    assert page.set_logo_file(not_a_picture) is False and message_boxes
    assert page.set_logo_file(logo)
    with ctx.db.reading() as s:
        org = organisation.get_organisation(s)
        assert org.logo == logo.read_bytes() and org.logo_mime == "image/png"
    page.refresh()
    assert not page.logo.pixmap().isNull() and page.remove_logo_button.isEnabled()
    page.remove_logo()
    with ctx.db.reading() as s:
        assert organisation.get_organisation(s).logo is None


def test_member_page_header_sorts_on_click(ctx, qtbot):
    from huurdersgroep_app.ui.members.page import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # member since, newest first
    joined = [page.proxy.index(r, 0).data(ROW_ROLE).joined_on for r in range(page.proxy.rowCount())]
    assert joined == sorted(joined, reverse=True)
