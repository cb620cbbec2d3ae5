"""The demo group, built once per test run for each set of parameters and copied for every module
that reads it: building it is the slowest thing the suite does, and reading tests only need a copy.
The tests of determinism build small demos themselves."""
from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.demo import create_demo
from huurdersgroep_app.i18n import language

_built: dict[tuple, Path] = {}
_folder = Path(tempfile.mkdtemp(prefix="huurdersgroep-demo-"))


def demo_copy(target: Path, members: int = 120, seed: int = 1, today: date | None = None) -> Path:
    """A copy at ``target`` of the demo with these parameters (texts in English, as the tests read them)."""
    key = (members, seed, today)
    if key not in _built:
        path = _folder / f"demo-{members}-{seed}-{today}.sqlite"
        with Database(path, create=True, backup_on_close=False) as db, language("en"), db.transaction() as s:
            create_demo(s, members=members, seed=seed, today=today)
        _built[key] = path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_built[key], target)
    return target
