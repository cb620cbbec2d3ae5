"""A group with a current member, a former member with bookings and a confidential signal, and a
person who only signed up: built through the services, as the app does."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from huurdersgroep_app.core.db.models.finance import FinancialYear
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.signals import signals
from huurdersgroep_app.core.services.finance import accounts, categories, entries
from huurdersgroep_app.core.services.privacy import consent

TODAY = date(2026, 6, 1)


@dataclass
class People:
    current: int
    former: int
    newcomer: int
    dues_entry: int
    closed_entry: int
    confidential_signal: int


def person(session, first, last, joined=date(2015, 3, 1), **extra):
    return members.add_member(session, members.MemberInput(
        first_name=first, last_name=last, street="Zonnebloemstraat", house_number="17", postcode="9000",
        city="Gent", email=f"{first.lower()}@example.be", phone="0470 12 34 56", contact_way="email",
        iban="BE71 0961 2345 6769", joined_on=joined, notes="Helps with the newsletter", **extra),
        allow_duplicate=True)


def build(db) -> People:
    with db.transaction() as s:
        bank = accounts.add_account(s, "Bank", "bank", "BE68 5390 0754 7034").id
        cat = {c.code: c.id for c in categories.list_categories(s)}
        current = person(s, "Ayşe", "Çelik").id
        former = person(s, "Griet", "Vandewalle", joined=date(2012, 1, 1)).id
        newcomer = person(s, "Noor", "Peeters", joined=date(2026, 5, 1)).id
        statement = consent.publish_statement(s, "Who we are\nDe Linde keeps your name.", published_on=date(2018, 5, 1))
        consent.record_consent(s, former, "registration", date(2018, 5, 20), "paper_form", today=TODAY)
        closed_entry = entries.add_entry(s, entries.EntryInput(
            date(2019, 2, 3), bank, Decimal("12.00"), cat["membership_dues"], counterparty="GRIET VANDEWALLE",
            counterparty_iban="BE71 0961 2345 6769", member_id=former)).id
        dues_entry = entries.add_entry(s, entries.EntryInput(
            date(2025, 2, 3), bank, Decimal("15.00"), cat["membership_dues"], counterparty="GRIET VANDEWALLE",
            counterparty_iban="BE71 0961 2345 6769", member_id=former)).id
        signal = signals.add_signal(s, signals.SignalInput(
            reported_on=date(2024, 3, 1), category="nuisance", reporter_kind="member", member_id=former,
            description="Neighbour at number 19 threatens me", confidential=True, house_number="17"))
        s.add(FinancialYear(year=2019, status="closed", closed_on=date(2020, 1, 15), notes=""))
        members.end_membership(s, former, date(2025, 7, 14), "moved")
        assert statement.version == 1
    return People(current, former, newcomer, dues_entry, closed_entry, signal.id)
