"""`huurdersgroep report advice-letter|signals|consultation-history` and `advices list|deadlines`."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "documents"))
from advice_sample import SECRET_TEXT, build_advice_group  # noqa: E402


@pytest.fixture
def group_file(tmp_path):
    """A closed file (the CLI opens and locks it itself) holding the advice sample."""
    path = tmp_path / "group.sqlite"
    with Database(path, create=True, backup_on_close=False) as db:
        with db.transaction() as s:
            organisation.create_organisation(s, organisation.OrganisationInput(
                name="Huurdersgroep De Linde", region="vlaanderen", city="Gent", postcode="9000"))
        sample = build_advice_group(db)
    return path, sample


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_advice_letter_pdf_and_docx(group_file, tmp_path, capsys):
    path, sample = group_file
    target = tmp_path / "letter.pdf"
    code, out, err = run(capsys, "report", "advice-letter", "--db", path, "--advice", sample.advice_ids["heating"],
                         "--out", target, "--lang", "en")
    assert (code, err) == (0, "")
    assert out.strip() == f"Written {target} (1 page)."
    assert "Our reference: ADV-2026-01" in pdf_text(target)
    target = tmp_path / "letter.docx"
    code, out, err = run(capsys, "report", "advice-letter", "--db", path, "--advice", sample.advice_ids["heating"],
                         "--out", target, "--format", "docx", "--lang", "en")
    assert (code, out.strip(), err) == (0, f"Written {target}.", "")
    assert "Subject: New central heating in Rabot" in [p.text for p in docx.Document(str(target)).paragraphs]


def test_letter_in_the_groups_language_by_default(group_file, tmp_path, capsys):
    path, sample = group_file
    target = tmp_path / "letter.pdf"
    code, _out, err = run(capsys, "report", "advice-letter", "--db", path, "--advice", sample.advice_ids["heating"],
                          "--out", target)
    assert (code, err) == (0, "")
    assert "23 maart 2026" in pdf_text(target)  # nl_BE dates: the Flemish group's own language


def test_signals_and_consultation_history(group_file, tmp_path, capsys):
    path, _sample = group_file
    signals, history = tmp_path / "signals.pdf", tmp_path / "history.pdf"
    code, out, err = run(capsys, "report", "signals", "--db", path, "--from", "01/01/2026", "--to", "31/12/2026",
                         "--out", signals, "--lang", "en")
    assert (code, err) == (0, "") and out.startswith(f"Written {signals}")
    code, out, err = run(capsys, "report", "consultation-history", "--db", path, "--from", "2026-01-01",
                         "--to", "2026-12-31", "--out", history, "--lang", "en")
    assert (code, err) == (0, "") and out.startswith(f"Written {history}")
    assert "3 signals, of which 1 collective." in pdf_text(signals)
    assert "Consultation February" in pdf_text(history)
    for target in (signals, history):
        assert SECRET_TEXT not in pdf_text(target)


@pytest.mark.parametrize("argv, message", [
    (["advice-letter"], "Say which advice dossier with --advice ID"),
    (["advice-letter", "--advice", "999"], "Advice dossier 999 does not exist."),
    (["advice-letter", "--advice", "4"], "Dossier ADV-2026-03 has no draft yet"),
    (["signals", "--from", "01/01/2026"], "Give the period with --from and --to"),
    (["signals", "--from", "31/02/2026", "--to", "31/12/2026"], "'31/02/2026' is not a date."),
    (["consultation-history", "--from", "31/12/2026", "--to", "01/01/2026"], "The period ends before it starts."),
])
def test_report_errors_are_one_line(group_file, tmp_path, capsys, argv, message):
    path, _sample = group_file
    target = tmp_path / "out.pdf"
    code, out, err = run(capsys, "report", argv[0], "--db", path, "--out", target, "--lang", "en", *argv[1:])
    assert code == 1 and out == ""
    assert err.startswith("huurdersgroep: ") and message in err and err.count("\n") == 1
    assert not target.exists()


def test_signals_report_refuses_docx_as_a_usage_error(group_file, tmp_path, capsys):
    path, _sample = group_file
    target = tmp_path / "out.docx"
    code, out, err = run(capsys, "report", "signals", "--db", path, "--out", target, "--lang", "en",
                         "--from", "01/01/2026", "--to", "31/12/2026", "--format", "docx")
    assert code == 2 and out == "" and not target.exists()
    assert "is made as PDF, not as DOCX." in err and err.count("\n") == 1


def test_advices_list(group_file, capsys):
    path, sample = group_file
    code, out, err = run(capsys, "advices", "list", "--db", path, "--lang", "en")
    assert (code, err) == (0, "")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows == [
        [str(sample.advice_ids["rules"]), "House rules", "Requested", "2026-06-15", ""],
        [str(sample.advice_ids["cleaning"]), "Service costs", "Sent", "2026-05-18", "2026-04-30"],
        [str(sample.advice_ids["heating"]), "Maintenance and repairs", "Reply received", "2026-04-13", "2026-04-06"],
        [str(sample.advice_ids["old"]), "Rent", "Sent", "2025-04-14", "2025-04-04"],
    ]
    code, out, _err = run(capsys, "advices", "list", "--open", "--db", path, "--lang", "en")
    assert code == 0 and len(out.splitlines()) == 4  # none closed or withdrawn yet


def test_advices_deadlines(group_file, capsys):
    path, _sample = group_file
    code, out, err = run(capsys, "advices", "deadlines", "--db", path, "--lang", "en")
    assert (code, err) == (0, "")
    overdue = [line.split("\t") for line in out.splitlines() if line.startswith("Landlord's reply overdue")]
    # Last year's advice was never answered; the answered one never shows.
    assert ["ADV-2025-01", "2025-04-04"] == overdue[0][1:3]
    assert all(row[1] != "ADV-2026-01" for row in overdue)


def test_advices_without_subcommand_is_a_usage_error(group_file, capsys):
    path, _sample = group_file
    code, out, err = run(capsys, "advices", "--db", path, "--lang", "en")
    assert code == 2 and out == "" and "Choose what to do with the advices" in err
