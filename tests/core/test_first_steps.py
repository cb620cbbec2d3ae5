"""The first-run guide's ticks come from what the file holds."""
from datetime import date
from decimal import Decimal

from huurdersgroep_app.core.services import first_steps, organisation
from huurdersgroep_app.core.services.finance import accounts
from huurdersgroep_app.core.services.members import board, complexes, members


def _done(db):
    with db.reading() as s:
        return {step.key: step.done for step in first_steps.first_steps(s, date(2026, 6, 1))}


def test_a_new_group_has_five_steps_to_take_and_each_is_ticked_when_done(db):
    assert _done(db) == dict.fromkeys(("board", "complexes", "members", "bank", "landlord"), False)
    with db.transaction() as s:
        rabot = complexes.add_complex(s, "Rabot")
    assert not _done(db)["complexes"]  # a complex without its dwellings is not set up yet
    with db.transaction() as s:
        complexes.update_complex(s, rabot.id, "Rabot", 80)
        anna = members.add_member(s, members.MemberInput(first_name="Anna", last_name="Peeters"))
        board.assign_office(s, anna.id, "chair", date(2026, 1, 10))
        account = accounts.add_account(s, "Zichtrekening", "bank", "BE68 5390 0754 7034")
    assert _done(db) == {"board": True, "complexes": True, "members": True, "bank": False, "landlord": False}
    with db.transaction() as s:
        accounts.set_opening_balance(s, account.id, 2026, Decimal("120.00"))
        organisation.update_organisation(s, organisation.OrganisationInput(
            name="Huurdersgroep De Linde", region="vlaanderen", landlord_street="Kortrijksesteenweg",
            landlord_house_number="100", landlord_postcode="9000", landlord_city="Gent"))
    assert all(_done(db).values())
    with db.reading() as s:
        assert first_steps.all_done(s, date(2026, 6, 1))
