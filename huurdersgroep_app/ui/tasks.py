"""Long work off the window's thread, in the shape of Anki's collection operations.

``run_task(parent, work, success=…, label=…)`` runs ``work(progress, cancel)`` on a worker thread
and returns at once. ``work`` is plain Python: it opens its OWN session (``db.reading()`` /
``db.transaction()`` hand out a new session per call, so per thread) and returns plain data. Its
outcome comes back on the GUI thread through a queued signal:

- success → ``success(result)``;
- ``Cancelled`` → nothing to say (the user asked for it), ``cancelled()`` if given;
- ``DomainError`` → its (already translated) message in a message box, or ``failure(exc)``;
- an OSError → "could not be written/read" in words;
- anything else → the application's error hook (``sys.excepthook``: the message and the log).

A dialog with the label, done/total when the core reports them, and Cancel (only where stopping is
safe: reading, previews, documents — never half a booking) appears only when the work takes longer
than ``SHOW_AFTER_MS``; fast work shows only a wait cursor. While a task runs the window keeps
painting and its timers keep ticking, but clicks and keys are held off (``_InputGuard``), so a second
click cannot start the same work twice. Running tasks are kept in a registry: ``running()`` and
``wait_all()`` let tests wait for them, as Vorta's tests wait for their Borg jobs.
"""
from __future__ import annotations

import contextvars
import gc
import sys
import threading
from typing import Any, Callable, Optional

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.progress import CancelToken, Cancelled, ProgressCallback
from huurdersgroep_app.i18n import _

__all__ = ["Cancelled", "CancelToken", "ProgressCallback", "Task", "run_task", "running", "wait_all",
           "SHOW_AFTER_MS"]

SHOW_AFTER_MS = 500  # shorter work shows only a wait cursor; the dialog would flash and vanish
Work = Callable[[ProgressCallback, CancelToken], Any]

_running: set["Task"] = set()
# One worker at a time: SQLite has one writer, and the guard below keeps the user to one task anyway.
_pool: QThreadPool | None = None


def _worker_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)  # keep the thread: starting one costs more than it saves
    return _pool


# A full garbage collection stops every thread, the window's too, for as long as it takes to walk
# all objects (300-400 ms once the demo's rows are loaded, measured by bench_blocked_window.py).
# While work runs the oldest generation is collected much more rarely; young garbage still goes.
_saved_thresholds: tuple[int, int, int] | None = None
RARE_FULL_COLLECTIONS = 1000


def _calm_collector() -> None:
    global _saved_thresholds
    if _saved_thresholds is None:
        _saved_thresholds = gc.get_threshold()
        young, middle, old = _saved_thresholds
        gc.set_threshold(young, middle, max(old, RARE_FULL_COLLECTIONS))


def _restore_collector() -> None:
    global _saved_thresholds
    if _saved_thresholds is not None and not _running:
        gc.set_threshold(*_saved_thresholds)
        _saved_thresholds = None


def running() -> list["Task"]:
    return list(_running)


def wait_all(timeout_ms: int = 30000) -> bool:
    """Process events until every task has come back (True) or the time is up (False). For tests
    and for closing the application; the window never calls it in the middle of a click."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    wake = QTimer()  # WaitForMoreEvents sleeps until an event comes; this one comes every 20 ms
    wake.start(20)
    try:
        while _running and not deadline.hasExpired():
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()
    QApplication.processEvents()
    return not _running


class _InputGuard(QObject):
    """Holds off mouse clicks and keys for the window while a task runs (painting, timers and the
    progress dialog's own buttons go on)."""

    BLOCKED = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
               QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
               QEvent.Type.ShortcutOverride}

    def __init__(self) -> None:
        super().__init__()
        self.allowed: list[QWidget] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() not in self.BLOCKED or not _running:
            return False
        if isinstance(watched, QWidget) and any(d is not None and (watched is d or d.isAncestorOf(watched))
                                                 for d in self.allowed):
            return False
        return True


_guard: _InputGuard | None = None


def _install_guard() -> _InputGuard:
    global _guard
    if _guard is None:
        _guard = _InputGuard()
        QApplication.instance().installEventFilter(_guard)
    return _guard


