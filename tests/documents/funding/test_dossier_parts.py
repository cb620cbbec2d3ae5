"""Issue 10 §8: sections the funder does not ask for can be left out — chosen once per funder and kept,
so every way of making the dossier (catalogue, command line) leaves them out."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from demo_files import demo_copy
from funding_demo import SEED, TODAY
from huurdersgroep_app.cli import main
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.documents.catalogue import make_document
from huurdersgroep_app.core.documents.funding.dossier_parts import PART_KEYS, choose_parts, chosen_parts
from huurdersgroep_app.core.errors import DomainError, NotFoundError
from huurdersgroep_app.core.services.funding.funders import funder_rows
from huurdersgroep_app.core.services.organisation import set_setting


def _funders(demo):
    with demo.reading() as s:
        rows = funder_rows(s)
    return rows[0].id, rows[1].id


def test_every_part_until_some_are_left_out_and_the_choice_is_per_funder(demo):
    first, second = _funders(demo)
    with demo.reading() as s:
        assert chosen_parts(s, first) == PART_KEYS
    with demo.transaction() as s:
        kept = choose_parts(s, first, ["board_list", "financial_report"])
    assert kept == ("financial_report", "board_list")  # in the dossier's order
    with demo.reading() as s:
        assert chosen_parts(s, first) == ("financial_report", "board_list")
        assert chosen_parts(s, second) == PART_KEYS
    with demo.transaction() as s:
        choose_parts(s, first, PART_KEYS)


def test_a_part_added_by_a_later_version_is_in_until_left_out(demo):
    first, _second = _funders(demo)
    with demo.transaction() as s:  # as an older version kept it: one part it knew left out, one it did not know
        set_setting(s, f"dossier_left_out.{first}", ["board_list", "a_part_no_longer_made"])
    with demo.reading() as s:
        assert chosen_parts(s, first) == tuple(k for k in PART_KEYS if k != "board_list")
    with demo.transaction() as s:
        choose_parts(s, first, PART_KEYS)


def test_an_unknown_part_or_funder_is_refused_and_nothing_is_kept(demo):
    first, _second = _funders(demo)
    with pytest.raises(DomainError, match="Unknown part of the dossier: everything"):
        with demo.transaction() as s:
            choose_parts(s, first, ["everything"])
    with pytest.raises(NotFoundError):
        with demo.transaction() as s:
            choose_parts(s, 99_999, ["board_list"])
    with demo.reading() as s:
        assert chosen_parts(s, first) == PART_KEYS


def test_the_catalogue_and_the_command_line_leave_out_what_was_left_out(tmp_path, capsys):
    path = demo_copy(tmp_path / "demo.sqlite", seed=SEED, today=TODAY)  # its own file: the CLI opens it alone
    with Database(path, backup_on_close=False) as db:
        first, _second = _funders(db)
        with db.transaction() as s:
            choose_parts(s, first, [k for k in PART_KEYS if k != "board_list"])
        made = tmp_path / "catalogue.pdf"
        with db.reading() as s:
            make_document(s, "funding-dossier", made, 2024, first)
    outline = [item.title for item in PdfReader(made).outline]
    assert "Board list" not in outline and "Compliance checklist" in outline
    by_cli = tmp_path / "cli.pdf"
    code = main(["report", "funding-dossier", "--db", str(path), "--year", "2024", "--funder", str(first),
                 "--out", str(by_cli), "--lang", "en"])
    assert code == 0, capsys.readouterr().err
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(by_cli).pages)
    assert "Board list left out on purpose" in text
    assert "Board list" not in [item.title for item in PdfReader(by_cli).outline]
