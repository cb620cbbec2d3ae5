"""The command line: a thin layer over core.services, sharing them with the GUI.

Without a subcommand it opens the GUI. Each area registers its subcommands in its own module
of this package (a module with a ``register(cli)`` function is found automatically). User errors
print one line on stderr in the chosen language and exit 1; a wrong command line exits 2.

Start-up pays only for the command that runs: ``COMMANDS``, ``REPORTS`` and ``IMPORTS`` below say
which module registers each command, report kind and import kind, so building the parser imports
only the module the command line names (and with it SQLAlchemy, reportlab, the services);
``--help`` imports none of them. A command missing from the tables still works (every module is
then loaded, as before), and a test says which row to add.
"""
from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from huurdersgroep_app import i18n, paths
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import N_, _
from huurdersgroep_app.logsetup import quiet_library_logging



class UsageError(Exception):
    pass


# argparse speaks English only; its usual complaints, in the user's language.
_ARGPARSE_MESSAGES = (
    (re.compile(r"^the following arguments are required: (?P<names>.+)$"),
     N_("Missing on the command line: {names}.")),
    (re.compile(r"^argument (?P<name>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$"),
     N_("{value} is not possible for {name}; choose from {choices}.")),
    (re.compile(r"^argument (?P<name>\S+): invalid (?:int|float) value: (?P<value>.+)$"),
     N_("{name} needs a number, not {value}.")),
    (re.compile(r"^argument (?P<name>\S+): expected one argument$"),
     N_("{name} needs a value.")),
    (re.compile(r"^unrecognized arguments: (?P<names>.+)$"),
     N_("Unknown on the command line: {names}.")),
    # Our own argument types (``year``) already speak the user's language.
    (re.compile(r"^argument (?P<name>\S+): (?P<problem>.+)$"), N_("{name}: {problem}")),
)

FIRST_YEAR, LAST_YEAR = 1900, 2100


def year(text: str) -> int:
    """The type of every --year: a year the books and calendars can hold, or one clear line."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("needs a year such as 2026, not {value}.").format(value=text)) from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(_("{value} is not a year between {first} and {last}.").format(
            value=value, first=FIRST_YEAR, last=LAST_YEAR))
    return value


def translated_usage(message: str) -> str:
    for pattern, text in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return _(text).format(**match.groupdict())
    return message


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line in the user's language, not argparse's usage dump
        raise UsageError(translated_usage(message))


@dataclass
class Cli:
    """Registration point handed to each area's ``register``."""

    commands: argparse._SubParsersAction
    common: argparse.ArgumentParser
    report_parser: argparse.ArgumentParser
    import_parser: argparse.ArgumentParser
    reports: dict[str, Callable] = field(default_factory=dict)
    report_formats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    importers: dict[str, Callable] = field(default_factory=dict)
    complete: bool = False  # every module registered, not only the ones a command line needs
    _report_options: dict = field(default_factory=dict)  # flag -> its argparse action
    _import_options: set = field(default_factory=set)

    def command(self, name: str, help: str, handler: Callable) -> argparse.ArgumentParser:
        parser = self.commands.add_parser(name, help=help, parents=[self.common])
        parser.set_defaults(handler=handler)
        return parser

    def add_report(self, name: str, handler: Callable, formats: tuple[str, ...] = ("pdf",)) -> None:
        """A document kind of ``report``; ``formats`` are the --format values it can be made in
        (lists are printed; only letters and minutes also come as DOCX to edit)."""
        self.reports[name] = handler
        self.report_formats[name] = formats

    def report_option(self, *flags, **kwargs) -> None:
        """Options of ``report`` are shared by all kinds; registering one twice is harmless, except that
        the choices of each registration are joined (``--format``: letters add docx, funding adds xlsx;
        which format a kind can be made in is checked per kind, ``add_report``'s ``formats``)."""
        action = self._report_options.get(flags[0])
        if action is None:
            self._report_options[flags[0]] = self.report_parser.add_argument(*flags, **kwargs)
            return
        if "dest" in kwargs and kwargs["dest"] != action.dest:
            # The first registration wins, so a second dest would never be filled (``--from`` of
            # budget-vs-actual was read as ``period_from`` while advices had made it ``date_from``).
            raise ValueError(f"report option {flags[0]} is registered as {action.dest!r}, not {kwargs['dest']!r}")
        if action.choices is not None and kwargs.get("choices"):
            action.choices = tuple(dict.fromkeys((*action.choices, *kwargs["choices"])))

    def add_importer(self, name: str, handler: Callable) -> None:
        self.importers[name] = handler

    def import_option(self, *flags, **kwargs) -> None:
        if flags[0] not in self._import_options:
            self._import_options.add(flags[0])
            self.import_parser.add_argument(*flags, **kwargs)