class Task(QObject):
    """One piece of long work; see the module's docstring. ``result``/``error`` once ``done``."""

    _progressed = Signal(int, int)
    _finished = Signal(object, object)  # (result, exception) — queued from the worker's thread
    finished = Signal()  # after success/failure ran, on the GUI thread

    def __init__(self, work: Work, *, parent: QWidget | None = None, label: str = "",
                 success: Optional[Callable[[Any], Any]] = None,
                 failure: Optional[Callable[[BaseException], Any]] = None,
                 cancelled: Optional[Callable[[], Any]] = None, cancellable: bool = False,
                 show_after_ms: int = SHOW_AFTER_MS):
        super().__init__()
        self.work, self.parent_widget, self.label = work, parent, label or _("Working…")
        self.on_success, self.on_failure, self.on_cancelled = success, failure, cancelled
        self.cancellable = cancellable
        self.token = CancelToken()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.progress_seen: tuple[int, int] = (0, 0)
        self.dialog = None
        self._last_sent = 0.0
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(show_after_ms)
        self._show_timer.timeout.connect(self._show_dialog)
        # Bound methods of this QObject (which lives in the GUI thread): Qt queues the calls.
        self._progressed.connect(self._on_progress)
        self._finished.connect(self._on_finished)

    # -- GUI thread ---------------------------------------------------------------------------------
    def start(self) -> "Task":
        _install_guard()
        _calm_collector()
        _running.add(self)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._show_timer.start()
        # The worker runs in a copy of the caller's context: the language in force at the click (a
        # document's own language block included) is the worker's, and its changes stay there.
        context = contextvars.copy_context()
        _worker_pool().start(lambda: context.run(self._run))
        return self

    def cancel(self) -> None:
        if self.cancellable:
            self.token.cancel()
            if self.dialog is not None:
                self.dialog.set_cancelling()

    def _show_dialog(self) -> None:
        if self.done:
            return
        from huurdersgroep_app.ui.kit.task_dialog import TaskDialog

        self.dialog = TaskDialog(self.label, self.cancellable, parent=self._window())
        self.dialog.cancel_requested.connect(self.cancel)
        _install_guard().allowed.append(self.dialog)
        self.dialog.show_progress(*self.progress_seen)
        self.dialog.show()

    def _window(self) -> QWidget | None:
        if self.parent_widget is not None:
            try:
                return self.parent_widget.window()
            except RuntimeError:  # the widget was deleted meanwhile
                return None
        return QApplication.activeWindow()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_seen = (done, total)
        if self.dialog is not None:
            self.dialog.show_progress(done, total)

    def _on_finished(self, result, error) -> None:
        self.done = True
        self.result, self.error = result, error
        self._show_timer.stop()
        if self.dialog is not None:
            if _guard is not None and self.dialog in _guard.allowed:
                _guard.allowed.remove(self.dialog)
            try:
                self.dialog.close()
                self.dialog.deleteLater()
            except RuntimeError:  # its window was closed and deleted meanwhile, and the dialog with it
                pass
            self.dialog = None
        QGuiApplication.restoreOverrideCursor()
        _running.discard(self)  # before the callbacks: they may show a message box or start a task
        _restore_collector()
        try:
            if error is None:
                if self.on_success is not None:
                    self.on_success(result)
            else:
                self._report(error)
        finally:
            self.finished.emit()

    def _report(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            if self.on_cancelled is not None:
                self.on_cancelled()
            return
        if self.on_failure is not None and isinstance(error, (DomainError, OSError)):
            self.on_failure(error)
            return
        parent = self._window()
        if isinstance(error, DomainError):
            QMessageBox.warning(parent, _("This did not work"), error.message)
        elif isinstance(error, OSError):
            QMessageBox.warning(parent, _("This did not work"), _(
                "The file could not be read or written: {problem}").format(problem=error.strerror or error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # -- worker thread ------------------------------------------------------------------------------
    def _report_progress(self, done: int, total: int) -> None:
        # A 10,000-row loop reports 10,000 times; the dialog needs a few updates a second.
        import time

        now = time.monotonic()
        if done < total and now - self._last_sent < 0.05:
            return
        self._last_sent = now
        self._progressed.emit(int(done), int(total))

    def _run(self) -> None:
        assert threading.current_thread() is not threading.main_thread()
        try:
            result = self.work(self._report_progress, self.token)
        except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the GUI thread
            self._finished.emit(None, exc)
        else:
            self._finished.emit(result, None)


def run_task(parent: QWidget | None, work: Work, *, success: Optional[Callable[[Any], Any]] = None,
             label: str = "", failure: Optional[Callable[[BaseException], Any]] = None,
             cancelled: Optional[Callable[[], Any]] = None, cancellable: bool = False,
             show_after_ms: int = SHOW_AFTER_MS) -> Task:
    """Start ``work(progress, cancel)`` on the worker; see the module's docstring."""
    return Task(work, parent=parent, label=label, success=success, failure=failure, cancelled=cancelled,
                cancellable=cancellable, show_after_ms=show_after_ms).start()
