"""The funders list, a narrow panel at 1366×768, shows each funder's name whole in Dutch; the
kind gives way first (issue 12: the screenshot read "Woonmaats…" beside a cut name)."""
from __future__ import annotations

from laptop_window import laptop_window
from PySide6.QtCore import Qt

from huurdersgroep_app import i18n
from huurdersgroep_app.core.services.funding import funders


def test_funder_names_and_kinds_are_never_cut(ctx, qtbot):
    with ctx.db.transaction() as s:
        for name, kind in (("Woonmaatschappij Vlasland", "landlord"),
                           ("Netwerk Huurdersparticipatie Zuid-West", "foundation"),
                           ("Stad Kortrijk", "municipality")):
            funders.add_funder(s, funders.FunderInput(name=name, kind=kind))
    i18n.set_language("nl_BE")
    window = laptop_window(ctx.db, qtbot, "funding")
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


def test_the_conditions_wrap_whole_at_laptop_width(tmp_path, qtbot):
    """The demo's conditions and their evidence are long sentences: each cell's wrapped text fits
    its row (at 1366 px they all ended in "…")."""
    from demo_files import demo_copy
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    from huurdersgroep_app.core.db.engine import Database

    database = Database(demo_copy(tmp_path / "demo.sqlite"), backup_on_close=False)
    try:
        i18n.set_language("nl_BE")
        window = laptop_window(database, qtbot, "funding")
        table = window.show_page("funding").compliance.table
        qtbot.wait(50)  # the row heights follow the settled column widths
        model = table.model()
        assert model.rowCount() > 5
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
        metrics = table.fontMetrics()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                text = model.index(row, column).data() or ""
                room = QRect(0, 0, table.columnWidth(column) - margin, 10**6)
                needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text)
                assert needed.width() <= room.width() and needed.height() <= table.rowHeight(row), text
    finally:
        window.close()
        database.close()
