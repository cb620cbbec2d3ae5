"""Recognising the columns of a member list, and the user's own column choices."""
import pytest

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.importers import member_cells as cells
from huurdersgroep_app.core.importers.members import IMPORT_FIELDS, check_mapping, guess_mapping, merge_mapping
from huurdersgroep_app.core.services.members.members import MemberInput


def test_import_fields_cover_the_member_form():
    member_fields = set(MemberInput.__dataclass_fields__) - {"complex_id"}
    assert member_fields <= set(IMPORT_FIELDS)
    assert {"full_name", "complex_name"} <= set(IMPORT_FIELDS)


def test_dutch_headers():
    headers = ["Voornaam", "Naam", "Straat", "Huisnummer", "Bus", "Postcode", "Woonplaats", "E-mail", "Telefoon",
               "Lid sinds", "Huurder", "Wijk", "Woning", "Taal", "Opmerkingen", "Rekeningnummer", "Toestemming"]
    assert guess_mapping(headers) == {
        "Voornaam": "first_name", "Naam": "last_name", "Straat": "street", "Huisnummer": "house_number",
        "Bus": "box", "Postcode": "postcode", "Woonplaats": "city", "E-mail": "email", "Telefoon": "phone",
        "Lid sinds": "joined_on", "Huurder": "is_tenant", "Wijk": "complex_name", "Woning": "dwelling",
        "Taal": "language", "Opmerkingen": "notes", "Rekeningnummer": "iban", "Toestemming": "consent_on"}


def test_french_headers_with_accents_and_case():
    headers = ["PRÉNOM", "Nom", "Rue", "Numéro", "Boîte", "Code postal", "Commune", "Courriel", "Téléphone",
               "Membre depuis", "Locataire", "Quartier", "Remarques"]
    assert guess_mapping(headers) == {
        "PRÉNOM": "first_name", "Nom": "last_name", "Rue": "street", "Numéro": "house_number", "Boîte": "box",
        "Code postal": "postcode", "Commune": "city", "Courriel": "email", "Téléphone": "phone",
        "Membre depuis": "joined_on", "Locataire": "is_tenant", "Quartier": "complex_name", "Remarques": "notes"}


def test_english_headers_with_odd_spacing():
    headers = ["First name", "last_name", " Street ", "House number", "Postal code", "City", "Email",
               "Phone", "Member since", "Tenant", "Complex", "Notes"]
    assert guess_mapping(headers) == {
        "First name": "first_name", "last_name": "last_name", " Street ": "street", "House number": "house_number",
        "Postal code": "postcode", "City": "city", "Email": "email", "Phone": "phone",
        "Member since": "joined_on", "Tenant": "is_tenant", "Complex": "complex_name", "Notes": "notes"}


def test_naam_alone_is_the_full_name_and_combined_columns_are_recognised():
    assert guess_mapping(["Naam", "Adres", "Postcode en gemeente", "GSM"]) == {
        "Naam": "full_name", "Adres": "address", "Postcode en gemeente": "postcode_city", "GSM": "phone"}
    assert guess_mapping(["Nom et prénom", "Tél."]) == {"Nom et prénom": "full_name", "Tél.": "phone"}


def test_qualified_headers_and_unknown_ones():
    mapping = guess_mapping(["Naam lid", "Voornaam lid", "Geboortedatum", "Lidnummer"])
    assert mapping == {"Naam lid": "last_name", "Voornaam lid": "first_name"}


def test_the_more_specific_header_wins_and_two_phone_columns_both_count():
    mapping = guess_mapping(["Nr", "Naam", "Huisnummer", "Telefoon", "GSM"])
    assert mapping == {"Naam": "full_name", "Huisnummer": "house_number", "Telefoon": "phone", "GSM": "phone"}


def test_check_mapping_matches_columns_loosely_and_allows_ignoring():
    headers = ["Naam", "Lidnummer", "Extra"]
    assert check_mapping(headers, {"naam": "last_name", "Lidnummer": "ignore", "Extra": "notes"}) == {
        "Naam": "last_name", "Lidnummer": None, "Extra": "notes"}


