"""Addresses and registration numbers written the way their own country writes them.

The word for a letterbox number and the label of an enterprise number follow the country of the
address or the number, not the interface language: a Belgian flat is 'Lindelaan 12 bus 3'
('Rue Haute 5 bte 2' in French) even in a letter of a Dutch group, and a Dutch flat has a
house-number suffix ('Dorpsweg 12A', 'Dorpsweg 12-2'), never a box. Belgian words keep their
Belgian form in nl_NL on purpose (their messages carry a 'Belgian …' context): the post and the
crossroads bank of enterprises expect them.
"""
from __future__ import annotations

import re

from huurdersgroep_app.i18n import get_language, language, pgettext

BELGIUM = "BE"
NETHERLANDS = "NL"

# '1234 AB' / '1234AB': only the Netherlands writes letters in its postcodes.
_DUTCH_POSTCODE = re.compile(r"^\s*[1-9]\d{3}\s?[A-Za-z]{2}\s*$")
_BELGIAN_POSTCODE = re.compile(r"^\s*(?:B-?\s?)?[1-9]\d{3}\s*$", re.I)


def region_country(region: str | None) -> str:
    """The country of a group's region (vlaanderen | brussel | nederland)."""
    return NETHERLANDS if (region or "").strip().lower() == "nederland" else BELGIUM


def address_country(postcode: str = "", default: str = BELGIUM) -> str:
    """The country of an address by its postcode; a bare four-digit code (both countries have
    those, a Dutch one missing its letters) is ``default``'s — the group's own country."""
    if _DUTCH_POSTCODE.match(postcode or ""):
        return NETHERLANDS
    if _BELGIAN_POSTCODE.match(postcode or "") and (postcode or "").strip().upper().startswith("B"):
        return BELGIUM
    return default if default in (BELGIUM, NETHERLANDS) else BELGIUM


def house_number_text(number: str, box: str = "", *, country: str = BELGIUM) -> str:
    """'12 bus 3' / '12 bte 3' (Belgium: French says 'bte', every other language 'bus'); '12A' / '12-2'
    (the Netherlands)."""
    number, box = (number or "").strip(), (box or "").strip()
    if not box:
        return number
    if country == NETHERLANDS:
        if not number:
            return box
        if len(box) == 1 and box.isalpha() and number[-1:].isdigit():
            return f"{number}{box.upper()}"
        return f"{number}-{box.lstrip('-')}"
    # English has no word of the Belgian post: a Belgian address in an English letter says 'bus', as
    # the address is written in Flanders and read by bpost.
    with language("nl_BE" if get_language() == "en" else None):
        # TRANSLATORS: the letterbox number of a flat in a Belgian address: 'bus 3' (nl), 'bte 3' (fr).
        box_text = pgettext("Belgian address", "box {box}").format(box=box)
    return f"{number} {box_text}".strip()


def street_line(street: str, number: str = "", box: str = "", *, postcode: str = "",
                default_country: str = BELGIUM) -> str:
    """The first line of an address: street, number and box (or suffix) as its country writes them."""
    country = address_country(postcode, default_country)
    return f"{(street or '').strip()} {house_number_text(number, box, country=country)}".strip()


def one_line(street: str, number: str = "", box: str = "", postcode: str = "", city: str = "", *,
             default_country: str = BELGIUM) -> str:
    """A whole address on one line, for lists and messages."""
    first = street_line(street, number, box, postcode=postcode, default_country=default_country)
    return " ".join(p for p in (first, (postcode or "").strip(), (city or "").strip()) if p)


def registration_country(number: str, default: str = BELGIUM) -> str:
    """A Belgian enterprise number has ten digits (0751.950.136), a Dutch KvK number eight."""
    digits = re.sub(r"\D", "", number or "")
    if len(digits) == 10:
        return BELGIUM
    if len(digits) == 8:
        return NETHERLANDS
    return default if default in (BELGIUM, NETHERLANDS) else BELGIUM


def registration_label(number: str, *, default_country: str = BELGIUM) -> str:
    """'Ondernemingsnummer 0751.950.136' for a Belgian number in every Dutch, 'KvK-nummer 12345678' for
    a Dutch one, 'N° d'entreprise …' in French: the label of the register that issued it."""
    if not (number or "").strip():
        return ""
    if registration_country(number, default_country) == NETHERLANDS:
        # TRANSLATORS: the number of a Dutch organisation at the Kamer van Koophandel: 'KvK-nummer {number}'.
        text = pgettext("Dutch registration number", "Chamber of Commerce no. {number}")
    else:
        # TRANSLATORS: a Belgian enterprise number (KBO/BCE): 'Ondernemingsnummer' also in the Netherlands.
        text = pgettext("Belgian registration number", "Enterprise no. {number}")
    return text.format(number=number.strip())


# Who a letter is written to, by the gender the person gave us: 'f', 'm', or unknown ('').
def salutation(first_name: str = "", last_name: str = "", gender: str = "") -> str:
    """The formal opening of a letter to a person: 'Geachte mevrouw Peeters,' / 'Geachte An Peeters,'
    when no gender is known (nl), 'Madame,' / 'Monsieur,' / 'Madame, Monsieur,' (fr), 'Dear Ms Peeters,'
    (en); a letter to nobody by name opens 'Geachte mevrouw, geachte heer,'."""
    first_name, last_name = (first_name or "").strip(), (last_name or "").strip()
    full = f"{first_name} {last_name}".strip()
    if gender == "f" and last_name:
        # TRANSLATORS: a formal letter to a woman, by her surname; French leaves the name out ('Madame,').
        return pgettext("letter salutation", "Dear Ms {name},").format(name=last_name)
    if gender == "m" and last_name:
        # TRANSLATORS: a formal letter to a man, by his surname; French leaves the name out ('Monsieur,').
        return pgettext("letter salutation", "Dear Mr {name},").format(name=last_name)
    if full:
        # TRANSLATORS: a formal letter to a person whose gender we do not know, by full name
        # ('Geachte An Peeters,'); French leaves the name out ('Madame, Monsieur,').
        return pgettext("letter salutation", "Dear {name},").format(name=full)
    return pgettext("letter salutation", "Dear Sir or Madam,")
