"""Which columns a list table shows: as many as fit its width, the least important hidden first,
and above that the user's own choice (right-click on the header), remembered per table.

On a 1366×768 laptop the members table's eleven columns need ~1500 px; scrolling sideways to see
a member's phone number is worse than not seeing the postcode. So each ``Column`` has a
``priority`` (``ESSENTIAL`` ones, such as the name, always show), and when the table's viewport
is narrower than the columns at their width (the header's text and ``chars`` of content), the
lowest-priority ones are hidden, the rightmost of equal priority first. A column the user showed
or hid through the header's menu stays so; that choice is the person's, not the group's, so it
lives in QSettings like the window's size (``appearance.settings()``), under the table's id.

Header sections are never narrower than their text (with its margins and sort arrow): Qt would
cut it with "…", and a column whose title reads "Memb…" is a column nobody can find again.

A column's width is measured on its content (the widest text in a sample of the rows, up to twice
its ``chars``), not guessed from ``chars`` alone: at 1366 px the guess cut "Zwingelaarsstraat 10
bus 2" and "Hoogbouw Zwingelaar" while "Contact by" and "Postcode" kept their room. Measured, the
low-priority columns give way instead. ``chars`` stays the width of an empty table's columns.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QTableView

from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import appearance
from huurdersgroep_app.ui.kit.table_model import ESSENTIAL, HIGH, LOW, MEDIUM, Column

__all__ = ["ESSENTIAL", "HIGH", "LOW", "MEDIUM", "TableColumns", "fit_columns", "header_width", "section_width"]


# Rows measured for the content width: enough to find the long addresses, few enough that a
# 10,000-member table measures in milliseconds.
SAMPLE_ROWS = 400


def header_width(view: QTableView, title: str) -> int:
    """The least width at which a header shows ``title`` uncut: the text, the style's margins on
    both sides and room for the sort arrow."""
    return section_width(view.horizontalHeader(), title)


def section_width(header: QHeaderView, title: str) -> int:
    """``header_width`` for any header (a tree's too)."""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    metrics = header.fontMetrics()
    # Two extra average characters: the styles' own section sizes leave some air too, and bold or
    # hinted header fonts measure a few pixels wider than the plain metrics say.
    return metrics.horizontalAdvance(title) + 4 * margin + arrow + 2 * metrics.averageCharWidth()


def _numbers(value) -> set[int]:
    """Column numbers as stored: "1,4" in an ini file (or a list, from other QSettings formats)."""
    if not value:
        return set()
    parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return {int(part) for part in parts if str(part).strip().isdigit()}


class TableColumns(QObject):
    """Keeps ``view``'s columns fitted to its width; ``table_id`` names the table in QSettings."""

    def __init__(self, view: QTableView, table_id: str, columns: Sequence[Column]):
        super().__init__(view)
        self.view = view
        self.table_id = table_id
        self.columns = list(columns)
        self.unavailable: set[int] = set()  # hidden by the page itself (e.g. "Until" without past roles)
        stored = appearance.settings()
        self.user_shown = _numbers(stored.value(self._key("shown")))
        self.user_hidden = _numbers(stored.value(self._key("hidden")))
        self.user_hidden -= self.user_shown
        self._content: dict[int, int] | None = None  # measured widths, forgotten when the rows change
        source = view.model()
        while source is not None and callable(getattr(source, "sourceModel", None)) and source.sourceModel():
            source = source.sourceModel()  # the rows themselves: a search filter must not make columns jump
        self.source = source
        if source is not None:
            source.modelReset.connect(self._rows_changed)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._open_menu)
        header.sectionResized.connect(self._keep_title_readable)
        for number in range(len(self.columns)):
            view.setColumnWidth(number, self.wanted_width(number))
        view.viewport().installEventFilter(self)
        self.fit()

    # -- widths ------------------------------------------------------------------------------------
    def least_width(self, number: int) -> int:
        return header_width(self.view, self.columns[number].title)

    def wanted_width(self, number: int) -> int:
        """The column's width when shown: its widest content (measured; ``chars`` while there are no
        rows) or its title, whichever is wider."""
        metrics = self.view.fontMetrics()
        guess = metrics.averageCharWidth() * (self.columns[number].chars + 3)
        measured = self._measured().get(number)
        if measured is None:
            return max(self.least_width(number), guess)
        # Twice the guess at most: one very long description must not push every other column out.
        # A column without ``chars`` (a free text at the end) is not capped.
        chars = self.columns[number].chars
        longest = metrics.averageCharWidth() * (2 * chars + 3) if chars else measured
        return max(self.least_width(number), min(measured, longest))

    def _measured(self) -> dict[int, int]:
        """The widest text of each column over a sample of the rows (with the cell's margins); empty
        when there are no rows."""
        if self._content is None:
            self._content = {}
            source = self.source
            count = source.rowCount() if source is not None else 0
            if count:
                metrics = self.view.fontMetrics()
                margin = 2 * metrics.averageCharWidth()
                step = max(1, count // SAMPLE_ROWS)
                for number in range(min(len(self.columns), source.columnCount())):
                    texts = {str(source.index(row, number).data() or "") for row in range(0, count, step)}
                    self._content[number] = max(metrics.horizontalAdvance(text) for text in texts) + margin
        return self._content

    def _rows_changed(self) -> None:
        self._content = None
        for number in range(len(self.columns)):
            if not self.view.isColumnHidden(number):
                self.view.setColumnWidth(number, self.wanted_width(number))
        self.fit()

    def _keep_title_readable(self, number: int, _old: int, new: int) -> None:
        header = self.view.horizontalHeader()
        if not (0 <= number < len(self.columns)) or header.isSectionHidden(number) or new <= 0:
            return
        least = self.least_width(number)
        if new < least:  # a drag (or Qt's own stretching) would cut the title: not narrower than it
            header.resizeSection(number, least)

    # -- which columns -----------------------------------------------------------------------------
    def least_useful_width(self, number: int) -> int:
        """Below this a column is not worth showing: its measured content or its ``chars``, whichever
        is narrower (never under its title)."""
        guess = self.view.fontMetrics().averageCharWidth() * (self.columns[number].chars + 3)
        return max(self.least_width(number), min(self.wanted_width(number), guess))

    def shown_columns(self) -> list[int]:
        """The columns to show at the viewport's present width: the low-priority ones give way to
        the others' whole content; the rest only when not even their least useful width fits."""
        shown = [n for n in range(len(self.columns)) if n not in self.user_hidden and n not in self.unavailable]
        droppable = sorted((n for n in shown if self.columns[n].priority != ESSENTIAL and n not in self.user_shown),
                           key=lambda n: (-self.columns[n].priority, -n))
        available = self.view.viewport().width()
        while (droppable and self.columns[droppable[0]].priority == LOW
               and sum(self.wanted_width(n) for n in shown) > available):
            shown.remove(droppable.pop(0))
        while droppable and sum(self.least_useful_width(n) for n in shown) > available:
            shown.remove(droppable.pop(0))
        return shown

    def fit(self) -> None:
        shown = set(self.shown_columns())
        for number in range(len(self.columns)):
            hide = number not in shown
            if self.view.isColumnHidden(number) != hide:
                self.view.setColumnHidden(number, hide)
                if not hide:
                    self.view.setColumnWidth(number, self.wanted_width(number))
        self._share_spare_width(sorted(shown))

    def _share_spare_width(self, shown: list[int]) -> None:
        """Width left over goes to the text columns, in proportion to their content, not all to the
        last column: a description cut with '…' beside a wide empty 'Receipt' column helps nobody.
        Too little width for every content: each column gets its least useful width and the rest in
        proportion to what it still lacks."""
        wanted = {n: self.wanted_width(n) for n in shown}
        available = self.view.viewport().width()
        spare = available - sum(wanted.values())
        if spare < 0:
            least = {n: self.least_useful_width(n) for n in shown}
            room = max(0, available - sum(least.values()))
            lacking = {n: wanted[n] - least[n] for n in shown}
            total = sum(lacking.values())
            # The last one too: Qt stretches the last section but never below the width it was given,
            # and its full width would push the table into scrolling sideways.
            for n in shown:
                self.view.setColumnWidth(n, least[n] + (room * lacking[n] // total if total else 0))
            return
        texts = [n for n in shown if not self.columns[n].align_right and self.columns[n].chars > 0]
        weight = sum(self.columns[n].chars for n in texts)
        for n in shown[:-1]:  # the last one stretches to what is left, rounding included
            share = spare * self.columns[n].chars // weight if n in texts and weight else 0
            self.view.setColumnWidth(n, wanted[n] + share)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        # The type first: while the view is destroyed its viewport still sends events here.
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def set_available(self, number: int, available: bool) -> None:
        """Whether the page offers the column at all now (a filter can make one meaningless)."""
        if available:
            self.unavailable.discard(number)
        else:
            self.unavailable.add(number)
        self.fit()

    # -- the user's choice -------------------------------------------------------------------------
    def _key(self, choice: str) -> str:
        return f"tables/{self.table_id}/{choice}"

    def _save(self) -> None:
        stored = appearance.settings()
        stored.setValue(self._key("shown"), ",".join(str(n) for n in sorted(self.user_shown)))
        stored.setValue(self._key("hidden"), ",".join(str(n) for n in sorted(self.user_hidden)))

    def set_shown(self, number: int, shown: bool) -> None:
        """The user shows or hides a column; at least one column stays."""
        if shown:
            self.user_shown.add(number)
            self.user_hidden.discard(number)
        else:
            if self.shown_columns() == [number]:
                return
            self.user_hidden.add(number)
            self.user_shown.discard(number)
        self._save()
        self.fit()

    def show_all(self) -> None:
        self.user_shown = set(range(len(self.columns)))
        self.user_hidden = set()
        self._save()
        self.fit()

    def choose_automatically(self) -> None:
        """Forget the user's choice: the width decides again."""
        self.user_shown, self.user_hidden = set(), set()
        self._save()
        self.fit()

    def column_menu(self) -> QMenu:
        """Every column with a check mark when shown, and the two resets."""
        menu = QMenu(_("Columns"), self.view)
        menu.setToolTipsVisible(True)
        shown = set(self.shown_columns())
        for number, column in enumerate(self.columns):
            if number in self.unavailable:
                continue
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(number in shown)
            action.toggled.connect(lambda on, n=number: self.set_shown(n, on))
        menu.addSeparator()
        menu.addAction(_("Show all columns"), self.show_all)
        automatic = menu.addAction(_("Columns that fit the width"), self.choose_automatically)
        automatic.setToolTip(_("Forget the columns chosen here: as many as fit, the most important first"))
        return menu

    def _open_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.horizontalHeader().mapToGlobal(position))


def fit_columns(view: QTableView, table_id: str, columns: Sequence[Column]) -> TableColumns:
    """Fit ``view``'s columns to its width from now on (instead of ``size_columns``); the returned
    object, owned by the view, takes the user's choices and the page's ``set_available``."""
    return TableColumns(view, table_id, columns)
