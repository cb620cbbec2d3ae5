"""The demo's books: two years, the previous one closed, realistic and reconciling."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.finance import Entry, Receipt
from huurdersgroep_app.core.db.models.finance_plans import DuesPayment
from huurdersgroep_app.core.demo import create_demo
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.balances import account_balances, balance_on
from huurdersgroep_app.core.services.finance.budget import get_budget
from huurdersgroep_app.core.services.finance.closing import closing_checks
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual

from demo_files import demo_copy

TODAY = date(2025, 11, 20)


def _demo(path):
    db = Database(path, create=True, backup_on_close=False)
    with db.transaction() as s:
        create_demo(s, members=120, seed=5, today=TODAY)
    return db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = Database(demo_copy(tmp_path_factory.mktemp("demo") / "demo.sqlite", seed=5, today=TODAY),
                  backup_on_close=False)
    yield db
    db.close()


def test_two_years_of_books_with_the_previous_one_closed(demo_db):
    with demo_db.reading() as s:
        assert [(r.year, r.status) for r in years.list_years(s)] == [(2024, "closed"), (2025, "open")]
        count = s.scalar(select(func.count(Entry.id)))
        assert 330 <= count <= 480  # about 400
        for year in (2024, 2025):
            assert s.scalar(select(func.count(Entry.id)).where(Entry.booked_on.between(
                date(year, 1, 1), date(year, 12, 31)))) > 150
        assert s.scalar(select(func.max(Entry.booked_on))) <= TODAY
        report = closing_checks(s, 2024)
        assert report.already_closed and not report.problems and all(c.ok for c in report.bank_checks)


def test_balances_carry_over_and_the_cash_box_never_goes_below_zero(demo_db):
    with demo_db.reading() as s:
        closing = {r.account_id: r.closing for r in account_balances(s, 2024)}
        assert {r.account_id: r.opening for r in account_balances(s, 2025)} == closing
        cash = next(r.account_id for r in account_balances(s, 2024) if r.kind == "cash")
        day = date(2024, 1, 1)
        while day <= TODAY:
            assert balance_on(s, cash, day) >= 0, day
            day += timedelta(days=7)


def test_income_expenses_dues_receipts_and_budget_look_real(demo_db):
    with demo_db.reading() as s:
        table = budget_vs_actual(s, 2024)
        actual = {row.code: row.actual for row in table.income + table.expense}
        assert actual["landlord_budget"] > 0 and actual["municipal_subsidy"] > 0 and actual["membership_dues"] > 0
        assert actual["meeting_rooms"] > 0 and actual["bank_costs"] > 0 and table.uncategorised == 0
        assert all(row.actual >= 0 for row in table.expense)
        expenses = s.scalar(select(func.count(Entry.id)).where(Entry.amount < 0))
        with_receipt = s.scalar(select(func.count(func.distinct(Receipt.entry_id))))
        assert 0.7 * expenses < with_receipt < expenses
        assert s.scalar(select(func.count(DuesPayment.id))) > 100
        assert get_budget(s, 2024).approved_on is not None and get_budget(s, 2026) is not None
        org = organisation.get_organisation(s)
        assert org.name


def test_the_demo_books_are_deterministic(demo_db, tmp_path):
    again = _demo(tmp_path / "again.sqlite")
    try:
        def rows(db):
            with db.reading() as s:
                return [(e.booked_on, e.amount, e.counterparty, e.description) for e in
                        s.scalars(select(Entry).order_by(Entry.id))]
        assert rows(again) == rows(demo_db)
    finally:
        again.close()
