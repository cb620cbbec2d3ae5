"""CODA on febelfin-coda's own sample files (fixtures/bank/coda, with their licence)."""
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from huurdersgroep_app.core.importers.bank import BankFileError, detect_format, parse_bank_file

CODA = Path(__file__).parent / "fixtures" / "bank" / "coda"


def sample():
    (statement,) = parse_bank_file(CODA / "CODA.txt")
    return statement


def sample_lines():
    return (CODA / "CODA.txt").read_text(encoding="cp1252").split("\n")


def write(tmp_path, lines):
    path = tmp_path / "statement.cod"
    path.write_text("\n".join(lines), encoding="cp1252")
    return path


def test_detected_from_content_whatever_the_extension():
    assert detect_format(CODA / "CODA.txt") == "coda"
    assert detect_format(CODA / "CODA-empty.txt") == "coda"


def test_statement_balances_and_totals_match_the_trailer_record():
    statement = sample()
    assert statement.account_number == "435000000080"  # an old Belgian account number, not an IBAN
    assert statement.account_iban == ""
    assert statement.statement_id == "001"
    assert statement.opening_balance == Decimal("0.00") and statement.opening_date == date(2006, 12, 6)
    assert statement.closing_balance == Decimal("9405296.99") and statement.closing_date == date(2006, 12, 7)
    assert statement.balance_mismatch() is None
    for transaction in statement.transactions:
        assert type(transaction.amount) is Decimal and transaction.amount.as_tuple().exponent == -2
    # the trailer record says: debit 3 085 871,600 and credit 12 491 168,590
    assert sum(t.amount for t in statement.transactions if t.amount < 0) == Decimal("-3085871.60")
    assert sum(t.amount for t in statement.transactions if t.amount > 0) == Decimal("12491168.59")


def test_first_movement():
    first = sample().transactions[0]
    assert first.amount == Decimal("-2578.25")
    assert first.booking_date == first.value_date == date(2006, 12, 6)
    assert first.description == "BORDEREAU DE DECOMPTE AVANCES 015 NUMERO D'OPERATION 495953"
    assert first.bank_reference == "EPIB00048 AWIUBTKAPUO"
    assert first.line == 3


def test_structured_communication_becomes_the_structured_reference():
    by_reference = {t.structured_reference: t for t in sample().transactions if t.structured_reference}
    croix = by_reference["269021157996"]
    assert croix.amount == Decimal("817.56")
    assert croix.counterparty_name == "LA CROIX D OR SPRL"
    assert croix.line == 224
    assert croix.description == ""  # the communication is the reference, not text
    assert by_reference["702600521948"].counterparty_name == "VERZ.KAS ARBEIDSON.SECUREX"


def test_counterparty_iban_when_the_account_is_one():
    by_name = {t.counterparty_name: t for t in sample().transactions}
    assert by_name["Olgerdin Egill Skallagrims"].counterparty_iban == "LU037050522702273100"
    assert by_name["HOLLANDSE INVESTERINGSMAATSCHAPPIJ"].counterparty_iban == "NL34KRED0633083542"
    assert by_name["CARGILL NV"].counterparty_iban == ""  # 685576703767: a Belgian number before IBAN


def test_a_collective_transfer_is_booked_per_beneficiary():
    statement = sample()
    assert len(statement.transactions) == 67  # 59 movements, four of them grouped: 3 + 4 + 3 + 2 details
    collective = [t for t in statement.transactions if t.line in (32, 37, 42)]
    assert [(t.counterparty_name, t.amount) for t in collective] == [
        ("ECONOLER S.A.", Decimal("-4000.00")), ("T.P.F. S.A.", Decimal("-27000.00")),
        ("TPF CONSULTING", Decimal("-97000.00"))]
    assert collective[0].bank_reference == "IHMI00001 TBOGOVOVERS/0001"
    assert 30 not in [t.line for t in statement.transactions]  # the global line itself is not booked twice


def test_empty_sample_has_a_statement_without_lines():
    (statement,) = parse_bank_file(CODA / "CODA-empty.txt")
    assert statement.transactions == []
    assert statement.account_iban == "BE00000000000000"
    assert statement.opening_balance == statement.closing_balance == Decimal("0.00")


def test_a_bad_amount_in_a_movement_record_names_its_line(tmp_path):
    lines = sample_lines()
    record = lines[223]
    lines[223] = record[:40] + "81X560" + record[46:]
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, lines))
    assert caught.value.line == 224
    assert str(caught.value) == "Line 224, movement record (2): this CODA record cannot be read."


def test_an_unknown_record_type_is_named(tmp_path):
    lines = sample_lines()
    lines[99] = "7" + lines[99][1:]
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, lines), format="coda")
    assert caught.value.line == 100
    assert "'7' is not a CODA record type" in str(caught.value)


def test_totals_that_do_not_match_are_a_damaged_file(tmp_path):
    lines = sample_lines()
    lines[261] = lines[261].replace("000012491168590", "000012491168591")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, lines))
    assert caught.value.line == 262
    assert "trailer record (9): the totals do not match" in str(caught.value)


def test_a_file_without_its_trailer_is_incomplete(tmp_path):
    lines = [line for line in sample_lines() if line.strip()][:-1]
    with pytest.raises(BankFileError, match="no trailer record"):
        parse_bank_file(write(tmp_path, lines))


def test_an_old_coda_version_is_refused_with_a_message(tmp_path):
    lines = sample_lines()
    lines[0] = lines[0][:127] + "1"
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, lines))
    assert caught.value.line == 1
    assert "only CODA version 2" in str(caught.value)
