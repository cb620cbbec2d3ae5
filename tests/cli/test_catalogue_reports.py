"""Issue 10: the command line makes every document of the catalogue the Documents page shows, by the
same key, so a document added to the catalogue cannot be missing from `huurdersgroep report`."""
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from huurdersgroep_app.cli import REPORTS, build_parser, main
from huurdersgroep_app.core.documents.catalogue import kinds

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from demo_files import demo_copy  # noqa: E402

# Report kinds about one meeting, one advice or the privacy register: not documents of a year, so
# not in the year's catalogue.
NOT_OF_A_YEAR = {"advice-letter", "invitation", "poster", "sign-in-sheet", "minutes", "ballot", "decisions",
                 "dues-letters", "processing-register", "proxy-form"}


def test_every_catalogue_document_is_a_report_kind_and_the_rest_are_documents_of_one_thing():
    _parser, cli = build_parser(["report", "--help"])  # every module registered
    catalogue = {kind.key for kind in kinds()}
    assert catalogue <= set(cli.reports), catalogue - set(cli.reports)
    assert set(cli.reports) - catalogue == NOT_OF_A_YEAR
    assert set(REPORTS) == set(cli.reports)  # the lazy table names each kind's module
    for kind in kinds():  # and each is made in the formats the Documents page offers
        assert set(kind.formats) <= set(cli.report_formats[kind.key]), kind.key


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_copy(tmp_path_factory.mktemp("catalogue") / "demo.sqlite")


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize("key, expected", [("member-counts", "Members per complex"),
                                           ("decisions-register", "Decisions"),
                                           ("annual-minutes", "Minutes")])
def test_a_catalogue_only_kind_is_made_from_the_command_line(demo, tmp_path, capsys, key, expected):
    out = tmp_path / f"{key}.pdf"
    code = main(["report", key, "--db", str(demo), "--year", "2025", "--out", str(out), "--lang", "en"])
    said, err = capsys.readouterr()
    assert code == 0 and err == "" and "Written" in said
    assert expected in _text(out)


def test_the_cover_letter_needs_its_funder_and_comes_as_word(demo, tmp_path, capsys):
    out = tmp_path / "cover.docx"
    code = main(["report", "cover-letter", "--db", str(demo), "--year", "2025", "--out", str(out), "--lang", "en"])
    assert code == 1 and "Choose the funder" in capsys.readouterr().err
    code = main(["report", "cover-letter", "--db", str(demo), "--year", "2025", "--funder", "1", "--format", "docx",
                 "--out", str(out), "--lang", "en"])
    assert code == 0 and out.stat().st_size > 0, capsys.readouterr().err


def test_the_ledger_is_a_spreadsheet_without_asking_for_one(demo, tmp_path, capsys):
    """Before, `report ledger` was registered as a PDF kind: `--format xlsx` was refused, and without it
    a spreadsheet was written while the registry said PDF."""
    out = tmp_path / "ledger.xlsx"
    assert main(["report", "ledger", "--db", str(demo), "--year", "2025", "--out", str(out), "--format", "xlsx"]) == 0
    assert out.read_bytes()[:2] == b"PK"  # a zip: an .xlsx
    code = main(["report", "ledger", "--db", str(demo), "--year", "2025", "--out", str(tmp_path / "l.pdf"),
                 "--format", "pdf", "--lang", "en"])
    assert code == 2 and "is made as XLSX, not as PDF." in capsys.readouterr().err
