"""Typed domain errors. Their message is already translated into the user's language,
so the GUI shows it in a dialog and the CLI prints it as one line, never a traceback."""
from __future__ import annotations


class DomainError(Exception):
    """A user-facing problem: bad input, a refused action, a file we cannot use."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """One or more fields are invalid; ``problems`` maps field → translated reason."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("\n".join(self.problems.values()), field=next(iter(self.problems), None))


class NotFoundError(DomainError):
    pass


class DatabaseError(DomainError):
    """The database file cannot be used: locked, newer schema, damaged, not ours."""


class DatabaseInUseError(DatabaseError):
    pass


class NewerSchemaError(DatabaseError):
    pass


class LockedYearError(DomainError):
    """A closed financial year refuses every change."""


class ImportError_(DomainError):
    """A file could not be imported; nothing was written."""


class ConfirmationNeeded(DomainError):
    """The action is unusual but may be right (a discharge while the books are still open): the
    message is the question to ask; the caller repeats the action with its confirmation flag."""
