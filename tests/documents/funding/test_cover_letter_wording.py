"""The demo's cover letter to the funder (issue 9): the year's note adds to the letter instead of
repeating its closing ('Voor vragen … bij onze secretaris.' stood above 'Voor vragen staan wij graag
ter beschikking.')."""
from __future__ import annotations

import re
from datetime import date

from pypdf import PdfReader

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.funding.cover_letter import write_cover_letter
from huurdersgroep_app.core.services.funding.funders import funder_rows

from funding_demo import TODAY


def test_the_demos_cover_letter_says_whom_to_ask_once(demo, tmp_path):
    path = tmp_path / "cover.pdf"
    with demo.reading() as s, i18n.language("nl_BE"):
        funder = funder_rows(s)[0].id
        write_cover_letter(s, TODAY.year - 1, funder, path, today=date(2025, 11, 20))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())
    assert "bewonersblad" in text  # the demo's note is in the letter
    assert len(re.findall(r"[Vv]oor vragen", text)) == 1, text
