"""The funding dossier's cover letter as the funder reads it: the list of what the dossier holds stands
apart from the paragraph after it. Checked on the positions pdfplumber reads from the PDF."""
from __future__ import annotations

from datetime import date

import pdf_layout
from huurdersgroep_app.core.documents.funding.cover_letter import write_cover_letter
from huurdersgroep_app.core.services.funding.funders import funder_rows


def test_the_paragraph_after_the_contents_list_is_set_apart_from_it(demo, tmp_path):
    path = tmp_path / "cover.pdf"
    contents = ["Financial report 2024", "Activity report 2024", "Minutes of the annual meeting"]
    with demo.reading() as s:
        funder = funder_rows(s)[0].id
        write_cover_letter(s, 2024, funder, path, contents=contents, today=date(2025, 11, 20))
    lines = [line for line in pdf_layout.lines(path) if line.page == 1]
    texts = [line.text for line in lines]
    first = next(i for i, t in enumerate(texts) if t.endswith(contents[0]))
    last = next(i for i, t in enumerate(texts) if t.endswith(contents[-1]))
    after = lines[last + 1]
    item_gap = lines[first + 1].top - lines[first].top  # from one item to the next
    # The next paragraph begins lower than one more item would (it ran on as if it were one).
    assert after.top - lines[last].top > item_gap + 2, (texts[last], after.text)
