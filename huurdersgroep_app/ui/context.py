"""What every page and dialog gets: the open database and one way to act on it.

A user action is one service call in one transaction (``call``/``run``); reading is ``read``.
Widgets never build queries. A DomainError's message is already translated, so ``run`` only has
to show it. After every change ``data_changed`` fires and the main window refreshes the pages.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _

if TYPE_CHECKING:
    from huurdersgroep_app.core.services.group_files import Database
    from huurdersgroep_app.ui.tasks import Task


class Host(Protocol):
    """What the application around the window offers (implemented by ``app.GuiController``)."""

    def switch_language(self, lang: str) -> None: ...

    def restore_backup(self, backup_file) -> Task: ...

    def switch_group(self) -> None: ...


class Result:
    """The outcome of ``AppContext.run``: true when the action succeeded; ``value`` is its result."""

    __slots__ = ("ok", "value")

    def __init__(self, ok: bool, value: Any = None):
        self.ok, self.value = ok, value

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return f"Result(ok={self.ok}, value={self.value!r})"


class AppContext(QObject):
    data_changed = Signal()

    def __init__(self, db: Database, host: Host | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.host = host
        self._navigate: Callable[[str], QWidget] | None = None

    # -- the database ----------------------------------------------------------------------------
    def read(self, action: Callable, *args, **kwargs):
        """``action(session, *args, **kwargs)`` in a read-only session. ORM objects it returns keep
        the attributes already loaded (they are detached before the session's rollback expires them)."""
        with self.db.reading() as session:
            result = action(session, *args, **kwargs)
            session.expunge_all()
            return result

    def call(self, action: Callable, *args, **kwargs):
        """One user action in one transaction; raises DomainError for the caller to show in place
        (a dialog that puts ValidationError.problems under its fields)."""
        with self.db.transaction() as session:
            result = action(session, *args, **kwargs)
        self.data_changed.emit()
        return result

    def run(self, action: Callable, *args, parent: QWidget | None = None, **kwargs) -> Result:
        """Like ``call``, but a DomainError is shown in a message box; nothing was changed then."""
        try:
            return Result(True, self.call(action, *args, **kwargs))
        except DomainError as exc:
            self.show_error(exc.message, parent)
            return Result(False)

    # -- the same, off the window's thread (ui/tasks.py) --------------------------------------------
    def call_task(self, action: Callable, *args, parent: QWidget | None = None, label: str = "",
                  success: Callable | None = None, failure: Callable | None = None, **kwargs) -> Task:
        """``call`` as a task: one transaction in a session of the worker's own; ``success(value)``
        and ``data_changed`` on the window's thread afterwards. A DomainError is shown (or goes to
        ``failure``) and nothing was changed. Never cancellable: a booking is all or nothing anyway."""
        from huurdersgroep_app.ui.tasks import run_task

        db = self.db

        def work(progress, cancel):
            with db.transaction() as session:
                return action(session, *args, **kwargs)

        def done(value) -> None:
            self.data_changed.emit()
            if success is not None:
                success(value)

        return run_task(parent, work, success=done, failure=failure, label=label)

    def read_task(self, action: Callable, *args, parent: QWidget | None = None, label: str = "",
                  success: Callable | None = None, failure: Callable | None = None,
                  cancelled: Callable | None = None, steps: bool = False, **kwargs) -> Task:
        """``read`` as a task, cancellable (a read changes nothing). With ``steps`` the action also
        gets ``progress=`` and ``cancel=`` (core/progress.py) to report through."""
        from huurdersgroep_app.ui.tasks import run_task

        db = self.db

        def work(progress, cancel):
            extra = {"progress": progress, "cancel": cancel} if steps else {}
            with db.reading() as session:
                result = action(session, *args, **kwargs, **extra)
                session.expunge_all()
                return result

        return run_task(parent, work, success=success, failure=failure, cancelled=cancelled, label=label,
                        cancellable=True)

    # -- messages -----------------------------------------------------------------------------------
    @staticmethod
    def show_error(message: str, parent: QWidget | None = None, title: str | None = None) -> None:
        QMessageBox.warning(parent or QApplication.activeWindow(), title or _("This did not work"), message)

    @staticmethod
    def show_info(message: str, parent: QWidget | None = None, title: str | None = None) -> None:
        QMessageBox.information(parent or QApplication.activeWindow(), title or _("Done"), message)

    @staticmethod
    def ask(question: str, parent: QWidget | None = None, title: str | None = None) -> bool:
        answer = QMessageBox.question(parent or QApplication.activeWindow(), title or _("Please confirm"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- between areas ----------------------------------------------------------------------------
    def set_navigator(self, show_page: Callable[[str], QWidget]) -> None:
        """The main window's ``show_page``: brings a page (a ``ui.pages`` name) to the front."""
        self._navigate = show_page

    def show_page(self, name: str, tab: str | None = None) -> QWidget | None:
        """Show the page ``name`` and, on a page with tabs (``show_tab``), its tab ``tab``; the page
        shown, or None without a main window (a dialog tested on its own)."""
        if self._navigate is None:
            return None
        page = self._navigate(name)
        if tab is not None and hasattr(page, "show_tab"):
            page.show_tab(tab)
        return page

    # Areas do not import each other; where one area opens another's dialog, it asks the context.
    def open_advice_dossier(self, advice_id: int, parent: QWidget | None = None) -> None:
        from huurdersgroep_app.ui.advices.dossier_dialog import AdviceDossierDialog

        dialog = AdviceDossierDialog(self, advice_id, parent=parent)
        dialog.exec()
        dialog.deleteLater()

    def open_document_texts(self, kind: str, year: int, parent: QWidget | None = None) -> bool:
        """The form that writes a document's own contents (the year plan, the audit committee, the
        activity report's texts); ``kind`` is a key of ``core.documents.catalogue``."""
        from huurdersgroep_app.ui.documents.texts_dialogs import open_texts

        return open_texts(self, kind, year, parent)

    def open_first_steps(self, parent: QWidget | None = None) -> QWidget:
        """The first-run guide (a window beside the main one, so its buttons can open the pages)."""
        from huurdersgroep_app.ui.shell.first_steps import FirstStepsDialog

        dialog = FirstStepsDialog(self, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def choose_signal_cluster(self, parent: QWidget | None = None) -> int | None:
        """The groups of signals not yet in a dossier; the id of the dossier made from one, if any."""
        from huurdersgroep_app.ui.signals.clusters import ClustersDialog

        dialog = ClustersDialog(self, parent=parent)
        made = dialog.advice_id if dialog.exec() else None
        dialog.deleteLater()
        return made

    # -- the application around the window ----------------------------------------------------------
    def switch_language(self, lang: str) -> None:
        if self.host is not None:
            self.host.switch_language(lang)

    def restore_backup(self, backup_file) -> Task | None:
        """Runs as tasks (ui/shell/restore.py); None without an application around the window."""
        return self.host.restore_backup(backup_file) if self.host is not None else None

    def switch_group(self) -> None:
        if self.host is not None:
            self.host.switch_group()
