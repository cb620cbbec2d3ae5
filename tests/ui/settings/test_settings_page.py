"""Settings page: group details, term and sorting habits, the logo."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.members import board
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui.settings import page as settings


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

