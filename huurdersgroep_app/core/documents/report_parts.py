"""Small pieces the advice and signal reports share: text escaping for Paragraph markup, the
grid look of their Platypus tables, and the period check."""
from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

from huurdersgroep_app.core.documents.base import FONT, FONT_BOLD, RULE
from huurdersgroep_app.core.documents.table_layout import fit_widths
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


def heading(text: str, style) -> list:
    """A heading that never stands alone at the foot of a page: a new page first unless it and a few
    lines under it fit."""
    return [CondPageBreak(28 * mm), Paragraph(escape(text), style)]


def fitted_table(header: list[str], rows: list[list[str]], shares: list[float], width: float, st, *,
                 total_row: bool = False) -> Table:
    """A grid table of Paragraph cells whose widths come from their values: a date, amount or reference
    is never cut or broken (``table_layout``), text wraps at spaces."""
    widths, size = fit_widths(header, rows, shares, width, font=FONT, header_font=FONT_BOLD,
                              size=st["cell"].fontSize, padding=3,
                              bold_rows=[False] * (len(rows) - 1) + [total_row], bold_font=FONT_BOLD)
    cell = st["cell"].clone("fitted_cell", fontSize=size, leading=size * 1.22)
    bold = st["cell_bold"].clone("fitted_bold", fontSize=size, leading=size * 1.22)
    data = [[Paragraph(escape(h), bold) for h in header]]
    for n, row in enumerate(rows):
        style = bold if total_row and n == len(rows) - 1 else cell
        data.append([Paragraph(escape(str(value)), style) for value in row])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(total_row=total_row))
    return table


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
