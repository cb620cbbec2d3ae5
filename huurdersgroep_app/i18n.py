"""Language: gettext catalogs for the interface, Babel for dates and amounts.

Source strings are English. Catalogs live in ``translations/<lang>.po``; the compiled ``.mo``
files are built (``make translations``, and by setup.py into every wheel) or, in a checkout where
they are missing or stale, compiled here into the user's cache folder, so a fresh checkout runs
without a build step. nl_NL holds only the words that
differ from Flanders and falls back to nl_BE; fr_BE falls back to the English source.
"""
from __future__ import annotations

import contextvars
import gettext as _gettext
import locale as _locale
import os
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from huurdersgroep_app import paths

SUPPORTED_LANGUAGES = ("nl_BE", "nl_NL", "fr_BE", "en")
DEFAULT_LANGUAGE = "nl_BE"
# Which catalog fills the gaps of another: the Netherlands share most words with Flanders.
FALLBACKS = {"nl_NL": ("nl_BE",), "nl_BE": (), "fr_BE": (), "en": ()}
LANGUAGE_NAMES = {"nl_BE": "Nederlands (België)", "nl_NL": "Nederlands (Nederland)",
                  "fr_BE": "Français (Belgique)", "en": "English"}

# The interface's language is the process's default; a document in another language sets the
# override only for its own context (its thread, or the task it runs in), so a letter built in French
# on a worker never turns the visible window French. A new thread starts with no override and so
# speaks the interface's language.
_interface = DEFAULT_LANGUAGE
_override: contextvars.ContextVar[str | None] = contextvars.ContextVar("huurdersgroep_language", default=None)
_translations: dict[str, _gettext.NullTranslations] = {}


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (translated where shown)."""
    return message


def normalize_language(value: str | None) -> str | None:
    """Map 'nl-BE', 'nl_BE.UTF-8', 'fr', 'en_GB' … onto a supported language, or None."""
    if not value:
        return None
    value = value.split(".")[0].replace("-", "_")
    if value in SUPPORTED_LANGUAGES:
        return value
    lang, _, region = value.partition("_")
    lang = lang.lower()
    if lang == "en":
        return "en"
    if lang == "nl":
        return "nl_NL" if region.upper() == "NL" else "nl_BE"
    if lang == "fr":
        return "fr_BE"
    return None


def system_language() -> str:
    """The system's language if we support it, else nl_BE."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        found = normalize_language(os.environ.get(var, "").split(":")[0])
        if found:
            return found
    try:
        found = normalize_language(_locale.getlocale()[0])
    except ValueError:
        found = None
    return found or DEFAULT_LANGUAGE


def _compiled_catalog(lang: str) -> Path | None:
    po = paths.TRANSLATIONS_DIR / f"{lang}.po"
    built = paths.TRANSLATIONS_DIR / f"{lang}.mo"
    if not po.exists():
        # A wheel or frozen build carries only the .mo compiled when it was built.
        return built if built.exists() else None
    if built.exists() and built.stat().st_mtime >= po.stat().st_mtime:
        return built
    cached = paths.cache_dir() / "mo" / f"{lang}-{int(po.stat().st_mtime)}-{po.stat().st_size}.mo"
    if not cached.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        os.replace(tmp, cached)
    return cached


def _load(lang: str) -> _gettext.NullTranslations:
    if lang in _translations:
        return _translations[lang]
    translations: _gettext.NullTranslations = _gettext.NullTranslations()
    mo = _compiled_catalog(lang) if lang != "en" else None
    if mo is not None:
        with mo.open("rb") as f:
            translations = _gettext.GNUTranslations(f)
    for fallback in FALLBACKS.get(lang, ()):
        translations.add_fallback(_load(fallback))
    _translations[lang] = translations
    return translations


def set_language(lang: str | None) -> str:
    """Switch the interface language; unknown values fall back to nl_BE.

    Inside a ``language(...)`` block only that block's language changes (until the block ends), as
    before; elsewhere the whole interface switches."""
    global _interface
    chosen = normalize_language(lang) or DEFAULT_LANGUAGE
    if _override.get() is not None:
        _override.set(chosen)
    else:
        _interface = chosen
    return chosen


def get_language() -> str:
    return _override.get() or _interface


def gettext(message: str) -> str:
    return _load(get_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _load(get_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _load(get_language()).pgettext(context, message)


_ = gettext

# The source notes of the rule profiles (resources/rules/*.toml) are English data; i18n_tools
# extracts them under this context (a short note must not take a UI string's translation), and
# the services that show a note translate it with ``rule_note`` when they build their rows.
RULE_NOTE_CONTEXT = "rule note"


def rule_note(note: str) -> str:
    """A profile's note in the user's language; a note without a translation (a group's own
    text, a newer profile) stays as written. An empty note stays empty (gettext would give the
    catalog header for '')."""
    return pgettext(RULE_NOTE_CONTEXT, note) if note else ""


class language:
    """Context manager: produce one document in another language, then switch back.

    Only the current context (thread or task) speaks ``lang`` meanwhile; other threads, the
    window's included, keep theirs. Without ``lang`` the current language stays."""

    def __init__(self, lang: str | None):
        self.lang = lang
        self._tokens: list[contextvars.Token] = []

    def __enter__(self):
        chosen = (normalize_language(self.lang) or DEFAULT_LANGUAGE) if self.lang else get_language()
        self._tokens.append(_override.set(chosen))
        return chosen

    def __exit__(self, *exc):
        _override.reset(self._tokens.pop())


def babel_locale(lang: str | None = None) -> str:
    return lang or get_language()


def date_locale(lang: str | None = None) -> str:
    """The locale for dates: English is written for a Belgian or Dutch group, so day-month-year
    as in Britain ('3 Oct 2026', '03/10/2026'), never the American 'Oct 3, 2026' / '10/3/26'."""
    chosen = babel_locale(lang)
    return "en_GB" if chosen == "en" else chosen


def format_date(value: date | datetime | None, format: str = "medium", lang: str | None = None) -> str:
    if value is None:
        return ""
    from babel.dates import format_date as _fd

    if isinstance(value, datetime):
        value = value.date()
    locale = date_locale(lang)
    if format == "short":
        # French (and some other locales) write a short date with a two-digit year ("29/03/25"), while
        # Dutch writes four: a document, a table or a form would then mix "29/03/25" with "29 mars 2025".
        # The locale's own short pattern with the full year keeps its order and separators everywhere.
        from babel.dates import get_date_format

        format = re.sub(r"(?<!y)yy(?!y)", "y", get_date_format("short", locale=locale).pattern)
        # nl_BE's pattern is "d/MM/y": "5/03/2024" beside "15/03/2024" makes a date column ragged and
        # reads as a typo on a form; two-digit day and month keep every short date the same width.
        format = re.sub(r"(?<![dM])([dM])(?![dM])", r"\1\1", format)
    return _fd(value, format=format, locale=locale)


def format_datetime(value: datetime | None, format: str = "medium", lang: str | None = None) -> str:
    if value is None:
        return ""
    from babel.dates import format_datetime as _fdt

    return _fdt(value, format=format, locale=date_locale(lang))


def format_money(amount: Decimal | None, currency: str = "EUR", lang: str | None = None) -> str:
    """'€ 1.234,56' in nl_BE; Decimal in, never float."""
    if amount is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=babel_locale(lang))


def format_number(value, lang: str | None = None) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(lang))


def format_percent(value, lang: str | None = None) -> str:
    from babel.numbers import format_percent as _fp

    return _fp(value, locale=babel_locale(lang))
