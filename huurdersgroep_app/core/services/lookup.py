"""Finding one row by its id, or a translated NotFoundError: the one way every service does it."""
from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from huurdersgroep_app.core.errors import NotFoundError
from huurdersgroep_app.i18n import _

Row = TypeVar("Row")


def get_or_raise(session: Session, model: type[Row], ident, message: str, **fields) -> Row:
    """The ``model`` row with primary key ``ident``. ``message`` is an untranslated N_() text,
    translated and filled with ``fields`` only when the row does not exist."""
    row = session.get(model, ident) if ident is not None else None
    if row is None:
        raise NotFoundError(_(message).format(**fields))
    return row
