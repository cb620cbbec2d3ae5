"""The frozen build keeps only our languages' Babel locale data (installer/huurdersgroep.spec);
every locale the app formats with, and each CLDR parent it inherits from, must be among them, or
every document fails in the installed program only ('unknown locale')."""
from __future__ import annotations

import re
from pathlib import Path

from babel.core import get_global

from huurdersgroep_app import i18n

SPEC = Path(__file__).resolve().parents[1] / "installer" / "huurdersgroep.spec"


def kept_pattern() -> re.Pattern:
    match = re.search(r'BABEL_KEEP = re\.compile\(r"(.+)"\)', SPEC.read_text(encoding="utf-8"))
    assert match, "BABEL_KEEP not found in the spec"
    return re.compile(match.group(1))


def with_parents(locale: str) -> list[str]:
    parents = get_global("parent_exceptions")
    chain = [locale]
    while locale != "root":
        locale = parents.get(locale) or ("_".join(locale.split("_")[:-1]) or "root")
        chain.append(locale)
    return chain


def test_the_frozen_build_keeps_every_locale_the_app_formats_with():
    keep = kept_pattern()
    used = {i18n.babel_locale(lang) for lang in i18n.SUPPORTED_LANGUAGES}
    used |= {i18n.date_locale(lang) for lang in i18n.SUPPORTED_LANGUAGES}
    missing = sorted({loc for start in used for loc in with_parents(start)
                      if not keep.search(f"babel/locale-data/{loc}.dat")})
    assert missing == []


def test_the_check_sees_a_locale_that_is_left_out():
    assert not kept_pattern().search("babel/locale-data/de_DE.dat")
    assert "en_001" in with_parents("en_GB")
