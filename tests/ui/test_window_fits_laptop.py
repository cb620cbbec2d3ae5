"""The main window fits a 1366×768 laptop on every page, in Dutch (issue 12): no page may ask for
more width than the screen has (a row of buttons on the members page once made it 1421 px)."""
from __future__ import annotations

from laptop_window import laptop_window

from huurdersgroep_app import i18n


def test_every_page_fits_1366_pixels(group, qtbot):
    i18n.set_language("nl_BE")
    window = laptop_window(group, qtbot)
    for spec in window.specs:
        window.show_page(spec.name)
        qtbot.wait(5)
        assert window.minimumSizeHint().width() <= 1366, spec.name
        assert window.width() == 1366, spec.name
