"""A wizard step whose check takes long (reading a file, building a preview) runs it as a task, so
the window keeps painting and the user can press Cancel.

QWizard asks ``validatePage()`` for an answer at once. ``StepWork.validate`` therefore starts the
work and answers "not yet" (False); when the work succeeds and ``accept(result)`` takes it, it moves
the wizard on itself (``next()`` asks ``validatePage`` again, which now answers True). ``accept`` may
also start the next piece of work itself (``run``: the bank import reads the file, then builds the
preview) and answer False; that work calls ``go_on`` when it is done. A file that cannot be read, or
a check that refuses, gives its one translated message on the page; a cancelled read leaves the page
as it was. While any of it runs, the wizard's buttons are disabled: they would do nothing anyway
(the task holds off clicks), and a button that looks pressable but is not looks broken."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QWizard, QWizardPage

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.tasks import Task

_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)


class StepWork:
    def __init__(self, page: QWizardPage, show_error: Callable[[str], Any]):
        self.page, self.show_error = page, show_error
        self.passed = False
        self.task: Task | None = None
        self._held: list = []  # the buttons the running piece of work disabled, to enable again
        self._piece: object | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def validate(self, start: Callable[..., Task], accept: Callable[[Any], bool]) -> bool:
        """For ``validatePage``: True once the work came back and ``accept(result)`` said yes (or a
        follow-up called ``go_on``); otherwise ``start(success=…, failure=…, cancelled=…)`` (which
        returns the running Task) and False."""
        if self.passed:
            self.passed = False
            return True
        if self.busy:
            return False  # still at work (a second 'Next' cannot get through the task's input guard anyway)

        def success(result) -> None:
            if accept(result):
                self.go_on()

        self.run(start, success)
        return False

    def run(self, start: Callable[..., Task], success: Callable[[Any], Any],
            failure: Callable[[BaseException], Any] | None = None) -> None:
        """Start ``start(success=…, failure=…, cancelled=…)`` with the wizard's buttons disabled until
        it comes back; then ``success(result)``, or ``failure(error)`` (by default the message on
        the page) for a DomainError or an OSError."""
        piece = object()  # this piece of work: its end enables the buttons it disabled, not the next one's
        self._hold(piece)

        def done(result) -> None:
            self._release(piece)
            success(result)

        def failed(error: BaseException) -> None:
            self._release(piece)
            (failure or self.report)(error)

        self.task = start(success=done, failure=failed, cancelled=lambda: self._release(piece))
        # Also after an unexpected error, which goes to the error hook and calls neither.
        self.task.finished.connect(lambda: self._release(piece))

    def report(self, error: BaseException) -> None:
        if isinstance(error, DomainError):
            self.show_error(error.message)
        else:  # OSError: the file went away or cannot be opened
            self.show_error(_("The file could not be read: {problem}").format(
                problem=getattr(error, "strerror", None) or error))

    def go_on(self) -> None:
        """The work is done and its result taken: on to the next page."""
        self.passed = True
        try:
            self.page.wizard().next()
        except RuntimeError:  # the wizard was closed while the work ran
            self.passed = False

    # -- the buttons --------------------------------------------------------------------------------
    def _hold(self, piece: object) -> None:
        wizard = self.page.wizard()
        self._piece = piece
        if wizard is None:
            return
        self._held = [b for b in (wizard.button(which) for which in _BUTTONS) if b is not None and b.isEnabled()]
        for button in self._held:
            button.setEnabled(False)

    def _release(self, piece: object) -> None:
        if piece is not self._piece:
            return
        held, self._held, self._piece = self._held, [], None
        try:
            for button in held:
                button.setEnabled(True)
        except RuntimeError:  # the wizard was closed and deleted meanwhile
            return
        if held:
            self.page.completeChanged.emit()  # the wizard decides again whether 'Next' may be pressed
