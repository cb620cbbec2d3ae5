"""The year plan and the activity report in French (issue 9): a colon after a label takes its space
('Formation : 400,00 €', '11/03/2025 : Assemblée générale'); the f-strings wrote 'Formation: 400,00 €'."""
from __future__ import annotations

import re

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
from huurdersgroep_app.core.documents.funding.year_plan import write_year_plan

import pdf_layout
from funding_demo import TODAY


@pytest.mark.parametrize("kind", ["year-plan", "activity-report"])
def test_no_colon_without_its_space_in_french(demo, tmp_path, kind):
    out = tmp_path / f"{kind}.pdf"
    with demo.reading() as s, i18n.language("fr_BE"):
        if kind == "year-plan":
            write_year_plan(s, TODAY.year + 1, out, today=TODAY)
        else:
            write_activity_report(s, TODAY.year - 1, out, today=TODAY)
    lines = [line.text for line in pdf_layout.lines(out)]
    text = "\n".join(lines)
    assert " : " in text  # the labels are there
    # a date or a budget line before the colon, an amount after it (the demo's own Dutch texts aside)
    assert not [line for line in lines if re.search(r"\d{4}: |\S: \d", line)], text
