"""The budget chart of the financial report and budget vs actual: a category's name is printed whole
(it was cut at 32 characters: "Lidmaatschap koepel / huurdersbo"), inside the page, and never over
another name."""
from __future__ import annotations

from decimal import Decimal

from huurdersgroep_app.core.documents.base import DocumentInfo, Letterhead
from huurdersgroep_app.core.documents.finance.common import draw_budget_chart
from huurdersgroep_app.core.documents.tables import write_document
from huurdersgroep_app.core.services.finance.figures import CategoryFigure

from pdf_layout import overlapping, words

LONG = "Lidmaatschap koepel / huurdersbond Vlaanderen en regionale steunpunten"


def _figure(i: int, label: str) -> CategoryFigure:
    return CategoryFigure(category_id=i, code=f"C{i}", label=label, kind="expense", budget=Decimal("500.00"),
                          actual=Decimal("420.00"))


def test_long_category_names_stand_whole_in_the_chart(tmp_path):
    rows = [_figure(1, "Vergaderzalen"), _figure(2, LONG), _figure(3, "Verzekeringen")]
    target = tmp_path / "chart.pdf"
    write_document(target, DocumentInfo(letterhead=Letterhead(name="Groep"), title="Chart"),
                   lambda flow: draw_budget_chart(flow, rows, title="Uitgaven"))
    found = words(target)
    printed = [w["text"] for _, w in found]
    for word in LONG.split():
        assert word in printed, (word, printed)
    page_width = 595
    assert all(0 <= w["x0"] and w["x1"] <= page_width for _, w in found)
    assert overlapping(target) == []
