"""At the width of a 1366×768 laptop the members table shows whole addresses and complexes, in
Dutch: the columns are measured on their content, and low-priority ones give way (issue 12)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from huurdersgroep_app import i18n
from huurdersgroep_app.core.services.members import complexes, members
from huurdersgroep_app.core.services.members.members import MemberInput
from huurdersgroep_app.ui.members.page import Page

# The demo's longest: what the 1366-pixel screenshot showed as "Zwingelaarsstraat 10 bus…".
LONG = [("Samira", "Ben Haddou", "Zwingelaarsstraat", "10", "92", "samirabenhaddou@example.net"),
        ("Soufiane", "Ben Haddou", "Repelaarsstraat", "42", "13", "soufianebenhaddou@example.org"),
        ("Hamid", "Bennani", "Zwingelaarsstraat", "14", "73", "hamid.bennani@example.net")]


def test_members_cells_are_whole_at_laptop_width(group, qtbot):
    with group.transaction() as s:
        tower = complexes.add_complex(s, "Hoogbouw Zwingelaar", 160).id
        for first, last, street, number, box, email in LONG:
            members.add_member(s, MemberInput(first_name=first, last_name=last, street=street, house_number=number,
                                              box=box, postcode="8500", city="Kortrijk", complex_id=tower,
                                              email=email, phone="0493 52 20 97", joined_on=date(2021, 5, 1)))
    i18n.set_language("nl_BE")  # the Dutch headers are the wider ones
    from huurdersgroep_app.ui.context import AppContext

    page = Page(AppContext(group))
    qtbot.addWidget(page)
    page.resize(1200, 600)  # the page's share of a 1366-pixel window beside the sidebar
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    table = page.table
    metrics = QFontMetrics(table.font())
    model = table.model()
    shown = [n for n in range(model.columnCount()) if not table.isColumnHidden(n)]
    assert {0, 1, 4} <= set(shown)  # name, address and complex are never the ones to go
    for number in shown:
        width = table.columnWidth(number)
        title = model.headerData(number, Qt.Orientation.Horizontal)
        assert metrics.horizontalAdvance(title) <= width, title
        for row in range(model.rowCount()):
            text = model.index(row, number).data() or ""
            assert metrics.horizontalAdvance(text) < width, (title, text, width)
    assert sum(table.columnWidth(n) for n in shown) <= table.viewport().width() + 1  # no sideways scrolling
