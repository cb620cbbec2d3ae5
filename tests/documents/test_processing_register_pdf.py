"""The register of processing activities: each activity's lines stay on one page with its heading."""
from __future__ import annotations

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.privacy.processing_register import write_processing_register
from huurdersgroep_app.core.services.privacy.register import processing_activities

import pdf_layout


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE", "en"])
def test_no_activity_is_split_over_two_pages(db, tmp_path, lang):
    # 'Dues, payments and allowances' had What, Why and Ground on page 1, How long on page 2.
    out = tmp_path / "register.pdf"
    with db.reading() as s, i18n.language(lang):
        write_processing_register(s, out)
        names = [a.name for a in processing_activities(s)]
        last_label = i18n._("Records now")
    lines = pdf_layout.lines(out)
    for name in names:
        at = next(n for n, line in enumerate(lines) if line.text == name)
        end = next(n for n in range(at, len(lines)) if lines[n].text.startswith(last_label))
        assert lines[at].page == lines[end].page, (name, lines[at].page, lines[end].page)
