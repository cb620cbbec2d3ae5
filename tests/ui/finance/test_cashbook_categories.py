"""The cash book's 'Set category…': several selected lines in one category through one service call;
a split entry among them refuses the whole batch with the service's message."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QInputDialog

from huurdersgroep_app.core.services.finance import accounts, categories, entries
from huurdersgroep_app.core.services.finance.entries import EntryInput, LineInput
from huurdersgroep_app.ui.finance.page import Page

YEAR = 2025


def _tab(ctx, qtbot):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.set_year(YEAR)
    return page, page.show_tab("cashbook")


def _select(tab, *rows):
    selection = tab.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(tab.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select |
                         QItemSelectionModel.SelectionFlag.Rows)


def _categories(ctx):
    with ctx.db.reading() as s:
        return [[line.category_id for line in entries.get_entry(s, entry_id).lines] for entry_id in ctx.ids]


def test_set_category_for_several_selected_lines(ctx, qtbot, monkeypatch, message_boxes):
    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        code = {c: categories.category_by_code(s, c).id for c in ("materials", "refreshments")}
        ctx.ids = [entries.add_entry(s, EntryInput(date(YEAR, 3, day), cash, amount, None, counterparty=who)).id
                   for day, amount, who in ((1, "-4.00", "Aldi"), (2, "-6.00", "Colruyt"))]
        ctx.ids.append(entries.add_entry(s, EntryInput(date(YEAR, 3, 3), cash, "-9.00", counterparty="Gamma", lines=[
            LineInput(code["materials"], "-5.00"), LineInput(code["refreshments"], "-4.00")])).id)
    _page, tab = _tab(ctx, qtbot)  # the page is kept: it owns the tab
    assert not tab.category_button.isEnabled()
    _select(tab, 0, 1)
    assert tab.category_button.isEnabled() and len(tab.selected_rows()) == 2
    asked = []

    def pick(parent, title, label, items, *args):
        asked.append((label, list(items)))
        return "Materials", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    assert tab.set_category_for_selection()
    assert asked[0][0] == "Category for 2 entries:" and "Materials" in asked[0][1]
    assert "Landlord's participation budget" not in asked[0][1]  # money out: expense categories only
    assert _categories(ctx)[:2] == [[code["materials"]], [code["materials"]]]
    assert "Materials" in tab.proxy.index(0, 4).data()

    _select(tab, 0, 2)
    assert not tab.set_category_for_selection(code["refreshments"])
    assert "split over several categories" in message_boxes[-1][1]
    assert _categories(ctx) == [[code["materials"]], [code["materials"]], [code["materials"], code["refreshments"]]]


def _edit_category_cell(qtbot, tab, row, name):
    """Open the category cell's combo as F2 / a click on the selected line does, and choose ``name``."""
    from PySide6.QtWidgets import QComboBox

    index = tab.proxy.index(row, tab.model.CATEGORY_COLUMN)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    combo = tab.table.indexWidget(index) or tab.table.findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(combo.findText(name))
    combo.activated.emit(combo.currentIndex())  # what a click on the item does
    return labels


def test_the_category_cell_is_edited_in_place(ctx, qtbot, message_boxes):
    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        code = {c: categories.category_by_code(s, c).id for c in ("materials", "printing")}
        ctx.ids = [entries.add_entry(s, EntryInput(date(YEAR, 3, 1), cash, "-4.00", None, counterparty="Aldi")).id]
    _page, tab = _tab(ctx, qtbot)
    labels = _edit_category_cell(qtbot, tab, 0, "Materials")
    assert "Landlord's participation budget" not in labels  # money out: expense categories only
    qtbot.waitUntil(lambda: "Materials" in (tab.proxy.index(0, 4).data() or ""))
    assert _categories(ctx) == [[code["materials"]]]


def test_the_category_cell_of_a_closed_year_refuses(ctx, qtbot, message_boxes):
    from huurdersgroep_app.core.services.finance import closing

    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        code = {c: categories.category_by_code(s, c).id for c in ("materials", "printing")}
        ctx.ids = [entries.add_entry(s, EntryInput(date(YEAR, 3, 1), cash, "-4.00", code["printing"],
                                                   counterparty="Aldi")).id]
        closing.close_year(s, YEAR, today=date(YEAR + 1, 2, 1), confirmed=True)
    _page, tab = _tab(ctx, qtbot)
    _edit_category_cell(qtbot, tab, 0, "Materials")
    assert message_boxes and f"{YEAR} is closed" in message_boxes[-1][1]
    assert _categories(ctx) == [[code["printing"]]]
