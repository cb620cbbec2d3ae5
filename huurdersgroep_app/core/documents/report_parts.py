"""Small pieces the advice and signal reports share: text escaping for Paragraph markup, the
grid look of their Platypus tables, and the period check."""
from __future__ import annotations

from datetime import date

from reportlab.platypus import TableStyle

from huurdersgroep_app.core.documents.base import FONT, FONT_BOLD, RULE
from huurdersgroep_app.core.documents.tables import HEADER_FILL
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.i18n import _


def escape(text: str) -> str:
    """User text inside a Paragraph: '<' and '&' must not be read as markup."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def grid_style(numeric_from: int | None = None, total_row: bool = False) -> TableStyle:
    commands = [("FONT", (0, 0), (-1, -1), FONT, 9), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
    if total_row:
        commands += [("FONT", (0, -1), (-1, -1), FONT_BOLD, 9), ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]
    return TableStyle(commands)


def check_period(date_from: date | None, date_to: date | None) -> None:
    problems = {}
    if date_from is None:
        problems["date_from"] = _("Give the first day of the period.")
    if date_to is None:
        problems["date_to"] = _("Give the last day of the period.")
    if not problems and date_to < date_from:
        problems["date_to"] = _("The period ends before it starts.")
    if problems:
        raise ValidationError(problems)
