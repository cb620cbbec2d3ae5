"""The translation catalogs: complete where they must be, faithful to placeholders and plurals,
compilable, the Netherlands' words in nl_NL, fr_BE covering the main window and members area,
and Babel's formats for dates and amounts."""
from __future__ import annotations

import gettext
import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from huurdersgroep_app import i18n, i18n_tools, paths

CATALOGS = ("nl_BE", "nl_NL", "fr_BE")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

# Words a Flemish reader expects and a Dutch reader would not use (DESIGN §3): nl_NL must say
# these differently wherever nl_BE uses them.
FLEMISH_ONLY = {
    "huurdersgroep": r"huurdersgroep",
    # the Netherlands: (huurders)organisatie, bewonerscommissie. Not 'werkgroep' (a working group)
    # nor 'gegroepeerd' (grouped), which both regions use.
    "groep": r"(?<!werk)(?<!ge)groep(?!eerd)",
    "woonmaatschappij": r"woonmaatschappij",
    "kwijting": r"kwijting",
    "GSM": r"\bGSM\b",
    "jaarvergadering": r"jaarvergadering",
    "verantwoordingsmoment": r"verantwoordingsmoment",
    "werkingsmiddelen": r"werkingsmiddelen",
    "bus (house number box)": r"\bbus\b",
    "gemeente (place of residence)": r"\bgemeente\b",
    "wijk": r"\bwijk(en)?\b",
    "familienaam": r"familiena+m",  # familienaam, familienamen
    "mandaat": r"manda+t",  # (bestuurs)mandaat, mandaten
    "ondernemingsnummer": r"ondernemings",
    "rekenblad": r"rekenblad",
    "hoofding": r"hoofding",
    "aangeduid": r"aangeduid",
    "gecontacteerd": r"gecontacteerd",
    # issue 9: the Netherlands says Tijd, contributie, rente, woningbezit, gecontroleerd, uiterlijk {date}
    # and 'beginnen met' ('uur' in '19 uur' is Dutch in both: only the label and 'geldig uur' are Flemish).
    "uur (time of day)": r"^uur\b|\bgeldig uur\b",
    "lidgeld": r"lidgeld",
    "intresten": r"intrest",
    "patrimonium": r"patrimonium",
    "nagekeken": r"nagekeken",
    "tegen {date} (by a date)": r"\btegen \{date\}",
    "vertrekken van (start from)": r"vertrekken van",
    # the Netherlands: (bank)afschrift, controleren (the audit pack and the bank import said 'uittreksel', 'nakijken')
    "uittreksel": r"uittreksel",
    "nakijken": r"nakijk",
    # the Netherlands: transactie / mutatie, in plaats daarvan, regels (of a statement)
    "verrichting": r"verrichting",
    "in de plaats van": r"in de plaats (daar)?van",
    "lijnen van (lines of)": r"\blijnen van\b",
    # the Netherlands: het afgelopen jaar, de benoeming (a Dutch group's annual-meeting agenda read
    # 'Activiteitenverslag van het voorbije jaar' and 'Aanstelling van de kascommissie')
    "voorbije (past)": r"\bvoorbije\b",
    "aanstelling": r"aanstelling",
}
# Messages about a Belgian thing (a Belgian address's box, a Belgian enterprise number) keep the
# Belgian word in every Dutch: their context starts with 'Belgian'.
BELGIAN_CONTEXT = "Belgian "
# A formal salutation may leave the name out where the language does ('Madame,' for 'Dear Ms {name},').
NAME_MAY_BE_LEFT_OUT = ("letter salutation",)

# The GUI modules and services fr_BE must cover completely (issue 2, point 8).
FR_BE_FILES = (
    "ui/shell/main_window.py", "ui/shell/app.py", "ui/pages.py", "ui/members/page.py", "ui/members/model.py",
    "ui/kit/table_model.py", "ui/overview/page.py", "ui/members/member_dialog.py", "ui/shell/welcome.py",
    "core/services/members/members.py", "core/services/validation.py", "core/services/names.py",
)


def po_path(lang: str) -> Path:
    return paths.TRANSLATIONS_DIR / f"{lang}.po"


def load(lang: str):
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, abort_invalid=True)


def key(context: str | None, msgid: str) -> str:
    """A message's key as gettext stores it: 'context\x04msgid' for a message with a context, so
    'Closing' of a balance and 'Closing' of a meeting are two messages here too."""
    return f"{context}\x04{msgid}" if context else msgid


