"""Catalog maintenance (developer tool, not used at run time).

    python -m huurdersgroep_app.i18n_tools extract   # translations/messages.pot from the code
    python -m huurdersgroep_app.i18n_tools update    # merge new msgids into every .po
    python -m huurdersgroep_app.i18n_tools compile   # build .mo files (not committed)
    python -m huurdersgroep_app.i18n_tools missing nl_BE   # list untranslated messages
"""
from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from huurdersgroep_app import paths
from huurdersgroep_app.i18n import RULE_NOTE_CONTEXT, SUPPORTED_LANGUAGES

KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
POT = paths.TRANSLATIONS_DIR / "messages.pot"
CATALOG_LANGUAGES = tuple(lang for lang in SUPPORTED_LANGUAGES if lang != "en")  # source strings are English


def extract() -> Catalog:
    catalog = Catalog(project="huurdersgroep_app", charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
            str(paths.PACKAGE_DIR), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
        if filename.endswith("i18n_tools.py"):
            continue
        catalog.add(message, locations=[(f"huurdersgroep_app/{filename}", lineno)], auto_comments=comments,
                    context=context)
    for location, lineno, note in rule_notes():
        catalog.add(note, locations=[(location, lineno)], context=RULE_NOTE_CONTEXT)
    return catalog


def _notes_in(data) -> Iterator[str]:
    """Every ``note`` / ``*_note`` string of a parsed profile, in tables and arrays of tables alike."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (key == "note" or key.endswith("_note")):
                yield value
            else:
                yield from _notes_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from _notes_in(value)


def rule_notes() -> Iterator[tuple[str, int, str]]:
    """(location, line, note) of the source notes of the rule profiles: they are shown to the user
    (Settings, Rules; the retention and allowance screens), so they are translated like the code."""
    for path in sorted(paths.RULES_DIR.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for note in _notes_in(tomllib.loads(text)):
            # The line that holds the note, for the translator's reference (0 if written unusually).
            lineno = next((i for i, line in enumerate(lines, 1) if note in line), 0)
            yield f"resources/rules/{path.name}", lineno, note


def read_catalog(lang: str) -> Catalog:
    path = paths.TRANSLATIONS_DIR / f"{lang}.po"
    if not path.exists():
        return Catalog(locale=lang)
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def write_catalog(catalog: Catalog, path: Path) -> None:
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False, omit_header=False, include_previous=False)


def update() -> None:
    template = extract()
    write_catalog(template, POT)
    for lang in CATALOG_LANGUAGES:
        catalog = read_catalog(lang)
        # nl_NL only holds what differs from nl_BE: new msgids are not added there.
        if lang == "nl_NL":
            continue
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        write_catalog(catalog, paths.TRANSLATIONS_DIR / f"{lang}.po")


def compile_all() -> None:
    for lang in CATALOG_LANGUAGES:
        po = paths.TRANSLATIONS_DIR / f"{lang}.po"
        if po.exists():
            with (paths.TRANSLATIONS_DIR / f"{lang}.mo").open("wb") as f:
                write_mo(f, read_catalog(lang))


def missing(lang: str) -> list[str]:
    catalog = read_catalog(lang)
    done = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and m.string and
            (m.string if isinstance(m.string, str) else all(m.string))}
    result = []
    for message in extract():
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key and key not in done:
            result.append(key)
    return result


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "extract":
        write_catalog(extract(), POT)
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "missing":
        for message in missing(argv[1] if len(argv) > 1 else "nl_BE"):
            print(message)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
