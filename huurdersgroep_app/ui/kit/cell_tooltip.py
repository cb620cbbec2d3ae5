"""A cut-off cell shows its whole text as a tooltip.

At 1366 px the fitted columns still elide some long descriptions, addresses and topics ("Lekkende
dakgoot boven de…"); a tooltip on hover is how the user reads the rest without widening the column.
Cells whose text fits get no tooltip, so hovering a table doesn't flicker with repeats of what is
already on screen. A column's own tooltip (``Column.tooltip``) is left to the model."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip


class ElidedTextDelegate(QStyledItemDelegate):
    def full_text_if_cut(self, option: QStyleOptionViewItem, index: QModelIndex) -> str | None:
        """The cell's text when it does not fit the cell's text rectangle, else None."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            return None
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        # The style pads the text by its focus frame on both sides before eliding.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        return text if opt.fontMetrics.horizontalAdvance(text) > rect.width() - 2 * margin else None

    def helpEvent(self, event, view, option, index):  # noqa: N802 (Qt's name)
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        if index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = self.full_text_if_cut(option, index)
        if text is None:
            QToolTip.hideText()
            event.ignore()
            return False
        QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
        return True


def show_cut_text_as_tooltip(view: QAbstractItemView) -> None:
    view.setItemDelegate(ElidedTextDelegate(view))
