"""Issue 12: the members table sorts names as the group does — a Flemish group under the particle,
and the Settings choice (under the stem) reorders it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from huurdersgroep_app.core.services import names, organisation
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui.members.page import STATUS_ALL, Page as MembersPage


def _shown(page) -> list[str]:
    return [page.proxy.data(page.proxy.index(r, page.model.NAME_COLUMN), Qt.ItemDataRole.DisplayRole)
            for r in range(page.proxy.rowCount())]


def test_members_table_follows_the_groups_surname_sort(ctx, qtbot):
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.status.setCurrentIndex(page.status.findData(STATUS_ALL))
    shown = _shown(page)
    # A Flemish group: 'Van den Broeck' under V (last), 'De Smet' under D (before Hansen).
    assert shown.index(next(n for n in shown if "Smet" in n)) < shown.index(next(n for n in shown if "Hansen" in n))
    assert "Broeck" in shown[-1]
    with ctx.db.transaction() as s:
        organisation.set_setting(s, members.SURNAME_SORT_SETTING, names.SORT_BY_STEM)
    page.refresh()
    shown = _shown(page)
    assert "Broeck" in shown[0]  # 'Broeck, Van den' before 'Çelik'
