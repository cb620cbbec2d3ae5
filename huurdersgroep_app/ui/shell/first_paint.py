"""Watching the window's first paint: to start work right after the frame is on screen, and for
the start-up benchmark."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterFirstPaint(QObject):
    """Calls ``callback`` once, right after the window has painted itself for the first time."""

    def __init__(self, window, callback):
        super().__init__(window)
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            QTimer.singleShot(0, callback)
        return False


class FirstPaint(QObject):
    """For the benchmark: prints MAIN_WINDOW_SHOWN at the window's first paint and MAIN_WINDOW_READY
    once the group's first page is drawn in it, then quits. When the file is opened before the window
    is shown, both come at the first paint."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.shown = False
        self.finished = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if not self.shown and event.type() == QEvent.Type.Paint:
            self.shown = True
            print("MAIN_WINDOW_SHOWN", flush=True)
            if self.window.ctx is not None:
                QTimer.singleShot(0, self.ready)
        return False

    def ready(self) -> None:
        if self.shown and not self.finished:
            self.finished = True
            self.window.repaint()  # the page is really drawn before we say so
            print("MAIN_WINDOW_READY", flush=True)
            self.window.close()
