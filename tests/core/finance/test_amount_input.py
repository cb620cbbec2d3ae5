"""Typed amounts are exact or refused, and every amount is bounded, by every path: the services,
the ORM, the command line, the bank files; `huurdersgroep check` finds what plain SQL put past the
bounds (issue 8 §3, issue 13 §3)."""
from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from huurdersgroep_app import i18n
from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.finance import Entry, EntryLine, OpeningBalance
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.importers.bank import BankFileError, parse_bank_file
from huurdersgroep_app.core.services.finance import accounts, entries


def add(books, amount, lang="nl_BE"):
    i18n.set_language(lang)
    with books.db.transaction() as s:
        return entries.add_entry(s, entries.EntryInput(date(2025, 3, 1), books.cash, amount,
                                                       books.cat["materials"])).id


def stored(books) -> list[Decimal]:
    with books.db.reading() as s:
        return list(s.scalars(select(Entry.amount).order_by(Entry.id)))


def test_a_trailing_minus_is_stored_as_money_out(books):
    add(books, "12,50-")
    assert stored(books) == [Decimal("-12.50")]  # the old parser stored +12.50


@pytest.mark.parametrize("typed, reason", [("0,005", "meer dan twee decimalen"), ("1,234", "meer dan twee decimalen"),
                                            ("1,234.56", "is geen bedrag")])
def test_inexact_amounts_are_refused_and_nothing_is_stored(books, typed, reason):
    with pytest.raises(ValidationError) as caught:
        add(books, typed)
    assert reason in caught.value.problems["amount"]
    assert stored(books) == []


def test_the_interface_language_decides_the_grouping(books):
    add(books, "1,234", lang="en")
    add(books, "1.234", lang="nl_BE")
    assert stored(books) == [Decimal("1234.00"), Decimal("1234.00")]


@pytest.mark.parametrize("amount", ["60000000000000000", Decimal("6e16"), 10**17, "1.000.000.000,00",
                                    Decimal("1E+30")])
def test_a_huge_amount_is_refused_with_a_message_for_entries_and_opening_balances(books, amount):
    with pytest.raises(ValidationError) as caught:
        add(books, amount)
    assert "grootste bedrag dat de boekhouding aanvaardt" in caught.value.problems["amount"]
    with pytest.raises(ValidationError, match="grootste bedrag"), books.db.transaction() as s:
        accounts.set_opening_balance(s, books.bank, 2025, amount)
    assert stored(books) == []


def test_the_orm_refuses_an_out_of_range_amount_as_a_domain_error(books):
    with pytest.raises(DomainError, match="largest amount"), books.db.transaction() as s:
        s.add(Entry(booked_on=date(2025, 1, 2), account_id=books.cash, amount=Decimal("-6e16"),
                    lines=[EntryLine(amount=Decimal("-6e16"))]))
    assert stored(books) == []


def test_cli_add_entry_and_opening_balance_refuse_huge_amounts_in_one_line(books, db_path, capsys):
    books.db.close()
    for command in (["add-entry", "--account", "Kas", "--date", "2025-02-01", "--category", "materials",
                     "--amount=-60000000000000000"],
                    ["opening-balance", "--account", "Bank", "--year", "2025", "--amount", "9" * 30]):
        code = main(["finance", command[0], "--db", str(db_path), *command[1:]])
        err = capsys.readouterr().err
        assert code == 1
        assert "largest amount" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    code = main(["finance", "add-entry", "--db", str(db_path), "--account", "Kas", "--date", "2025-02-01",
                 "--category", "materials", "--amount=12,50-"])
    assert code == 0
    with Database(db_path, backup_on_close=False) as again, again.reading() as s:
        assert list(s.scalars(select(Entry.amount))) == [Decimal("-12.50")]
        assert list(s.scalars(select(OpeningBalance.amount))) == []


def test_a_bank_file_with_a_huge_line_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "kbc.csv"
    path.write_text("Rekeningnummer;Omschrijving;Datum;Valuta;Bedrag;Saldo;credit;debet;naam tegenpartij;"
                    "tegenpartij;BIC;omschrijving;Munt;Rekening tegenpartij\n"
                    "BE68 5390 0754 7034;Zichtrekening;01/03/2024;01/03/2024;60000000000000000,00;;;;;;;Huge;EUR;\n",
                    encoding="cp1252")
    with pytest.raises(BankFileError) as caught:
        parse_bank_file(path, format="csv", csv_mapping={"date": "Datum", "amount": "Bedrag", "decimal": ",",
                                                         "date_formats": ["%d/%m/%Y"]})
    assert "Line 2" in str(caught.value) and "largest amount" in str(caught.value)


def _plain_sql_huge_lines(db_path, books):
    """Two lines of € 6·10¹⁶ each, written past the app with plain SQL."""
    books.db.close()
    con = sqlite3.connect(db_path)
    with con:
        for _n in range(2):
            cur = con.execute("INSERT INTO entry (booked_on, account_id, amount, counterparty, counterparty_iban, "
                              "description, receipt_number, structured_reference, bank_reference, created_at, "
                              "updated_at) VALUES ('2025-04-01', ?, 6000000000000000000, '', '', 'x', '', '', '', "
                              "'2025-04-01 00:00:00', '2025-04-01 00:00:00')", (books.bank,))
            con.execute("INSERT INTO entry_line (entry_id, amount, note) VALUES (?, 6000000000000000000, '')",
                        (cur.lastrowid,))
    con.close()


def test_check_finds_out_of_range_amounts_written_by_plain_sql(books, db_path, capsys):
    books.db.close()
    assert main(["check", "--db", str(db_path)]) == 0
    capsys.readouterr()
    books.db = Database(db_path, backup_on_close=False)
    _plain_sql_huge_lines(db_path, books)
    code = main(["check", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "Table entry, column amount" in err and "Table entry_line, column amount" in err
    assert "add up to more than the books can hold" in err


def test_a_statement_whose_lines_add_up_past_the_sum_bound_is_refused():
    from huurdersgroep_app.core.amounts import MAX_AMOUNT
    from huurdersgroep_app.core.importers.bank.bounds import check_bounds
    from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction

    i18n.set_language("en")
    lines = [BankTransaction(booking_date=date(2025, 1, 2), amount=MAX_AMOUNT, line=n) for n in range(2, 102)]
    check_bounds([BankStatement(statement_id="S1", transactions=lines[:100])])  # € 99.999.999.999,00: within
    with pytest.raises(BankFileError, match="The lines of statement S2 add up to .* more than the books accept"):
        check_bounds([BankStatement(statement_id="S2", transactions=lines + lines[:1])])
    with pytest.raises(BankFileError, match="largest amount"):
        check_bounds([BankStatement(statement_id="S3", opening_balance=MAX_AMOUNT + 1, transactions=lines[:1])])
