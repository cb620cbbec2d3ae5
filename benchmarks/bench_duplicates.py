"""The duplicate check of one member's save on a 10,000-member file (issue 8 §4).

Run: ``python benchmarks/bench_duplicates.py [--members 10000] [--probes 30]``

For probes copied from registered members (so some are found), prints the median time of
- ``whole index``: the index over every member, then ``find`` (what each save did before);
- ``near (SQL first)``: ``members.find_likely_duplicates``, which reads only the members with the
  same postcode or complex;
and checks that both give the same members. Not a test.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bigdb import make_big_db  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.db.models import Member  # noqa: E402
from huurdersgroep_app.core.services.members import members  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--probes", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_big_db(Path(tmp) / "big.sqlite", members=args.members)
        with Database(path, backup_on_close=False) as db, db.reading() as s:
            rng = random.Random(1)
            people = rng.sample(list(s.scalars(Member.__table__.select().with_only_columns(Member.id))), args.probes)
            probes = []
            for member_id in people:
                m = s.get(Member, member_id)
                probes.append(dict(first_name=m.first_name, last_name=m.last_name + "e", street=m.street,
                                   house_number=m.house_number, postcode=m.postcode, complex_id=m.complex_id))
            whole, near, found = [], [], 0
            for probe in probes:
                started = time.perf_counter()
                expected = sorted(members.duplicate_index(s).find(probe))
                whole.append(time.perf_counter() - started)
                started = time.perf_counter()
                got = sorted(m.id for m in members.find_likely_duplicates(s, probe))
                near.append(time.perf_counter() - started)
                if got != expected:
                    raise SystemExit(f"different duplicates for {probe}: {got} != {expected}")
                found += bool(got)
    print(f"duplicate check of one save, {args.members:,} members, median of {args.probes} probes "
          f"({found} with a likely duplicate, the same members found both ways):")
    print(f"  whole index      {statistics.median(whole) * 1000:7.1f} ms")
    print(f"  near (SQL first) {statistics.median(near) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
