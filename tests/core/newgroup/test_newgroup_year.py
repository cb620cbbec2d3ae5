"""A new group's year, without the demo: the file is made by `huurdersgroep new`, the year is done
through the command line where it has a command and through the services the window calls where it
has not. Every step is one a new secretary takes in their first year; the money steps are the ones
that failed for a group created by a user (no categories in the file)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from benchmarks.camt_file import CamtLine, write_camt053
from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.advices import dossiers, steps
from huurdersgroep_app.core.services.finance import budget, categories, dues, entries
from huurdersgroep_app.core.services.finance.search import EntryFilter, search_entries
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.members import board, complexes, members

D = Decimal
GROUP_IBAN = "BE68539007547034"
MEMBER_IBAN = "BE71096123456769"
YEAR = 2025


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def new_group(tmp_path, capsys):
    path = tmp_path / "nieuw.sqlite"
    code, out, _err = run(capsys, "new", "--db", path, "--name", "Huurdersgroep De Vlier", "--region",
                          "vlaanderen", "--landlord", "Woonmaatschappij Leie")
    assert code == 0 and "Huurdersgroep De Vlier" in out
    return path


def _text(pdf) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_a_new_group_books_its_first_year_and_closes_it(new_group, tmp_path, capsys):
    db_args = ("--db", new_group)
    with Database(new_group, backup_on_close=False) as db, db.reading() as s:
        assert len(categories.list_categories(s)) == 20  # stored, not only shown

    # Members: an import first, then one by hand.
    sheet = tmp_path / "leden.csv"
    sheet.write_text("Voornaam;Naam;Straat;Nr;Postcode;Gemeente;E-mail;Lid sinds;Wijk\n"
                     "Jan;Peeters;Vlierstraat;1;9000;Gent;jan@example.be;01/02/2024;De Vlier\n"
                     "An;Claes;Vlierstraat;3;9000;Gent;;01/02/2024;De Vlier\n"
                     "Mehmet;Yilmaz;Vlierstraat;5;9000;Gent;;01/02/2024;De Vlier\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", "members", sheet, *db_args)
    assert code == 0, err
    with Database(new_group, backup_on_close=False) as db:
        with db.transaction() as s:
            vlier = next(c for c in complexes.list_complexes(s) if c.name == "De Vlier")
            complexes.update_complex(s, vlier.id, "De Vlier", 40)
            els = members.add_member(s, members.MemberInput(
                first_name="Els", last_name="Van den Broeck", street="Vlierstraat", house_number="7",
                postcode="9000", city="Gent", complex_id=vlier.id, iban=MEMBER_IBAN, joined_on=date(2024, 2, 1)))
            ids = {r.last_name: r.id for r in members.member_rows(s)}
            # The board.
            board.assign_office(s, ids["Peeters"], "chair", date(2025, 1, 1))
            board.assign_office(s, ids["Claes"], "secretary", date(2025, 1, 1))
            board.assign_office(s, els.id, "treasurer", date(2025, 1, 1))
        # A board meeting with minutes: held, a decision, the minutes drafted.
        with db.transaction() as s:
            meeting = meetings.create_meeting(s, meetings.MeetingInput(type="board", scheduled_on=date(2025, 2, 10)))
            meetings.set_meeting_status(s, meeting.id, "held")
            decision = minutes.add_decision(s, meeting.id, minutes.DecisionInput("We vragen advies over de ramen."))
            meetings.set_meeting_status(s, meeting.id, "minutes_drafted")
        # An advice, asked by the landlord, drafted and approved.
        with db.transaction() as s:
            advice = dossiers.create_advice(s, dossiers.AdviceInput("Vervanging ramen", requested_on=date(2025, 3, 1)))
            steps.save_draft(s, advice.id, "De huurdersgroep adviseert driedubbel glas.", on=date(2025, 3, 5))
            steps.approve(s, advice.id, approved_on=date(2025, 3, 10))
        # Dues and a budget (both need the stored categories).
        with db.transaction() as s:
            dues.set_dues_amount(s, YEAR, "5.00")
            reference = dues.structured_reference(els.id, YEAR)
            budget.set_budget_line(s, YEAR, categories.category_by_code(s, "landlord_budget").id, "600.00")
            budget.set_budget_line(s, YEAR, categories.category_by_code(s, "meeting_rooms").id, "300.00")
    assert decision.label == "2025-01"

    # The money: a cash box with an opening balance, a cash entry, then the bank statement.
    assert run(capsys, "finance", "add-account", "--name", "Kas", "--kind", "cash", *db_args)[0] == 0
    assert run(capsys, "finance", "opening-balance", "--account", "Kas", "--year", YEAR, "--amount", "50,00",
               *db_args)[0] == 0
    code, _out, err = run(capsys, "finance", "add-entry", "--date", "2025-02-10", "--account", "Kas",
                          "--amount=-12,40", "--category", "refreshments", "--description", "Koffie", *db_args)
    assert code == 0, err
    statement = write_camt053(tmp_path / "dec.xml", GROUP_IBAN, [
        CamtLine(date(2025, 1, 15), D("600.00"), "Woonmaatschappij Leie", text="werkingsmiddelen 2025"),
        CamtLine(date(2025, 2, 3), D("5.00"), "Els Van den Broeck", MEMBER_IBAN, structured=reference),
        CamtLine(date(2025, 4, 20), D("-250.00"), "Buurthuis De Vlier", text="zaalhuur"),
        CamtLine(date(2025, 12, 31), D("-9.50"), "KBC", text="beheerskosten")], opening=D("0"))
    code, out, err = run(capsys, "import", "bank", statement, "--account", GROUP_IBAN, *db_args)
    assert code == 0 and "Booked 4 new lines" in out, err
    with Database(new_group, backup_on_close=False) as db:
        with db.transaction() as s:
            for row in search_entries(s, EntryFilter(start=date(2025, 1, 1), end=date(2025, 12, 31))):
                if not row.categorised:
                    code_for = {"Woonmaatschappij Leie": "landlord_budget", "Buurthuis De Vlier": "meeting_rooms",
                                "KBC": "bank_costs"}[row.counterparty]
                    entries.set_category(s, row.id, categories.category_by_code(s, code_for).id)
        with db.reading() as s:
            paid = {row.member_id: row for row in dues.dues_status(s, YEAR)}
    assert paid[els.id].paid == D("5.00")

    # The financial report and closing the year.
    report = tmp_path / "financieel.pdf"
    code, _out, err = run(capsys, "report", "financial-report", "--year", YEAR, "--out", report, *db_args)
    assert code == 0, err
    text = _text(report)
    # The group speaks Flemish Dutch: the report does too. The budget and the booked lines meet in it.
    assert "Vergaderzalen € 300,00 € 250,00" in text and "Lidgeld € 0,00 € 5,00" in text
    assert "Totaal € 50,00 € 605,00 € 271,90 € 0,00 € 383,10" in text
    # The statement has lines in four months only and starts on 15 January: asked, then confirmed.
    code, out, err = run(capsys, "finance", "close-year", str(YEAR), *db_args)
    assert code == 1 and "has no bank line in 8 months of 2025: March, May," in err
    assert "the balance on 1 January 2025, €0.00, was taken from the statement that starts on 15 Jan 2025" in err
    assert run(capsys, "finance", "years", *db_args)[1].splitlines()[0] == f"{YEAR}\topen"
    code, out, err = run(capsys, "finance", "close-year", str(YEAR), "--confirm", *db_args)
    assert code == 0, err
    assert run(capsys, "finance", "years", *db_args)[1].splitlines()[0] == f"{YEAR}\tclosed"
    code, out, _err = run(capsys, "finance", "balances", "--year", YEAR + 1, *db_args)
    balances = dict((line.split("\t")[0], line.split("\t")[2]) for line in out.splitlines())
    assert balances["Kas"] == "37.60" and any(v == "345.50" for v in balances.values())
