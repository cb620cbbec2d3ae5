"""The explicit list of pages (ui/pages.py), in sidebar order."""
from __future__ import annotations

from huurdersgroep_app.ui.pages import PAGES


def test_pages_are_registered_in_order():
    specs = list(PAGES)
    assert [s.name for s in specs][:3] == ["overview", "members", "board"]
    assert specs[-1].name == "settings"
    assert all(s.title() and hasattr(s.load(), "refresh") for s in specs)

