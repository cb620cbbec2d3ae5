"""An empty date field shows the format in grey, never a date that looks filled in."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.ui.kit.widgets import DateField


@pytest.mark.parametrize("lang, hint", [("en", "dd/mm/yyyy"), ("nl_BE", "dd/mm/jjjj"), ("fr_BE", "jj/mm/aaaa"),
                                        ("nl_NL", "dd-mm-jjjj")])
def test_empty_field_shows_the_format_and_is_none(qtbot, lang, hint):
    i18n.set_language(lang)
    try:
        field = DateField()
        qtbot.addWidget(field)
        assert field.edit.text() == ""
        assert field.edit.placeholderText() == hint
        assert field.date() is None
    finally:
        i18n.set_language("en")


def test_a_date_set_and_cleared(qtbot):
    field = DateField(date(2025, 3, 4))
    qtbot.addWidget(field)
    assert field.date() == date(2025, 3, 4)
    field.set_date(None)
    assert field.text() == "" and field.date() is None


def test_calendar_pick_fills_the_field(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.calendar.setSelectedDate(date(2025, 6, 1))
    field._picked(field.calendar.selectedDate())
    assert field.date() == date(2025, 6, 1)


def test_the_calendar_button_shows_a_calendar_not_dots_under_an_arrow(qtbot):
    """Without an icon theme (Windows, the offscreen screenshots) the button read "…" half under
    its menu arrow; it draws a calendar page instead, and no arrow."""
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    assert not field.pick.icon().isNull()
    assert "…" not in field.pick.text()
    assert "menu-indicator" in field.pick.styleSheet()
