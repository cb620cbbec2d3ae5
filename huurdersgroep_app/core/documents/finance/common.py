"""What the money documents share: amount cells, category tables, the budget chart, signature lines."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from sqlalchemy.orm import Session

from huurdersgroep_app.core.documents.base import ACCENT, FONT, MUTED, RULE, DocumentInfo, Letterhead, register_fonts
from huurdersgroep_app.core.documents.tables import Column, PageFlow, Row
from huurdersgroep_app.core.services.finance.balances import AccountBalance
from huurdersgroep_app.core.services.finance.figures import CategoryFigure, FigureTable
from huurdersgroep_app.core.services.finance.years import seal_warning
from huurdersgroep_app.core.services.organisation import get_organisation
from huurdersgroep_app.i18n import _, format_date, format_money, format_percent

TOTAL_FILL = colors.HexColor("#e8eef3")
BUDGET_COLOUR = colors.HexColor("#9dbad0")
ACTUAL_COLOUR = ACCENT
MONEY_SAMPLE = "€ -99.999,99"
NBSP = "\u00a0"

# A shape takes the graphics' default font when it is made, and the graphics come in with this module
# (not with every document): point that default at DejaVu now (registering the fonts reads no file).
register_fonts()


def info(session: Session, title: str, today: date | None = None, year: int | None = None) -> DocumentInfo:
    """The letterhead and title; for a report of ``year``, a warning on every page when that year is closed
    but its books no longer match their seal."""
    return DocumentInfo(Letterhead.from_organisation(get_organisation(session)), title, created=today or date.today(),
                        warning=seal_warning(session, year) if year is not None else "")


def money(amount: Decimal | None) -> str:
    return format_money(amount) if amount is not None else ""


def percent(value: Decimal | None) -> str:
    return format_percent(value) if value is not None else "–"


def period_text(start: date, end: date) -> str:
    return _("{start} to {end}").format(start=format_date(start, "long"), end=format_date(end, "long"))


NO_BUDGET = "–"  # a year without a budget: a dash, not "€ 0,00" (which would say a budget of nothing)


def money_column(title: str, width: float = 1.2, *, date_title: bool = False, sample: str = MONEY_SAMPLE) -> Column:
    """``date_title``: the header is a date ('31 december 2025') whose day and month stay together; the
    year goes under them when the table has no room for the whole date on one line (only its longest
    word counted, it wrapped onto three lines; kept whole, it made the balances table too wide for its
    font). ``sample``: the widest amount the column keeps room for; empty: its own values only."""
    if date_title:
        head, _space, year = title.rpartition(" ")
        title = f"{head.replace(' ', NBSP)} {year}" if head else title
    return Column(title, width, align="right", sample=sample)


def budget_money(table: FigureTable, amount: Decimal | None) -> str:
    """A budget figure (or one computed from the budget), or a dash when the year has no budget."""
    return money(amount) if table.has_budget else NO_BUDGET


def total_row(cells) -> Row:
    return Row(cells, bold=True, fill=TOTAL_FILL, rule_above=True)


def budget_vs_actual_table(flow: PageFlow, table: FigureTable, kind: str, *, title: str,
                           with_previous: bool = False) -> None:
    """One section (income or expenses) with budget, actual, difference, % used."""
    rows: list[CategoryFigure] = table.income if kind == "income" else table.expense
    columns = [Column(_("Category"), 3.2), money_column(_("Budget {year}").format(year=table.year)),
               money_column(_("Actual")), money_column(_("Difference")),
               Column(_("Used"), 0.7, align="right", sample="100 %")]
    if with_previous:
        columns.append(money_column(_("Actual {year}").format(year=table.year - 1)))
    cells = []
    for row in rows:
        line = [row.label, budget_money(table, row.budget), money(row.actual), budget_money(table, row.difference),
                percent(row.used if table.has_budget else None)]
        if with_previous:
            line.append(money(row.previous))
        cells.append(line)
    budget, actual = table.total(kind, "budget"), table.total(kind, "actual")
    total = [_("Total income") if kind == "income" else _("Total expenses"), budget_money(table, budget),
             money(actual), budget_money(table, actual - budget),
             percent((actual / budget).quantize(Decimal("0.001")) if budget and table.has_budget else None)]
    if with_previous:
        total.append(money(table.total(kind, "previous")))
    cells.append(total_row(total))
    flow.table(columns, cells, title=title)


def balances_table(flow: PageFlow, rows: list[AccountBalance], *, title: str, year: int) -> None:
    """Per account: opening + income − expenses (+ not categorised) + transfers = closing, income and
    expenses by the same definition as the result (credit notes netted), so both tables agree."""
    fields = ["opening", "income", "expense", "transfers_net", "closing"]
    # Six columns and an IBAN kept whole leave no room for the spare width of a sample amount: the
    # columns are as wide as their own amounts, so a Dutch IBAN ('NL91 ABNA 0417 1643 00') fits at the
    # table's normal size (the room it asked shrank the whole table's font).
    columns = [Column(_("Account"), 2.2, whole=True),
               money_column(_("1 January {year}").format(year=year), date_title=True, sample=""),
               money_column(_("Income"), sample=""), money_column(_("Expenses"), sample=""),
               money_column(_("Transfers"), sample=""),
               money_column(_("31 December {year}").format(year=year), date_title=True, sample="")]
    if any(r.uncategorised for r in rows):  # only then: a column of zeros would say nothing
        fields.insert(3, "uncategorised")
        columns.insert(3, money_column(_("Not categorised"), sample=""))
    # The name and, under it, the IBAN whole: beside the date columns the two do not fit on one line,
    # and wrapped as one text the IBAN broke in the middle ('BE52 8681 / 0587 5609').
    cells = [[_account_cell(r.name, r.iban), *(money(getattr(r, f)) for f in fields)] for r in rows]
    cells.append(total_row([_("Total"), *(money(sum((getattr(r, f) for r in rows), Decimal("0.00")))
                                          for f in fields)]))
    flow.table(columns, cells, title=title)


def _account_cell(name: str, iban: str | None) -> str:
    return f"{name}\n{iban}" if iban else name


def netting_notes(table: FigureTable) -> list[str]:
    """One sentence per category whose actual has credit notes netted in it."""
    notes = []
    for row in table.netted:
        if row.kind == "income":
            text = _("Netted: {amount} paid back on {category} is deducted from its income.")
        else:
            text = _("Netted: {amount} of refunds on {category} is deducted from its expenses.")
        notes.append(text.format(amount=money(row.netted), category=row.label))
    return notes


def whole_euros(euros: int) -> str:
    """'€ 1.200' in nl_BE, '1 200 €' in fr_BE: the language's amount without its cents (the axis put '€ '
    before every number, also in French)."""
    return re.sub(r"[.,]00(?!\d)", "", format_money(Decimal(euros)))


def _axis_steps(largest_cents: int) -> list[int]:
    """Round steps in cents (whole euros), about five of them; integer arithmetic only."""
    euros = max(largest_cents // 100, 1)
    magnitude = 10 ** max(len(str(euros)) - 2, 0)
    step = next(m * magnitude for m in (1, 2, 5, 10, 20, 50, 100) if euros // (m * magnitude) <= 5)
    return [i * step * 100 for i in range(0, euros // step + 2)]


LABEL_SIZE = 7.5


def _chart_labels(labels: list[str], most: float) -> tuple[list[str], float]:
    """Category names whole: the label column is as wide as the widest name up to ``most`` points, and a
    longer name wraps at its words onto more lines (it was cut at 32 characters: "Lidmaatschap koepel /
    huurdersbo"). Returns the names with their line breaks and the column's width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max((stringWidth(label, FONT, LABEL_SIZE) for label in labels), default=0)
    width = min(widest, most)
    return ["\n".join(simpleSplit(label, FONT, LABEL_SIZE, width)) for label in labels], width


def draw_budget_chart(flow: PageFlow, rows: list[CategoryFigure], *, title: str, with_budget: bool = True) -> None:
    """Horizontal bars per category: budget and actual. Bar lengths are cents (ints). ``with_budget``
    False (a year without a budget): the actual bars only, and no 'Budget' in the legend for bars that
    are not there."""
    rows = [r for r in rows if r.budget or r.actual]
    if not rows:
        return
    # At most the old fixed column: the value axis keeps its room for amounts in the millions.
    names, label_width = _chart_labels([r.label for r in reversed(rows)], most=160)
    lines = max(name.count("\n") + 1 for name in names)
    row_height = max(16, lines * (LABEL_SIZE + 1.5) + 4)
    bar_area = row_height * len(rows)
    height = bar_area + 60
    drawing = Drawing(flow.width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 10, 30
    chart.width, chart.height = flow.width - chart.x - 20, bar_area
    budget = [int(r.budget * 100) for r in reversed(rows)]
    actual = [max(int(r.actual * 100), 0) for r in reversed(rows)]
    chart.data = [budget, actual] if with_budget else [actual]
    steps = _axis_steps(max(budget + actual + [100]))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, steps[-1]
    chart.valueAxis.valueSteps = steps
    chart.valueAxis.labelTextFormat = lambda cents: whole_euros(int(cents) // 100)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    if with_budget:
        chart.bars[0].fillColor, chart.bars[1].fillColor = BUDGET_COLOUR, ACTUAL_COLOUR
    else:
        chart.bars[0].fillColor = ACTUAL_COLOUR
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 1, 4
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = flow.width - 190, height - 8
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = ([(BUDGET_COLOUR, _("Budget"))] if with_budget else []) + [(ACTUAL_COLOUR, _("Actual"))]
    drawing.add(legend)
    drawing.add(String(0, height - 12, title, fontName=FONT, fontSize=10))
    flow.ensure(height)
    renderPDF.draw(drawing, flow.canvas, flow.x, flow.y - height)
    flow.y -= height + 8


SIGNATURE_HEIGHT = 70  # what signature_lines takes


def signature_lines(flow: PageFlow, roles: list[str]) -> None:
    """'Name, date, signature' boxes side by side for the given roles."""
    c = flow.canvas
    height = SIGNATURE_HEIGHT
    flow.ensure(height)
    width = flow.width / max(len(roles), 1)
    top = flow.y
    for i, role in enumerate(roles):
        x = flow.x + i * width
        c.setFont(FONT, 9)
        c.setFillColor(colors.black)
        c.drawString(x, top - 10, role)
        c.setFillColor(MUTED)
        c.setFont(FONT, 7.5)
        for n, what in enumerate((_("Name"), _("Date"), _("Signature"))):
            y = top - 26 - n * 16
            c.drawString(x, y + 2, what)
            c.setStrokeColor(RULE)
            c.line(x + 45, y, x + width - 12, y)
    c.setFillColor(colors.black)
    flow.y = top - height


def write_lines(flow: PageFlow, count: int, label: str = "") -> None:
    """Empty ruled lines to write on (findings, remarks)."""
    c = flow.canvas
    if label:
        flow.paragraph(label, size=9)
    for _i in range(count):
        flow.ensure(18)
        c.setStrokeColor(RULE)
        c.line(flow.x, flow.y - 14, flow.x + flow.width, flow.y - 14)
        flow.y -= 18
    flow.space(6)


def checkbox_line(flow: PageFlow, text: str) -> None:
    c = flow.canvas
    lines = simpleSplit(text, FONT, 9, flow.width - 14)
    flow.ensure(4 + 12 * len(lines))
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    c.rect(flow.x, flow.y - 11, 8, 8, stroke=1, fill=0)
    c.setFont(FONT, 9)
    c.setFillColor(colors.black)
    for n, line in enumerate(lines):
        c.drawString(flow.x + 14, flow.y - 10 - 12 * n, line)
    flow.y -= 4 + 12 * len(lines)
