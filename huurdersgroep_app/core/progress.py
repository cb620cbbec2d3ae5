"""Progress and cancelling for long work, without Qt.

A long core loop (the demo, an import, a 10,000-member list, a backup) takes two optional plain
arguments: ``progress(done, total)``, called as it goes, and a ``CancelToken`` it looks at between
steps. The window's task runner (``ui/tasks.py``) turns the calls into a progress dialog and its
Cancel button into ``token.cancel()``; the CLI passes neither. A loop only looks at the token where
stopping leaves nothing half done: before a transaction commits, or while writing a file that is
discarded.
"""
from __future__ import annotations

import threading
from typing import Callable, Optional

from huurdersgroep_app.i18n import _

# progress(done, total): ``done`` of ``total`` steps; total 0 means "unknown, but still busy".
ProgressCallback = Callable[[int, int], None]


class Cancelled(Exception):
    """The user stopped the work; nothing was changed. Not a DomainError: nothing went wrong."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _("Stopped; nothing was changed."))


class CancelToken:
    """Set by the window's thread, read by the worker's; a ``threading.Event`` underneath."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise Cancelled when asked to stop (call this between steps)."""
        if self._event.is_set():
            raise Cancelled()


class Steps:
    """One object for a loop to report through: ``steps.advance()`` per item, or ``steps(done, total)``.

    Both report to ``progress`` (when given) and stop with Cancelled when the token says so. Used as
    ``steps = Steps(progress, cancel, total=len(rows))``; with neither, it costs a comparison."""

    def __init__(self, progress: Optional[ProgressCallback] = None, cancel: Optional[CancelToken] = None,
                 total: int = 0):
        self.progress, self.cancel, self.total, self.done = progress, cancel, total, 0

    def __call__(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if self.cancel is not None:
            self.cancel.check()
        if self.progress is not None:
            self.progress(self.done, self.total)

    def advance(self, by: int = 1) -> None:
        self(self.done + by)

    def check(self) -> None:
        if self.cancel is not None:
            self.cancel.check()


def scaled(progress: Optional[ProgressCallback], start: int, end: int, of: int) -> Optional[ProgressCallback]:
    """A part of a longer job: the part's own (done, total) mapped onto ``start..end`` of ``of``.
    (The audit pack reports its documents and the file copies as one bar.)"""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        share = (end - start) * done // total if total else 0
        progress(start + share, of)

    return report
