"""The compliance evidence in French (issue 9): '… le 2 avr. 2025 : Bewonersblad …', '3 membres du
conseil au 31 déc. 2025 ; tous locataires' — the colons and semicolons between our words take the
language's no-break space; f-strings and '; ' joins wrote them without it in every language. The
group's own notes come after a colon of ours, so the first colon is ours."""
from __future__ import annotations

from datetime import date

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.funding.compliance import check_all

from demo_files import demo_copy


@pytest.fixture(scope="module")
def evidence(tmp_path_factory) -> list[str]:
    """The demo's compliance evidence of 2024, in French."""
    path = tmp_path_factory.mktemp("evidence") / "demo.sqlite"
    db = Database(demo_copy(path, seed=5, today=date(2025, 11, 20)), backup_on_close=False)
    try:
        with db.reading() as s, i18n.language("fr_BE"):
            return [r.evidence for report in check_all(s, 2024, today=date(2025, 11, 20)) for r in report.results]
    finally:
        db.close()

def test_the_first_colon_of_each_evidence_has_its_space_in_french(evidence):
    with_colon = [e for e in evidence if ":" in e]
    assert len(with_colon) >= 3
    assert [e for e in with_colon if e[e.index(":") - 1] != "\u00a0"] == []


def test_the_parts_of_an_evidence_are_joined_the_french_way(evidence):
    """'5 membres du conseil au 31 déc. 2024 ; tous locataires ; …': the '; ' joins of the checks had no
    space before the semicolon."""
    joined = [e for e in evidence if ";" in e]
    assert len(joined) >= 3
    # the group's own notes (after 'confirmé le …') are theirs to punctuate
    parts = [part for e in joined for part in e.split("\u00a0; ") if not part.startswith("confirmé le")]
    assert len(parts) > len(joined)
    assert [part for part in parts if ";" in part] == []
