"""Field checks shared by forms, importers and services; messages in the user's language."""
from __future__ import annotations

import re
from datetime import date, datetime

from huurdersgroep_app.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y")
POSTCODE_PATTERNS = {
    "BE": re.compile(r"^[1-9]\d{3}$"),
    "NL": re.compile(r"^[1-9]\d{3}\s?[A-Za-z]{2}$"),
}


class FieldError(ValueError):
    """One field's problem; ``str(exc)`` is the translated reason."""


def clean_email(value: str) -> str:
    value = (value or "").strip()
    if value and not _EMAIL.match(value):
        raise FieldError(_("'{value}' is not a valid e-mail address.").format(value=value))
    return value.lower()


def clean_phone(value: str, country: str = "BE") -> str:
    value = (value or "").strip()
    if not value:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise FieldError(_("'{value}' is not a valid phone number.").format(value=value))
    home = number.country_code == phonenumbers.country_code_for_region(country)
    fmt = (phonenumbers.PhoneNumberFormat.NATIONAL if home
           else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, fmt)


def clean_postcode(value: str, country: str = "BE") -> str:
    value = (value or "").strip().upper()
    if not value:
        return ""
    pattern = POSTCODE_PATTERNS.get(country)
    if pattern and not pattern.match(value):
        if country == "NL":
            raise FieldError(_("'{value}' is not a Dutch postcode (for example 1234 AB).").format(value=value))
        raise FieldError(_("'{value}' is not a Belgian postcode (four digits, for example 9000).").format(value=value))
    if country == "NL":
        value = f"{value[:4]} {value[-2:]}"
    return value


def clean_iban(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        return IBAN(value).formatted
    except (SchwiftyException, ValueError):
        raise FieldError(_("'{value}' is not a valid IBAN. Check the digits.").format(value=value)) from None


def parse_date(value) -> date | None:
    """Dates as people type them: 31/12/2024, 31-12-2024, 2024-12-31, 31.12.2024."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise FieldError(_("'{value}' is not a date. Write it as 31/12/2024.").format(value=text))


def check_not_future(value: date | None, today: date, label: str) -> None:
    if value and value > today:
        raise FieldError(_("{field} cannot be in the future.").format(field=label))
