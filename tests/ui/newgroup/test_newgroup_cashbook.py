"""The cash book opens the entry the user chose: "Change…" opens the selected entry (the button's
``checked`` argument once became the entry id and opened an empty new entry, whose saving made a
second entry), and a double click opens it once (``doubleClicked`` and ``activated`` both opened it)."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from huurdersgroep_app.core.services.finance import accounts, categories, entries
from huurdersgroep_app.core.services.finance.entries import EntryInput
from huurdersgroep_app.core.services.finance.search import EntryFilter, search_entries
from huurdersgroep_app.ui.finance.cashbook import CashBookTab
from huurdersgroep_app.ui.finance.entry_dialog import EntryDialog
from huurdersgroep_app.ui.finance.models import YearInfo

from dialog_driver import DialogDriver

YEAR = 2025


@pytest.fixture
def cash_book(ctx, qtbot):
    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash")
        refreshments = categories.category_by_code(s, "refreshments").id
        entries.add_entry(s, EntryInput(date(YEAR, 3, 4), cash.id, "-12,40", refreshments, counterparty="Colruyt"))
        entries.add_entry(s, EntryInput(date(YEAR, 5, 6), cash.id, "-30,00", refreshments, counterparty="Delhaize"))
    tab = CashBookTab(ctx)
    qtbot.addWidget(tab)
    tab.set_year(YearInfo(YEAR, False))
    tab.refresh()
    tab.show()
    return tab


def _entries(db):
    with db.reading() as s:
        return search_entries(s, EntryFilter(start=date(YEAR, 1, 1), end=date(YEAR, 12, 31)))


def _select(tab, counterparty):
    row = next(r for r in tab.model.rows if r.counterparty == counterparty)
    assert tab.select_entry(row.id)
    return row


def test_change_opens_the_selected_entry_and_saving_changes_it(cash_book, ctx, monkeypatch):
    driver = DialogDriver(monkeypatch)
    chosen = _select(cash_book, "Delhaize")

    def change_and_save(dialog):
        assert dialog.entry_id == chosen.id
        assert dialog.counterparty.text() == "Delhaize" and dialog.amount.text() == "30.00"
        dialog.description.setText("Koffie voor de jaarvergadering")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    driver.expect(EntryDialog, change_and_save)
    cash_book.edit_button.click()
    assert driver.all_used()
    rows = _entries(ctx.db)
    assert len(rows) == 2
    assert next(r for r in rows if r.id == chosen.id).description == "Koffie voor de jaarvergadering"


def test_a_double_click_opens_the_entry_once(cash_book, qtbot, monkeypatch):
    driver = DialogDriver(monkeypatch)
    chosen = _select(cash_book, "Colruyt")
    driver.expect(EntryDialog)
    driver.expect(EntryDialog)  # a second one may open; the test counts them
    index = cash_book.table.selectionModel().selectedRows()[0]
    rect = cash_book.table.visualRect(cash_book.table.model().index(index.row(), 2))
    qtbot.waitExposed(cash_book)
    # A person's double click: the first click selects (and is where Qt's double click starts).
    qtbot.mouseClick(cash_book.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(cash_book.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = [d for d in driver.seen if isinstance(d, EntryDialog)]
    assert [d.entry_id for d in opened] == [chosen.id]


def test_enter_on_a_row_opens_it(cash_book, qtbot, monkeypatch):
    driver = DialogDriver(monkeypatch)
    chosen = _select(cash_book, "Colruyt")
    driver.expect(EntryDialog)
    cash_book.table.setFocus()
    qtbot.keyClick(cash_book.table, Qt.Key.Key_Return)
    assert [d.entry_id for d in driver.seen] == [chosen.id]


def test_a_double_click_on_a_member_opens_the_member_once(ctx, qtbot, monkeypatch):
    from huurdersgroep_app.ui.members.member_dialog import MemberDialog
    from huurdersgroep_app.ui.members.page import Page

    driver = DialogDriver(monkeypatch)
    driver.expect(MemberDialog)
    driver.expect(MemberDialog)
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    qtbot.waitExposed(page)
    rect = page.table.visualRect(page.table.model().index(0, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len([d for d in driver.seen if isinstance(d, MemberDialog)]) == 1
