"""A cell cut off by its column shows its whole text on hover; a cell that fits shows nothing."""
from types import SimpleNamespace

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

from huurdersgroep_app.ui.kit.table_model import Column, RowsTableModel, table_view

LONG = "Lekkende dakgoot boven de inkom van blok C, al drie keer gemeld bij de woonmaatschappij"


def _view(qtbot, width):
    model = RowsTableModel([Column("Wat", lambda r: r.what), Column("Nr", lambda r: r.no)],
                           [SimpleNamespace(what=LONG, no="7"), SimpleNamespace(what="Kort", no="8")])
    view = table_view(model, stretch_last=False)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.setColumnWidth(0, width)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def _hover(view, index):
    rect = view.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = rect
    return view.itemDelegateForIndex(index).helpEvent(event, view, option, index)


def test_a_cut_cell_shows_its_whole_text(qtbot):
    view, model = _view(qtbot, 120)
    assert _hover(view, model.index(0, 0)) is True
    assert QToolTip.isVisible() and QToolTip.text() == LONG


def test_a_cell_that_fits_shows_no_tooltip(qtbot):
    view, model = _view(qtbot, 120)
    assert _hover(view, model.index(1, 0)) is False
    assert _hover(view, model.index(0, 1)) is False


def test_a_wide_enough_column_shows_no_tooltip(qtbot):
    view, model = _view(qtbot, view_width := 680)
    assert view.columnWidth(0) == view_width
    assert _hover(view, model.index(0, 0)) is False


def test_a_columns_own_tooltip_is_kept(qtbot):
    model = RowsTableModel([Column("Wat", lambda r: r, tooltip=lambda r: "eigen uitleg")], [LONG])
    view = table_view(model)
    qtbot.addWidget(view)
    view.setColumnWidth(0, 60)
    view.show()
    _hover(view, model.index(0, 0))
    assert QToolTip.text() == "eigen uitleg"