# Which module of this package registers what, in the order of `huurdersgroep --help`. The help
# texts are the ones the modules give (a test holds the tables to what the modules register).
COMMANDS: dict[str, tuple[str, str]] = {
    "advices": ("advices", "advice dossiers"),
    "finance": ("finance", "the books: years, balances, closing a year"),
    "funders": ("funding", "funders, their grants and conditions"),
    "funding": ("funding", "the funding conditions: the compliance check"),
    "deadlines": ("funding", "what is due: advice, replies, signals, funders' deadlines"),
    "new": ("group", "create an empty group"),
    "demo": ("group", "create the demo group"),
    "backup": ("group", "copy the database to a backup file"),
    "restore": ("group", "replace the database by a backup"),
    "check": ("group", "integrity and schema check"),
    "meetings": ("meetings", "list meetings, export a meeting to a calendar, the invitation e-mail"),
    "privacy": ("privacy", "privacy tools: export, anonymise, erase, retention, consent"),
    "selftest": ("selftest", "check this installation: demo group, rules, translations, documents"),
}
REPORTS: dict[str, str] = {
    "advice-letter": "advices", "signals": "advices", "consultation-history": "advices",
    "budget": "finance", "budget-vs-actual": "finance", "financial-report": "finance", "audit-pack": "finance",
    "dues-letters": "finance", "ledger": "finance",
    "invitation": "meetings", "poster": "meetings", "sign-in-sheet": "meetings", "minutes": "meetings",
    "ballot": "meetings", "decisions": "meetings", "action-points": "meetings", "proxy-form": "meetings",
    "privacy-statement": "privacy", "processing-register": "privacy",
    "member-list": "reports", "board-list": "reports",
    "activity-report": "funding_reports", "year-plan": "funding_reports", "grant-accountability": "funding_reports",
    "audit-committee": "funding_reports", "funding-dossier": "funding_reports",
    # the document catalogue's kinds that no module above makes (cli/documents.py)
    "member-counts": "documents", "annual-minutes": "documents", "decisions-register": "documents",
    "cover-letter": "documents", "annual-proxy-form": "documents",
}
IMPORTS: dict[str, str] = {"members": "members", "bank": "finance"}
_OPTIONS_WITH_VALUE = ("--db", "--lang")  # the main parser's options that take a value


def modules_for(argv: list[str]) -> set[str] | None:
    """The modules of this package that ``argv`` needs registered; None when it needs all of them
    (a command, report or import kind the tables do not know, or ``report --help``)."""
    words, rest = [], iter(argv)
    for word in rest:
        if word in _OPTIONS_WITH_VALUE:
            next(rest, None)
        elif word == "--":
            words.extend(rest)
        elif not word.startswith("-"):
            words.append(word)
    if not words:
        return set()  # --help, --version: the main parser alone
    command = words[0]
    if command in ("report", "import"):
        table = REPORTS if command == "report" else IMPORTS
        # Each word that names a kind (an option's value may, too): the modules of all of them.
        found = {table[word] for word in words[1:] if word in table}
        return found or None
    return {COMMANDS[command][0]} if command in COMMANDS else None


def _all_modules() -> list[str]:
    import pkgutil

    return sorted(info.name for info in pkgutil.iter_modules(__path__))


