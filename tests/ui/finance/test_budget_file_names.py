"""The budget's documents suggest a name with the year shown on the Budget tab, in the user's language
(issue 12: suggested file names carry the document and its year)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton

from huurdersgroep_app import i18n
from huurdersgroep_app.ui.finance.page import Page


def test_budget_documents_suggest_their_year(ctx, qtbot, monkeypatch):
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _p, _c, proposed, _f: (suggested.append(Path(proposed).name), "")[1:] + ("",)))
    with i18n.language("nl_BE"):
        page = Page(ctx)
        qtbot.addWidget(page)
        page.refresh()
        page.set_year(2026)
        tab = page.show_tab("budget")
        buttons = [b for b in tab.findChildren(QPushButton) if b.menu() is not None and "(PDF)" in b.text()]
        for button in buttons:
            next(a for a in button.menu().actions() if a.text().startswith("Opslaan als PDF")).trigger()
    assert suggested == ["begroting-2026.pdf", "begroting-en-werkelijk-2026.pdf", "financieel-verslag-2026.pdf"]
