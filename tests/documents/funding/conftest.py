"""Fixtures for the funding documents: the demo group (seed 5, 'today' 20 November 2025: 2024 is
closed and accounted for, 2025 runs, 2026 is planned) as a copy each module may change."""
from __future__ import annotations

import pytest

from huurdersgroep_app.core.db.engine import Database

from demo_files import demo_copy
from funding_demo import SEED, TODAY



@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = Database(demo_copy(tmp_path_factory.mktemp("demo") / "demo.sqlite", seed=SEED, today=TODAY),
                        backup_on_close=False)
    yield database
    database.close()


@pytest.fixture
def text_of():
    """path → the whole text of a PDF, pages joined by a form feed."""
    from pypdf import PdfReader

    return lambda path: "\f".join(page.extract_text() for page in PdfReader(str(path)).pages)
