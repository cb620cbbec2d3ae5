"""What the funding documents share: the document info on the letterhead, writing blocks as
PDF or DOCX, and the format check that names the formats a document is made in."""
from __future__ import annotations

from datetime import date
from typing import Callable

from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance.years import seal_warning
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _

Progress = Callable[[int, int], None]


def document_info(session: Session, title: str, today: date | None = None, year: int | None = None) -> DocumentInfo:
    """With ``year`` for the money documents of a year: they warn on every page when that closed year's
    books no longer match their seal."""
    return DocumentInfo(Letterhead.from_organisation(get_organisation(session)), title, created=today or date.today(),
                        warning=seal_warning(session, year) if year is not None else "")


def check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise DomainError(_("This document is made as {formats}, not as {format}.").format(
            formats=", ".join(f.upper() for f in allowed), format=str(fmt).upper()))


def write_blocks(target, info: DocumentInfo, blocks: list, fmt: str = "pdf", progress: Progress | None = None
                 ) -> int | None:
    """PDF (returns the page count) or DOCX (returns None) from the same blocks."""
    check_format(fmt, ("pdf", "docx"))
    if fmt == "docx":
        b.write_docx(target, info, blocks)
        pages = None
    else:
        pages = b.write_pdf(target, info, blocks)
    if progress is not None:
        progress(1, 1)
    return pages
