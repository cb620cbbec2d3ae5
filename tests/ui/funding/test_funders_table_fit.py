"""The funders list, a narrow panel at 1366×768, shows each funder's name whole in Dutch; the
kind gives way first (issue 12: the screenshot read "Woonmaats…" beside a cut name)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from huurdersgroep_app import i18n
from huurdersgroep_app.core.services.funding import funders
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.shell.main_window import MainWindow


def test_funder_names_and_kinds_are_never_cut(ctx, qtbot):
    with ctx.db.transaction() as s:
        for name, kind in (("Woonmaatschappij Vlasland", "landlord"),
                           ("Netwerk Huurdersparticipatie Zuid-West", "foundation"),
                           ("Stad Kortrijk", "municipality")):
            funders.add_funder(s, funders.FunderInput(name=name, kind=kind))
    i18n.set_language("nl_BE")
    window = MainWindow(AppContext(ctx.db), initial_page="funding")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    table = window.show_page("funding").funders
    model = table.model()
    metrics = table.fontMetrics()
    shown = [n for n in range(model.columnCount()) if not table.isColumnHidden(n)]
    assert 0 in shown
    for number in shown:
        for row in range(model.rowCount()):
            text = model.index(row, number).data()
            assert metrics.horizontalAdvance(text) < table.columnWidth(number), text
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Subsidiegever"
