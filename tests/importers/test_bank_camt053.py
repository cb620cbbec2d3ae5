"""CAMT.053 files written by hand from the published ISO 20022 definitions (.001.02 and .001.08)."""
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from huurdersgroep_app.core.importers.bank import BankFileError, detect_format, parse_bank_file
from huurdersgroep_app.core.importers.bank.camt053 import parse_camt053

CAMT = Path(__file__).parent / "fixtures" / "bank" / "camt053"


def only_statement(name):
    statements = parse_bank_file(CAMT / name)
    assert len(statements) == 1
    return statements[0]


def assert_exact(amount, expected: str):
    assert type(amount) is Decimal
    assert amount == Decimal(expected)
    assert amount.as_tuple().exponent == -2


@pytest.mark.parametrize("name", sorted(p.name for p in CAMT.glob("*.xml")))
def test_every_sample_is_detected_as_camt053_and_has_exact_amounts(name):
    assert detect_format(CAMT / name) == "camt053"
    for statement in parse_bank_file(CAMT / name):
        assert type(statement.opening_balance) is Decimal and type(statement.closing_balance) is Decimal
        assert statement.balance_mismatch() is None
        for transaction in statement.transactions:
            assert type(transaction.amount) is Decimal
            assert transaction.amount.as_tuple().exponent == -2


def test_accents_in_names_and_remittance_are_kept():
    statement = only_statement("accents-v02.xml")
    assert statement.account_iban == "BE68539007547034"
    assert statement.statement_id == "2024-03-15-001"
    assert_exact(statement.opening_balance, "1000.00")
    assert_exact(statement.closing_balance, "964.05")
    assert statement.opening_date == date(2024, 3, 1) and statement.closing_date == date(2024, 3, 14)
    dues, printing, coffee = statement.transactions
    assert_exact(dues.amount, "25.00")
    assert dues.counterparty_name == "Françoise Dupré"
    assert dues.counterparty_iban == "BE71096123456769"
    assert dues.description == "Lidgeld 2024 – Françoise Dupré, Rue de l'Église 3"
    assert dues.booking_date == date(2024, 3, 4)
    assert dues.bank_reference == "2024030400017"
    assert_exact(printing.amount, "-48.60")
    assert printing.counterparty_name == "Drukkerij Hélène & Zoë bv"  # the creditor: money went out
    assert printing.description == "Factuur 2024-017 nieuwsbrief kopieën maart – 150 ex."  # two Ustrd joined
    assert coffee.counterparty_name == "Brasserie Ça Va"
    assert_exact(coffee.amount, "-12.35")


def test_each_line_knows_the_line_of_its_entry_in_the_file():
    text = (CAMT / "accents-v02.xml").read_text(encoding="utf-8").splitlines()
    entry_lines = [number for number, line in enumerate(text, start=1) if line.strip() == "<Ntry>"]
    assert [t.line for t in only_statement("accents-v02.xml").transactions] == entry_lines


def test_belgian_structured_reference_is_twelve_digits_and_rf_is_kept():
    statement = only_statement("structured-reference-v08.xml")
    by_name = {t.counterparty_name: t for t in statement.transactions}
    assert by_name["Jan Peeters"].structured_reference == "090933755493"  # from +++090/9337/55493+++
    assert by_name["Els Van den Broeck"].structured_reference == "024000012307"
    assert by_name["Zaalverhuur Sint-Joris vzw"].structured_reference == "RF18539007547034"
    assert_exact(by_name["Zaalverhuur Sint-Joris vzw"].amount, "-150.00")
    # typed into the free message by the member, with correct check digits
    assert by_name["Ahmed El Amrani"].structured_reference == "024000012408"
    assert by_name["Ahmed El Amrani"].booking_date == date(2024, 4, 18)  # from a BookgDt/DtTm
    assert by_name["Jan Peeters"].counterparty_iban == "BE56731045678988"  # .08: Dbtr/Pty/Nm


def test_pending_entries_are_left_out_and_previous_closing_is_the_opening():
    statement = only_statement("structured-reference-v08.xml")
    assert len(statement.transactions) == 4  # the PDNG entry of 99.00 is not on the books
    assert Decimal("99.00") not in [t.amount for t in statement.transactions]
    assert_exact(statement.opening_balance, "500.00")  # PRCD
    assert_exact(statement.closing_balance, "440.00")  # CLBD, not the CLAV next to it


def test_reversals_and_credit_notes():
    statement = only_statement("reversal-v02.xml")
    debit, reversal, credit_note, returned = statement.transactions
    assert_exact(debit.amount, "-45.00")
    assert debit.counterparty_name == "Internetprovider Nétlink NV"
    # the direct debit comes back: money in, and the counterparty is still the provider, not us
    assert_exact(reversal.amount, "45.00")
    assert reversal.counterparty_name == "Internetprovider Nétlink NV"
    assert reversal.counterparty_iban == "NL91ABNA0417164300"
    assert reversal.value_date == date(2024, 5, 6) and reversal.booking_date == date(2024, 5, 13)
    assert_exact(credit_note.amount, "12.40")
    assert credit_note.counterparty_name == "Drukkerij Hélène & Zoë bv"
    assert credit_note.description == "Creditnota CN-2024-004: te veel aangerekende kopieën"
    # a member's payment sent back: money out, the counterparty is the member who had paid
    assert_exact(returned.amount, "-25.00")
    assert returned.counterparty_name == "Françoise Dupré"
    assert returned.counterparty_iban == "BE71096123456769"
    assert statement.balance_mismatch() is None


