"""Fixtures for the finance tests: a group with a cash box, a bank account and the default categories."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from finance_books import Books, make_books  # noqa: E402


@pytest.fixture
def books(db) -> Books:
    return make_books(db)
