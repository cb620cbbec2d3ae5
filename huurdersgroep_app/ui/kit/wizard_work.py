"""A wizard step whose check takes long (reading a file, building a preview) runs it as a task, so
the window keeps painting and the user can press Cancel.

QWizard asks ``validatePage()`` for an answer at once. ``StepWork.validate`` therefore starts the
work and answers "not yet" (False); when the work succeeds and ``accept(result)`` takes it, it moves
the wizard on itself (``next()`` asks ``validatePage`` again, which now answers True). A file that
cannot be read, or a check that refuses, gives its one translated message on the page; a cancelled
read leaves the page as it was."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QWizardPage

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.tasks import Task


class StepWork:
    def __init__(self, page: QWizardPage, show_error: Callable[[str], Any]):
        self.page, self.show_error = page, show_error
        self.passed = False
        self.task: Task | None = None

    def validate(self, start: Callable[..., Task], accept: Callable[[Any], bool]) -> bool:
        """For ``validatePage``: True once the work came back and ``accept(result)`` said yes;
        otherwise ``start(success=…, failure=…)`` (which returns the running Task) and False."""
        if self.passed:
            self.passed = False
            return True
        if self.task is not None and not self.task.done:
            return False  # still at work (a second 'Next' cannot get through the task's input guard anyway)

        def success(result) -> None:
            if accept(result):
                self.passed = True
                try:
                    self.page.wizard().next()
                except RuntimeError:  # the wizard was closed while the work ran
                    self.passed = False

        def failure(error: BaseException) -> None:
            if isinstance(error, DomainError):
                self.show_error(error.message)
            else:  # OSError: the file went away or cannot be opened
                self.show_error(_("The file could not be read: {problem}").format(
                    problem=getattr(error, "strerror", None) or error))

        self.task = start(success=success, failure=failure)
        return False
