"""Issue 12: the Overview's reach leaves out members without a complex and says how many there are."""
from __future__ import annotations

from huurdersgroep_app.ui.overview import page as overview


def test_overview_reach_counts_members_in_a_complex_and_names_the_rest(ctx, qtbot):
    # The 'group' fixture: 2 active members in De Linde (40 dwellings), 3 in Rabot (120), Hansen in none.
    page = overview.Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    text = page.total.text()
    assert "5 members in 160 dwellings, a reach of 3%" in text   # 5/160, not 6/160 (4 %)
    assert "1 member has no complex." in text
    assert "6 current members" in page.summary.text()
