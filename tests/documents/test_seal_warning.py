"""Reports of a closed year whose books no longer match their seal say so on every page (issue 13 §2)."""
import sqlite3
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx
from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report
from huurdersgroep_app.core.documents.funding.audit_committee import write_audit_committee_report
from huurdersgroep_app.core.documents.funding.grant_accountability import write_grant_accountability

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_files import demo_copy  # noqa: E402

CLOSED = 2025
WARNING = f"these figures do not match the closed books of {CLOSED}"
REPORTS = {"financial report": write_financial_report, "audit pack": write_audit_pack,
           "budget vs actual": write_budget_vs_actual,
           "kascommissie report": lambda s, target, year: write_audit_committee_report(s, year, target),
           "accountability per grant": lambda s, target, year: write_grant_accountability(s, year, target),
           "activity report": lambda s, target, year: write_activity_report(s, year, target)}


@pytest.fixture
def demo(tmp_path) -> Path:
    return demo_copy(tmp_path / "demo.sqlite")


def _alter_closed_year(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER trg_entry_sealed_update")
    con.execute(f"UPDATE entry SET description = 'anders' WHERE booked_on LIKE '{CLOSED}-%'")
    con.commit()
    con.close()


def _write(path: Path, writer, target: Path) -> None:
    with Database(path, backup_on_close=False) as db, db.reading() as s:
        writer(s, target, CLOSED)


def _one_text(pages: list[str]) -> list[str]:
    return [" ".join(text.split()) for text in pages]  # the warning may wrap over two lines


@pytest.mark.parametrize("report", REPORTS, ids=list(REPORTS))
def test_a_report_of_altered_closed_books_is_marked_on_every_page(demo, tmp_path, pdf_pages, report):
    sound = tmp_path / "sound.pdf"
    _write(demo, REPORTS[report], sound)
    assert not any(WARNING in text for text in _one_text(pdf_pages(sound)))
    _alter_closed_year(demo)
    marked = tmp_path / "marked.pdf"
    _write(demo, REPORTS[report], marked)
    pages = _one_text(pdf_pages(marked))
    assert pages and all(WARNING in text for text in pages)


def test_the_ledger_of_altered_closed_books_opens_on_a_warning(demo, tmp_path):
    sound, marked = tmp_path / "sound.xlsx", tmp_path / "marked.xlsx"
    _write(demo, write_ledger_xlsx, sound)
    assert load_workbook(sound).sheetnames[0] != "Warning"
    _alter_closed_year(demo)
    _write(demo, write_ledger_xlsx, marked)
    book = load_workbook(marked)
    assert book.sheetnames[0] == "Warning" and WARNING in book["Warning"]["A1"].value


def _footer_text(path: Path) -> str:
    return " ".join(p.text for section in Document(path).sections for p in section.footer.paragraphs)


def test_the_word_copy_of_a_report_of_altered_closed_books_carries_the_warning_in_its_footer(demo, tmp_path):
    sound, marked = tmp_path / "sound.docx", tmp_path / "marked.docx"
    _write(demo, lambda s, target, year: write_activity_report(s, year, target, "docx"), sound)
    assert WARNING not in _footer_text(sound)
    _alter_closed_year(demo)
    _write(demo, lambda s, target, year: write_activity_report(s, year, target, "docx"), marked)
    # in the footer, so it is on every page of the Word file, above 'Page X of Y'
    footer = Document(marked).sections[0].footer.paragraphs
    assert WARNING in footer[0].text and "Page" in footer[-1].text
