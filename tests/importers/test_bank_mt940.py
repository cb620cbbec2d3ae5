"""MT940 on real Dutch bank files (the mt940 project's test files, see fixtures/bank/mt940/README.md)."""
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from huurdersgroep_app.core.importers.bank import BankFileError, detect_format, parse_bank_file
from huurdersgroep_app.core.importers.bank.mt940_details import read_details

MT940 = Path(__file__).parent / "fixtures" / "bank" / "mt940"


def amounts(statement):
    return [t.amount for t in statement.transactions]


@pytest.mark.parametrize("name", ["rabobank-iban.sta", "abnamro.sta", "triodos.sta"])
def test_detected_and_amounts_are_exact_decimals(name):
    assert detect_format(MT940 / name) == "mt940"
    for statement in parse_bank_file(MT940 / name):
        for value in [statement.opening_balance, statement.closing_balance, *amounts(statement)]:
            assert type(value) is Decimal
            assert value.as_tuple().exponent == -2


def test_rabobank_two_statements_with_structured_details():
    first, second = parse_bank_file(MT940 / "rabobank-iban.sta")
    assert first.account_iban == second.account_iban == "NL71RABO0123456789"
    assert (first.opening_balance, first.closing_balance) == (Decimal("1000.00"), Decimal("965.00"))
    assert (second.opening_balance, second.closing_balance) == (Decimal("965.00"), Decimal("930.00"))
    assert first.closing_date == date(2013, 1, 8)
    assert first.balance_mismatch() is None and second.balance_mismatch() is None
    assert amounts(first) == [Decimal("-25.00"), Decimal("-10.00")]
    transfer, payment = first.transactions
    # /NAME/CONTRA ACCOUN + T HOLDER: the bank cut the name across two lines
    assert transfer.counterparty_name == "CONTRA ACCOUNT HOLDER"
    assert transfer.counterparty_iban == "NL70ABNA0987654321"  # from the :61: supplementary details
    assert transfer.booking_date == date(2013, 1, 1)
    assert transfer.line == 6
    assert payment.counterparty_name == "JOHN DOE"
    assert payment.description == "Reference 201301234"  # /REMI/
    assert payment.counterparty_iban == ""  # P001234567 is an old giro number, not an IBAN
    assert [t.booking_date for t in second.transactions] == [date(2013, 1, 8), date(2013, 1, 9)]
    assert [t.line for t in second.transactions] == [18, 22]


def test_abnamro_balances_that_do_not_add_up_are_reported_not_fatal():
    first, second = parse_bank_file(MT940 / "abnamro.sta")
    assert first.account_number == "517852257" and first.account_iban == ""
    assert first.statement_id == "19321/1" and second.statement_id == "19322/1"
    # amounts without cents ('D9,', 'D107,') and a blank line inside the statement
    assert amounts(first) == [Decimal(v) for v in
                              ("-9.00", "-11.59", "-11.63", "-11.80", "-13.45", "-15.49", "-107.00", "-141.48")]
    assert amounts(second) == [Decimal("-9.49"), Decimal("-15.00")]
    # 3236.28 - 321.44 = 2914.84 expected, the bank says 876.84
    assert first.balance_mismatch() == Decimal("-2038.00")
    # :60M:/:62M: intermediate balances: 2876.84 - 24.49 = 2852.35, the bank says 1849.75
    assert (second.opening_balance, second.closing_balance) == (Decimal("2876.84"), Decimal("1849.75"))
    assert second.balance_mismatch() == Decimal("-1002.60")


def test_abnamro_free_text_details():
    first, second = parse_bank_file(MT940 / "abnamro.sta")
    giro = first.transactions[0]
    assert giro.counterparty_name == "KPN - DIGITENNE"
    assert giro.structured_reference == "000000042188659"  # BETALINGSKENM.
    assert "BETREFT FACTUUR D.D. 20-05-2011" in giro.description
    card = first.transactions[1]
    assert card.counterparty_name == "DIRCKIII FIL2500 KATWIJK"
    assert card.value_date == date(2011, 5, 21) and card.booking_date == date(2011, 5, 23)
    assert second.transactions[1].counterparty_name == "MYCOM DEN HAAG"
    assert first.transactions[6].line == 23  # after the blank line


def test_triodos_subfields_and_a_non_iban_account():
    (statement,) = parse_bank_file(MT940 / "triodos.sta")
    assert statement.account_number == "TRIODOSBANK/0390123456"
    assert statement.account_iban == ""
    assert amounts(statement) == [Decimal("-15.70"), Decimal("-700.00")]
    costs, rent = statement.transactions
    # >20 … >21 … >22 are one text cut in pieces
    assert costs.description == "ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010"
    assert rent.description == "HUUR KANTOOR - FEB 2010"
    assert costs.counterparty_iban == rent.counterparty_iban == ""  # old domestic numbers are not IBANs
    # this real file does not add up either: 4975.09 - 715.70 = 4259.39, the bank says 4370.79
    assert statement.balance_mismatch() == Decimal("111.40")


