"""A migration killed at any point leaves the file at the old version or at the new one, and it opens."""
import os
import random
import signal

import pytest

from benchmarks.migration_kills import KillBench

RUNS = 24
SEED = 13

pytestmark = pytest.mark.skipif(not (hasattr(os, "fork") and hasattr(signal, "SIGKILL")),
                                reason="kills forked children with SIGKILL")


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    bench = KillBench(tmp_path_factory.mktemp("kills"))
    yield bench
    bench.close()


def test_uninterrupted_upgrade_keeps_the_rows(bench):
    statements, _seconds = bench.statement_count()
    assert statements > 50  # the upgrade really runs through the migrations


def test_killed_migrations_leave_old_or_new_never_half(bench):
    statements, _seconds = bench.statement_count()
    rng = random.Random(SEED)
    points = sorted({rng.randint(1, statements) for _ in range(RUNS)} | {1, statements - 1})
    outcomes = {point: bench.kill_at_statement(point) for point in points}
    damaged = {point: o.problem for point, o in outcomes.items() if o.state == "damaged"}
    assert damaged == {}
    assert all(o.killed for o in outcomes.values())  # each run really died during the opening
    assert {o.state for o in outcomes.values()} == {"old"}  # a kill before the commit changes nothing


def test_timed_kills_leave_old_or_new(bench):
    _statements, seconds = bench.statement_count()
    rng = random.Random(SEED)
    outcomes = [bench.kill_after(rng.uniform(0, seconds)) for _ in range(6)]
    assert [o.problem for o in outcomes if o.state == "damaged"] == []
