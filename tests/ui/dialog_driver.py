"""Drive the real dialogs that a page or another dialog opens with ``exec()``.

Offscreen, ``exec()`` would wait for a click forever. The driver replaces it: the test says in
advance which dialog class it expects and what the user does in it (fill fields, press a button);
the dialog's own code then saves or refuses, exactly as when a person clicks. A dialog nobody
expected fails the test.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog


class DialogDriver:
    def __init__(self, monkeypatch):
        self.expected: list[tuple[type, Callable]] = []
        self.seen: list[QDialog] = []
        driver = self

        def fake_exec(dialog) -> int:
            driver.seen.append(dialog)
            for number, (kind, action) in enumerate(driver.expected):
                if isinstance(dialog, kind):
                    del driver.expected[number]
                    action(dialog)
                    return dialog.result()
            raise AssertionError(f"A {type(dialog).__name__} opened that the test did not expect")

        monkeypatch.setattr(QDialog, "exec", fake_exec)

    def expect(self, kind: type, action: Callable | None = None) -> None:
        """When a ``kind`` dialog opens, run ``action(dialog)`` (nothing: the user leaves it open)."""
        self.expected.append((kind, action or (lambda dialog: None)))

    def last(self, kind: type):
        return next(d for d in reversed(self.seen) if isinstance(d, kind))

    def all_used(self) -> bool:
        return not self.expected
