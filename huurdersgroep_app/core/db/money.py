"""Money is exact: Decimal in Python, integer cents in the database, ROUND_HALF_UP.

Text is read by the strict parser of ``core.amounts`` (re-exported here as ``parse_amount``);
every value, typed or computed, is bounded (``MAX_AMOUNT``) before it is stored."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Integer
from sqlalchemy.exc import DontWrapMixin
from sqlalchemy.types import TypeDecorator

from huurdersgroep_app.core.amounts import (CENT, MAX_AMOUNT, MAX_CENTS, MAX_TOTAL, AmountError, check_amount,
                                            parse_amount, plain_text)

__all__ = ["CENT", "MAX_AMOUNT", "MAX_CENTS", "MAX_TOTAL", "AmountError", "Money", "StoredAmountError",
           "from_cents", "parse_amount", "plain_text", "to_cents", "to_decimal"]


class StoredAmountError(DontWrapMixin, AmountError):
    """An out-of-range amount reached a Money column: raised as itself, not wrapped by SQLAlchemy,
    so the user sees its one translated line."""


def to_decimal(value) -> Decimal:
    """Accept Decimal, int or text typed in the interface language ('12,50', '12,50-', '1.234,56' in
    nl_BE); refuse floats. A computed Decimal is rounded half up to the cent; typed text must be exact.
    Raises AmountError for text that is not an amount and for values outside ± MAX_AMOUNT."""
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
    check_amount(result)  # before quantize: a huge or infinite Decimal cannot be quantized
    return check_amount(result.quantize(CENT, rounding=ROUND_HALF_UP))


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
        try:
            return to_cents(value)
        except AmountError as error:
            raise StoredAmountError(error.message, error.text) from None

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return from_cents(value)
