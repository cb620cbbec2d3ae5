"""Tables show the columns that fit their width, the user's choice wins and is remembered, and no
header is cut. QSettings live in the test's own home folder (tests/conftest.py: HUURDERSGROEP_HOME)."""
from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from huurdersgroep_app.ui.kit.table_columns import fit_columns
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, Column, RowsTableModel, table_view

COLUMNS = [Column("Name", str, chars=20, priority=ESSENTIAL),
           Column("Address of the dwelling", str, chars=24, priority=HIGH),
           Column("Postcode", str, chars=6, priority=LOW),
           Column("Member since", str, chars=10, priority=LOW),
           Column("Contact by", str, chars=8, priority=LOW)]


def _table(qtbot, width: int):
    view = table_view(RowsTableModel(COLUMNS, ["Jan", "Ayşe"]))
    view.setSortingEnabled(True)
    qtbot.addWidget(view)
    columns = fit_columns(view, "test.table", COLUMNS)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, columns


def _shown(view) -> list[str]:
    return [c.title for n, c in enumerate(COLUMNS) if not view.isColumnHidden(n)]


def _headers_readable(view) -> None:
    metrics = QFontMetrics(view.horizontalHeader().font())
    for number, column in enumerate(COLUMNS):
        if not view.isColumnHidden(number):
            assert view.horizontalHeader().sectionSize(number) >= metrics.horizontalAdvance(column.title), column.title


def test_narrow_hides_low_priority_and_keeps_the_essential(qtbot):
    view, _columns = _table(qtbot, 260)
    assert _shown(view)[0] == "Name"
    assert "Postcode" not in _shown(view) and "Contact by" not in _shown(view)
    _headers_readable(view)


def test_wide_shows_all(qtbot):
    view, _columns = _table(qtbot, 1400)
    assert _shown(view) == [c.title for c in COLUMNS]
    _headers_readable(view)
    view.resize(500, 300)  # narrower again: the low ones go, the rightmost first
    qtbot.waitUntil(lambda: "Contact by" not in _shown(view))
    assert "Name" in _shown(view)
    _headers_readable(view)


def test_spare_width_goes_to_the_text_columns_not_all_to_the_last(qtbot):
    view, columns = _table(qtbot, 1400)
    header = view.horizontalHeader()
    address, contact = header.sectionSize(1), header.sectionSize(4)
    assert address > columns.wanted_width(1) + 100  # the long text column got a share of the spare room
    assert address > contact  # and the short last column did not take it all


def test_the_users_choice_wins_and_is_remembered(qtbot):
    view, columns = _table(qtbot, 1400)
    menu = columns.column_menu()
    postcode = next(a for a in menu.actions() if a.text() == "Postcode")
    assert postcode.isChecked()
    postcode.setChecked(False)
    assert "Postcode" not in _shown(view)
    view.resize(1600, 300)
    qtbot.waitUntil(lambda: view.viewport().width() > 1500)
    assert "Postcode" not in _shown(view) and "Contact by" in _shown(view)

    again, again_columns = _table(qtbot, 1400)  # the table made anew, as when the app starts again
    assert "Postcode" not in _shown(again)
    # Shown by the user: it stays at a width where it would otherwise go.
    again_columns.set_shown(4, True)  # "Contact by"
    again.resize(300, 300)
    qtbot.waitUntil(lambda: "Member since" not in _shown(again))
    assert "Contact by" in _shown(again) and "Name" in _shown(again)

    again_columns.choose_automatically()
    again.resize(1400, 300)
    qtbot.waitUntil(lambda: _shown(again) == [c.title for c in COLUMNS])


def test_the_last_column_cannot_be_hidden(qtbot):
    view, columns = _table(qtbot, 200)
    assert _shown(view) == ["Name"]
    columns.set_shown(0, False)
    assert _shown(view) == ["Name"]


def test_columns_are_measured_on_their_content_and_again_when_the_rows_change(qtbot):
    columns = [Column("Name", lambda r: r[0], chars=16, priority=ESSENTIAL),
               Column("Note", lambda r: r[1], chars=60, priority=LOW),
               Column("Status", lambda r: r[2], chars=6, priority=ESSENTIAL)]
    model = RowsTableModel(columns, [("Jan", "", "Lid")])
    view = table_view(model)
    qtbot.addWidget(view)
    fitted = fit_columns(view, "test.measured", columns)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    metrics = QFontMetrics(view.font())
    long_name = "Van den Broeck, Marie-Christine"  # twice its chars=16
    model.set_rows([("Jan", "", "Lid"), (long_name, "", "Lid")])
    assert view.columnWidth(0) > metrics.horizontalAdvance(long_name)
    assert not view.isColumnHidden(1)  # the empty note needs only its title, so it still fits
    assert fitted.wanted_width(1) < metrics.averageCharWidth() * 20


def test_short_of_room_the_columns_share_it_without_scrolling_sideways(qtbot):
    columns = [Column("Name", lambda r: r[0], chars=10, priority=ESSENTIAL),
               Column("Role", lambda r: r[1], chars=10, priority=HIGH),
               Column("E-mail", lambda r: r[2], chars=12, priority=HIGH)]
    rows = [("Katrien Desmet-Vandamme", "Coördinator huurdersparticipatie", "hanne.vercruysse@vlasland.example")]
    view = table_view(RowsTableModel(columns, rows))
    qtbot.addWidget(view)
    fitted = fit_columns(view, "test.short", columns)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    wanted = sum(fitted.wanted_width(n) for n in range(3))
    least = sum(fitted.least_useful_width(n) for n in range(3))
    width = (wanted + least) // 2 + view.width() - view.viewport().width()
    view.resize(width, 300)  # room for each column's least useful width, not for all content
    qtbot.waitUntil(lambda: view.viewport().width() < wanted)
    assert least < view.viewport().width() < wanted
    assert all(not view.isColumnHidden(n) for n in range(3))
    assert sum(view.columnWidth(n) for n in range(3)) <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
