"""Money is exact: Decimal in Python, integer cents in the database, ROUND_HALF_UP."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import Integer
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


def to_decimal(value) -> Decimal:
    """Accept Decimal, int or a string like '12,50' / '1.234,56' / '12.50'; refuse floats."""
    if isinstance(value, bool):
        raise TypeError("bool is not money")
    if isinstance(value, float):
        raise TypeError("money must never be a float; pass a Decimal or a string")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        result = parse_amount(value)
    else:
        raise TypeError(f"cannot use {type(value).__name__} as money")
    return result.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(text: str) -> Decimal:
    """Parse amounts the way people type them in Belgium and the Netherlands.

    '1.234,56', '1234,56', '1234.56', '€ -12,5', '1 234,56'. A lone separator followed by
    exactly three digits ('1.234') is a thousands separator, as in Dutch usage.
    """
    cleaned = text.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("-+()")
    if not cleaned:
        raise InvalidOperation(text)
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = cleaned.replace(",", "") if (len(tail) == 3 and cleaned.count(",") > 1) else \
            head.replace(",", "") + "." + tail
    elif cleaned.count(".") > 1 or (cleaned.count(".") == 1 and len(cleaned.rpartition(".")[2]) == 3
                                     and len(cleaned.partition(".")[0]) <= 3 and cleaned[0] != "0"):
        cleaned = cleaned.replace(".", "")
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation(text)
    return -value if negative else value


def to_cents(value) -> int:
    return int(to_decimal(value) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


class Money(TypeDecorator):
    """A column of integer cents that reads and writes Decimal."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return to_cents(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return from_cents(value)
