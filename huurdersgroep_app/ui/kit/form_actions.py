"""What every form does when it saves: one service call, the service's problems under the fields they
belong to, the others on a message line (or in a message box), and any other refusal in a message box.
Nothing was changed when the call is refused, so the form stays open for the user to correct it."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext, Result
from huurdersgroep_app.ui.kit.widgets import FieldErrors


def dialog_buttons(dialog: QDialog, ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
                   text: str = "") -> QDialogButtonBox:
    """``ok`` and Cancel: ``ok`` runs ``dialog.save``, Cancel closes; ``text`` names what ``ok`` does."""
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    if text:
        buttons.button(ok).setText(text)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def attempt(ctx: AppContext, parent: QWidget, errors: FieldErrors | None, work: Callable[[], Any],
            message: QLabel | None = None, summary: bool = False) -> Result:
    """Run ``work`` (which makes the one ``ctx.call`` and may refuse with a ValidationError of its own).

    Problems go under their fields in ``errors`` (all of them count as 'other' without ``errors``);
    the other problems go to the ``message`` line, or a message box without one. With ``summary``
    (a long form whose marked fields may be scrolled out of view) the message line also says that
    fields are marked whenever one is."""
    if errors is not None:
        errors.clear()
    if message is not None:
        message.setVisible(False)
    try:
        return Result(True, work())
    except ValidationError as exc:
        rest = errors.show(exc.problems) if errors is not None else dict(exc.problems)
        lines = list(rest.values())
        if summary and message is not None and len(rest) < len(exc.problems):
            lines.insert(0, _("Some fields need attention; they are marked in red."))
        if lines:
            text = "\n".join(lines)
            if message is not None:
                message.setText(text)
                message.setVisible(True)
            else:
                ctx.show_error(text, parent)
        return Result(False)
    except DomainError as exc:
        ctx.show_error(exc.message, parent)
        return Result(False)


def save_and_close(dialog: QDialog, errors: FieldErrors | None, work: Callable[[], Any],
                   message: QLabel | None = None) -> Result:
    """``attempt`` for a dialog (with ``ctx``) that closes when the call succeeds."""
    result = attempt(dialog.ctx, dialog, errors, work, message)
    if result:
        dialog.accept()
    return result
