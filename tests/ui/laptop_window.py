"""The main window as a user sees it on the common laptop screen (1366 × 768), shown and exposed, for
the tests that check what fits and what is cut off."""
from __future__ import annotations

from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.shell.main_window import MainWindow


def laptop_window(db, qtbot, page: str | None = None) -> MainWindow:
    window = MainWindow(AppContext(db), initial_page=page)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window