def test_several_statements_in_one_file():
    current_1, current_2, savings = parse_bank_file(CAMT / "several-statements-v02.xml")
    assert [s.statement_id for s in (current_1, current_2, savings)] == \
        ["2024-06-02-CUR", "2024-06-03-CUR", "2024-06-03-SAV"]
    assert current_1.account_iban == current_2.account_iban == "BE68539007547034"
    assert savings.account_iban == "BE43068999999501"
    assert_exact(current_2.opening_balance, "1025.00")
    assert_exact(current_2.closing_balance, "1015.00")
    assert current_2.transactions[0].description == "Beheerskosten rekening juni"  # from AddtlNtryInf
    assert_exact(savings.transactions[0].amount, "1.23")


def test_batch_entry_becomes_one_transaction_per_detail():
    statement = only_statement("batch-v08.xml")
    amounts = [t.amount for t in statement.transactions]
    assert amounts == [Decimal("30.00")] * 3 + [Decimal("-60.00"), Decimal("-40.00"), Decimal("40.00")]
    dues = statement.transactions[:3]
    assert [t.counterparty_name for t in dues] == ["Jan Peeters", "Els Van den Broeck", "Ahmed El Amrani"]
    assert [t.structured_reference for t in dues] == ["090933755493", "024000012307", "024000012408"]
    assert [t.bank_reference for t in dues] == ["BATCH-0905-A", "BATCH-0905-B", "BATCH-0905/3"]
    assert len({t.fingerprint("BE68539007547034") for t in statement.transactions}) == 6
    allowances = statement.transactions[3:5]
    assert [t.counterparty_name for t in allowances] == ["Françoise Dupré", "Jan Peeters"]
    # details without amounts cannot be split: the statement's line stays whole
    deposit = statement.transactions[5]
    assert deposit.description == "Storting kas buurtfeest | Storting kas tombola"
    assert statement.balance_mismatch() is None


def test_truncated_xml_names_the_line_where_it_stops(tmp_path):
    text = (CAMT / "accents-v02.xml").read_text(encoding="utf-8")
    cut = "\n".join(text.splitlines()[:60])
    path = tmp_path / "cut.xml"
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(path)
    assert caught.value.line == 60
    assert str(caught.value) == "Line 60: The file stops in the middle: it is incomplete or damaged."


def test_an_amount_with_a_comma_names_its_line_and_field(tmp_path):
    text = (CAMT / "reversal-v02.xml").read_text(encoding="utf-8").replace(
        '<Amt Ccy="EUR">12.40</Amt>', '<Amt Ccy="EUR">12,40</Amt>', 1)
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "12,40" in row)
    with pytest.raises(BankFileError) as caught:
        parse_camt053(path)
    assert caught.value.line == line
    assert str(caught.value) == f"Line {line}, amount: '12,40' is not an amount."


def test_a_missing_credit_debit_indicator_is_refused(tmp_path):
    text = (CAMT / "accents-v02.xml").read_text(encoding="utf-8")
    text = text.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>", 1)
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankFileError, match="'DEBIT' is neither CRDT"):
        parse_bank_file(path)


def test_other_iso_messages_are_not_taken_for_statements(tmp_path):
    path = tmp_path / "payments.xml"
    path.write_text('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">'
                    "<CstmrCdtTrfInitn/></Document>", encoding="utf-8")
    with pytest.raises(BankFileError, match="pain.001 file, not a bank statement"):
        detect_format(path)
    with pytest.raises(BankFileError, match="not a CAMT.053 bank statement"):
        parse_bank_file(path, format="camt053")


def test_line_numbers_stay_right_when_a_comment_holds_a_tag(tmp_path):
    text = (CAMT / "accents-v02.xml").read_text(encoding="utf-8").replace(
        "<BkToCstmrStmt>", "<BkToCstmrStmt>\n    <!-- an example: <Ntry> … </Ntry> -->", 1)
    path = tmp_path / "commented.xml"
    path.write_text(text, encoding="utf-8")
    entry_lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == "<Ntry>"]
    assert [t.line for t in parse_camt053(path)[0].transactions] == entry_lines


def test_an_amount_finer_than_a_cent_is_refused(tmp_path):
    text = (CAMT / "accents-v02.xml").read_text(encoding="utf-8").replace(
        '<Amt Ccy="EUR">12.35</Amt>', '<Amt Ccy="EUR">12.345</Amt>', 1)
    path = tmp_path / "fine.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankFileError, match="'12.345' is not an amount"):
        parse_camt053(path)
