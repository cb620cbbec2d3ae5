"""What the cells of a member list mean: a full name or a whole address in one cell, yes/no words,
languages and contact ways as people write them in Dutch, French or English."""
from __future__ import annotations

import re

from huurdersgroep_app.core.services.names import PARTICLES, fold
from huurdersgroep_app.i18n import SUPPORTED_LANGUAGES, normalize_language

YES_WORDS = {"ja", "j", "jawel", "yes", "y", "oui", "o", "x", "1", "waar", "true", "vrai", "ok", "v", "✓", "✔"}
NO_WORDS = {"nee", "neen", "n", "no", "non", "0", "onwaar", "false", "faux", "-"}

_LANGUAGE_WORDS = {
    "nl": ("nl", "nederlands", "vlaams", "dutch", "flemish", "neerlandais", "nederlandstalig"),
    "fr_BE": ("fr", "frans", "francais", "french", "franstalig"),
    "en": ("en", "engels", "english", "anglais"),
}
_LANGUAGES = {word: code for code, words in _LANGUAGE_WORDS.items() for word in words}

_CONTACT_WORDS = {
    "letter": ("letter", "brief", "brieven", "post", "perpost", "perbrief", "papier", "lettre", "courrier",
               "parcourrier", "poste", "paper"),
    "email": ("email", "mail", "permail", "peremail", "courriel", "parmail", "viamail", "viaemail"),
    "phone": ("phone", "telefoon", "tel", "gsm", "bellen", "pertelefoon", "telefonisch", "telephone",
              "partelephone", "sms"),
}
_CONTACT_WAYS = {word: way for way, words in _CONTACT_WORDS.items() for word in words}

_PARTICLE_WORDS = {p.split()[0] for p in PARTICLES}
# 'Lindelaan 12 bus 3', 'Rue Haute 5 bte 2', 'Kerkstraat 7A', 'Dorpsweg 12-2', 'Place 3/4'.
_ADDRESS = re.compile(r"^(?P<street>.*?[^\d\s,][^,]*?)[\s,]+(?P<number>\d+\s?[a-zA-Z]?(?:-\d+)?)"
                      r"(?:\s*(?:,\s*)?(?:bus|b\.?|bte\.?|boîte|boite|box|/)\s*(?P<box>\S+))?\s*$", re.I)
# '9000 Gent', 'B-9000 Gent', 'Gent 9000'; in the Netherlands '1012 AB Amsterdam'.
_POSTCODE = {"NL": r"\d{4}\s?[A-Za-z]{2}"}
_BE_POSTCODE = r"\d{4}"


def key(text: str) -> str:
    """A word as a lookup key: no case, accents, spaces or punctuation."""
    return re.sub(r"[^a-z0-9✓✔]", "", fold(text))


def yes_no(text: str) -> bool | None:
    """True or False for the yes/no words; None when the text is not one of them."""
    word = key(text) or text.strip()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None


def language(text: str, country: str) -> str | None:
    """A supported language code for 'Nederlands', 'FR', 'nl-BE' …; None when not supported."""
    word = key(text)
    code = _LANGUAGES.get(word)
    if code == "nl":
        return "nl_NL" if country == "NL" else "nl_BE"
    if code:
        return code
    found = normalize_language(text.strip())
    return found if found in SUPPORTED_LANGUAGES else None


def contact_way(text: str) -> str | None:
    return _CONTACT_WAYS.get(key(text))


def split_full_name(text: str) -> tuple[str, str]:
    """(first name, last name) of 'Jan Peeters', 'Jan Van den Broeck', 'Peeters, Jan', 'PEETERS Jan'."""
    text = " ".join(text.split())
    if not text:
        return "", ""
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    words = text.split(" ")
    if len(words) == 1:
        return "", text
    # Lists from the landlord often write the surname first in capitals: 'VAN DEN BROECK Marie'.
    capitals = 0
    while capitals < len(words) and words[capitals].isupper() and len(words[capitals]) > 1:
        capitals += 1
    if 0 < capitals < len(words):
        return " ".join(words[capitals:]), " ".join(words[:capitals])
    # The surname starts at its first particle ('Van den Broeck', 'El Amrani'), else it is the last word.
    for i in range(1, len(words) - 1):
        if words[i].lower() in _PARTICLE_WORDS:
            return " ".join(words[:i]), " ".join(words[i:])
    return " ".join(words[:-1]), words[-1]


def split_address(text: str) -> tuple[str, str, str]:
    """(street, number, box); a text without a house number stays whole as the street."""
    text = " ".join(text.split())
    match = _ADDRESS.match(text)
    if not match:
        return text, "", ""
    return match["street"].strip(" ,"), match["number"].replace(" ", ""), (match["box"] or "").strip()


def split_postcode_city(text: str, country: str) -> tuple[str, str]:
    """(postcode, city) of '9000 Gent' or '1012 AB Amsterdam'; else ('', text)."""
    text = " ".join(text.split())
    postcode = _POSTCODE.get(country, _BE_POSTCODE)
    match = (re.match(rf"^(?:[A-Z]{{1,2}}-)?(?P<postcode>{postcode})\s+(?P<city>\D.*)$", text)
             or re.match(rf"^(?P<city>\D+?)[\s,]+(?P<postcode>{postcode})$", text))
    if not match:
        return "", text
    return match["postcode"], match["city"].strip(" ,")
