"""The shell's tests: the app controller in English, and the warnings it would show."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from huurdersgroep_app.ui.shell.app import GuiController


@pytest.fixture
def controller(qapp):
    made = GuiController(qapp)
    made.apply_language("en")
    yield made
    if made.window is not None:
        made.window.close()
    made.close_database()


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


@pytest.fixture
def text_size(qapp):
    """Set the interface's text size for one test (``text_size(appearance.LARGE)``); the application's
    font and style are back to normal afterwards, as the other tests expect."""
    from huurdersgroep_app.ui.kit import appearance

    style = qapp.styleSheet()

    def choose(size: str) -> None:
        appearance.apply_appearance(qapp, size)

    yield choose
    appearance.apply_appearance(qapp, appearance.NORMAL)
    qapp.setStyleSheet(style)