def test_check_mapping_unknown_column_lists_the_columns():
    with pytest.raises(DomainError) as exc:
        check_mapping(["Naam", "Straat"], {"Nam": "last_name"})
    assert "'Nam'" in exc.value.message
    assert "Naam, Straat" in exc.value.message


def test_check_mapping_unknown_field_lists_the_fields():
    with pytest.raises(DomainError) as exc:
        check_mapping(["Naam"], {"Naam": "surname"})
    assert "'surname'" in exc.value.message
    assert "last_name" in exc.value.message and "full_name" in exc.value.message


def test_user_choices_overrule_guesses():
    guessed = guess_mapping(["Naam", "Voornaam", "Telefoon", "GSM", "Opmerkingen"])
    chosen = check_mapping(["Naam", "Voornaam", "Telefoon", "GSM", "Opmerkingen"],
                           {"GSM": "phone", "Telefoon": "notes", "Opmerkingen": "-"})
    assert merge_mapping(guessed, chosen) == {"Naam": "last_name", "Voornaam": "first_name", "GSM": "phone",
                                              "Telefoon": "notes", "Opmerkingen": None}


@pytest.mark.parametrize("text, first, last", [
    ("Jan Peeters", "Jan", "Peeters"),
    ("Jan Van den Broeck", "Jan", "Van den Broeck"),
    ("Mohamed El Amrani", "Mohamed", "El Amrani"),
    ("Anna Maria Janssens", "Anna Maria", "Janssens"),
    ("Peeters, Jan", "Jan", "Peeters"),
    ("VAN DEN BROECK Marie", "Marie", "VAN DEN BROECK"),
    ("  Ayşe   Çelik ", "Ayşe", "Çelik"),
    ("Çelik", "", "Çelik"),
])
def test_split_full_name(text, first, last):
    assert cells.split_full_name(text) == (first, last)


@pytest.mark.parametrize("text, parts", [
    ("Lindelaan 12", ("Lindelaan", "12", "")),
    ("Lindelaan 12 bus 3", ("Lindelaan", "12", "3")),
    ("Kerkstraat 12, bus 4", ("Kerkstraat", "12", "4")),
    ("Rue Haute 5 bte 2", ("Rue Haute", "5", "2")),
    ("Avenue du 11 Novembre 3", ("Avenue du 11 Novembre", "3", "")),
    ("Kerkstraat 7A", ("Kerkstraat", "7A", "")),
    ("Lindelaan", ("Lindelaan", "", "")),
])
def test_split_address(text, parts):
    assert cells.split_address(text) == parts


def test_split_postcode_and_city_per_country():
    assert cells.split_postcode_city("9000 Gent", "BE") == ("9000", "Gent")
    assert cells.split_postcode_city("B-9000 Gent", "BE") == ("9000", "Gent")
    assert cells.split_postcode_city("1012 AB Amsterdam", "NL") == ("1012 AB", "Amsterdam")
    assert cells.split_postcode_city("Gent", "BE") == ("", "Gent")


@pytest.mark.parametrize("word, answer", [("ja", True), ("Oui", True), ("YES", True), ("x", True), ("WAAR", True),
                                          ("nee", False), ("neen", False), ("non", False), ("No", False),
                                          ("misschien", None)])
def test_yes_no_words(word, answer):
    assert cells.yes_no(word) is answer


def test_language_words_follow_the_country():
    assert cells.language("Nederlands", "BE") == "nl_BE"
    assert cells.language("NL", "NL") == "nl_NL"
    assert cells.language("Français", "BE") == "fr_BE"
    assert cells.language("Engels", "BE") == "en"
    assert cells.language("Turks", "BE") is None


def test_a_date_saved_with_its_time_keeps_the_date():
    assert cells.date_text("2024-12-31 00:00:00") == "2024-12-31"
    assert cells.date_text("31/12/2024 0:00") == "31/12/2024"
    assert cells.date_text("31/12/2024") == "31/12/2024"
    assert cells.date_text("gisteren") == "gisteren"
