"""Start-up pays only for the command that runs: `--help` imports no command module, no
SQLAlchemy, no reportlab, no service; a command imports its own module and not the others'; the
registry tables say what each module registers, and a command they miss still runs."""
from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from huurdersgroep_app import cli as cli_package
from huurdersgroep_app.cli import COMMANDS, IMPORTS, REPORTS, Cli, Parser, build_parser, main, modules_for
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "reportlab", "PySide6", "openpyxl", "docx", "babel", "alembic",
         "huurdersgroep_app.core.services", "huurdersgroep_app.core.db", "huurdersgroep_app.core.documents")


def imported_after(tmp_path, argv: list[str]) -> tuple[str, set[str]]:
    """Run ``main(argv)`` in a fresh interpreter; its stdout and the modules it had imported."""
    script = ("import sys\n"
              "from huurdersgroep_app.cli import main\n"
              "try:\n"
              f"    main({argv!r})\n"
              "except SystemExit:\n"
              "    pass\n"
              "print('MODULES', ' '.join(sorted(sys.modules)))\n")
    env = dict(os.environ, HUURDERSGROEP_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    out, _, modules = done.stdout.rpartition("MODULES ")
    return out, set(modules.split())


def loaded(modules: set[str], prefix: str) -> list[str]:
    return sorted(m for m in modules if m == prefix or m.startswith(prefix + "."))


def test_help_imports_no_command_module_and_nothing_heavy(tmp_path):
    out, modules = imported_after(tmp_path, ["--help"])
    for name in HEAVY:
        assert not loaded(modules, name), name
    assert not [m for m in modules if m.startswith("huurdersgroep_app.cli.")]
    assert "importlib.metadata" not in modules  # the version is read only for --version
    for command in ("report", "import", *COMMANDS):  # and still every command is listed, with its help
        assert command in out
    assert "the books: years, balances, closing a year" in out


def test_a_report_imports_its_own_module_only(tmp_path):
    path = tmp_path / "g.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Zuid", region="vlaanderen"))
    out, modules = imported_after(tmp_path, ["report", "board-list", "--db", str(path), "--out",
                                             str(tmp_path / "b.pdf"), "--lang", "en"])
    assert "Written" in out and (tmp_path / "b.pdf").stat().st_size > 0
    commands = {m.rpartition(".")[2] for m in modules if m.startswith("huurdersgroep_app.cli.")}
    assert commands == {"reports"}
    # nothing of the other areas' commands: no bank files, no demo, no meeting documents
    for name in ("huurdersgroep_app.core.importers", "huurdersgroep_app.core.demo", "openpyxl", "docx",
                 "huurdersgroep_app.core.documents.meetings", "huurdersgroep_app.core.services.meetings"):
        assert not loaded(modules, name), name


@pytest.mark.parametrize("argv, modules", [
    (["--help"], set()),
    (["--version"], set()),
    (["--db", "finance", "--lang", "nl_BE", "meetings", "list"], {"meetings"}),
    (["finance", "years", "--db", "x.sqlite"], {"finance"}),
    (["deadlines"], {"funding"}),
    (["report", "--out", "x.pdf", "ledger", "--year", "2026"], {"finance"}),
    (["import", "members", "leden.xlsx"], {"members"}),
    (["import", "bank", "x.sta", "--account", "Kas"], {"finance"}),
    # an option's value that names another kind: both modules, the parser sorts it out
    (["report", "--out", "signals", "minutes"], {"advices", "meetings"}),
    (["report", "no-such-kind"], None),
    (["report", "--help"], None),
    (["no-such-command"], None),
])
def test_modules_for_a_command_line(argv, modules):
    assert modules_for(argv) == modules


def register_alone(module_name: str) -> tuple[Cli, dict[str, str]]:
    top = Parser(prog="huurdersgroep")
    commands = top.add_subparsers(dest="command", parser_class=Parser)
    alone = Cli(commands, Parser(add_help=False), commands.add_parser("report"), commands.add_parser("import"))
    importlib.import_module(f"huurdersgroep_app.cli.{module_name}").register(alone)
    helps = {action.dest: action.help for action in commands._choices_actions
             if action.dest not in ("report", "import")}
    return alone, helps


def test_the_tables_say_what_each_module_registers():
    commands, reports, imports = {}, {}, {}
    for name in cli_package._all_modules():
        if not hasattr(importlib.import_module(f"huurdersgroep_app.cli.{name}"), "register"):
            continue
        alone, helps = register_alone(name)
        commands.update({command: (name, help) for command, help in helps.items()})
        reports.update(dict.fromkeys(alone.reports, name))
        imports.update(dict.fromkeys(alone.importers, name))
    # A difference here: add the row to COMMANDS / REPORTS / IMPORTS in huurdersgroep_app/cli/__init__.py
    assert COMMANDS == commands
    assert REPORTS == reports
    assert IMPORTS == imports


def test_a_command_missing_from_the_table_still_runs(monkeypatch, tmp_path, capsys):
    monkeypatch.delitem(COMMANDS, "new")
    assert modules_for(["new", "--name", "Zuid"]) is None
    path = tmp_path / "new.sqlite"
    assert main(["new", "--name", "Zuid", "--region", "vlaanderen", "--db", str(path), "--lang", "en"]) == 0
    assert path.stat().st_size > 0


def test_a_lazily_built_parser_is_the_full_one_for_its_command():
    full, _ = build_parser()
    lazy, lazy_cli = build_parser(["finance", "balances", "--year", "2026"])
    assert not lazy_cli.complete
    args = lazy.parse_args(["finance", "balances", "--year", "2026"])
    expected = full.parse_args(["finance", "balances", "--year", "2026"])
    assert args.handler is expected.handler and args.year == expected.year == 2026
    choices = next(a for a in lazy._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert list(choices) == ["report", "import", *COMMANDS]  # every command still listed, in --help's order


def test_usage_errors_of_a_lazily_loaded_command_are_translated(capsys):
    assert main(["--lang", "nl_BE", "finance", "balances"]) == 2
    assert "Ontbreekt op de opdrachtregel: --year." in capsys.readouterr().err
    assert main(["--lang", "nl_BE", "report", "no-such-kind", "--out", "x.pdf"]) == 2
    err = capsys.readouterr().err
    assert "no-such-kind" in err and "board-list" in err and "ledger" in err
