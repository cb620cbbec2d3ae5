"""Start the GUI: language, Qt's own translations, which file to open, the main window, closing.

Kept lean on purpose: heavy modules (reportlab, openpyxl, alembic) are imported only when a
document, an import or a migration needs them, and pages are built when first shown.
"""
from __future__ import annotations

import builtins
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from huurdersgroep_app import APP_ID, i18n, paths
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _, pgettext
from huurdersgroep_app.core.services import group_files as opening
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.shell.first_paint import AfterFirstPaint as _AfterFirstPaint
from huurdersgroep_app.ui.shell.first_paint import FirstPaint as _FirstPaint

if TYPE_CHECKING:
    from huurdersgroep_app.core.services.group_files import Database

EXIT_WHEN_SHOWN = "HUURDERSGROEP_EXIT_WHEN_SHOWN"
QT_LANGUAGES = {"nl_BE": "nl", "nl_NL": "nl", "fr_BE": "fr", "en": "en"}


def drop_pyside_import_hook() -> bool:
    """Give Python its own ``__import__`` back; True when PySide6's replacement was taken out.

    PySide6 replaces ``builtins.__import__`` for its opt-in ``from __feature__ import snake_case``,
    which this program does not use. Its replacement reads the source of every module imported after
    Qt (``inspect.getsource``, to see whether it names PySide6): a third of the time the database layer
    and the first page take to import, all of it between the window's frame and the group's data. A
    module imported without it has no entry in PySide's feature table, which PySide reads as 'no
    feature', exactly what every module here has."""
    original = getattr(builtins, "__orig_import__", None)
    if original is None or builtins.__import__ is not getattr(builtins, "__feature_import__", None):
        return False  # not installed (another PySide6, or already put back)
    builtins.__import__ = original
    return True


drop_pyside_import_hook()  # as soon as Qt is in: everything the window imports from now on


def choose_start_path(db_path: Path | None, demo: bool) -> Path | None:
    """The file to open at start: --db, else --demo, else the last file if it still exists."""
    if db_path is not None:
        return Path(db_path)
    if demo:
        return opening.demo_path()
    last = paths.last_db_path()
    return last if last is not None and last.exists() else None


