"""The cash book's search hint is never cut: at 1366 pixels wide, in Dutch, the search box is wider
than its placeholder, and the full wording is in its tooltip."""
from __future__ import annotations

from huurdersgroep_app.i18n import language
from huurdersgroep_app.ui.finance.page import Page


def test_search_placeholder_fits_at_1366_pixels(ctx, qtbot):
    with language("nl_BE"):
        page = Page(ctx)
        qtbot.addWidget(page)
        page.refresh()
        tab = page.show_tab("cashbook")
        page.resize(1366 - 200, 700)  # the window less the navigation column
        page.show()
        qtbot.waitExposed(page)
        search = tab.search
        assert search.placeholderText() == "Wie, wat, bedrag, nr. bewijsstuk"
        assert "bewijsstuk" in search.toolTip()
        needed = search.fontMetrics().horizontalAdvance(search.placeholderText())
        assert search.width() >= needed + 20, (search.width(), needed)
