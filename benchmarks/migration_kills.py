"""Kill a migration at random points and look at what is left (issue 13, part 1).

Run: ``PYTHONPATH=. python benchmarks/migration_kills.py [--runs 200] [--seed 13]`` (POSIX: it forks)

A file made at revision 0001 (with a group, complexes, members, an office and a setting) is opened
by a child process that upgrades it to the current schema. The child is killed (SIGKILL, no clean-up)

- at a chosen SQL statement of the upgrade ("statement" kills: every phase of the upgrade is hit), or
- after a random delay between 0 and the length of one whole upgrade ("timed" kills: between
  statements, inside SQLite's writes, during the copy made first).

After each kill the file must be at the old version with exactly its old structure and rows, or at
the new version with the rows kept; either way it must then open. Prints the number of kill runs and
of damaged files. Not a test (the suite runs a few dozen statement kills, tests/core/db/); nothing
here asserts.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# A zygote: imports everything once, then for each request forks a child that opens the file. The
# child counts the SQL statements SQLAlchemy sends and dies (SIGKILL, no clean-up) at statement
# KILL_AT (0: never); a death at COMMIT is one more point. With DELAY the zygote kills the child itself
# after that many seconds. Forking keeps each run at the cost of the upgrade alone.
ZYGOTE = r"""
import os, signal, sys, time
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.engine import Engine
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db import schema
import alembic.command, alembic.config, huurdersgroep_app.core.db.models

state = {"kill_at": 0, "seen": 0}

def step(*_args, **_kw):
    state["seen"] += 1
    if state["seen"] == state["kill_at"]:
        os.kill(os.getpid(), signal.SIGKILL)

event.listen(Engine, "before_cursor_execute", step)
event.listen(Engine, "commit", step)
print("READY", flush=True)
for line in sys.stdin:
    path, home, kill_at, delay = line.split("\t")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        os.environ["HUURDERSGROEP_HOME"] = home
        state["kill_at"] = int(kill_at)
        code = 0
        try:
            Database(Path(path), backup_on_close=False).close()
        except BaseException as exc:
            os.write(write, f"{type(exc).__name__}: {exc}".replace("\n", " ").encode())
            code = 1
        else:
            os.write(write, str(state["seen"]).encode())
        os._exit(code)
    os.close(write)
    if float(delay) >= 0:
        time.sleep(float(delay))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    with os.fdopen(read, "rb") as f:
        said = f.read().decode(errors="replace")
    _pid, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    print(code, said.replace("\n", " "), sep="\t", flush=True)
"""


class Zygote:
    """One long-lived process that forks a child per opening (POSIX only)."""

    def __init__(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
        self.proc = subprocess.Popen([sys.executable, "-c", ZYGOTE], env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = self.proc.stdout.readline()
        if ready.strip() != "READY":
            raise RuntimeError(f"the zygote did not start: {ready!r}")

    def open(self, path: Path, home: Path, kill_at: int = 0, delay: float | None = None) -> tuple[int, str]:
        """(exit code, what the child said): 0 and the statement count, 1 and the error, or -9."""
        self.proc.stdin.write(f"{path}\t{home}\t{kill_at}\t{-1 if delay is None else delay}\n")
        self.proc.stdin.flush()
        code, _tab, said = self.proc.stdout.readline().rstrip("\n").partition("\t")
        return int(code), said

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


OLD_TABLES = ("organisation", "complex", "member", "office", "setting")


def make_old_file(path: Path) -> None:
    """A group's file as revision 0001 wrote it, with a few rows in every table."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from huurdersgroep_app.core.db.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("INSERT INTO organisation (name, region, language, landlord_name, street, house_number, box, "
                "postcode, city, email, phone, iban, registration_number, logo_mime) "
                "VALUES ('Huurdersgroep Oud', 'vlaanderen', 'nl_BE', '', '', '', '', '', '', '', '', '', '', '')")
    con.execute("INSERT INTO complex (id, name, code, address, postcode, city, dwellings, notes) "
                "VALUES (1, 'De Linde', 'L', '', '', '', 100, '')")
    for i in range(1, 41):
        con.execute("INSERT INTO member (id, first_name, last_name, street, house_number, box, postcode, city, "
                    "complex_id, dwelling, is_tenant, phone, email, iban, language, contact_way, left_reason, "
                    "consent_how, notes, anonymised, joined_on) "
                    "VALUES (?, ?, ?, 'Lindelaan', ?, '', '9000', 'Gent', 1, '', 1, '', '', '', 'nl_BE', 'letter', "
                    "'', '', '', 0, '2020-01-01')", (i, f"Voornaam{i}", f"Naam{i}", str(i)))
    con.execute("INSERT INTO office (member_id, role, start_on, notes) VALUES (1, 'chair', '2021-01-01', '')")
    con.execute("INSERT INTO setting (key, value) VALUES ('remember', 'this')")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def fingerprint(path: Path) -> tuple:
    """(version, structure, rows of the 0001 tables) of a file, read without changing it."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = tuple(sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version")))
        structure = tuple(sorted((r[0], r[1] or "") for r in con.execute("SELECT name, sql FROM sqlite_master")))
        rows = tuple(tuple(con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in OLD_TABLES)
    finally:
        con.close()
    return version, structure, rows


def kept_rows(path: Path) -> tuple:
    """What the users care about, comparable before and after the upgrade."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (con.execute("SELECT name FROM organisation").fetchall(),
                con.execute("SELECT first_name, last_name, complex_id FROM member ORDER BY id").fetchall(),
                con.execute("SELECT key, value FROM setting WHERE key = 'remember'").fetchall())
    finally:
        con.close()