def messages(lang: str):
    """(key, msgid_plural or None, [translations]) of every message but the header."""
    for m in load(lang):
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            yield key(m.context, m.id[0]), m.id[1], list(m.string)
        else:
            yield key(m.context, m.id), None, [m.string]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def raw_msgids(path: Path) -> list[tuple[str, str]]:
    """(msgctxt, msgid) of every entry as written in the file, so duplicates are seen (a parser
    would silently keep only one of them)."""
    entries, context, current, field = [], "", None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgid_plural") or keyword.startswith("msgstr"):
            if field == "msgid" and keyword != "msgid":
                entries.append((context, current))
                context = ""
            field = keyword
            if keyword == "msgctxt":
                context = ""
            if keyword == "msgid":
                current = ""
            rest = rest.strip()
        elif line.startswith('"'):
            rest = line
        else:
            continue
        text = rest[1:-1] if rest.startswith('"') else ""
        if field == "msgid":
            current += text
        elif field == "msgctxt":
            context += text
    return [entry for entry in entries if entry[1]]


# -- completeness, parsing, compiling --------------------------------------------------------------
def test_nl_be_translates_every_message_in_the_code():
    assert i18n_tools.missing("nl_BE") == []


def test_the_template_is_up_to_date_with_the_code():
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in i18n_tools.extract() if m.id}
    with i18n_tools.POT.open("rb") as f:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert extracted - template == set(), "run: python -m huurdersgroep_app.i18n_tools update"


@pytest.mark.parametrize("lang", CATALOGS)
def test_catalog_parses_with_a_valid_header(lang):
    catalog = load(lang)
    assert str(catalog.locale) == lang
    assert catalog.mime_headers and dict(catalog.mime_headers)["Language"] == lang
    assert catalog.plural_forms.startswith("nplurals=2;")
    assert not catalog.fuzzy
    assert all("fuzzy" not in m.flags for m in catalog if m.id), "fuzzy entries are not used at run time"


@pytest.mark.parametrize("lang", CATALOGS)
def test_no_duplicate_msgids(lang):
    entries = raw_msgids(po_path(lang))
    seen, duplicates = set(), []
    for entry in entries:
        if entry in seen:
            duplicates.append(entry)
        seen.add(entry)
    assert duplicates == []
    assert len(entries) == len(load(lang))  # the file's own count of entries matches the reader's


def test_the_duplicate_check_sees_a_duplicate(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Members"\nmsgstr "Leden"\n\n'
                  'msgid ""\n"Mem"\n"bers"\nmsgstr "Leden"\n', encoding="utf-8")
    assert raw_msgids(po) == [("", "Members"), ("", "Members")]


