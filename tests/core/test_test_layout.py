"""tests/ mirrors the package (ARCHITECTURE.md): each folder of tests names the package it tests, so
a newcomer finds a screen's tests beside its room and the layout can't drift again.

The one named exception is ``newgroup``: a new group's first year walked through every area (members,
dues, cash book, bank, closing, overview) — a journey across rooms on purpose, kept as one suite so
that the steps run in the order a new secretary takes them.
"""
from __future__ import annotations

from pathlib import Path

import huurdersgroep_app

PACKAGE = Path(huurdersgroep_app.__file__).parent
TESTS = Path(__file__).resolve().parents[1]
JOURNEYS = {"newgroup"}


def packages(*roots: Path) -> set[str]:
    return {p.name for root in roots for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def folders_with_tests(tests: Path) -> list[str]:
    return sorted(p.name for p in tests.iterdir() if p.is_dir() and p.name != "__pycache__"
                  and any(p.rglob("test_*.py")))


def strays(tests: Path, *roots: Path) -> list[str]:
    real = packages(*roots)
    return [name for name in folders_with_tests(tests) if name not in real and name not in JOURNEYS]


def test_every_ui_test_folder_names_an_area_of_the_window():
    assert strays(TESTS / "ui", PACKAGE / "ui") == []


def test_every_core_test_folder_names_a_core_package_or_a_service_area():
    assert strays(TESTS / "core", PACKAGE / "core", PACKAGE / "core" / "services") == []


def test_every_document_test_folder_names_a_document_package():
    assert strays(TESTS / "documents", PACKAGE / "core" / "documents") == []


def test_a_flat_ui_test_named_for_an_area_lives_in_its_folder():
    areas = packages(PACKAGE / "ui")
    flat = [p.name for p in (TESTS / "ui").glob("test_*.py")
            if any(p.stem.startswith(f"test_{area}_") or p.stem == f"test_{area}" for area in areas)]
    assert flat == []


def test_the_check_sees_a_stray_folder(tmp_path):
    (tmp_path / "tests" / "privacy").mkdir(parents=True)
    (tmp_path / "tests" / "privacy" / "test_x.py").write_text("")
    (tmp_path / "pkg" / "members").mkdir(parents=True)
    (tmp_path / "pkg" / "members" / "__init__.py").write_text("")
    assert strays(tmp_path / "tests", tmp_path / "pkg") == ["privacy"]
