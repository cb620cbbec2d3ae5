"""The privacy statement (issue 9) in French: each line of its lists is 'label : text', with French
typography's (no-break) space before the colon, as everywhere else in the French documents."""
from __future__ import annotations

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.privacy.statement import write_privacy_statement

import pdf_layout


@pytest.mark.parametrize("lang, line", [("fr_BE", "• Gestion des membres : "), ("nl_BE", "• Ledenadministratie: "),
                                        ("en", "• Member administration: ")])
def test_each_activity_is_followed_by_the_languages_colon(db, tmp_path, lang, line):
    out = tmp_path / "privacy.pdf"
    with db.reading() as s, i18n.language(lang):
        write_privacy_statement(s, out)
        name = _activity_name(s)
    lines = [found.text for found in pdf_layout.lines(out)]
    assert any(text.startswith(line) for text in lines), [t for t in lines if t.startswith("•")][:3]
    assert name in line


def _activity_name(session) -> str:
    from huurdersgroep_app.core.services.privacy.register import processing_activities

    return processing_activities(session)[0].name


@pytest.mark.parametrize("name", ["Huurdersgroep De Vlasbloem", "Huurdersgroep De Linde", "Bewonersgroep Zuid",
                                  "Huurdersvereniging Het Lange Veld en Omstreken"])
def test_the_groups_phone_number_and_city_stay_on_one_line(db, tmp_path, name):
    # 'You can reach us at: …· 056 61' ended a line, '54 55.' began the next.
    from huurdersgroep_app.core.services import organisation

    with db.transaction() as s:
        organisation.update_organisation(s, organisation.OrganisationInput(
            name=name, region="vlaanderen", street="Zwingelaarsstraat", house_number="14", postcode="8500",
            city="Kortrijk", email="info@devlasbloem.example", phone="056 61 54 55"))
    out = tmp_path / "privacy.pdf"
    with db.reading() as s, i18n.language("nl_BE"):
        write_privacy_statement(s, out)
    texts = [found.text for found in pdf_layout.lines(out)]
    reach = next(n for n, text in enumerate(texts) if "is verantwoordelijk" in text)
    sentence = " ".join(texts[reach:reach + 3])
    assert "056 61 54 55" in sentence
    assert any("056 61 54 55" in text for text in texts[reach:reach + 3])
    assert any("8500 Kortrijk" in text for text in texts[reach:reach + 3])
