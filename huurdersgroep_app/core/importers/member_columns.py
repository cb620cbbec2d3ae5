"""Which column of a member list holds which field: recognised from the headers people write in
Excel (Dutch, French, English), or chosen by the user.

Headers are compared without case, accents, spaces or punctuation, so 'E-mail', 'e mail' and
'EMAIL' are one header; words such as 'lid' or 'huurder' that only qualify the header
('Naam lid', 'Nom du locataire') are ignored when the header itself is not known.
"""
from __future__ import annotations

import re

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.members.members import FIELD_LABELS
from huurdersgroep_app.core.services.names import fold
from huurdersgroep_app.i18n import N_, _

# Field name → label (translated where shown). Besides the member's own fields, three columns that
# hold two or three fields at once, and the complex by name instead of its id.
IMPORT_FIELDS: dict[str, str] = {
    "full_name": N_("Full name (first and last)"),
    "first_name": FIELD_LABELS["first_name"],
    "last_name": FIELD_LABELS["last_name"],
    "address": N_("Address (street, number and box)"),
    "street": FIELD_LABELS["street"],
    "house_number": FIELD_LABELS["house_number"],
    "box": FIELD_LABELS["box"],
    "postcode_city": N_("Postcode and city"),
    "postcode": FIELD_LABELS["postcode"],
    "city": FIELD_LABELS["city"],
    "complex_name": N_("Complex (by name)"),
    **{key: FIELD_LABELS[key] for key in (
        "dwelling", "is_tenant", "tenant_since", "phone", "email", "iban", "language", "contact_way",
        "joined_on", "left_on", "left_reason", "consent_on", "consent_how", "notes")},
}

# A column the user does not want imported: --map "Lidnummer=ignore".
IGNORE = "ignore"
IGNORE_WORDS = {IGNORE, "-", "none", "skip", "negeer", "ignorer"}

_NAME_HEADERS = {"naam", "nom", "name"}  # last name next to a first-name column, else the full name

_HEADERS: dict[str, tuple[str, ...]] = {
    "first_name": ("voornaam", "voornamen", "roepnaam", "prenom", "prenoms", "firstname", "givenname",
                   "forename", "first"),
    "last_name": ("achternaam", "familienaam", "famillienaam", "geslachtsnaam", "nomdefamille", "nomfamille",
                  "surname", "lastname", "familyname"),
    "full_name": ("volledigenaam", "naamvoornaam", "naamenvoornaam", "voornaamnaam", "voornaamennaam",
                  "voornaamachternaam", "voornaamenachternaam", "achternaamvoornaam", "nomprenom", "nometprenom",
                  "prenomnom", "prenometnom", "nomcomplet", "fullname", "naamenvoornamen"),
    "address": ("adres", "adresse", "address", "straatennummer", "straatnr", "straathuisnummer",
                "straatenhuisnummer", "rueetnumero", "ruenumero", "domicilie", "woonadres", "streetaddress"),
    "street": ("straat", "straatnaam", "rue", "street", "streetname", "nomderue"),
    "house_number": ("huisnummer", "huisnr", "nr", "nummer", "no", "num", "numero", "n", "number",
                     "housenumber", "hnr", "nro"),
    "box": ("bus", "busnummer", "busnr", "boite", "bte", "bt", "box", "toevoeging", "huisnummertoevoeging",
            "postbus", "boitepostale"),
    "postcode_city": ("postcodegemeente", "postcodeengemeente", "postcodewoonplaats", "postcodeenwoonplaats",
                      "postcodeplaats", "postcodestad", "pcgemeente", "pcwoonplaats", "cplocalite", "cpcommune",
                      "codepostallocalite", "codepostalcommune", "codepostaletcommune", "codepostaletlocalite",
                      "postcodecity", "zipcity", "postcodeandcity"),
    "postcode": ("postcode", "postnummer", "postnr", "pc", "codepostal", "cp", "zip", "zipcode", "postalcode"),
    "city": ("gemeente", "woonplaats", "stad", "plaats", "deelgemeente", "commune", "localite", "ville", "city",
             "town", "municipality", "place"),
    "complex_name": ("wijk", "complex", "complexnaam", "naamcomplex", "gebouw", "blok", "residentie", "site",
                     "quartier", "immeuble", "batiment", "residence", "estate", "building", "neighbourhood",
                     "neighborhood"),
    "dwelling": ("woning", "woningnummer", "woningnr", "appartement", "appartementnummer", "app", "appt",
                 "flat", "logement", "dwelling", "apartment", "unit"),
    "is_tenant": ("huurder", "ishuurder", "sociaalhuurder", "huurderjanee", "locataire", "tenant", "istenant"),
    "tenant_since": ("huurdersinds", "huurtsinds", "huurdervanaf", "huurtvanaf", "begindatumhuur",
                     "locatairedepuis", "tenantsince", "tenantfrom"),
    "phone": ("telefoon", "telefoonnummer", "telefoonnr", "tel", "telnr", "gsm", "gsmnummer", "gsmnr", "mobiel",
              "mobielnummer", "mobieltje", "telephone", "portable", "phone", "phonenumber", "mobile",
              "telephonenumber"),
    "email": ("email", "emailadres", "mail", "mailadres", "courriel", "adresseemail", "adressemail",
              "emailaddress", "adressecourriel"),
    "iban": ("iban", "rekeningnummer", "rekening", "rekeningnr", "bankrekening", "bankrekeningnummer",
             "banknummer", "comptebancaire", "numerodecompte", "compte", "bankaccount", "accountnumber"),
    "language": ("taal", "voorkeurtaal", "voertaal", "langue", "language", "preferredlanguage"),
    "contact_way": ("contact", "contactwijze", "contactvia", "voorkeurcontact", "bereikbaarvia", "communicatie",
                    "contactpar", "moyendecontact", "contactway", "contactby", "preferredcontact"),
    "joined_on": ("lidsinds", "ingeschreven", "ingeschrevenop", "inschrijving", "inschrijvingsdatum",
                  "datuminschrijving", "lidvanaf", "lidgeworden", "aangesloten", "aansluiting", "aansluitingsdatum",
                  "datumlidmaatschap", "begindatumlidmaatschap", "membredepuis", "inscription", "dateinscription",
                  "datedinscription", "membersince", "joined", "joinedon", "datejoined"),
    "left_on": ("uitgeschreven", "uitgeschrevenop", "uitschrijving", "uitschrijvingsdatum", "lidtot",
                "einddatumlidmaatschap", "opgezegd", "membrejusque", "desinscription", "left", "lefton", "dateleft",
                "memberuntil"),
    "left_reason": ("redenuitschrijving", "redenvertrek", "redenopzegging", "motifdesinscription", "motifdepart",
                    "reasonforleaving", "leftreason"),
    "consent_on": ("toestemming", "toestemmingop", "datumtoestemming", "toestemmingdatum", "toestemminggegeven",
                   "toestemminggegevenop", "akkoordprivacy", "privacy", "gdpr", "avg", "consentement",
                   "dateconsentement", "consent", "consentdate", "consentgiven", "consenton"),
    "consent_how": ("toestemminghoe", "toestemmingvia", "maniertoestemming", "hoetoestemming",
                    "consentementvia", "consentementcomment", "consenthow", "consentvia"),
    "notes": ("opmerkingen", "opmerking", "notities", "notitie", "nota", "notas", "commentaar", "info",
              "remarques", "remarque", "commentaire", "commentaires", "notes", "note", "comments", "comment",
              "remarks"),
}
_BY_HEADER = {header: key for key, headers in _HEADERS.items() for header in headers}
# Words that only say whose data a column holds.
_QUALIFIERS = {"lid", "leden", "huurder", "huurders", "bewoner", "member", "members", "tenant", "locataire",
               "membre", "du", "de", "des", "van", "het", "of", "the", "le", "la"}
