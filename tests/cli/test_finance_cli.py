"""`huurdersgroep import bank`, `report budget|…`, `finance years|balances|close-year`: exit codes,
output and one-line errors, and that a refused command writes nothing."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from benchmarks.camt_file import CamtLine, write_camt053
from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.finance import Account, Entry
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.finance import accounts, categories, entries, transfers

IBAN = "BE68539007547034"
D = Decimal


@pytest.fixture
def group_file(tmp_path):
    path = tmp_path / "group.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Huurdersgroep Ter Linde",
                                                                           region="vlaanderen"))
        cash = accounts.add_account(s, "Kas", "cash")
        accounts.set_opening_balance(s, cash.id, 2024, "40.00")
        category = categories.category_by_code(s, "refreshments").id
        entries.add_entry(s, entries.EntryInput(date(2024, 2, 2), cash.id, "-12.35", category))
    return path


def _count(path, model=Entry) -> int:
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        return s.scalar(select(func.count(model.id)))


def _camt(tmp_path, lines, name="statement.xml", opening="100.00"):
    return write_camt053(tmp_path / name, IBAN, lines, opening=D(opening))


def test_import_bank_dry_run_then_real_then_again(group_file, tmp_path, capsys):
    file = _camt(tmp_path, [CamtLine(date(2024, 3, 1), D("-45.00"), "Buurthuis", text="zaalhuur"),
                            CamtLine(date(2024, 3, 2), D("600.00"), "Woonmaatschappij", text="werkingsmiddelen")])
    args = ["import", "bank", str(file), "--db", str(group_file), "--account", IBAN]
    assert main(args + ["--dry-run"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[:2] == ["2024-03-01\t-45.00\tBuurthuis\tzaalhuur\t",
                                        "2024-03-02\t600.00\tWoonmaatschappij\twerkingsmiddelen\t"]
    assert "nothing was written" in out.out and "would be made for BE68 5390 0754 7034" in out.err
    assert _count(group_file) == 1 and _count(group_file, Account) == 1
    assert main(args) == 0
    out = capsys.readouterr()
    assert "Booked 2 new lines" in out.out and "New bank account" in out.err
    assert main(args) == 0
    assert "Booked 0 new lines on 'Bank BE68 5390 0754 7034'; 2 already booked." in capsys.readouterr().out
    assert _count(group_file) == 3 and _count(group_file, Account) == 2


def test_import_bank_errors_are_one_line_and_write_nothing(group_file, tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text("<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'><BkToCstmrStmt><Stmt>"
                   "<Ntry><Amt Ccy='EUR'>twelve</Amt></Ntry></Stmt></BkToCstmrStmt></Document>")
    assert main(["import", "bank", str(bad), "--db", str(group_file), "--account", IBAN]) == 1
    err = capsys.readouterr().err
    assert err.startswith("huurdersgroep: ") and "Traceback" not in err and len(err.strip().splitlines()) == 1
    good = _camt(tmp_path, [CamtLine(date(2024, 3, 1), D("-1.00"), "X")])
    assert main(["import", "bank", str(good), "--db", str(group_file)]) == 2
    assert "--account" in capsys.readouterr().err
    assert main(["import", "bank", str(good), "--db", str(group_file), "--account", IBAN, "--format", "pdf"]) == 2
    capsys.readouterr()
    assert main(["import", "bank", str(good), "--db", str(group_file), "--account", "Spaarpot"]) == 1
    assert "There is no account 'Spaarpot'" in capsys.readouterr().err
    assert _count(group_file) == 1 and _count(group_file, Account) == 1


def test_years_balances_and_close_year(group_file, tmp_path, capsys):
    file = _camt(tmp_path, [CamtLine(date(2024, 11, 1), D("-2.50"), "Bank", text="kosten"),
                            CamtLine(date(2024, 12, 1), D("1000.00"), "Stad", text="subsidie")], opening="250.00")
    assert main(["import", "bank", str(file), "--db", str(group_file), "--account", IBAN]) == 0
    capsys.readouterr()
    assert main(["finance", "years", "--db", str(group_file)]) == 0
    assert capsys.readouterr().out == "2024\topen\n"
    assert main(["finance", "balances", "--db", str(group_file), "--year", "2024"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Kas\t\t40.00\t0.00\t12.35\t0.00\t27.65\t0.00",
        # The imported lines have no category yet: neither income nor expense, their own last column.
        "Bank BE68 5390 0754 7034\tBE68 5390 0754 7034\t250.00\t0.00\t0.00\t0.00\t1247.50\t997.50"]
    assert main(["finance", "close-year", "2024", "--db", str(group_file)]) == 1
    err = capsys.readouterr().err
    assert "Problem: 2 entries have no category yet." in err and "The year 2024 was not closed." in err
    with Database(group_file, backup_on_close=False) as db, db.transaction() as s:
        for entry in s.scalars(select(Entry).where(Entry.bank_fingerprint.is_not(None))):
            code = "bank_costs" if entry.amount < 0 else "municipal_subsidy"
            entries.set_category(s, entry.id, categories.category_by_code(s, code).id)
    assert main(["finance", "close-year", "2024", "--db", str(group_file)]) == 1
    err = capsys.readouterr().err
    assert "To confirm: 'Bank BE68 5390 0754 7034' has no bank line in 10 months of 2024" in err
    assert "run close-year 2024 --confirm" in err
    assert main(["finance", "years", "--db", str(group_file)]) == 0
    assert capsys.readouterr().out == "2024\topen\n"
    assert main(["finance", "close-year", "2024", "--confirm", "--db", str(group_file)]) == 0
    out = capsys.readouterr()
    assert "The year 2024 is closed" in out.out and "1 expense has no receipt" in out.err
    assert main(["finance", "years", "--db", str(group_file)]) == 0
    assert capsys.readouterr().out == "2024\tclosed\n2025\topen\n"
    late = _camt(tmp_path, [CamtLine(date(2024, 12, 20), D("-9.99"), "Laat")], name="late.xml", opening="1247.50")
    assert main(["import", "bank", str(late), "--db", str(group_file), "--account", IBAN]) == 1
    assert "closed year 2024" in capsys.readouterr().err
    assert _count(group_file) == 3


@pytest.mark.parametrize("kind,title", [("financial-report", "Financial annual report 2024"),
                                        ("budget-vs-actual", "Budget vs actual 2024"), ("budget", "Budget 2024"),
                                        ("audit-pack", "Audit pack 2024")])
def test_money_reports(group_file, tmp_path, capsys, kind, title):
    out = tmp_path / f"{kind}.pdf"
    assert main(["report", kind, "--db", str(group_file), "--year", "2024", "--out", str(out), "--lang", "en"]) == 0
    assert "Written" in capsys.readouterr().out
    assert title in PdfReader(str(out)).pages[0].extract_text()


def test_report_needs_a_year_and_a_ledger_is_a_spreadsheet(group_file, tmp_path, capsys):
    assert main(["report", "financial-report", "--db", str(group_file), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "--year" in capsys.readouterr().err
    out = tmp_path / "ledger.xlsx"
    assert main(["report", "ledger", "--db", str(group_file), "--year", "2024", "--out", str(out)]) == 0
    assert "1 ledger line" in capsys.readouterr().out and out.stat().st_size > 0


def test_balances_print_the_transfers_so_every_row_adds_up(group_file, capsys):
    with Database(group_file, backup_on_close=False) as db, db.transaction() as s:
        cash = s.scalar(select(Account.id).where(Account.name == "Kas"))
        bank = accounts.add_account(s, "Bank", "bank", IBAN).id
        accounts.set_opening_balance(s, bank, 2024, "500.00")
        entries.add_entry(s, entries.EntryInput(date(2024, 5, 5), bank, "250.00",
                                                categories.category_by_code(s, "municipal_subsidy").id))
        transfers.add_transfer(s, date(2024, 6, 1), bank, cash, "100.00")  # cash taken from the bank
        transfers.add_transfer(s, date(2024, 9, 1), cash, bank, "30.00")  # and some brought back
    assert main(["finance", "balances", "--db", str(group_file), "--year", "2024"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[0] for r in rows] == ["Kas", "Bank"]
    for name, _iban, opening, income, expense, moved, closing, uncategorised in rows:
        assert D(opening) + D(income) - D(expense) + D(moved) + D(uncategorised) == D(closing), name
    assert rows[0][5] == "70.00" and rows[1][5] == "-70.00"
    assert rows[0][6] == "97.65" and rows[1][6] == "680.00"


def test_the_balances_help_names_every_column_it_prints(group_file, capsys):
    # The help named seven columns; the rows have eight (the last, the lines not categorised yet).
    with pytest.raises(SystemExit):
        main(["finance", "--help"])
    described = capsys.readouterr().out.split("balances per account:")[1].split("checks")[0]
    assert main(["finance", "balances", "--db", str(group_file), "--year", "2024"]) == 0
    row = capsys.readouterr().out.splitlines()[0].split("\t")
    assert len(" ".join(described.split()).split(", ")) == len(row)
    assert "not categorised" in " ".join(described.split())


@pytest.mark.parametrize("full", [True, False], ids=["full parser", "lazy parser"])
def test_budget_vs_actual_takes_its_period_from_and_to(group_file, tmp_path, capsys, full):
    """``--from``/``--to`` are shared with the advices reports: through the full parser (every command
    registered, as for ``report --help`` or an unknown kind) they used to land in the advices' names
    and the report silently covered the whole year."""
    from huurdersgroep_app.cli import build_parser

    out = tmp_path / "period.pdf"
    argv = ["report", "budget-vs-actual", "--db", str(group_file), "--year", "2024", "--from", "2024-01-01",
            "--to", "2024-01-31", "--out", str(out), "--lang", "en"]
    parser, _cli = build_parser(None if full else argv)
    args = parser.parse_args(argv)
    assert args.handler(args) == 0
    text = PdfReader(str(out)).pages[0].extract_text()
    # The only entry (2 February) lies outside January, so January's actual column holds nothing.
    assert "January" in text and "12.35" not in text, text
    capsys.readouterr()
    year = tmp_path / "year.pdf"
    assert main(["report", "budget-vs-actual", "--db", str(group_file), "--year", "2024", "--out", str(year),
                 "--lang", "en"]) == 0
    assert "12.35" in PdfReader(str(year)).pages[0].extract_text()
