"""Before a group sets its dues for the year nobody has paid and nobody owes: the dues tab said every
member had paid, at € 0,00."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from huurdersgroep_app.core.services.finance import dues
from huurdersgroep_app.ui.finance.dues import PAID, UNPAID
from huurdersgroep_app.ui.finance.page import Page

YEAR = date.today().year  # a new group's books offer the current year


def _shown(tab, column):
    return [tab.proxy.index(r, column).data() for r in range(tab.proxy.rowCount())]


def test_before_the_amount_is_set_nobody_is_shown_as_paid(ctx, qtbot):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.set_year(YEAR)
    tab = page.show_tab("dues")
    assert tab.model.rowCount() == 6  # the active members of the year
    assert set(_shown(tab, 5)) == {"Nothing due"} and set(_shown(tab, 2)) == {"–"}
    tab.show_choice.setCurrentIndex(tab.show_choice.findData(PAID))
    assert tab.proxy.rowCount() == 0
    tab.show_choice.setCurrentIndex(tab.show_choice.findData(UNPAID))
    assert tab.proxy.rowCount() == 0
    assert tab.summary.text().startswith(f"Fill in the dues for {YEAR} first")
    with ctx.db.reading() as s:
        rows = dues.dues_status(s, YEAR)
    assert not any(r.has_paid for r in rows) and all(r.outstanding == Decimal("0") for r in rows)

    tab.amount.setText("5,00")
    assert tab.save_amount()
    page.refresh()
    tab.show_choice.setCurrentIndex(tab.show_choice.findData(UNPAID))
    assert tab.proxy.rowCount() == 6 and set(_shown(tab, 5)) == {"Not paid yet"}
