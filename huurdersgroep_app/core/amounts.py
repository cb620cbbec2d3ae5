"""Amounts typed by people, read exactly or refused: one strict parser for forms, the command
line and the importers that read amounts from text.

The locale's own rule decides (Babel's ``parse_decimal(..., strict=True)``): in nl_BE '1.234' is
one thousand two hundred and thirty-four and '1,234' is refused (three decimals), in en it is the
other way round. Nothing is guessed and nothing is rounded:

- a minus before or after the number ('-12,50', '12,50-', '(12,50)') is a minus;
- more than two decimals ('0,005') is refused: an amount is exact to the cent;
- spaces between digit groups ('1 234,56') are read as the locale's group separator, so the
  grouping is still checked; a space is never a decimal separator;
- one exception to the locale's rule: the plain notation the command line prints for scripts
  ('1234.56', '-12.5': no group separators, one or two digits after a dot or a comma). A separator
  followed by one or two digits can never be a thousands separator, so this reading is not a guess.

Bounds. One line may hold at most ``MAX_AMOUNT`` (€ 999.999.999,99); a sum the books store or
check — the lines of a split entry, a bank statement, an account's year — at most ``MAX_TOTAL``
(€ 99.999.999.999,99). A tenant group handles thousands of euros a year, so these bounds only
catch typing and file errors, and they keep every total far inside the 64-bit integer cents of
SQLite (± 92 233 720 368 547 758,07 €): 92 million lines at the line bound would still add up.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _, get_language

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999.99")
MAX_TOTAL = Decimal("99999999999.99")
MAX_CENTS = int(MAX_AMOUNT * 100)
MAX_TOTAL_CENTS = int(MAX_TOTAL * 100)
MAX_TEXT = 40  # '- € 999.999.999,99' with room for spaces; a longer text is not an amount

_SPACES = re.compile(r"[ \u00a0\u202f\u2009\u2007]")
_CURRENCY = re.compile(r"€|EUR", re.IGNORECASE)
_BODY = re.compile(r"[0-9][0-9.,]*")
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]{1,2})?")
_MINUS = ("-", "\u2212", "\u2013")  # hyphen, the minus sign Babel may print, and Word's en dash


class AmountError(DomainError, ValueError):
    """Text that is not an exact amount, or an amount outside the bounds; the message is translated.

    A ValueError too, so callers that caught the old parser's ValueError keep working."""

    def __init__(self, message: str, text: str = "", *, field: str | None = None):
        super().__init__(message, field=field)
        self.text = text


def _locale(locale: str | None) -> str:
    return locale or get_language()


def example(value: str, locale: str | None = None) -> str:
    """An amount written the locale's way, for messages: '1.234,56' in nl_BE."""
    from babel.numbers import format_decimal

    return format_decimal(Decimal(value), format="#,##0.00", locale=_locale(locale))


def _not_an_amount(text: str, locale: str | None) -> AmountError:
    return AmountError(_("'{value}' is not an amount. Write it like {example} or {negative}.").format(
        value=text, example=example("1234.56", locale), negative=example("-12.50", locale)), text)


def _split_sign(text: str) -> tuple[bool, str] | None:
    """(negative, the rest) for one sign before or after the number, or brackets; None for two signs."""
    body, negative, signs = text, False, 0
    if body.startswith("(") and body.endswith(")"):
        body, negative, signs = body[1:-1], True, 1
    for minus in (*_MINUS, "+"):
        if body.startswith(minus):
            body, negative, signs = body[len(minus):], minus != "+", signs + 1
        if body.endswith(minus):
            body, negative, signs = body[:-len(minus)], minus != "+", signs + 1
    if signs > 1:
        return None
    return negative, body


# A file that declares its decimal sign (a bank's CSV profile) is read with that notation only.
_NOTATION = {",": "nl_BE", ".": "en"}


def parse_amount(text: str, locale: str | None = None, *, decimal: str | None = None) -> Decimal:
    """The exact amount in ``text``, written the way of ``locale`` (default: the interface language).
    ``decimal`` (',' or '.') instead fixes the notation, for files that declare it: then the plain
    notation with the other separator is refused too.

    Raises AmountError with a translated message; never rounds, never reads a float."""
    from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

    if not isinstance(text, str):
        raise TypeError(f"parse_amount reads text, not {type(text).__name__}")
    locale = _NOTATION[decimal] if decimal else _locale(locale)
    original = text.strip()
    if not original or len(original) > MAX_TEXT:
        raise _not_an_amount(original[:MAX_TEXT] + ("…" if len(original) > MAX_TEXT else ""), locale)
    cleaned = _CURRENCY.sub("", original).strip()
    signed = _split_sign(_SPACES.sub(" ", cleaned).strip())
    if signed is None:
        raise _not_an_amount(original, locale)
    negative, body = signed
    group = get_group_symbol(locale)
    body = body.strip().replace(" ", group)  # a space between digit groups is the locale's group separator
    if _PLAIN.fullmatch(body) and (not decimal or decimal in body or body.isdigit()):
        value = Decimal(body.replace(",", "."))
    else:
        if not _BODY.fullmatch(body.replace(group, "")) or (body.startswith("0") and group in body):
            raise _not_an_amount(original, locale)  # '0.005' in nl_BE is no way to write five euros
        try:
            value = parse_decimal(body, locale=locale, strict=True)
        except (NumberFormatError, InvalidOperation, ValueError):
            raise _not_an_amount(original, locale) from None
    if not value.is_finite():
        raise _not_an_amount(original, locale)
    if value.as_tuple().exponent < -2:
        raise AmountError(_("'{value}' has more than two decimals; an amount is exact to the cent. "
                            "Write one thousand two hundred and thirty-four euros as {thousands} and twelve "
                            "euros fifty as {cents}.").format(
            value=original, thousands=example("1234", locale), cents=example("12.50", locale)), original)
    value = -value if negative else value
    check_amount(value)
    return value + Decimal("0.00")  # at least two decimals, as the books show them: 12 → 12.00


def check_amount(value: Decimal, *, limit: Decimal = MAX_AMOUNT) -> Decimal:
    """``value`` itself when it is within ± ``limit``; else an AmountError naming the limit."""
    if not value.is_finite() or abs(value) > limit:
        raise AmountError(_("{value} is more than the largest amount the books accept ({limit}). "
                            "Check the amount.").format(value=_shown(value), limit=_shown(limit)), str(value))
    return value


def check_total(values, *, what: str | None = None) -> Decimal:
    """The sum of ``values``, refused when it passes ``MAX_TOTAL``. ``what`` (translated) names the sum."""
    total = sum(values, Decimal("0.00"))
    if abs(total) > MAX_TOTAL:
        raise AmountError(_("{what} add up to {value}, more than the books accept ({limit}). "
                            "Check the amounts.").format(what=what or _("The amounts"), value=_shown(total),
                                                         limit=_shown(MAX_TOTAL)), str(total))
    return total


def _shown(value: Decimal) -> str:
    """A bounded display: a value too large for the currency format is shown in scientific notation."""
    from huurdersgroep_app.i18n import format_money

    if not value.is_finite() or abs(value) >= Decimal("1e20"):
        return f"€ {value:.3E}" if value.is_finite() else str(value)
    return format_money(value)


def plain_text(amount: Decimal, locale: str | None = None) -> str:
    """12,50 as people type it back into a field in ``locale``: the locale's decimal separator,
    no group separator, no currency sign; parse_amount reads it back exactly."""
    from babel.numbers import get_decimal_symbol

    return f"{amount:.2f}".replace(".", get_decimal_symbol(_locale(locale)))
