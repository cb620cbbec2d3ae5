"""Fixtures for the privacy tests: the people of ``privacy_people`` and PDF text extraction."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))

from privacy_people import People, build  # noqa: E402


@pytest.fixture
def people(db) -> People:
    return build(db)


@pytest.fixture
def pdf_text():
    """path → the whole text of the PDF, as pypdf extracts it, with lines joined by spaces."""
    return lambda path: " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)