def test_ing_style_cntp_and_structured_remittance():
    details = read_details("/CNTP/NL91ABNA0417164300/ABNANL2A/Huurdersvereniging Zuid/Utrecht/"
                           "/REMI/STRD/CUR/1234567890123456//EREF/NOTPROVIDED/")
    assert details.counterparty_account == "NL91ABNA0417164300"
    assert details.counterparty_name == "Huurdersvereniging Zuid"
    assert details.structured_reference == "1234567890123456"
    unstructured = read_details("/CNTP/NL91ABNA0417164300/ABNANL2A/J. de Vries/Leiden//REMI/USTD//Contributie 2024/")
    assert unstructured.description == "Contributie 2024"


def write(tmp_path, text):
    path = tmp_path / "statement.sta"
    path.write_text(text, encoding="utf-8")
    return path


def rabobank_text():
    return (MT940 / "rabobank-iban.sta").read_text(encoding="utf-8")


def test_a_broken_statement_line_is_named(tmp_path):
    text = rabobank_text().replace(":61:130102D000000000010,00N154NONREF", ":61:1301X2D000000000010,00N154NONREF")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, text))
    assert caught.value.line == 10
    assert str(caught.value).startswith("Line 10, statement line: ':61:1301X2D")


def test_an_impossible_date_is_named(tmp_path):
    text = rabobank_text().replace(":61:130108D", ":61:130231D")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, text))
    assert caught.value.line == 18


def test_an_amount_with_a_decimal_point_is_refused_not_misread(tmp_path):
    # the library alone would read 'D9.49N426NONREF' as 9 with a customer reference '.49N426NONREF'
    text = (MT940 / "abnamro.sta").read_text(encoding="utf-8").replace("D9,49N426NONREF", "D9.49N426NONREF")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, text))
    assert caught.value.line == 36
    assert str(caught.value) == (
        "Line 36, statement line: the amount in ':61:1105240524D9.49N426NONREF' is not written as SWIFT writes "
        "amounts (with a decimal comma, to the cent).")


def test_a_file_cut_before_its_closing_balance_gives_nothing(tmp_path):
    lines = rabobank_text().splitlines()
    with pytest.raises(BankFileError, match="no closing balance") as caught:
        parse_bank_file(write(tmp_path, "\n".join(lines[:-1])))
    assert caught.value.line == 14  # the :20: of the unfinished statement


def test_a_bad_balance_line_is_named(tmp_path):
    text = rabobank_text().replace(":60F:C130108EUR", ":60F:X130108EUR")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, text))
    assert caught.value.line == 17
    assert "opening balance" in str(caught.value)


def test_swift_envelope_windows_line_ends_and_a_statement_note(tmp_path):
    body = rabobank_text().split(":20:940S130101", 2)[1]  # the first statement only
    text = ("{1:F01RABONL2UAXXX0000000000}{2:I940RABONL2UXXXXN}{4:\r\n:20:940S130101" + body.replace("\n", "\r\n")
            + ":86:Saldo per 08-01-2013\r\n-}\r\n")
    path = write(tmp_path, text)
    assert detect_format(path) == "mt940"
    (statement,) = parse_bank_file(path)
    assert amounts(statement) == [Decimal("-25.00"), Decimal("-10.00")]
    assert statement.transactions[1].description == "Reference 201301234"  # not the statement's note
    assert statement.closing_balance == Decimal("965.00")


def test_ing_account_with_currency_suffix():
    text = (":20:INGEB\n:25:NL20INGB0001234567EUR\n:28C:00001\n:60F:C240101EUR100,00\n"
            ":61:2401020102C25,00NTRFNONREF//0123\n:86:/CNTP/NL91ABNA0417164300/ABNANL2A/J. de Vries/Leiden/"
            "/REMI/USTD//Contributie 2024/\n:62F:C240102EUR125,00\n")
    from huurdersgroep_app.core.importers.bank.mt940 import parse_mt940_text
    (statement,) = parse_mt940_text(text)
    assert statement.account_iban == "NL20INGB0001234567"
    (contribution,) = statement.transactions
    assert contribution.amount == Decimal("25.00") and contribution.bank_reference == "0123"
    assert contribution.counterparty_name == "J. de Vries" and contribution.description == "Contributie 2024"


def test_reversal_marks_sign_the_amount_the_right_way():
    from huurdersgroep_app.core.importers.bank.mt940 import parse_mt940_text
    text = (":20:X\n:25:NL20INGB0001234567\n:28C:1\n:60F:C240101EUR100,00\n"
            ":61:2401020102RC25,00NTRFNONREF\n:86:/REMI/USTD//Terugboeking gift/\n"  # reversal of a credit: out
            ":61:2401020102RD10,00NTRFNONREF\n:86:/REMI/USTD//Storno incasso/\n"  # reversal of a debit: in
            ":62F:C240102EUR85,00\n")
    (statement,) = parse_mt940_text(text)
    assert amounts(statement) == [Decimal("-25.00"), Decimal("10.00")]
    assert statement.balance_mismatch() is None
