"""The screens in Dutch and French: every page and the member dialog show no English source text,
the Netherlands' words appear in nl_NL, and menu accelerators stay unique after translation."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget,
                               QWidget)

from huurdersgroep_app import i18n_tools
from huurdersgroep_app.ui.shell.app import GuiController
from huurdersgroep_app.ui.members.member_dialog import MemberDialog


@pytest.fixture
def controller(qapp):
    made = GuiController(qapp)
    yield made
    if made.window is not None:
        made.window.close()
    made.close_database()
    made.apply_language("en")


def shown_texts(root: QWidget) -> set[str]:
    """Every text a person can read in ``root``: labels, buttons, titles, tabs, list items,
    column headers, placeholders and tooltips."""
    texts = {root.windowTitle()}
    for widget in [root, *root.findChildren(QWidget)]:
        texts.add(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.add(widget.text())
        if isinstance(widget, QGroupBox):
            texts.add(widget.title())
        if isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts.update(str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(model.columnCount()))
    return {text for text in texts if text}


def english_sources(lang: str) -> set[str]:
    """Source strings the catalog translates into something else: seen on screen, they are a leak."""
    catalog = i18n_tools.read_catalog(lang)
    if lang == "nl_NL":  # nl_NL falls back to nl_BE
        flanders = i18n_tools.read_catalog("nl_BE")
        catalog = {m.id: m for m in flanders} | {m.id: m for m in catalog}
        messages = catalog.values()
    else:
        messages = list(catalog)
    return {m.id for m in messages if isinstance(m.id, str) and m.id and m.string and m.string != m.id}


def visit_everything(controller, group, lang: str) -> tuple[set[str], object]:
    controller.apply_language(lang)
    controller.show_main(group)
    window = controller.window
    texts = set()
    for spec in window.specs:
        texts |= shown_texts(window.show_page(spec.name))
    texts |= shown_texts(window)
    for menu_action in window.menuBar().actions():
        texts.add(menu_action.text())
        texts.update(action.text() for action in menu_action.menu().actions() if action.text())
    dialog = MemberDialog(window.ctx, group.ids["Çelik"], parent=window)
    texts |= shown_texts(dialog)
    dialog.close()
    return texts, window


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE"])
def test_no_english_left_on_any_page_or_the_member_dialog(controller, group, lang):
    texts, _window = visit_everything(controller, group, lang)
    sources = english_sources(lang)
    assert len(sources) > 300
    assert sorted(texts & sources) == []


def test_the_english_check_sees_english(controller, group):
    texts, _window = visit_everything(controller, group, "en")
    leaks = texts & english_sources("nl_BE")
    assert {"Members", "New member…", "Last name (required)", "Retirement rota"} <= leaks


def test_nl_nl_shows_the_words_of_the_netherlands(controller, group):
    texts, window = visit_everything(controller, group, "nl_NL")
    page = window.show_page("members")
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert "Woonplaats" in headers and "Complex" in headers and "Gemeente" not in headers
    assert "Leden" in texts and "Huurdersorganisatie" in window.windowTitle()
    flemish = re.compile(r"woonmaatschappij|\bGSM\b|jaarvergadering|familienaam|\bwijk\b|\bbus\b", re.I)
    # The group's own name is data, not interface.
    assert [text for text in texts if flemish.search(text) and "Huurdersgroep De Linde" not in text] == []


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE", "en"])
def test_menu_accelerators_are_unique(controller, group, lang):
    controller.apply_language(lang)
    controller.show_main(group)
    menus = controller.window.menuBar().actions()

    def keys(texts):
        found = [re.search(r"&(\w)", text) for text in texts]
        return [match.group(1).casefold() for match in found if match]

    bar = keys(action.text() for action in menus)
    assert len(bar) == len(menus) and len(set(bar)) == len(bar)
    for menu_action in menus:
        inside = keys(action.text() for action in menu_action.menu().actions())
        assert len(set(inside)) == len(inside)