@dataclass
class Outcome:
    killed: bool
    state: str  # 'old', 'new' or 'damaged'
    problem: str = ""


def judge(path: Path, original: tuple, original_rows: tuple, home: Path, zygote: Zygote) -> Outcome:
    """Old structure and rows, or the new version with the rows kept; then it must open."""
    from huurdersgroep_app.core.db import backup as backups
    from huurdersgroep_app.core.db.schema import check_schema

    try:
        state = check_schema(path)
    except Exception as exc:  # noqa: BLE001 - any failure here is the damage we count
        return Outcome(True, "damaged", f"check_schema: {exc}")
    if state == "old":
        now = fingerprint(path)
        if now != original:
            return Outcome(True, "damaged", "at the old version but its structure or rows changed")
    elif state != "current":
        return Outcome(True, "damaged", f"state {state}")
    code, said = zygote.open(path, home)  # the next start opens (and if need be upgrades) it
    if code != 0:
        return Outcome(True, "damaged", f"does not open: {said}")
    if kept_rows(path) != original_rows:
        return Outcome(True, "damaged", "rows lost")
    problems = backups.integrity_problems(path)
    if problems:
        return Outcome(True, "damaged", f"integrity: {problems[0]}")
    return Outcome(True, "old" if state == "old" else "new")


class KillBench:
    """One old file made once; every run works on its own copy in its own folder."""

    def __init__(self, work: Path):
        self.work = Path(work)
        self.template = self.work / "template" / "group.sqlite"
        self.template.parent.mkdir(parents=True)
        make_old_file(self.template)
        self.original = fingerprint(self.template)
        self.original_rows = kept_rows(self.template)
        self._n = 0
        self.zygote = Zygote()

    def close(self) -> None:
        self.zygote.close()

    def fresh_copy(self) -> tuple[Path, Path]:
        self._n += 1
        folder = self.work / f"run{self._n}"
        folder.mkdir()
        path = folder / "group.sqlite"
        shutil.copyfile(self.template, path)
        return path, folder / "home"

    def statement_count(self) -> tuple[int, float]:
        """Statements of one whole upgrade, and its length in seconds."""
        path, home = self.fresh_copy()
        start = time.perf_counter()
        code, said = self.zygote.open(path, home)
        elapsed = time.perf_counter() - start
        if code != 0:
            raise RuntimeError(f"an uninterrupted upgrade failed: {said}")
        return int(said), elapsed

    def _kill(self, kill_at: int = 0, delay: float | None = None) -> Outcome:
        path, home = self.fresh_copy()
        code, said = self.zygote.open(path, home, kill_at=kill_at, delay=delay)
        outcome = judge(path, self.original, self.original_rows, home, self.zygote)
        outcome.killed = code < 0
        if outcome.state == "damaged":
            where = f"statement {kill_at}" if delay is None else f"after {delay:.3f} s"
            outcome.problem = f"{where}: {outcome.problem}"
        return outcome

    def kill_at_statement(self, kill_at: int) -> Outcome:
        return self._kill(kill_at=kill_at)

    def kill_after(self, delay: float) -> Outcome:
        return self._kill(delay=delay)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="kill runs of each kind")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="migration-kills-") as tmp:
        bench = KillBench(Path(tmp))
        try:
            statements, seconds = bench.statement_count()
            print(f"one upgrade 0001 → head: {statements} SQL statements, {seconds:.2f} s")
            by_statement = [bench.kill_at_statement(rng.randint(1, statements)) for _ in range(args.runs)]
            by_time = [bench.kill_after(rng.uniform(0, seconds)) for _ in range(args.runs)]
        finally:
            bench.close()
    for name, outcomes in (("statement kills", by_statement), ("timed kills", by_time)):
        killed = sum(o.killed for o in outcomes)
        damaged = [o for o in outcomes if o.state == "damaged"]
        old = sum(o.state == "old" for o in outcomes)
        new = sum(o.state == "new" for o in outcomes)
        print(f"{name}: {len(outcomes)} runs, {killed} killed before the end; left at the old version {old}, "
              f"at the new {new}; damaged files {len(damaged)}")
        for o in damaged[:10]:
            print(f"  damaged: {o.problem}")


if __name__ == "__main__":
    main()