# Fields that several columns may feed (Telefoon and GSM): the first filled one is the value, the
# others are kept in the notes.
MULTI_FIELDS = {"phone", "email", "notes"}


def _tokens(header: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", fold(header)) if t]


def _recognise(header: str) -> str | None:
    tokens = _tokens(header)
    key = "".join(tokens)
    if key in _BY_HEADER or key in _NAME_HEADERS:
        return key
    stripped = "".join(t for t in tokens if t not in _QUALIFIERS)
    if stripped and (stripped in _BY_HEADER or stripped in _NAME_HEADERS):
        return stripped
    return None


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Column → field for every header we recognise. When two columns mean the same field, the more
    specific header wins ('Huisnummer' over 'Nr'), then the first; phone, e-mail and notes take all."""
    recognised = {header: _recognise(header) for header in headers}
    has_first_name = any(_BY_HEADER.get(key) == "first_name" for key in recognised.values())
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    for index, (header, key) in enumerate(recognised.items()):
        if key is None:
            continue
        if key in _NAME_HEADERS:
            field, rank = ("last_name" if has_first_name else "full_name"), len(_BY_HEADER)
        else:
            field, rank = _BY_HEADER[key], _HEADERS[_BY_HEADER[key]].index(key)
        candidates.setdefault(field, []).append((rank, index, header))
    chosen = {}
    for field, found in candidates.items():
        found.sort()
        for _rank, _index, header in (found if field in MULTI_FIELDS else found[:1]):
            chosen[header] = field
    return {header: chosen[header] for header in headers if header in chosen}


def _match_column(headers: list[str], column: str) -> str | None:
    if column in headers:
        return column
    folded = [h for h in headers if fold(h).strip() == fold(column).strip()]
    return folded[0] if len(folded) == 1 else None


def check_mapping(headers: list[str], mapping: dict[str, str]) -> dict[str, str | None]:
    """The user's column → field choices, with columns matched to the file's headers.

    A field of 'ignore' (or '-') leaves the column out: the value is None. Unknown columns or
    fields raise a DomainError that lists the valid choices.
    """
    checked: dict[str, str | None] = {}
    for column, field in mapping.items():
        header = _match_column(headers, column)
        if header is None:
            raise DomainError(_("The file has no column '{column}'. Its columns are: {columns}.").format(
                column=column, columns=", ".join(headers)))
        field = field.strip()
        if field.lower() in IGNORE_WORDS:
            checked[header] = None
        elif field in IMPORT_FIELDS:
            checked[header] = field
        else:
            raise DomainError(_("Unknown field '{field}' for column '{column}'. Choose one of: {fields}, "
                                "or {ignore}.").format(field=field, column=header,
                                                       fields=", ".join(IMPORT_FIELDS), ignore=IGNORE))
    return checked


def merge_mapping(guessed: dict[str, str], chosen: dict[str, str | None]) -> dict[str, str | None]:
    """The guesses, overruled by the user's choices: a chosen field is no longer guessed for another
    column; a column the user left out stays in the mapping as None (so it is not 'unmapped')."""
    chosen_fields = {field for field in chosen.values() if field}
    merged: dict[str, str | None] = {column: field for column, field in guessed.items()
                                     if column not in chosen and field not in chosen_fields}
    merged.update(chosen)
    return merged
