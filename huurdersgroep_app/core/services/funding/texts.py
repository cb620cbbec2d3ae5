"""The free texts of a year, written in the app and kept in the database: the foreword, the
highlights and the plans of the activity report, and a note for the funders' cover letters.

Reading a year that has no texts yet gives empty texts and writes nothing (a read never writes).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.funding import YearTexts as _Row
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.i18n import _

# A page and a half of prose per text is plenty; anything longer is a pasted document by mistake.
MAX_LENGTH = 20_000
FIELDS = ("foreword", "highlights", "plans", "cover_note")


@dataclass(frozen=True)
class YearTexts:
    year: int
    foreword: str = ""
    highlights: str = ""
    plans: str = ""
    cover_note: str = ""


def get_year_texts(session: Session, year: int) -> YearTexts:
    row = session.scalar(select(_Row).where(_Row.year == year))
    if row is None:
        return YearTexts(year)
    return YearTexts(year, **{name: getattr(row, name) or "" for name in FIELDS})


def set_year_texts(session: Session, year: int, **texts: str | None) -> YearTexts:
    """Change the given texts of ``year`` (a text left out, or None, stays as it is)."""
    unknown = set(texts) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown year texts: {sorted(unknown)}")
    problems = {}
    if not isinstance(year, int) or not 1900 < year < 2200:
        problems["year"] = _("'{value}' is not a year.").format(value=year)
    cleaned = {}
    for name, value in texts.items():
        if value is None:
            continue
        value = str(value).replace("\r\n", "\n").strip()
        if len(value) > MAX_LENGTH:
            problems[name] = _("This text is too long ({length} characters); keep it under {limit}.").format(
                length=len(value), limit=MAX_LENGTH)
        cleaned[name] = value
    if problems:
        raise ValidationError(problems)
    row = session.scalar(select(_Row).where(_Row.year == year))
    if row is None:
        row = _Row(year=year, **{name: "" for name in FIELDS})
        session.add(row)
    for name, value in cleaned.items():
        setattr(row, name, value)
    session.flush()
    return get_year_texts(session, year)


