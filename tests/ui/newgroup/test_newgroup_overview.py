"""A cash box below zero is shown on the Overview, in a box of its own that is gone once the books
are right again."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox

from huurdersgroep_app.core.services.finance import accounts, categories, entries
from huurdersgroep_app.core.services.finance.entries import EntryInput
from huurdersgroep_app.ui.overview.page import Page


def _cash_box(page):
    return next(box for box in page.findChildren(QGroupBox) if box.title() == "Cash box below zero")


def test_a_negative_cash_balance_warns_on_the_overview(ctx, qtbot):
    today = date.today()
    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        accounts.set_opening_balance(s, cash, today.year, "10.00")
        spent = entries.add_entry(s, EntryInput(today, cash, "-25.00",
                                                categories.category_by_code(s, "refreshments").id)).id
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    ctx.data_changed.connect(page.refresh)  # as the main window does for the page in front
    box = _cash_box(page)
    assert box.isVisibleTo(page)
    assert "The cash box 'Kas' holds -€15.00" in box.findChild(type(page.title)).text()
    ctx.call(entries.delete_entry, spent)  # a change anywhere refreshes the page
    assert not box.isVisibleTo(page)
