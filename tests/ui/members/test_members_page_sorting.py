"""Members page: a click on a header sorts the list."""
from __future__ import annotations

from PySide6.QtCore import Qt

from huurdersgroep_app.ui.kit.table_model import ROW_ROLE


def test_member_page_header_sorts_on_click(ctx, qtbot):
    from huurdersgroep_app.ui.members.page import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # member since, newest first
    joined = [page.proxy.index(r, 0).data(ROW_ROLE).joined_on for r in range(page.proxy.rowCount())]
    assert joined == sorted(joined, reverse=True)

