"""Fixtures for document tests: the sample group and PDF text extraction."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from sample_group import SampleGroup, build_group


@pytest.fixture
def group(db) -> SampleGroup:
    """Six active members in two complexes (60 and 12 dwellings), one former member, a board."""
    return build_group(db)


def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


@pytest.fixture
def pdf_pages():
    """path → the text of each page, as pypdf extracts it."""
    return _pages


@pytest.fixture
def pdf_lines():
    """path → every line of text of the whole document, stripped."""
    return lambda path: [line.strip() for text in _pages(path) for line in text.splitlines()]
