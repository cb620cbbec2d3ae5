"""Short display forms for tables and form fields.

Tables format thousands of cells, so they use a fixed numeric date pattern per language instead of
a Babel call per cell; longer texts (labels, headings) use ``i18n.format_date``. The numeric form is
also the one people type, and ``validation.parse_date`` reads it back.
"""
from __future__ import annotations

from datetime import date

from huurdersgroep_app import i18n

# The Netherlands write 31-12-2024; Flanders, Brussels and our English 31/12/2024.
_PATTERNS = {"nl_NL": "%d-%m-%Y"}
_DEFAULT_PATTERN = "%d/%m/%Y"
_PLACEHOLDERS = {"nl_NL": "31-12-2024"}


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime(_PATTERNS.get(i18n.get_language(), _DEFAULT_PATTERN))


def date_placeholder() -> str:
    return i18n._("for example {date}").format(date=_PLACEHOLDERS.get(i18n.get_language(), "31/12/2024"))


def percent(fraction) -> str:
    """0.2534 → '25 %' (whole percents are precise enough for a group's reach)."""
    if fraction is None:
        return "–"
    return i18n.format_percent(fraction)
