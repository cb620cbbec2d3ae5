"""At 1366×768 in Dutch the budget lines and the year-closing's list of expenses without a receipt
show every cell whole (issue 12: "Ontvan…", "Participatiebudget van de woonma…" and cut
descriptions beside a wide, all-'Ontbreekt' receipt column)."""
from __future__ import annotations

import pytest
from demo_files import demo_copy
from laptop_window import laptop_window

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.engine import Database


@pytest.fixture
def window(tmp_path, qtbot):
    database = Database(demo_copy(tmp_path / "demo.sqlite"), backup_on_close=False)
    i18n.set_language("nl_BE")
    win = laptop_window(database, qtbot, "finance")
    yield win
    win.close()
    database.close()


def _cells_whole(table) -> None:
    model = table.model()
    metrics = table.fontMetrics()
    shown = [n for n in range(model.columnCount()) if not table.isColumnHidden(n)]
    assert model.rowCount() > 3 and len(shown) >= 4
    for number in shown:
        for row in range(model.rowCount()):
            text = model.index(row, number).data() or ""
            assert metrics.horizontalAdvance(text) < table.columnWidth(number), text


def test_budget_lines_and_the_closing_lists_are_whole(window, qtbot):
    page = window.show_page("finance")
    budget = page.show_tab("budget")
    qtbot.wait(10)
    _cells_whole(budget.table)
    _cells_whole(budget.figures_table)  # budget against actual: "Resultaat (ontvangsten − uitga…" was cut
    closing = page.show_tab("closing")
    closing.details.setCurrentWidget(closing.receipts_table)
    qtbot.wait(10)
    _cells_whole(closing.receipts_table)
