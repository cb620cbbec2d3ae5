"""The demo's contacts, advice dossiers and signals: varied, valid, deterministic."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.db.models.contacts import Contact, Partner
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.demo import create_demo
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.deadline_overview import deadline_overview

DAY = date(2026, 5, 20)


def _signals(session) -> list[tuple]:
    return [(s.reported_on, s.category, s.description, s.status, s.confidential, s.advice_id, s.reporter_kind)
            for s in session.scalars(select(Signal).order_by(Signal.id))]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        demo = create_demo(s, members=80, seed=4, today=DAY)
    database = Database(path, backup_on_close=False)
    yield database, demo
    database.close()


def test_contacts_register(demo_db):
    db, demo = demo_db
    with db.reading() as s:
        kinds = set(s.scalars(select(Partner.kind)))
        assert {"landlord", "municipality", "tenants_union", "welfare"} <= kinds
        departments = {c.department for c in contacts.landlord_contacts(s, DAY)}
        assert {"management", "social_service", "technical_service"} <= departments
        assert s.scalar(select(Contact).where(Contact.end_on.is_not(None))) is not None  # history kept
        assert contacts.choose_addressee(s, DAY).role == "Directeur"
        assert sorted(demo.shared["landlord_contact_ids"]) == sorted(c.id for c in contacts.landlord_contacts(s, DAY))


def test_six_dossiers_in_different_states(demo_db):
    db, demo = demo_db
    with db.reading() as s:
        dossiers = list(s.scalars(select(Advice)))
        assert len(dossiers) == 6 and sorted(demo.shared["advice_ids"]) == sorted(a.id for a in dossiers)
        assert len({a.status for a in dossiers}) == 6
        assert {a.kind for a in dossiers} == {"asked", "own_initiative"}
        assert all(a.versions for a in dossiers if a.status != "requested")
        assert any(len(a.versions) > 1 for a in dossiers)
        assert any(a.actions for a in dossiers) and any(not a.information_complete for a in dossiers)
        overview = deadline_overview(s, DAY)
        assert overview.advice_due and overview.replies_overdue and overview.signals_unanswered


def test_about_eighty_signals(demo_db):
    db, _demo = demo_db
    with db.reading() as s:
        signals = list(s.scalars(select(Signal)))
        assert 70 <= len(signals) <= 90
        assert all(DAY - timedelta(days=366) <= x.reported_on <= DAY for x in signals)
        assert 0 < sum(x.confidential for x in signals) < 8
        assert Counter(x.reporter_kind for x in signals).keys() == {"member", "non_member", "anonymous"}
        assert len(Counter(x.category for x in signals)) == 9
        assert len({x.status for x in signals}) >= 4
        linked = Counter(x.advice.title for x in signals if x.advice is not None)
        damp = [title for title in linked if title.startswith("Vocht en schimmel")]
        assert damp and linked[damp[0]] == 12
        for x in signals:  # the follow-up never runs before the report or after the demo's day
            for day in (x.forwarded_on, x.answered_on, x.resolved_on):
                assert day is None or x.reported_on <= day <= DAY


def test_same_seed_same_signals(demo_db, tmp_path):
    db, _demo = demo_db
    with Database(tmp_path / "again.sqlite", create=True, backup_on_close=False) as again:
        with again.transaction() as s:
            create_demo(s, members=80, seed=4, today=DAY)
        with again.reading() as s, db.reading() as first:
            assert _signals(s) == _signals(first)
