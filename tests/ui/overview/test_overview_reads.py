"""The Overview reads what it shows in one pass, when it is drawn, and not while another page is in
front: it is the first page the app opens on, and every change anywhere used to make four of its
panels read again."""
from __future__ import annotations

from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.overview.page import Page


def _count_sessions(db, monkeypatch) -> list:
    opened = []
    real = db.reading

    def reading(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(db, "reading", reading)
    return opened


def test_the_overview_reads_once_when_drawn_and_not_behind_another_page(group, qtbot, monkeypatch):
    ctx = AppContext(group)
    opened = _count_sessions(group, monkeypatch)
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    assert opened == []  # building and showing the page reads nothing: the window refreshes it once
    page.refresh()
    assert len(opened) == 1
    # and that one pass filled every panel
    assert page.year_panel.labels["setup"].text() == "Setting up the group: 3 of 5 done."
    assert page.meetings_panel.annual.text().startswith("✖")
    assert page.funding_panel.text.text() and page.finance_panel.title().startswith("Money")
    assert "past the retention period" in page.privacy_panel.text.text()
    assert page.title.text() and page.summary.text().endswith("current members.")
    page.hide()
    opened.clear()
    ctx.data_changed.emit()  # a change made on another page
    assert opened == []
