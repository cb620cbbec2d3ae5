"""Balances reconcile for any books: per account, opening + income − expense + not categorised +
transfers in − transfers out = closing, with income and expense per category kind (credit notes
netted, the one definition of ``results``), equal to an independent sum of the rows; next year's opening is this
year's closing; budget-vs-actual differences add up."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huurdersgroep_app.core.db.models.finance import Entry, EntryLine, OpeningBalance, Transfer
from huurdersgroep_app.core.services.finance.balances import account_balances, opening_balances
from huurdersgroep_app.core.services.finance.budget import set_budget_line
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual

ZERO = Decimal("0.00")
cents = st.integers(min_value=-500_000, max_value=500_000).filter(bool)
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31))
entry_ops = st.tuples(st.just("entry"), st.integers(0, 1), days, cents, st.integers(0, 6))
transfer_ops = st.tuples(st.just("transfer"), st.integers(0, 1), days, st.integers(1, 200_000), st.just(0))
openings = st.tuples(st.integers(-100_000, 900_000), st.integers(0, 900_000))
INCOME_CODES, EXPENSE_CODES = (3, 4, 6), (1, 2, 5)  # indexes into the codes below
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def money(n: int) -> Decimal:
    return Decimal(n) / 100


def _write(session, books, ops, opening):
    """Rows straight through the ORM (no service short-cuts), and the expected sums kept apart."""
    accounts = (books.cash, books.bank)
    codes = [None, "refreshments", "meeting_rooms", "landlord_budget", "membership_dues", "bank_costs", "interest"]
    expected = defaultdict(lambda: ZERO)  # (account, year) → net movement
    for account, amount in zip(accounts, opening, strict=True):
        session.add(OpeningBalance(account_id=account, year=2024, amount=money(amount)))
    for kind, who, day, amount, code in ops:
        if kind == "entry":
            category = books.cat[codes[code]] if codes[code] else None
            session.add(Entry(booked_on=day, account_id=accounts[who], amount=money(amount),
                              lines=[EntryLine(category_id=category, amount=money(amount))]))
            expected[(accounts[who], day.year)] += money(amount)
        else:
            source, target = accounts[who], accounts[1 - who]
            session.add(Transfer(transferred_on=day, from_account_id=source, to_account_id=target,
                                 amount=money(amount)))
            expected[(source, day.year)] -= money(amount)
            expected[(target, day.year)] += money(amount)
    session.flush()
    return expected


@SETTINGS
@given(ops=st.lists(st.one_of(entry_ops, transfer_ops), max_size=40), opening=openings)
def test_every_account_reconciles_every_year(books, ops, opening):
    with books.db.dry_run() as s:  # rolled back after each example
        expected = _write(s, books, ops, opening)
        start = {books.cash: money(opening[0]), books.bank: money(opening[1])}
        for year in (2024, 2025):
            rows = {row.account_id: row for row in account_balances(s, year)}
            for account in (books.cash, books.bank):
                row = rows[account]
                assert row.closing == (row.opening + row.income - row.expense + row.uncategorised
                                       + row.transfers_in - row.transfers_out)
                assert row.opening == start[account]
                assert row.closing == start[account] + expected[(account, year)]
                mine = [(a, c) for k, w, d, a, c in ops if k == "entry" and d.year == year
                        and (books.cash, books.bank)[w] == account]
                assert row.income == sum((money(a) for a, c in mine if c in INCOME_CODES), ZERO)
                assert row.expense == -sum((money(a) for a, c in mine if c in EXPENSE_CODES), ZERO)
                assert row.uncategorised == sum((money(a) for a, c in mine if c == 0), ZERO)
                start[account] = row.closing  # next year's opening is this year's closing
            assert opening_balances(s, year + 1) == {a: start[a] for a in (books.cash, books.bank)}
            # Transfers between own accounts cancel out: the group's total moves by the entries only.
            total = sum((r.closing - r.opening for r in rows.values()), ZERO)
            assert total == sum((r.income - r.expense + r.uncategorised for r in rows.values()), ZERO)


@SETTINGS
@given(ops=st.lists(entry_ops, max_size=40),
       planned=st.dictionaries(st.integers(1, 6), st.integers(0, 300_000), max_size=6))
def test_budget_vs_actual_differences_add_up(books, ops, planned):
    codes = [None, "refreshments", "meeting_rooms", "landlord_budget", "membership_dues", "bank_costs", "interest"]
    with books.db.dry_run() as s:
        _write(s, books, ops, (0, 0))
        for code_index, amount in planned.items():
            set_budget_line(s, 2025, books.cat[codes[code_index]], money(amount))
        table = budget_vs_actual(s, 2025)
        for kind, rows in (("income", table.income), ("expense", table.expense)):
            assert sum((r.difference for r in rows), ZERO) == table.total(kind, "actual") - table.total(kind, "budget")
            for row in rows:
                assert row.difference == row.actual - row.budget
        in_2025 = [(who, amount, code) for kind, who, day, amount, code in ops if day.year == 2025]
        assert table.result_actual == sum((money(a) for _w, a, _c in in_2025), ZERO)
        assert table.uncategorised == sum((money(a) for _w, a, c in in_2025 if c == 0), ZERO)
        for row in table.expense:  # money spent is positive; a refund lowers it
            spent = -sum((money(a) for _w, a, c in in_2025 if c and books.cat[codes[c]] == row.category_id), ZERO)
            assert row.actual == spent
        assert table.result_budget == (sum((money(a) for c, a in planned.items() if codes[c] in
                                            ("landlord_budget", "membership_dues", "interest")), ZERO)
                                       - sum((money(a) for c, a in planned.items() if codes[c] in
                                              ("refreshments", "meeting_rooms", "bank_costs")), ZERO))


def test_inside_reused_results_a_periods_figures_are_read_once(db, books):
    """The funding dossier's parts all show the year's figures: inside ``reused_results`` the query runs
    once per period and every reader gets the same figures; outside, each call reads the books again."""
    from sqlalchemy import event

    from huurdersgroep_app.core.services.finance.results import money_results, reused_results

    reads = []

    def count(_conn, _cursor, statement, *_args):
        if "entry_line" in statement and "GROUP BY" in statement:
            reads.append(statement)

    with db.reading() as s:
        engine = s.get_bind()
        event.listen(engine, "before_cursor_execute", count)
        try:
            money_results(s, date(2025, 1, 1), date(2025, 12, 31))
            money_results(s, date(2025, 1, 1), date(2025, 12, 31))
            assert len(reads) == 2
            with reused_results():
                first = budget_vs_actual(s, 2025)
                again = budget_vs_actual(s, 2025)
                balances = account_balances(s, 2025)
                assert len(reads) == 3  # one read of 2025 for all three
                money_results(s, date(2024, 1, 1), date(2024, 12, 31))  # another period: read
                assert len(reads) == 4
            assert first == again and balances == account_balances(s, 2025) and len(reads) == 5
        finally:
            event.remove(engine, "before_cursor_execute", count)
