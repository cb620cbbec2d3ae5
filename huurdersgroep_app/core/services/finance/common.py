"""Small helpers shared by the finance services: reading amounts and dates from forms."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from huurdersgroep_app.core.db.money import (  # noqa: F401 - CENT, parse_amount, plain_text: for forms
    CENT, AmountError, parse_amount, plain_text, to_decimal)
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.i18n import _

ZERO = Decimal("0.00")


def read_amount(value, field: str, problems: dict[str, str], *, allow_zero: bool = False,
                positive: bool = False) -> Decimal | None:
    """An exact amount from a Decimal, int or typed text; records a translated problem instead of raising."""
    if value is None or (isinstance(value, str) and not value.strip()):
        problems[field] = _("The amount is required.")
        return None
    try:
        amount = to_decimal(value)
    except AmountError as exc:  # not exact, or out of bounds: the parser says which
        problems[field] = exc.message
        return None
    except (InvalidOperation, ValueError):
        problems[field] = _("'{value}' is not an amount. Write it as 12,50.").format(value=value)
        return None
    if not allow_zero and amount == 0:
        problems[field] = _("The amount cannot be zero.")
    elif positive and amount < 0:
        problems[field] = _("The amount must be positive.")
    return amount


def read_date(value, field: str, problems: dict[str, str], *, required: bool = True) -> date | None:
    try:
        day = v.parse_date(value)
    except v.FieldError as exc:
        problems[field] = str(exc)
        return None
    if day is None and required:
        problems[field] = _("The date is required.")
    return day


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def compact_iban(value: str | None) -> str:
    return (value or "").replace(" ", "").upper()
