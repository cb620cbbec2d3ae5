"""The source notes of the rule profiles are translated like the code: every note is in the
template under the 'rule note' context, and the services show a note in the user's language."""
from __future__ import annotations

import tomllib

import pytest

from huurdersgroep_app import i18n, i18n_tools, paths
from huurdersgroep_app.core.rules.profiles import REGIONS
from huurdersgroep_app.core.services.funding import rule_values
from huurdersgroep_app.core.rules import load_profile


def profile_notes(region: str) -> set[str]:
    """Every note of a profile, found independently of i18n_tools: any string value whose key is
    'note' or ends in '_note', at any depth (tables, arrays of tables)."""
    found: set[str] = set()

    def walk(data):
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, str) and (key == "note" or key.endswith("_note")):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(data, list):
            for value in data:
                walk(value)

    with open(paths.RULES_DIR / f"{region}.toml", "rb") as f:
        walk(tomllib.load(f))
    return found


@pytest.fixture(scope="module")
def extracted():
    return i18n_tools.extract()


@pytest.mark.parametrize("region", REGIONS)
def test_every_note_of_every_profile_is_in_the_template(extracted, region):
    notes = profile_notes(region)
    assert len(notes) > 10
    missing = [note for note in notes if extracted.get(note, context=i18n.RULE_NOTE_CONTEXT) is None]
    assert missing == []
    profile_note = load_profile(region).data["profile"]["note"]
    message = extracted.get(profile_note, context=i18n.RULE_NOTE_CONTEXT)
    assert any(path == f"resources/rules/{region}.toml" for path, _line in message.locations)


def test_a_note_points_to_its_profile_and_line(extracted):
    note = load_profile("nederland").note("advice", "advice_weeks")
    message = extracted.get(note, context=i18n.RULE_NOTE_CONTEXT)
    path, line = next(loc for loc in message.locations if loc[0] == "resources/rules/nederland.toml")
    assert note in (paths.RULES_DIR / "nederland.toml").read_text(encoding="utf-8").splitlines()[line - 1]


@pytest.mark.parametrize("lang", ("nl_BE", "fr_BE"))
@pytest.mark.parametrize("region", REGIONS)
def test_every_note_is_translated_in_dutch_and_french(region, lang):
    catalog = i18n_tools.read_catalog(lang)
    untranslated = [note for note in profile_notes(region)
                    if not (catalog.get(note, context=i18n.RULE_NOTE_CONTEXT) or None)
                    or not catalog.get(note, context=i18n.RULE_NOTE_CONTEXT).string]
    assert untranslated == []


def test_the_allowance_cap_note_is_shown_in_the_users_language():
    profile = load_profile("vlaanderen")
    english = rule_values.allowance_caps(profile, 2026).note
    assert "taxable" in english
    i18n.set_language("nl_BE")
    dutch = rule_values.allowance_caps(profile, 2026).note
    assert "taxable" not in dutch and "1.760,83" in dutch
    i18n.set_language("fr_BE")
    french = rule_values.allowance_caps(profile, 2026).note
    assert "taxable" not in french and "1.760,83" in french


def test_a_note_without_translation_stays_as_written():
    i18n.set_language("nl_BE")
    assert i18n.rule_note("The group's own words.") == "The group's own words."
    assert i18n.rule_note("") == ""
