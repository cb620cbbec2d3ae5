"""Funders in the contacts register, grants per year (the per-dwelling calculator), payments
matched on bank import by the funder's IBAN, funders' deadlines, and migration 0006 keeping data."""
from datetime import date
from decimal import Decimal as D

import pytest

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.contacts import Partner
from huurdersgroep_app.core.errors import ValidationError
from huurdersgroep_app.core.importers.bank.statement import BankStatement, BankTransaction
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.finance import accounts, bank_import, categories
from huurdersgroep_app.core.services.funding import funders, grants
from huurdersgroep_app.core.services.funding.deadlines import funding_deadlines
from old_files import file_at

CITY_IBAN = "BE83 0688 8887 7715"


def test_a_funder_is_an_organisation_of_the_contacts_register(db):
    with db.transaction() as s:
        city = funders.add_funder(s, funders.FunderInput("Stad Gent", "municipality", iban=CITY_IBAN))
        assert s.get(Partner, city.partner_id).name == "Stad Gent" and city.iban == "BE83068888877715"
        partner = Partner(name="Provincie Oost-Vlaanderen", kind="other")
        s.add(partner)
        s.flush()
        province = funders.add_funder(s, funders.FunderInput(kind="province", partner_id=partner.id))
        assert (province.name, province.partner_id) == ("Provincie Oost-Vlaanderen", partner.id)
        with pytest.raises(ValidationError) as problem:
            funders.add_funder(s, funders.FunderInput("X", "government", iban="BE00 1234"))
        assert set(problem.value.problems) == {"kind", "iban"}


def test_per_dwelling_grant_uses_the_funders_rate(db):
    with db.transaction() as s:
        complexes.add_complex(s, "Wijk A", 120)
        complexes.add_complex(s, "Wijk B", 37)
        landlord = funders.add_funder(s, funders.FunderInput("Woonmaatschappij", "landlord"))
        grant = grants.add_grant(s, grants.GrantInput(landlord.id, 2026, amount_kind="per_dwelling",
                                                      dwelling_rate="5,50"))
        fixed = grants.add_grant(s, grants.GrantInput(landlord.id, 2026, amount_kind="per_dwelling",
                                                      dwelling_rate="6", dwellings=100, reference="B"))
        assert (grant.dwellings, grant.amount) == (157, D("863.50"))
        assert fixed.amount == D("600.00")
        with pytest.raises(ValidationError):
            grants.add_grant(s, grants.GrantInput(landlord.id, 2026, amount_kind="per_dwelling", reference="C"))


def test_bank_import_charges_a_funders_payment_to_its_grant(db):
    with db.transaction() as s:
        bank = accounts.add_account(s, "Bank", "bank", "BE68 5390 0754 7034")
        city = funders.add_funder(s, funders.FunderInput("Stad Gent", "municipality", iban=CITY_IBAN))
        grant = grants.add_grant(s, grants.GrantInput(city.id, 2026, "750", accountability_deadline="31/05/2027"))
        statement = BankStatement(account_iban="BE68539007547034", transactions=[
            BankTransaction(booking_date=date(2026, 5, 12), amount=D("750.00"), counterparty_name="STAD GENT",
                            counterparty_iban="BE83068888877715", description="Subsidie 2026"),
            BankTransaction(booking_date=date(2026, 5, 13), amount=D("20.00"), counterparty_name="Someone",
                            counterparty_iban="BE71096123456769", description="Gift")])
        preview = bank_import.import_statements(s, bank, [statement], dry_run=False)
        subsidy = next(line for line in preview.lines if line.transaction.amount == D("750.00"))
        assert subsidy.grant_id == grant.id and subsidy.reason == "funder_iban"
        assert subsidy.category_id == categories.category_by_code(s, "municipal_subsidy").id
        assert [p.amount for p in grants.payments(s, grant.id)] == [D("750.00")]
        assert grant.status == "paid"
        assert grants.grant_views(s, 2026)[0].received == D("750.00")


def test_funders_deadlines_due_soon_and_overdue(db):
    with db.transaction() as s:
        city = funders.add_funder(s, funders.FunderInput("Stad Gent", "municipality"))
        grants.add_grant(s, grants.GrantInput(city.id, 2025, "750", accountability_deadline="31/05/2026"))
        grants.add_grant(s, grants.GrantInput(city.id, 2027, "750", status="applied",
                                              application_deadline="01/02/2027"))
        filed = grants.add_grant(s, grants.GrantInput(city.id, 2024, "750", accountability_deadline="31/05/2025"))
        grants.record_accountability(s, filed.id, "20/05/2025")
        soon = funding_deadlines(s, today=date(2026, 5, 20))
        later = funding_deadlines(s, today=date(2027, 1, 20))
    assert [(d.kind, d.year, d.days_left) for d in soon] == [("accountability", 2025, 11)]
    assert [(d.kind, d.year, d.overdue) for d in later] == [("accountability", 2025, True), ("application", 2027,
                                                                                             False)]


def test_migration_keeps_funders_and_grants(db_path):
    con = file_at(db_path, "0005")
    con.execute("INSERT INTO funder (id, name, kind, notes) VALUES (1, 'Provincie', 'government', '')")
    con.execute("INSERT INTO \"grant\" (id, funder_id, year, amount, reference, conditions, deadline, notes) "
                "VALUES (1, 1, 2025, 123456, 'P-1', 'Bewezen kosten', '2026-03-31', '')")
    con.commit()
    con.close()
    with Database(db_path, backup_on_close=False) as database, database.reading() as s:
        view = grants.grant_views(s)[0]
        row = funders.funder_rows(s)[0]
    assert (view.amount, view.reference, view.accountability_deadline, view.status, view.amount_kind) == (
        D("1234.56"), "P-1", date(2026, 3, 31), "granted", "lump_sum")
    assert (row.name, row.kind, row.iban) == ("Provincie", "other", "")