@pytest.mark.parametrize("lang", CATALOGS)
def test_catalog_compiles_to_a_working_mo(lang):
    catalog = load(lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    compiled = gettext.GNUTranslations(buffer)
    for m in load(lang):
        if not m.id:
            continue
        msgid, plural = (m.id if isinstance(m.id, tuple) else (m.id, None))
        strings = list(m.string) if plural else [m.string]
        if not all(strings):
            continue  # untranslated: gettext gives the English source
        if m.context:  # one English word, several meanings: each its own message
            assert compiled.pgettext(m.context, msgid) == strings[0]
        elif plural is None:
            assert compiled.gettext(msgid) == strings[0]
        else:
            assert compiled.ngettext(msgid, plural, 1) == strings[0]
            assert compiled.ngettext(msgid, plural, 5) == strings[1]


# -- placeholders and plurals ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", CATALOGS)
def test_translations_keep_the_placeholders_of_their_msgid(lang):
    wrong = []
    for msgid, plural, strings in messages(lang):
        sources = [msgid] if plural is None else [msgid, plural]
        may_drop = msgid.partition("\x04")[0] in NAME_MAY_BE_LEFT_OUT
        for source, text in zip(sources, strings, strict=False):
            if text and placeholders(text) != placeholders(source) and not (
                    may_drop and placeholders(text) < placeholders(source)):
                wrong.append((source, text))
    assert wrong == []


def test_the_placeholder_check_sees_a_renamed_placeholder():
    assert placeholders("{count} leden in {complex}") != placeholders("{count} members in {name}")
    assert placeholders("'{value}' is geen datum") == placeholders("'{value}' is not a date")


@pytest.mark.parametrize("lang", CATALOGS)
def test_plural_messages_have_both_forms(lang):
    incomplete = [msgid for msgid, plural, strings in messages(lang)
                  if plural is not None and any(strings) and not (len(strings) == 2 and all(strings))]
    assert incomplete == []


@pytest.mark.parametrize("lang", CATALOGS)
def test_menu_accelerators_survive_translation(lang):
    for msgid, _plural, strings in messages(lang):
        if re.search(r"&\w", msgid):
            assert all(len(re.findall(r"&\w", text)) == 1 for text in strings if text), msgid


def test_menu_bar_accelerators_differ_in_every_language():
    for lang in CATALOGS + ("en",):
        with i18n.language(lang):
            keys = [re.search(r"&(\w)", i18n._(title)).group(1).casefold() for title in ("&Group", "&Help")]
        assert len(set(keys)) == len(keys), lang


# -- nl_NL: the Netherlands' words, nl_BE for the rest ---------------------------------------------
# Messages where a word of the list means something both regions say that way: the municipality
# as an organisation ('gemeente'), a group of signals about one problem ('groep').
SAME_WORD_IN_BOTH = {
    "Municipality", "Municipal subsidy", "Smallest group", "Groups of signals", "Show groups of at least",
    "Make an advice of this group…",
    "The landlord, the municipality, the tenants' union, a welfare service … Its people are added separately, "
    "with their department and role.",
    "No {n} or more unfinished signals about the same problem in one complex. Choose a smaller number to see "
    "smaller groups.",
}


def flemish_words(text: str, msgid: str) -> list[str]:
    """The Flemish-only words a translation adds (a word already in the English msgid, like the
    command name 'huurdersgroep', is not a translation choice)."""
    if msgid in SAME_WORD_IN_BOTH or msgid.startswith(BELGIAN_CONTEXT):
        return []
    return [name for name, pattern in FLEMISH_ONLY.items()
            if len(re.findall(pattern, text, re.I)) > len(re.findall(pattern, msgid, re.I))]


def test_the_flemish_word_check_finds_flemish_words():
    assert flemish_words("Lid wijzigen: telefoon/GSM en bus", "x") == ["GSM", "bus (house number box)"]
    assert flemish_words("Uur", "Time") == ["uur (time of day)"]
    assert flemish_words("'{value}' is geen geldig uur.", "x") == ["uur (time of day)"]
    assert flemish_words("Om 19 uur in het buurthuis", "x") == []
    assert flemish_words("Lidgeld {year}", "x") == ["lidgeld"]
    assert flemish_words("Intresten", "x") == ["intresten"]
    assert flemish_words("Het hele patrimonium", "x") == ["patrimonium"]
    assert flemish_words("Nagekeken op", "x") == ["nagekeken"]
    assert flemish_words("de kascommissie wanneer ze de boeken nakijkt", "x") == ["nakijken"]
    assert flemish_words("Laat het ons tegen {date} weten", "x") == ["tegen {date} (by a date)"]
    assert flemish_words("voor {f}, tegen {a}", "x") == []
    assert flemish_words("Vertrekken van vorig jaar", "x") == ["vertrekken van (start from)"]
    assert flemish_words("Laatste rekeninguittreksel", "x") == ["uittreksel"]
    assert flemish_words("Financieel verslag van het voorbije jaar", "x") == ["voorbije (past)"]
    assert flemish_words("Het jaar is nog niet voorbij.", "x") == []
    assert flemish_words("Aanstelling van de kascommissie", "x") == ["aanstelling"]
    assert flemish_words("Opnieuw nakijken", "x") == ["nakijken"]
    assert flemish_words("Het bestand bevat geen verrichtingen.", "x") == ["verrichting"]
    assert flemish_words("geen enkele bankverrichting", "x") == ["verrichting"]
    assert flemish_words("Haal in de plaats daarvan het afschrift op", "x") == ["in de plaats van"]
    assert flemish_words("De lijnen van uittreksel {id}", "x") == ["uittreksel", "lijnen van (lines of)"]
    # a Belgian address keeps its 'bus' in a Dutch letter; the same word elsewhere is Flemish
    assert flemish_words("bus {box}", key("Belgian address", "box {box}")) == []
    assert flemish_words("bus {box}", "box {box}") == ["bus (house number box)"]
    assert flemish_words("huurdersgroep: {problem}", "huurdersgroep: {problem}") == []
    assert flemish_words("Het bestuur van de huurdersorganisatie", "x") == []


def test_nl_nl_replaces_every_flemish_word():
    netherlands = {msgid: strings for msgid, _plural, strings in messages("nl_NL")}
    problems = []
    for msgid, _plural, strings in messages("nl_BE"):
        if not any(flemish_words(text, msgid) for text in strings):
            continue
        if msgid not in netherlands:
            problems.append(("no nl_NL entry", msgid))
        elif any(flemish_words(text, msgid) for text in netherlands[msgid]):
            problems.append(("still Flemish", msgid))
    assert problems == []


def test_nl_nl_holds_only_messages_of_nl_be_that_differ():
    flanders = {msgid: strings for msgid, _plural, strings in messages("nl_BE")}
    for msgid, _plural, strings in messages("nl_NL"):
        assert msgid in flanders, msgid
        assert all(strings) and strings != flanders[msgid], msgid


def test_nl_nl_at_run_time_uses_its_own_words_and_falls_back_to_nl_be():
    flanders = {msgid: (plural, strings) for msgid, plural, strings in messages("nl_BE")}
    netherlands = {msgid: (plural, strings) for msgid, plural, strings in messages("nl_NL")}
    assert len(netherlands) >= 50 and len(flanders) - len(netherlands) >= 200
    i18n.set_language("nl_NL")
    assert i18n._("Tenant group") == "Huurdersorganisatie"
    assert i18n._("Members") == flanders["Members"][1][0] == "Leden"  # a neutral word: nl_BE's
    for msgid, (plural, strings) in flanders.items():
        expected = netherlands.get(msgid, (plural, strings))[1]
        if plural is None:
            assert i18n._(msgid) == expected[0], msgid
        else:
            assert i18n.ngettext(msgid, plural, 1) == expected[0], msgid
            assert i18n.ngettext(msgid, plural, 3) == expected[1], msgid
    i18n.set_language("nl_BE")
    assert i18n._("Tenant group") == "Huurdersgroep"


# -- fr_BE -----------------------------------------------------------------------------------------
def test_fr_be_covers_the_main_window_members_area_and_member_services():
    french = {msgid: strings for msgid, _plural, strings in messages("fr_BE")}
    untranslated = []
    for name in FR_BE_FILES:
        path = paths.PACKAGE_DIR / name
        assert path.exists(), name
        for _line, message, _comments, context in extract_from_file(
                "python", str(path), keywords=i18n_tools.KEYWORDS):
            msgid = key(context, message if isinstance(message, str) else message[0])
            if msgid and not (french.get(msgid) and all(french[msgid])):
                untranslated.append((name, msgid))
    assert untranslated == []


def test_fr_be_at_run_time():
    i18n.set_language("fr_BE")
    assert i18n._("Members") == "Membres"
    assert i18n.ngettext("{count} member", "{count} members", 1).format(count=1) == "1 membre"
    assert i18n.ngettext("{count} member", "{count} members", 2).format(count=2) == "2 membres"
    # French counts 0 as singular.
    assert i18n.ngettext("{count} member", "{count} members", 0).format(count=0) == "0 membre"


def test_french_counts_agree_without_a_bracketed_plural():
    # "{old} déjà enregistrée(s)" is the English way round a number; French writes the count after a
    # noun that is plural anyway ("lignes déjà enregistrées : {old}"), or uses ngettext.
    for msgid, _plural, strings in messages("fr_BE"):
        for text in strings:
            assert "(s)" not in text, (msgid, text)


def test_french_punctuation_keeps_its_no_break_space():
    for msgid, _plural, strings in messages("fr_BE"):
        for text in strings:
            assert not re.search(r" [:;?!»]|« ", text), (msgid, text)


# -- dates and amounts -----------------------------------------------------------------------------
def test_money_in_flemish_dutch_and_belgian_french():
    # Babel puts a no-break space between the sign and the amount (so they never part at a line end).
    assert i18n.format_money(Decimal("1234.56"), lang="nl_BE") == "€\u00a01.234,56"
    assert i18n.format_money(Decimal("1234.56"), lang="nl_NL") == "€\u00a01.234,56"
    # French groups thousands with a narrow no-break space.
    assert i18n.format_money(Decimal("1234.56"), lang="fr_BE") == "1\u202f234,56\u00a0€"
    assert i18n.format_money(Decimal("-0.05"), lang="nl_BE") == "€\u00a0-0,05"
    assert i18n.format_money(None) == ""


def test_dates_in_flanders_and_the_netherlands():
    day = date(2024, 3, 5)
    assert i18n.format_date(day, "long", lang="nl_BE") == "5 maart 2024"
    assert i18n.format_date(day, "short", lang="nl_BE") == "05/03/2024"
    assert i18n.format_date(day, "short", lang="fr_BE") == "05/03/2024"
    assert i18n.format_date(day, "short", lang="nl_NL") == "05-03-2024"
    assert i18n.format_date(day, "long", lang="fr_BE") == "5 mars 2024"
    i18n.set_language("nl_NL")
    assert i18n.format_date(day, "long") == "5 maart 2024"
