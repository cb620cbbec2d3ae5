"""A bank CSV without a profile: the guessed column mapping, and the mapping remembered per header
layout so the same bank's next file is read without asking."""
from decimal import Decimal

from huurdersgroep_app.core.importers.bank import parse_bank_file
from huurdersgroep_app.core.importers.bank.csv_guess import guess_mapping, sample_csv, sample_text
from huurdersgroep_app.core.services.finance.csv_mappings import recall_mapping, remember_mapping

UNKNOWN = """\
Datum;Naam;Rekening;Omschrijving;Af/Bij;Bedrag
02/04/2025;Marie Peeters;BE56 7310 4567 8988;Lidgeld 2025;Bij;12,50
05/04/2025;Buurthuis De Spoel;BE43068999999501;Zaalhuur april;Af;1.045,00
"""

SPLIT = """\
Date,Montant débit,Crédit,Nom,Communication,Compte
2025-04-02,,"1,234.56",Jean Dupont,Cotisation,BE56731045678988
2025-04-03,3.10,,Banque,Frais,
"""


def test_the_guess_reads_an_af_bij_export_exactly(tmp_path):
    path = tmp_path / "bank.csv"
    path.write_text(UNKNOWN, encoding="utf-8")
    sample = sample_csv(path)
    assert sample.header and sample.delimiter == ";" and sample.key == "datum;naam;rekening;omschrijving;af/bij;bedrag"
    assert len(sample.rows) == 2
    mapping = guess_mapping(sample)
    assert (mapping.date, mapping.amount, mapping.direction, mapping.counterparty_name, mapping.counterparty_iban,
            mapping.description) == ("Datum", "Bedrag", "Af/Bij", "Naam", "Rekening", ("Omschrijving",))
    assert mapping.date_formats == ("%d/%m/%Y",) and mapping.decimal == ","
    [statement] = parse_bank_file(path, "csv", csv_mapping=mapping)
    assert [(t.booking_date.isoformat(), t.amount, t.counterparty_iban) for t in statement.transactions] == [
        ("2025-04-02", Decimal("12.50"), "BE56731045678988"), ("2025-04-05", Decimal("-1045.00"), "BE43068999999501")]


def test_the_guess_finds_separate_debit_and_credit_columns():
    mapping = guess_mapping(sample_text(SPLIT))
    assert (mapping.date, mapping.debit, mapping.credit, mapping.amount, mapping.direction) == (
        "Date", "Montant débit", "Crédit", None, None)
    assert mapping.date_formats == ("%Y-%m-%d",) and mapping.decimal == "." and mapping.delimiter == ","
    assert mapping.counterparty_name == "Nom" and mapping.description == ("Communication",)


def test_a_file_without_header_is_mapped_by_position():
    sample = sample_text("02-04-2025;12,50;Jan\n03-04-2025;-3,00;Bank\n")
    assert not sample.header and sample.column_label(1) == "2" and len(sample.rows) == 2
    mapping = guess_mapping(sample)
    assert mapping.header is False and mapping.date == 0 and mapping.date_formats == ("%d-%m-%Y",)


def test_a_mapping_is_remembered_per_header_layout(db):
    mapping = guess_mapping(sample_text(UNKNOWN))
    other = guess_mapping(sample_text(SPLIT))
    with db.reading() as s:
        assert recall_mapping(s, "datum;naam") is None
    with db.transaction() as s:
        remember_mapping(s, "datum;naam", mapping)
        remember_mapping(s, "date,montant", other)
    with db.reading() as s:
        assert recall_mapping(s, "datum;naam") == mapping
        assert recall_mapping(s, "date,montant") == other
        assert recall_mapping(s, "something else") is None
    with db.transaction() as s:  # the last mapping for a layout wins
        remember_mapping(s, "datum;naam", other)
    with db.reading() as s:
        assert recall_mapping(s, "datum;naam") == other
