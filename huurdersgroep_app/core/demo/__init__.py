"""The demo group: a realistic, invented Flemish tenant group. Deterministic for a seed and a day.

Each area adds its own module to this package with ``ORDER`` (an int) and
``populate(session, demo: DemoContext)``; modules run in ORDER, in one transaction.
"""
from __future__ import annotations

import importlib
import pkgutil
import random
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.progress import CancelToken, ProgressCallback, Steps


DEMO_LANGUAGE = "nl_BE"


@dataclass
class DemoContext:
    rng: random.Random
    today: date
    members: int
    # Areas leave what later areas need here (e.g. "complex_ids", "member_ids", "board_member_ids").
    shared: dict = field(default_factory=dict)


def create_demo(session: Session, members: int = 120, seed: int = 1, today: date | None = None,
                progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> DemoContext:
    """Fill ``session`` with the demo group; reports one step per area, and may be cancelled between
    areas (the caller's transaction then rolls everything back)."""
    from huurdersgroep_app.i18n import language

    demo = DemoContext(random.Random(seed), today or date.today(), members)
    modules = [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]
    # The demo group is Flemish: texts the services write (agenda titles, decisions) are in its
    # language, whatever the language of the person who creates the demo.
    areas = sorted((m for m in modules if hasattr(m, "populate")), key=lambda m: m.ORDER)
    steps = Steps(progress, cancel, total=len(areas) + 1)
    with language(DEMO_LANGUAGE):
        for done, module in enumerate(areas):
            steps(done)
            module.populate(session, demo)
    steps(len(areas))
    session.flush()
    steps(len(areas) + 1)
    return demo