class GuiController(QObject):
    """Owns the open database, the main window and the Qt translators; the pages' ``Host``."""

    def __init__(self, app: QApplication):
        super().__init__()
        self.app = app
        self.db: Database | None = None
        self.ctx: AppContext | None = None
        self.window = None
        self._first_paint = None
        self.integrity = None
        self.last_restore: bool | None = None  # the outcome of the last restore_backup, once over
        self._first_steps_due = False  # a group was just created in the welcome dialog
        self.first_steps = None  # the first-run guide shown after that
        self._translators: list[QTranslator] = []

    # -- language -------------------------------------------------------------------------------------
    def apply_language(self, lang: str) -> str:
        lang = i18n.set_language(lang)
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        qt_lang = QT_LANGUAGES.get(lang, "en")
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_lang != "en":
            translator = QTranslator(self.app)
            if translator.load(f"qtbase_{qt_lang}", folder):
                self.app.installTranslator(translator)
                self._translators.append(translator)
        QLocale.setDefault(QLocale(lang if lang != "en" else "en_GB"))
        return lang

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the new language once the current click has been handled."""
        QTimer.singleShot(0, lambda: self._rebuild(lang))

    def _rebuild(self, lang: str) -> None:
        self.apply_language(lang)
        page = self.window.current_page_name() if self.window else None
        shown = self.window.pages.get(page) if self.window else None
        tab = shown.current_tab_name() if hasattr(shown, "current_tab_name") else None
        self._replace_window(page)
        if tab is not None:  # the user stays on the tab they changed something in
            self.ctx.show_page(page, tab=tab)

    # -- files ----------------------------------------------------------------------------------------
    def start(self, db_path: Path | None, demo: bool = False, defer: bool = False) -> bool:
        """Open the first file and show the main window; False when the user cancels.

        With ``defer`` (the real start-up) the window's frame is shown first and the file is opened
        right after, so the window appears before the database layer has been imported."""
        path = choose_start_path(db_path, demo)
        use_demo = demo and db_path is None
        if db_path is not None and not path.exists():
            return self._offer_new_group(path)
        if path is not None and defer:
            self._new_window()
            self._after_paint = _AfterFirstPaint(self.window, lambda: self._open_into_window(path, use_demo))
            self.window.show()
            return True
        message = ""
        db = None
        if path is not None:
            try:
                db = self._open(path, use_demo)
            except DomainError as exc:
                QMessageBox.warning(None, _("The file could not be opened"), exc.message)
                message = exc.message
        if db is None:
            db = self.welcome(message)
        if db is None:
            return False
        self.show_main(db)
        return True

    @staticmethod
    def _open(path: Path, use_demo: bool) -> Database:
        return opening.open_demo() if use_demo else opening.open_group_file(path)

    def _open_into_window(self, path: Path, use_demo: bool) -> None:
        """Second half of a deferred start: open the file into the frame already on screen. Opening
        may upgrade an older file or build the demo, so it runs as a task: the frame keeps painting."""
        from huurdersgroep_app.ui.tasks import run_task

        if use_demo:
            work, label = (lambda progress, cancel: opening.open_demo(progress=progress, cancel=cancel),
                           _("Creating the demo group…"))
        else:
            work, label = lambda progress, cancel: opening.open_group_file(path), _("Opening the group…")
        run_task(self.window, work, label=label, success=self._attach, failure=self._open_failed)

    def _open_failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or str(exc)
        self.window.hide()
        QMessageBox.warning(None, _("The file could not be opened"), message)
        db = self.welcome(message)
        if db is None:
            self.window.closed.disconnect(self._window_closed)
            self.window.close()
            self.app.quit()
            return
        self.window.show()
        self._attach(db)

    def _attach(self, db: Database) -> None:
        self.db = db
        self.ctx = AppContext(db, host=self)
        self.window.attach(self.ctx)
        self._check_integrity()
        if self._first_paint is not None:
            self._first_paint.ready()

    def _check_integrity(self) -> None:
        from huurdersgroep_app.ui.shell.integrity import IntegrityWatch

        self.integrity = IntegrityWatch(self.db.path, self.window)
        # A moment later, so the check does not compete with drawing the first page.
        QTimer.singleShot(1000, self.integrity.start)

    def _offer_new_group(self, path: Path) -> bool:
        """``--db`` names a missing file: Yes opens the new-group form with that file, No the welcome."""
        answer = QMessageBox.question(None, _("No group file there"), _(
            "There is no group file at {path}.\nDo you want to create a new group in that file?").format(path=path))
        db = self.welcome(create_at=path if answer == QMessageBox.StandardButton.Yes else None)
        if db is not None:
            self.show_main(db)
        return db is not None

    def welcome(self, message: str = "", create_at: Path | None = None):
        from huurdersgroep_app.ui.shell.welcome import WelcomeDialog

        dialog = WelcomeDialog(message=message)
        if create_at is not None:
            dialog.show_create_page(create_at)
        dialog.exec()
        self._first_steps_due = dialog.created and dialog.database is not None
        return dialog.database

    def show_main(self, db: Database, page: str | None = None) -> None:
        opened = db is not self.db
        self.db = db
        self.ctx = AppContext(db, host=self)
        self._replace_window(page)
        if opened:
            self._check_integrity()
        if self._first_steps_due:
            self._first_steps_due = False
            self.first_steps = self.ctx.open_first_steps(self.window)

    def _new_window(self, page: str | None = None):
        from huurdersgroep_app.ui.shell.main_window import MainWindow

        window = MainWindow(self.ctx, initial_page=page)
        window.closed.connect(self._window_closed)
        self._first_paint = None
        if os.environ.get(EXIT_WHEN_SHOWN) == "1":
            self._first_paint = _FirstPaint(window)
            window.installEventFilter(self._first_paint)
        old, self.window = self.window, window
        if old is not None:
            old.closed.disconnect(self._window_closed)
            window.setGeometry(old.geometry())
            old.close()
            old.deleteLater()
        else:
            window.restore_geometry()
        return window

    def _replace_window(self, page: str | None) -> None:
        self._new_window(page).show()

    def _window_closed(self) -> None:
        self.close_database()

    def close_database(self) -> None:
        if self.db is not None:
            try:
                self.db.close()  # makes the rotating on-close backup
            except (DomainError, OSError) as exc:
                # TRANSLATORS: title of a message while the program closes the group's file ('Afsluiten').
                QMessageBox.warning(None, pgettext("quitting the program", "Closing"),
                                    _("The backup on closing failed: {problem}").format(problem=exc))
            self.db = None

    def switch_group(self) -> None:
        from huurdersgroep_app.ui.shell.welcome import WelcomeDialog

        if self.db is not None:
            # The same file cannot be opened twice; close ours first and reopen it if the user cancels.
            current = self.db.path
            self.window.closed.disconnect(self._window_closed)
            self.close_database()
            dialog = WelcomeDialog(self.window)
            dialog.exec()
            db = dialog.database
            self._first_steps_due = dialog.created and db is not None
            if db is None:
                try:
                    db = opening.open_group_file(current)
                except DomainError as exc:
                    QMessageBox.warning(None, _("The file could not be opened"), exc.message)
                    self.window.close()
                    return
            old = self.window
            self.window = None
            self.show_main(db)
            old.close()
            old.deleteLater()

    def restore_backup(self, backup_file: Path):
        """Replace the open group's data by a backup (ui/shell/restore.py); returns its first task."""
        from huurdersgroep_app.ui.shell.restore import restore_backup

        return restore_backup(self, Path(backup_file))


def run_gui(db_path: Path | None, lang: str | None, demo: bool = False) -> int:
    """Open the GUI (called by ``huurdersgroep`` without a subcommand). Returns the exit status."""
    from huurdersgroep_app.logsetup import quiet_library_logging

    quiet_library_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("huurdersgroep")
    app.setApplicationDisplayName(_("Tenant group"))
    controller = GuiController(app)
    controller.apply_language(lang or paths.load_config().get("ui_language") or i18n.system_language())
    app.setApplicationDisplayName(_("Tenant group"))
    app.setWindowIcon(QIcon(str(paths.APP_ICON)))  # every window, the taskbar and Alt+Tab
    app.setDesktopFileName(APP_ID)  # Linux: ties the windows to the menu entry and its icon
    from huurdersgroep_app.ui.shell.error_hook import install_error_hook

    install_error_hook()
    from huurdersgroep_app.ui.kit.appearance import apply_appearance
    apply_appearance(app)  # the person's text size, before the first window is built
    if not controller.start(Path(db_path) if db_path else None, demo, defer=True):
        return 0
    app.aboutToQuit.connect(controller.close_database)
    app._huurdersgroep_controller = controller  # keeps it alive as long as the application
    return app.exec()
