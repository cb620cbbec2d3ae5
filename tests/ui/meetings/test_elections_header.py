"""The elections tree of the annual meeting shows its headers whole in Dutch (issue 12: in the
1366×768 screenshot "Stemmen" touched the next column, its section 10 characters wide)."""
from __future__ import annotations

from PySide6.QtWidgets import QStyle

from huurdersgroep_app import i18n
from huurdersgroep_app.ui.meetings.elections_tab import ElectionsTab


def test_election_headers_fit_their_sections(ctx, qtbot):
    i18n.set_language("nl_BE")
    tab = ElectionsTab(ctx)
    qtbot.addWidget(tab)
    header = tab.tree.header()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for number in (0, 1):
        title = tab.tree.headerItem().text(number)
        assert title == {0: "Verkiezing en kandidaten", 1: "Stemmen"}[number]
        assert header.sectionSize(number) >= header.fontMetrics().horizontalAdvance(title) + 4 * margin, title
