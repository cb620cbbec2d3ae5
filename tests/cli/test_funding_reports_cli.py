"""`huurdersgroep report activity-report|year-plan|grant-accountability|audit-committee|funding-dossier`:
the files they write, the formats each takes, and one clear line for what cannot be made."""
from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from huurdersgroep_app.cli import main

from demo_files import demo_copy

TODAY = date(2025, 11, 20)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return demo_copy(tmp_path_factory.mktemp("demo") / "demo.sqlite", seed=5, today=TODAY)


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_each_funding_document_in_each_of_its_formats(demo_file, tmp_path, capsys):
    db = ["--db", str(demo_file), "--lang", "en"]
    for kind, year, fmt in (("activity-report", 2024, "pdf"), ("activity-report", 2024, "docx"),
                            ("year-plan", 2026, "docx"), ("grant-accountability", 2024, "xlsx"),
                            ("audit-committee", 2024, "pdf")):
        out_file = tmp_path / f"{kind}.{fmt}"
        code, out, err = _run(capsys, "report", kind, *db, "--year", str(year), "--format", fmt, "--out", str(out_file))
        assert (code, err) == (0, ""), (kind, err)
        assert out.startswith(f"Written {out_file}")
    assert len(PdfReader(str(tmp_path / "audit-committee.pdf")).pages) == 1
    assert Document(str(tmp_path / "year-plan.docx")).paragraphs[0].text == "Year plan 2026"
    assert load_workbook(tmp_path / "grant-accountability.xlsx").sheetnames[0] == "Grants 2024"


def test_the_dossier_needs_a_funder_when_there_are_several(demo_file, tmp_path, capsys):
    db = ["--db", str(demo_file), "--lang", "en", "--year", "2024"]
    code, out, err = _run(capsys, "report", "funding-dossier", *db, "--out", str(tmp_path / "d.pdf"))
    assert code == 2 and "--funder" in err and "Stad Kortrijk" in err and not (tmp_path / "d.pdf").exists()
    funder = err.split("--funder ID: ")[1].split(" (")[0]
    code, out, err = _run(capsys, "report", "funding-dossier", *db, "--funder", funder,
                          "--out", str(tmp_path / "d.pdf"))
    pages = len(PdfReader(str(tmp_path / "d.pdf")).pages)
    assert (code, err) == (0, "") and out.strip().endswith(f"({pages} pages).") and pages > 10


def test_what_cannot_be_made_is_one_line(demo_file, tmp_path, capsys):
    db = ["--db", str(demo_file), "--lang", "en"]
    code, out, err = _run(capsys, "report", "audit-committee", *db, "--year", "2025", "--out", str(tmp_path / "a.pdf"))
    assert code == 1 and err.strip() == ("huurdersgroep: The books of 2025 are not closed yet; the audit committee "
                                         "reports on a closed year.")
    code, out, err = _run(capsys, "report", "year-plan", *db, "--year", "2026", "--format", "xlsx",
                          "--out", str(tmp_path / "p.xlsx"))
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, out, err = _run(capsys, "report", "activity-report", *db, "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "--year" in err
    assert not list(tmp_path.iterdir())
