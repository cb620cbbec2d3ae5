"""Bank CSV: one sample per bank profile, written here the way each bank exports, and the generic
mapping for any other bank."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huurdersgroep_app.core.amounts import MAX_CENTS
from huurdersgroep_app.core.importers.bank import BankFileError, CsvMapping, detect_format, parse_bank_file
from huurdersgroep_app.core.importers.bank.csv_bank import detect_profile, parse_csv, parse_csv_text

KBC = """\
Rekeningnummer;Rubrieknaam;Naam;Munt;Afschriftnummer;Datum;Omschrijving;Valuta;Bedrag;Saldo;credit;debet;rekeningnummer tegenpartij;BIC tegenpartij;Naam tegenpartij;Adres tegenpartij;gestructureerde mededeling;Vrije mededeling
BE68 5390 0754 7034;Zichtrekening;Huurdersgroep De Linde;EUR;2024003;04/03/2024;EUROPESE OVERSCHRIJVING VAN Françoise Dupré;04/03/2024;25,00;1.025,00;25,00;;BE71 0961 2345 6769;GKCCBEBB;Françoise Dupré;Rue de l'Église 3 9000 Gent;+++090/9337/55493+++;
BE68 5390 0754 7034;Zichtrekening;Huurdersgroep De Linde;EUR;2024003;06/03/2024;EUROPESE OVERSCHRIJVING NAAR Drukkerij;06/03/2024;-1.048,60;-23,60;;1.048,60;BE62 5100 0754 7061;;Drukkerij Hélène & Zoë bv;;;Factuur 2024-017
"""

BNP = """\
Volgnummer;Uitvoeringsdatum;Valutadatum;Bedrag;Valuta rekening;Rekeningnummer;Type verrichting;Tegenpartij;Naam van de tegenpartij;Mededeling;Details;Status;Reden van weigering
2024-0012;12/03/2024;12/03/2024;-12,35;EUR;BE68539007547034;Betaling met bankkaart;;Brasserie Ça Va;;BETALING MET DEBETKAART 4871 BRASSERIE CA VA GENT 12/03/2024;Geaccepteerd;
2024-0013;13/03/2024;13/03/2024;30,00;EUR;BE68539007547034;Overschrijving;BE56731045678988;Jan Peeters;+++090/9337/55493+++;OVERSCHRIJVING VAN JAN PEETERS;Geaccepteerd;
2024-0014;14/03/2024;14/03/2024;-500,00;EUR;BE68539007547034;Overschrijving;BE02363098765440;Zaalverhuur Sint-Joris vzw;Huur zaal;;Geweigerd;Onvoldoende saldo
"""

BELFIUS = """\
Boekingsdatum vanaf;01/03/2024
Boekingsdatum tot en met;31/03/2024
Bedrag vanaf;
Bedrag tot en met;
Rekeninguittrekselnummer vanaf;
Rekeninguittrekselnummer tot en met;
Mededeling;
Naam tegenpartij bevat;
Rekening tegenpartij;
Laatste saldo;1.234,56 EUR
Datum/uur van het laatste saldo;31/03/2024 23:59:59
;
Rekening;Boekingsdatum;Rekeninguittrekselnummer;Transactienummer;Rekening tegenpartij;Naam tegenpartij bevat;Straat en nummer;Postcode en plaats;Transactie;Valutadatum;Bedrag;Devies;BIC;Landcode;Mededelingen
BE68 5390 0754 7034;05/03/2024;3;0012;BE22 0682 2334 4547;Els Van den Broeck;Kerkstraat 5;9000 Gent;OVERSCHRIJVING VAN BE22 0682 2334 4547;05/03/2024;30,00;EUR;GKCCBEBB;BE;+++024/0000/12307+++
BE68 5390 0754 7034;07/03/2024;3;0013;;;;;KOSTEN BEHEER REKENING;07/03/2024;-4,50;EUR;;;
"""

ING_BE = """\
Rekeningnummer;Naam van de rekening;Rekening tegenpartij;Omzetnummer;Boekingsdatum;Valutadatum;Bedrag;Munteenheid;Omschrijving;Detail van de omzet;Bericht
BE68 5390 0754 7034;Huurdersgroep De Linde;BE15 0017 6543 2130;00087;18/04/2024;18/04/2024;30,00;EUR;Overschrijving van Ahmed El Amrani;Europese overschrijving;+++024/0000/12408+++ lidgeld
BE68 5390 0754 7034;Huurdersgroep De Linde;;00088;19/04/2024;19/04/2024;-2,95;EUR;Kosten;Beheerskosten april;
"""

ARGENTA = """\
Nr v/d rekening;Boekdatum;Valuta datum;Referentie;Beschrijving;Bedrag;Munt;Verrichtingsdatum;Rekening tegenpartij;Naam tegenpartij;Mededeling
BE68 5390 0754 7034;02-05-2024;03-05-2024;B4E02CI0A12;Overschrijving;-75,00;EUR;02-05-2024;BE48 0011 2345 6727;Brasserie Ça Va;Receptie jaarvergadering
"""

ING_NL = """\
"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","Mutatiesoort","Mededelingen"
"20240105","Woonstichting De Hoven","NL02ABNA0123456789","NL91ABNA0417164300","OV","Bij","1.250,00","Overschrijving","Participatiebudget 2024"
"20240108","Drukkerij Van Dam","NL02ABNA0123456789","NL71RABO0123456789","GT","Af","45,60","Online bankieren","Nieuwsbrief januari"
"""

ING_NL_NEW = """\
"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"
"20240108";"Drukkerij Van Dam";"NL02ABNA0123456789";"NL71RABO0123456789";"GT";"Af";"45,60";"Online bankieren";"Nieuwsbrief januari";"1.204,40";""
"20240105";"Woonstichting De Hoven";"NL02ABNA0123456789";"NL91ABNA0417164300";"OV";"Bij";"1.250,00";"Overschrijving";"Participatiebudget 2024";"1.250,00";""
"""

RABOBANK = """\
"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Naam uiteindelijke partij","Naam initiërende partij","BIC tegenpartij","Code","Batch ID","Transactiereferentie","Machtigingskenmerk","Incassant ID","Betalingskenmerk","Omschrijving-1","Omschrijving-2","Omschrijving-3","Reden retour","Oorspr bedrag","Oorspr munt","Koers"
"NL71RABO0123456789","EUR","RABONL2U","000000000000000101","2024-02-01","2024-02-01","+25,00","+1.025,00","NL02ABNA0123456789","J. de Vries","","","ABNANL2A","cb","","","","","","Contributie 2024","","","","","",""
"NL71RABO0123456789","EUR","RABONL2U","000000000000000102","2024-02-03","2024-02-03","-1.000,50","+24,50","NL91ABNA0417164300","Zaal De Ruif","","","ABNANL2A","bg","","","","","1234567890123456","Zaalhuur","algemene","ledenvergadering","","","",""
"NL35RABO0987654321","EUR","RABONL2U","000000000000000007","2024-02-05","2024-02-05","+0,42","+2.500,42","","","","","","rn","","","","","","Rente","","","","","",""
"""

ABN_TAB = (
    "517852257\tEUR\t20240301\t1000,00\t987,65\t20240301\t-12,35\t"
    "BEA   NR:XXX1234   01.03.24/12.54 HEMA UTRECHT,PAS999\n"
    "517852257\tEUR\t20240302\t987,65\t1037,65\t20240302\t50,00\t"
    "/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J. Jansen/REMI/Contributie 2024/EREF/NOTPROVIDED\n")

TRIODOS = """\
"05-02-2024","NL12TRIO0123456789","1.250,00","Credit","Gemeente Utrecht","NL91ABNA0417164300","ET","Subsidie bewonersinitiatief 2024","2.250,00"
"06-02-2024","NL12TRIO0123456789","15,00","Debet","Drukkerij Van Dam","NL02ABNA0123456789","IC","Kopieën","2.235,00"
"""

ASN = """\
02-01-2024,NL50ASNB0123456789,NL91ABNA0417164300,J. de Vries,,,,EUR,1000.00,EUR,25.00,02-01-2024,02-01-2024,8810,IOB,38129521,,'Contributie 2024 huurdersvereniging',1
03-01-2024,NL50ASNB0123456789,,,,,,EUR,1025.00,EUR,-1.50,03-01-2024,03-01-2024,9820,KST,38129522,,'Kosten betaalrekening',1
"""

SAMPLES = {"KBC": (KBC, "cp1252"), "BNP Paribas Fortis": (BNP, "utf-8"), "Belfius": (BELFIUS, "cp1252"),
           "ING België": (ING_BE, "utf-8"), "Argenta": (ARGENTA, "utf-8-sig"), "ING": (ING_NL, "utf-8"),
           "ING (2023)": (ING_NL_NEW, "utf-8"), "Rabobank": (RABOBANK, "utf-8-sig"),
           "ABN AMRO (TAB)": (ABN_TAB, "cp1252"), "Triodos": (TRIODOS, "cp1252"), "ASN / SNS": (ASN, "cp1252")}


def write(tmp_path, text, encoding="utf-8", name="export.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def parse(tmp_path, bank):
    text, encoding = SAMPLES[bank]
    return parse_bank_file(write(tmp_path, text, encoding))


def exact(value, expected):
    return type(value) is Decimal and value == Decimal(expected) and value.as_tuple().exponent == -2


@pytest.mark.parametrize("bank", SAMPLES)
def test_each_bank_is_recognised_and_its_amounts_are_exact(tmp_path, bank):
    text, encoding = SAMPLES[bank]
    path = write(tmp_path, text, encoding)
    assert detect_format(path) == "csv"
    assert detect_profile(text).name == bank.replace(" (2023)", "")
    for statement in parse_bank_file(path):
        for t in statement.transactions:
            assert type(t.amount) is Decimal and t.amount.as_tuple().exponent == -2
            assert t.line is not None


def test_kbc_windows_1252_signs_balances_and_structured_reference(tmp_path):
    (statement,) = parse(tmp_path, "KBC")
    dues, printing = statement.transactions
    assert statement.account_iban == "BE68539007547034"
    assert dues.counterparty_name == "Françoise Dupré"  # read from Windows-1252
    assert dues.counterparty_iban == "BE71096123456769"
    assert dues.structured_reference == "090933755493"
    assert exact(printing.amount, "-1048.60")
    assert printing.description == "Factuur 2024-017"
    assert dues.booking_date == date(2024, 3, 4) and dues.line == 2
    assert exact(statement.opening_balance, "1000.00") and exact(statement.closing_balance, "-23.60")
    assert statement.balance_mismatch() is None


def test_bnp_paribas_fortis_leaves_out_refused_payments(tmp_path):
    (statement,) = parse(tmp_path, "BNP Paribas Fortis")
    card, dues = statement.transactions
    assert exact(card.amount, "-12.35") and card.counterparty_name == "Brasserie Ça Va"
    assert card.description.startswith("BETALING MET DEBETKAART")  # 'Details' when there is no message
    assert dues.structured_reference == "090933755493" and dues.counterparty_iban == "BE56731045678988"
    assert dues.bank_reference == "2024-0013"


def test_belfius_header_after_its_selection_lines(tmp_path):
    (statement,) = parse(tmp_path, "Belfius")
    dues, costs = statement.transactions
    assert dues.line == 14 and costs.line == 15
    assert dues.counterparty_name == "Els Van den Broeck" and dues.structured_reference == "024000012307"
    assert dues.bank_reference == "3/0012"
    assert exact(costs.amount, "-4.50") and costs.description == "KOSTEN BEHEER REKENING"


def test_ing_belgium_and_argenta(tmp_path):
    (ing,) = parse(tmp_path, "ING België")
    assert ing.transactions[0].structured_reference == "024000012408"  # typed in the message
    assert ing.transactions[0].counterparty_iban == "BE15001765432130"
    assert exact(ing.transactions[1].amount, "-2.95")
    (argenta,) = parse(tmp_path, "Argenta")
    (reception,) = argenta.transactions
    assert reception.booking_date == date(2024, 5, 2) and reception.value_date == date(2024, 5, 3)
    assert reception.counterparty_name == "Brasserie Ça Va" and reception.bank_reference == "B4E02CI0A12"


def test_ing_netherlands_af_bij_column(tmp_path):
    (statement,) = parse(tmp_path, "ING")
    budget, printing = statement.transactions
    assert exact(budget.amount, "1250.00") and exact(printing.amount, "-45.60")
    assert budget.booking_date == date(2024, 1, 5)
    assert printing.counterparty_name == "Drukkerij Van Dam"
    assert statement.opening_balance is None  # this export has no balances
    (newest_first,) = parse(tmp_path, "ING (2023)")
    # newest line first, with the balance after each line: opening 0.00, closing 1204.40
    assert exact(newest_first.opening_balance, "0.00") and exact(newest_first.closing_balance, "1204.40")
    assert newest_first.opening_date == date(2024, 1, 5) and newest_first.closing_date == date(2024, 1, 8)


def test_rabobank_two_accounts_become_two_statements(tmp_path):
    current, savings = parse(tmp_path, "Rabobank")
    assert current.account_iban == "NL71RABO0123456789" and savings.account_iban == "NL35RABO0987654321"
    contribution, hall = current.transactions
    assert exact(contribution.amount, "25.00") and exact(hall.amount, "-1000.50")
    assert hall.description == "Zaalhuur algemene ledenvergadering"  # Omschrijving-1, -2, -3
    assert hall.structured_reference == "1234567890123456"  # Betalingskenmerk
    assert hall.bank_reference == "000000000000000102"
    assert exact(current.opening_balance, "1000.00") and exact(current.closing_balance, "24.50")
    assert exact(savings.transactions[0].amount, "0.42")


def test_abn_amro_tab_file_without_header(tmp_path):
    (statement,) = parse(tmp_path, "ABN AMRO (TAB)")
    card, contribution = statement.transactions
    assert statement.account_number == "517852257"
    assert card.counterparty_name == "HEMA UTRECHT" and exact(card.amount, "-12.35")
    assert contribution.counterparty_name == "J. Jansen"
    assert contribution.counterparty_iban == "NL91ABNA0417164300"
    assert contribution.description == "Contributie 2024"
    assert exact(statement.opening_balance, "1000.00") and exact(statement.closing_balance, "1037.65")
    assert statement.balance_mismatch() is None


def test_triodos_and_asn(tmp_path):
    (triodos,) = parse(tmp_path, "Triodos")
    grant, copies = triodos.transactions
    assert exact(grant.amount, "1250.00") and exact(copies.amount, "-15.00")
    assert copies.description == "Kopieën" and grant.counterparty_name == "Gemeente Utrecht"
    assert exact(triodos.opening_balance, "1000.00") and exact(triodos.closing_balance, "2235.00")
    (asn,) = parse(tmp_path, "ASN / SNS")
    contribution, costs = asn.transactions
    assert contribution.description == "Contributie 2024 huurdersvereniging"  # without ASN's '…' quotes
    assert exact(costs.amount, "-1.50") and contribution.bank_reference == "38129521"
    assert exact(asn.opening_balance, "1000.00") and exact(asn.closing_balance, "1023.50")


BUNQ = """\
"Date";"Interest Date";"Amount";"Account";"Counterparty";"Name";"Description"
"2024-06-01";"2024-06-01";"-12.50";"NL19BUNQ2025123456";"NL91ABNA0417164300";"Koffiebar";"Koffie overleg"
"2024-06-02";"2024-06-02";"1,250.00";"NL19BUNQ2025123456";"";"Gemeente";"Subsidie"
"""


def test_an_unknown_bank_asks_for_a_mapping_and_reads_with_one(tmp_path):
    path = write(tmp_path, BUNQ)
    assert detect_format(path) == "csv"
    with pytest.raises(BankFileError, match="Choose which column holds what"):
        parse_bank_file(path)
    mapping = CsvMapping(date="date", value_date="Interest Date", amount="Amount", account="Account",
                         counterparty_iban="Counterparty", counterparty_name="Name", description=("Description",),
                         decimal=".")
    (statement,) = parse_bank_file(path, csv_mapping=mapping)
    coffee, grant = statement.transactions
    assert exact(coffee.amount, "-12.50") and coffee.counterparty_iban == "NL91ABNA0417164300"
    assert exact(grant.amount, "1250.00") and grant.booking_date == date(2024, 6, 2)
    assert statement.account_iban == "NL19BUNQ2025123456"
    as_dict = parse_csv(path, {"date": "Date", "amount": "Amount", "decimal": "."})
    assert [t.amount for t in as_dict[0].transactions] == [Decimal("-12.50"), Decimal("1250.00")]
    with pytest.raises(BankFileError, match="Choose the column with the amount"):
        parse_csv(path, {"date": "Date"})
    with pytest.raises(BankFileError, match="No header line with the columns amount, bedrag"):
        parse_csv(path, {"date": "Bedrag", "amount": "Amount"})


def test_generic_mapping_by_position_with_debit_and_credit_columns():
    text = "31.01.2024|Kas|0,00|150,00|Storting\n01.02.2024|Zaal|80,00||Huur\n"
    mapping = CsvMapping(date=0, counterparty_name=1, debit=2, credit=3, description=(4,), header=False,
                         delimiter="|", date_formats=("%d.%m.%Y",), decimal=",")
    (statement,) = parse_csv_text(text, mapping)
    assert [t.amount for t in statement.transactions] == [Decimal("150.00"), Decimal("-80.00")]
    assert statement.transactions[0].booking_date == date(2024, 1, 31)


def test_a_bad_amount_on_line_seven_is_named(tmp_path):
    header, first, _second = KBC.splitlines()
    rows = [first.replace("25,00;1.025,00", f"{n},00;;") for n in range(1, 6)]
    rows.append(first.replace("25,00;1.025,00", "12,5x;;"))
    path = write(tmp_path, "\n".join([header, *rows]) + "\n", "cp1252")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(path)
    assert caught.value.line == 7
    # KBC's profile declares a decimal comma, so the example is written that way
    assert str(caught.value) == "Line 7, amount: '12,5x' is not an amount. Write it like 1.234,56 or -12,50."


def test_line_numbers_count_a_quoted_text_over_two_lines(tmp_path):
    text = RABOBANK.replace('"Zaalhuur"', '"Zaalhuur\nmaart"').replace('"+0,42"', '"+0,4a"')
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(write(tmp_path, text))
    assert caught.value.line == 5


@pytest.mark.parametrize("value, message", [
    ("12,505", "'12,505' has more than two decimals"),  # three decimals cannot be exact to the cent
    ("12,50-", None),  # a trailing minus is a minus
    ("1.000.000.000,00", "is more than the largest amount the books accept"),
    ("", "the amount is missing"),
])
def test_amounts_are_never_guessed(value, message):
    header, first, _second = KBC.splitlines()
    text = "\n".join([header, first.replace("25,00;1.025,00", f"{value};;")])
    if message is None:
        (statement,) = parse_csv_text(text)
        assert statement.transactions[0].amount == Decimal("-12.50")
        return
    with pytest.raises(BankFileError, match=message):
        parse_csv_text(text)


def test_a_bad_date_and_a_bad_direction_are_named():
    with pytest.raises(BankFileError, match="Line 2, date: '2024-13-05'"):
        parse_csv_text(ING_NL.replace('"20240105"', '"2024-13-05"'))
    with pytest.raises(BankFileError, match="Line 3, credit/debit: 'Weg' says neither"):
        parse_csv_text(ING_NL.replace('"Af"', '"Weg"'))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS), min_size=1, max_size=15))
def test_belgian_amounts_read_back_to_the_cent(cents):
    header, first, _second = KBC.splitlines()

    def belgian(value: int) -> str:
        whole, fraction = divmod(abs(value), 100)
        return ("-" if value < 0 else "") + f"{whole:,}".replace(",", ".") + f",{fraction:02d}"

    rows = [first.replace("25,00;1.025,00", f"{belgian(c)};;") for c in cents]
    (statement,) = parse_csv_text("\n".join([header, *rows]))
    assert [t.amount for t in statement.transactions] == [Decimal(c).scaleb(-2) for c in cents]


def test_an_empty_export_is_refused(tmp_path):
    with pytest.raises(BankFileError, match="no transactions"):
        parse_bank_file(write(tmp_path, KBC.splitlines()[0] + "\n"))
