"""The members per complex in French (issue 9): one word for a complex and one for the reach. The
table said 'Site' and 'Taux d'adhésion' while the note under it spoke of 'La portée' and 'ensemble'
('… d'un ensemble … 2 membres n'ont pas d'ensemble'), and the dossier listed 'Membres par site' over
a part titled 'Membres par ensemble'."""
from __future__ import annotations

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report

from funding_demo import TODAY


def test_the_reach_note_uses_the_tables_words(demo, tmp_path, text_of):
    out = tmp_path / "rapport.pdf"
    with demo.reading() as s, i18n.language("fr_BE"):
        write_activity_report(s, TODAY.year - 1, out, today=TODAY)
        title = i18n._("Members per complex {year}").format(year=2025)
    text = " ".join(text_of(out).split())
    assert "Site Logements Membres Taux d'adhésion" in text
    assert "Le taux d'adhésion ne compte que les" in text and "d'un site dont" in text
    assert "portée" not in text and "d'un ensemble" not in text
    assert title == "Membres par site 2025"
