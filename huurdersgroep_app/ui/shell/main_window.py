"""The main window: a sidebar of areas and the area's page beside it.

Pages come from the explicit registry in ``ui.pages``. A page is built
the first time it is shown, so start-up only pays for the first one; after a change
(``AppContext.data_changed``) the visible page refreshes at once and the others when next shown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractScrollArea, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget)

from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.kit import appearance

if TYPE_CHECKING:  # the database layer is imported once a file is opened, not to draw the frame
    from huurdersgroep_app.ui.context import AppContext
    from huurdersgroep_app.ui.pages import PageSpec


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, ctx: AppContext | None = None, initial_page: str | None = None, parent=None):
        """Without ``ctx`` the window shows its frame at once with 'Opening …'; ``attach`` fills it
        once the file is open, so the window appears before the database layer is even imported."""
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.specs: list[PageSpec] = []
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._holders: list[QWidget] = []

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(_("Areas"))
        self.sidebar.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setSpacing(2)
        self.stack = QStackedWidget()
        self.opening_label = QLabel(_("Opening the group's file…"))
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setWindowTitle(_("Tenant group"))
        self._build_menu()
        if ctx is not None:
            self.attach(ctx, initial_page)

    def attach(self, ctx: AppContext, initial_page: str | None = None) -> None:
        """Fill the frame for an open group: the areas in the sidebar, the first page, the title."""
        from huurdersgroep_app.ui.pages import PAGES

        self.ctx = ctx
        self.specs = list(PAGES)
        for number, spec in enumerate(self.specs, start=1):
            item = QListWidgetItem(spec.title())
            if number <= 9:
                item.setToolTip(QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText))
                QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number - 1: self.show_page_at(n))
            font = item.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)
            item.setFont(font)
            self.sidebar.addItem(item)
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self._holders.append(holder)
            self.stack.addWidget(holder)
        self._install_page_shortcuts()
        # Wide enough for the longest area name (in the font's own measure, so scaling keeps it).
        metrics = self.sidebar.fontMetrics()
        widest = max((metrics.horizontalAdvance(spec.title()) for spec in self.specs), default=0)
        self.sidebar.setMinimumWidth(int(widest * 1.15) + metrics.averageCharWidth() * 6)
        self.ctx.data_changed.connect(self._on_data_changed)
        self.ctx.set_navigator(self.show_page)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.update_title()
        self._switch_group_action.setEnabled(True)

        names = [spec.name for spec in self.specs]
        self.sidebar.setCurrentRow(names.index(initial_page) if initial_page in names else 0)
        self.sidebar.setFocus()

    # -- pages ---------------------------------------------------------------------------------------
    def current_page_name(self) -> str | None:
        row = self.sidebar.currentRow()
        return self.specs[row].name if 0 <= row < len(self.specs) else None

    def page(self, name: str) -> QWidget:
        """The page called ``name`` ('members'), built if it was not shown yet."""
        if name not in self.pages:
            number = [spec.name for spec in self.specs].index(name)
            page = self.specs[number].load()(self.ctx)
            self._holders[number].layout().addWidget(page)
            self.pages[name] = page
            self._stale.add(name)
        return self.pages[name]

    def show_page(self, name: str) -> QWidget:
        number = [spec.name for spec in self.specs].index(name)
        self.sidebar.setCurrentRow(number)
        return self.page(name)

    def show_page_at(self, number: int) -> None:
        if 0 <= number < len(self.specs):
            self.sidebar.setCurrentRow(number)
            self.stack.currentWidget().setFocus()

    def _show_row(self, number: int) -> None:
        if not (0 <= number < len(self.specs)):
            return
        name = self.specs[number].name
        self.page(name)
        self.stack.setCurrentIndex(number + 1)  # 0 is the 'Opening …' label
        if name in self._stale:
            self._stale.discard(name)
            self.pages[name].refresh()

    def _on_data_changed(self) -> None:
        self._stale.update(self.pages)
        self.update_title()
        self._show_row(self.sidebar.currentRow())

    def _install_page_shortcuts(self) -> None:
        taken: set[str] = set()
        for spec in self.specs:
            for shortcut in spec.shortcuts:
                if shortcut.keys in taken:
                    continue  # the page earlier in the sidebar keeps it
                taken.add(shortcut.keys)
                QShortcut(QKeySequence(shortcut.keys), self,
                          activated=lambda n=spec.name, act=shortcut.act: act(self.show_page(n)))

    # -- window ----------------------------------------------------------------------------------------
    def update_title(self) -> None:
        from huurdersgroep_app.core.services import organisation

        name = self.ctx.read(organisation.group_name)
        self.setWindowTitle(_("{group} – {file} – Tenant group").format(group=name, file=self.ctx.db.path.name))
        self.statusBar().showMessage(_("File: {path}").format(path=self.ctx.db.path))

    def _build_menu(self) -> None:
        group = self.menuBar().addMenu(_("&Group"))
        other = QAction(_("Open or create another group…"), self)
        other.setShortcut(QKeySequence.StandardKey.Open)
        other.triggered.connect(lambda: self.ctx.switch_group())
        other.setEnabled(False)  # until a group is open
        self._switch_group_action = other
        group.addAction(other)
        group.addSeparator()
        leave = QAction(_("Close the program"), self)
        leave.setShortcut(QKeySequence.StandardKey.Quit)
        leave.triggered.connect(self.close)
        group.addAction(leave)
        help_menu = self.menuBar().addMenu(_("&Help"))
        steps = QAction(_("First steps: setting up the group…"), self)
        steps.triggered.connect(lambda: self.ctx.open_first_steps(self))
        help_menu.addAction(steps)
        about = QAction(_("About this program"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        keys = QAction(_("Keyboard shortcuts"), self)
        keys.triggered.connect(self._shortcuts_help)
        help_menu.addAction(keys)

    def _about(self) -> None:
        from huurdersgroep_app import __version__  # read on demand: the metadata is slow to import

        QMessageBox.about(self, _("About this program"), _(
            "Tenant group app, version {version}.\nKeeps the members, the board and the documents of a "
            "tenant group. Everything stays on this computer, in the file shown at the bottom of the window."
        ).format(version=__version__))

    def _shortcuts_help(self) -> None:
        lines = [_("Ctrl+1 … Ctrl+9: go to an area in the list on the left")]
        for spec in self.specs:
            lines += [f"{shortcut.keys}: {_(shortcut.help)}" for shortcut in spec.shortcuts]
        lines.append(_("Tab and Shift+Tab: move between fields and buttons"))
        QMessageBox.information(self, _("Keyboard shortcuts"), "\n".join(lines))

    def sizeHint(self) -> QSize:  # noqa: N802 - a comfortable first size, in text lines, not pixels
        line = self.fontMetrics().height()
        return QSize(line * 70, line * 42)

    # -- window geometry: the person's, not the group's, so QSettings rather than the database ---------
    def restore_geometry(self) -> bool:
        """The size and place the user left the window at; on the first start (nothing saved yet) the
        whole screen, since the comfortable size in text lines is too small for the tables on an old
        1366×768 laptop. Call before ``show()``. True when a saved geometry was restored."""
        saved = appearance.settings().value("main_window/geometry")
        if saved and self.restoreGeometry(saved):
            return True
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:  # also the size to come back to when un-maximised
            self.setGeometry(screen.availableGeometry())
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        return False

    def closeEvent(self, event) -> None:  # noqa: N802
        appearance.settings().setValue("main_window/geometry", self.saveGeometry())
        self.closed.emit()
        super().closeEvent(event)
