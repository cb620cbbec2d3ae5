"""Addresses, registration labels and salutations as their own country and language write them
(issue 9): the box word follows the address's country, the register's label the number's."""
from __future__ import annotations

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.services import addresses as ad


@pytest.fixture(autouse=True)
def _english():
    with i18n.language("en"):
        yield


def test_the_country_of_an_address_is_read_from_its_postcode():
    assert ad.address_country("1012 AB") == ad.NETHERLANDS
    assert ad.address_country("1012AB") == ad.NETHERLANDS
    assert ad.address_country("9000") == ad.BELGIUM
    # four bare digits exist in both countries: the group's own country decides
    assert ad.address_country("9000", default=ad.NETHERLANDS) == ad.NETHERLANDS
    assert ad.address_country("", default=ad.NETHERLANDS) == ad.NETHERLANDS


@pytest.mark.parametrize("lang, expected", [("nl_BE", "Lindelaan 12 bus 3"), ("nl_NL", "Lindelaan 12 bus 3"),
                                             ("fr_BE", "Lindelaan 12 bte 3"), ("en", "Lindelaan 12 bus 3")])
def test_a_belgian_box_in_every_language(lang, expected):
    with i18n.language(lang):
        assert ad.street_line("Lindelaan", "12", "3", postcode="9000") == expected


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE", "en"])
def test_a_dutch_address_has_a_suffix_and_no_box(lang):
    with i18n.language(lang):
        assert ad.street_line("Dorpsweg", "12", "A", postcode="1234 AB") == "Dorpsweg 12A"
        assert ad.street_line("Dorpsweg", "12", "a", postcode="1234 AB") == "Dorpsweg 12A"
        assert ad.street_line("Dorpsweg", "12", "2", postcode="1234 AB") == "Dorpsweg 12-2"
        assert ad.street_line("Dorpsweg", "12", "II", postcode="1234 AB") == "Dorpsweg 12-II"
        # a signal's address has no postcode: the group's country says how to write it
        assert ad.street_line("Dorpsweg", "12", "2", default_country=ad.NETHERLANDS) == "Dorpsweg 12-2"


def test_no_box_no_word():
    assert ad.street_line("Lindelaan", "12", "", postcode="9000") == "Lindelaan 12"
    assert ad.one_line("Lindelaan", "12", "3", "9000", "Gent") == "Lindelaan 12 bus 3 9000 Gent"
    assert ad.region_country("nederland") == ad.NETHERLANDS and ad.region_country("brussel") == ad.BELGIUM


@pytest.mark.parametrize("lang, belgian, dutch", [
    ("nl_BE", "Ondernemingsnummer 0751.950.136", "KvK-nummer 12345678"),
    ("nl_NL", "Ondernemingsnummer 0751.950.136", "KvK-nummer 12345678"),
    ("fr_BE", "N° d'entreprise 0751.950.136", "N° KvK 12345678"),
    ("en", "Enterprise no. 0751.950.136", "Chamber of Commerce no. 12345678")])
def test_the_registration_label_is_the_registers(lang, belgian, dutch):
    with i18n.language(lang):
        assert ad.registration_label("0751.950.136") == belgian
        assert ad.registration_label("0751.950.136", default_country=ad.NETHERLANDS) == belgian
        assert ad.registration_label("12345678") == dutch
        assert ad.registration_label("") == ""


@pytest.mark.parametrize("lang, woman, man, unknown, nobody", [
    ("nl_BE", "Geachte mevrouw Peeters,", "Geachte heer Peeters,", "Geachte An Peeters,",
     "Geachte mevrouw, geachte heer,"),
    ("nl_NL", "Geachte mevrouw Peeters,", "Geachte heer Peeters,", "Geachte An Peeters,",
     "Geachte mevrouw, geachte heer,"),
    ("fr_BE", "Madame,", "Monsieur,", "Madame, Monsieur,", "Madame, Monsieur,"),
    ("en", "Dear Ms Peeters,", "Dear Mr Peeters,", "Dear An Peeters,", "Dear Sir or Madam,")])
def test_formal_salutations(lang, woman, man, unknown, nobody):
    with i18n.language(lang):
        assert ad.salutation("An", "Peeters", "f") == woman
        assert ad.salutation("An", "Peeters", "m") == man
        assert ad.salutation("An", "Peeters") == unknown
        assert ad.salutation() == nobody
