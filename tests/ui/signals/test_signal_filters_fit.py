"""The signals register's filter boxes show their choice whole in Dutch at laptop width (issue 12:
the 1366×768 screenshot cut "Alle wijken en complexen" under the box's arrow)."""
from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from huurdersgroep_app import i18n
from huurdersgroep_app.ui.signals.page import Page


def _text_room(box) -> int:
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()


def test_filter_boxes_show_their_text_whole(ctx, qtbot):
    i18n.set_language("nl_BE")
    page = Page(ctx)
    qtbot.addWidget(page)
    page.resize(1190, 600)  # the page's share of a 1366-pixel window
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.wait(10)  # the layout takes the filled boxes' new size hints
    for box in (page.complex, page.category, page.status):
        widest = max(box.fontMetrics().horizontalAdvance(box.itemText(n)) for n in range(box.count()))
        assert widest <= _text_room(box), box.accessibleName()
