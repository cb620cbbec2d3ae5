"""Short display forms for tables and form fields.

Tables format thousands of cells, so they use a fixed numeric date pattern per language instead of
a Babel call per cell; longer texts (labels, headings) use ``i18n.format_date``. The numeric form is
also the one people type, and ``validation.parse_date`` reads it back.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from huurdersgroep_app import i18n

# The Netherlands write 31-12-2024; Flanders, Brussels and our English 31/12/2024.
_PATTERNS = {"nl_NL": "%d-%m-%Y"}
_DEFAULT_PATTERN = "%d/%m/%Y"
_QT_LOCALES = {"nl_BE": "nl_BE", "nl_NL": "nl_NL", "fr_BE": "fr_BE", "en": "en_GB"}


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime(_PATTERNS.get(i18n.get_language(), _DEFAULT_PATTERN))


def date_placeholder() -> str:
    """The format an empty date field shows in grey; a sample date there looked like a filled-in one."""
    # TRANSLATORS: grey hint in an empty date field: the order of day, month and year as people type
    # them, with the letters of your language ('dd/mm/jjjj', 'jj/mm/aaaa'; 'dd-mm-jjjj' in the Netherlands).
    return i18n.pgettext("date format hint", "dd/mm/yyyy")


def percent(fraction) -> str:
    """0.2534 → '25%' ('25 %' in French): whole percents are precise enough for a group's reach.
    Written here rather than through Babel, whose locale data would cost the start-up ~30 ms."""
    if fraction is None:
        return "–"
    whole = int((Decimal(fraction) * 100).quantize(Decimal(1), ROUND_HALF_UP))
    return f"{whole}\u202f%" if i18n.get_language().startswith("fr") else f"{whole}%"


def long_date(value: date | None) -> str:
    """'31 maart 2026' in the interface language, through Qt's own locale data (already loaded)."""
    if value is None:
        return ""
    from PySide6.QtCore import QDate, QLocale

    return QLocale(_QT_LOCALES.get(i18n.get_language(), "en_GB")).toString(
        QDate(value.year, value.month, value.day), "d MMMM yyyy")