class _Version(argparse.Action):
    """``--version``, reading the version only when asked (the package metadata is slow to import)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from huurdersgroep_app import __version__

        print(f"huurdersgroep {__version__}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser(argv: list[str] | None = None) -> tuple[Parser, Cli]:
    """The parser, with the modules ``argv`` needs registered (none for ``--help``; the others'
    commands are listed by name and help only). Without ``argv``, every module (the self-test)."""
    common = Parser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    common.add_argument("--lang", default=argparse.SUPPRESS, help="nl_BE, nl_NL, fr_BE or en")
    parser = Parser(prog="huurdersgroep", description="huurdersgroep_app", parents=[common])
    parser.add_argument("--demo", action="store_true", help="open the demo group (created on first use)")
    parser.add_argument("--version", action=_Version, help="show program's version number and exit")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    report = commands.add_parser("report", help="produce a document", parents=[common])
    report.add_argument("kind")
    report.add_argument("--out", type=Path, required=True)
    report.set_defaults(handler=_run_report)
    imports = commands.add_parser("import", help="import a file", parents=[common])
    imports.add_argument("kind")
    imports.add_argument("file", type=Path)
    imports.set_defaults(handler=_run_import)
    cli = Cli(commands, common, report, imports)
    wanted = None if argv is None else modules_for(argv)
    if wanted is None:
        wanted = set(_all_modules())
        cli.complete = True
    registered: set[str] = set()

    def register(name: str) -> None:
        if name not in registered:
            registered.add(name)
            module = importlib.import_module(f"{__name__}.{name}")
            if hasattr(module, "register"):
                module.register(cli)

    for command, (name, help) in COMMANDS.items():
        if name in wanted:
            register(name)
        elif command not in commands.choices:
            # Named in --help and in the choices, not loaded: this command line does not run it.
            commands.add_parser(command, help=help, parents=[common])
    for name in sorted(wanted):
        register(name)
    parser.set_defaults(cli=cli)
    return parser, cli


def _run_report(args) -> int:
    handler = args.cli.reports.get(args.kind)
    if handler is None:
        raise UsageError(_("Unknown report '{kind}'. Choose one of: {choices}.").format(
            kind=args.kind, choices=", ".join(sorted(set(args.cli.reports) | set(REPORTS)))))
    formats = args.cli.report_formats[args.kind]
    fmt = getattr(args, "format", None) or formats[0]  # without --format: the kind's own first format
    if fmt not in formats:
        raise UsageError(_("The report '{kind}' is made as {formats}, not as {format}.").format(
            kind=args.kind, formats=", ".join(f.upper() for f in formats), format=fmt.upper()))
    args.format = fmt
    return handler(args)


def _run_import(args) -> int:
    handler = args.cli.importers.get(args.kind)
    if handler is None:
        raise UsageError(_("Unknown import '{kind}'. Choose one of: {choices}.").format(
            kind=args.kind, choices=", ".join(sorted(set(args.cli.importers) | set(IMPORTS)))))
    return handler(args)


def db_path(args) -> Path:
    return Path(getattr(args, "db", None) or paths.last_db_path() or paths.default_db_path())


def _gui_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options when the command line only opens the GUI (no subcommand, no --help); else None."""
    gui = Parser(add_help=False)
    gui.add_argument("--db", type=Path)
    gui.add_argument("--lang")
    gui.add_argument("--demo", action="store_true")
    try:
        args, rest = gui.parse_known_args(argv)
    except UsageError:
        return None
    return None if rest else args


# ``check`` reports these problems as its result; the others make or replace a file rather than read one.
_NO_SEAL_WARNING = frozenset({"check", "new", "demo", "restore", "selftest"})


def _warn_about_seals(args) -> None:
    """Opening a file verifies the seals of its closed years (issue 13 §2), on the command line too: one
    warning line per problem, then the command runs as asked. A command about one year checks that
    year's digest; ``report`` is left to the document, which carries the warning on its pages."""
    path = db_path(args)
    if getattr(args, "command", None) in _NO_SEAL_WARNING or not path.is_file():
        return
    from huurdersgroep_app.core.db.seal import opening_problems

    year = getattr(args, "year", None)
    years = [year] if isinstance(year, int) and args.command != "report" else []
    for problem in opening_problems(path, years):
        print(_("huurdersgroep: warning: {problem}").format(problem=problem), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    quiet_library_logging()  # libraries' log lines go to a file, not under our one clear line
    argv = list(sys.argv[1:] if argv is None else argv)
    # Language first, so even errors in the command line come out in the user's language.
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    i18n.set_language(lang or paths.load_config().get("ui_language") or i18n.system_language())
    gui_args = _gui_arguments(argv)
    if gui_args is not None:
        # The GUI needs none of the subcommands: skip importing them, the window appears sooner.
        from huurdersgroep_app.ui.shell.app import run_gui

        return run_gui(gui_args.db, lang, demo=gui_args.demo)
    parser, _cli = build_parser(argv)
    try:
        args = parser.parse_args(argv)
        if getattr(args, "command", None) is None:
            from huurdersgroep_app.ui.shell.app import run_gui

            return run_gui(getattr(args, "db", None), lang, demo=args.demo)
        _warn_about_seals(args)
        return args.handler(args) or 0
    except UsageError as exc:
        print(_("huurdersgroep: {problem} (see 'huurdersgroep --help')").format(problem=exc), file=sys.stderr)
        return 2
    except DomainError as exc:
        print(_("huurdersgroep: {problem}").format(problem=exc.message.replace("\n", "; ")), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `huurdersgroep meetings list | head`: the reader stopped early; that is no error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(_("huurdersgroep: {problem}").format(problem=f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
