"""form_actions.attempt: the one way a form shows what the service refused — problems under their
fields, the others on the message line, and (for long forms) a line saying fields are marked."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.form_actions import attempt
from huurdersgroep_app.ui.kit.widgets import FieldErrors, Form

SUMMARY = "Some fields need attention; they are marked in red."


def form(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = FieldErrors()
    fields = Form(errors, parent)
    fields.add("name", "Name", QLineEdit())
    message = QLabel(parent)
    return parent, errors, message


def refuse(problems):
    def work():
        raise ValidationError(problems)
    return work


def test_the_summary_comes_with_marked_fields_and_the_other_problems(ctx, qtbot):
    parent, errors, message = form(qtbot)
    result = attempt(ctx, parent, errors, refuse({"name": "Fill in a name.", "other": "Not today."}), message,
                     summary=True)
    assert not result
    assert errors.problem("name") == "Fill in a name."
    assert message.text() == f"{SUMMARY}\nNot today." and not message.isHidden()
    # only fields marked: the summary alone; without summary (a short form) the line stays hidden
    attempt(ctx, parent, errors, refuse({"name": "Fill in a name."}), message, summary=True)
    assert message.text() == SUMMARY and not message.isHidden()
    attempt(ctx, parent, errors, refuse({"name": "Fill in a name."}), message)
    assert message.isHidden()
    # no field marked: no summary, just the problem
    attempt(ctx, parent, errors, refuse({"other": "Not today."}), message, summary=True)
    assert message.text() == "Not today." and errors.problem("name") == ""
    # success clears everything and returns the value
    done = attempt(ctx, parent, errors, lambda: 7, message, summary=True)
    assert done and done.value == 7 and message.isHidden()


def test_another_refusal_goes_to_a_message_box(ctx, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(AppContext, "show_error", staticmethod(lambda text, parent=None: shown.append(text)))
    parent, errors, message = form(qtbot)

    def closed_year():
        raise DomainError("The year 2024 is closed.")

    assert not attempt(ctx, parent, errors, closed_year, message, summary=True)
    assert shown == ["The year 2024 is closed."] and message.isHidden()
