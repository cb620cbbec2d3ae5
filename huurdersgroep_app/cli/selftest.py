"""`huurdersgroep selftest`: is this installation whole?

What a support volunteer asks a user to run, and what every packaging test runs. In a temporary
folder it creates the demo group, checks the file, the rule profiles, the translations, makes
every document kind of `huurdersgroep report` in every language, reads each one back (text,
pages, fonts), and prints one line per check and a total. Exit 0 only if every check passed.
It touches neither the user's data nor their config, and opens no network connection (a guard
turns any attempt into a failed check).
"""
from __future__ import annotations

import contextlib
import io
import platform
import socket
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from huurdersgroep_app import __version__, i18n, paths
from huurdersgroep_app.cli.pdf_check import pdf_problems
from huurdersgroep_app.i18n import _

DEMO_MEMBERS = 40


@dataclass
class Result:
    ok: bool
    label: str
    detail: str = ""


def register(cli) -> None:
    parser = cli.command("selftest", "check this installation: demo group, rules, translations, documents",
                         cmd_selftest)
    parser.add_argument("--keep", type=Path, metavar="FOLDER",
                        help="make the demo group and the documents in FOLDER and keep them")
    parser.set_defaults(cli=cli)


def build_kind() -> str:
    if getattr(sys, "frozen", False):
        return _("installed program")
    return _("installed package") if paths.is_packaged() else _("source checkout")


class NetworkGuard:
    """Refuses every outgoing connection while the self-test runs, and remembers the attempts."""

    def __init__(self):
        self.attempts: list[str] = []

    def __enter__(self):
        self._connect, self._create = socket.socket.connect, socket.create_connection
        guard = self

        def refuse(sock_or_address, *args, **kwargs):
            target = args[0] if args and isinstance(sock_or_address, socket.socket) else sock_or_address
            guard.attempts.append(str(target))
            raise OSError("selftest: no network connection allowed")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        return self

    def __exit__(self, *exc):
        socket.socket.connect, socket.create_connection = self._connect, self._create


class Selftest:
    def __init__(self, cli, folder: Path, out=None, languages=None):
        self.cli = cli
        self.languages = tuple(i18n.SUPPORTED_LANGUAGES if languages is None else languages)
        self.folder = folder
        self.out = out or sys.stdout
        self.results: list[Result] = []
        self.db_path = folder / "demo.sqlite"
        self.pdfs: list[tuple[str, Path]] = []
        self.options: list[str] = []

    # -- bookkeeping ---------------------------------------------------------------------------------
    def check(self, label: str, run: Callable[[], str | None]) -> bool:
        """Run one check; it returns a detail to show, or raises to fail."""
        try:
            detail = run() or ""
            result = Result(True, label, detail)
        except Exception as exc:  # a self-test reports every failure, it never stops at one
            result = Result(False, label, describe(exc))
        self.results.append(result)
        mark = _("ok") if result.ok else _("FAILED")
        line = f"{mark:<7} {result.label}"
        if result.detail:
            line += f": {result.detail}"
        print(line, file=self.out, flush=True)
        return result.ok

    # -- the checks ----------------------------------------------------------------------------------
    def resources(self) -> str:
        missing = [str(p) for p in (
            *(paths.FONTS_DIR / name for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")),
            paths.APP_ICON) if not p.is_file()]
        if missing:
            raise RuntimeError(_("missing: {files}").format(files=", ".join(missing)))
        return str(paths.RESOURCES_DIR)

    def rules(self) -> str:
        from huurdersgroep_app.core.rules import REGIONS, load_profile

        names = []
        for region in REGIONS:
            profile = load_profile(region)
            if profile.default_language not in i18n.SUPPORTED_LANGUAGES or not profile.country:
                raise RuntimeError(_("the profile {region} is incomplete").format(region=region))
            names.append(profile.name)
        return ", ".join(names)

    def translations(self) -> str:
        found = []
        for lang in i18n.SUPPORTED_LANGUAGES:
            if lang == "en":
                continue  # the source language has no catalog
            catalog = i18n._compiled_catalog(lang)
            if catalog is None:
                raise RuntimeError(_("no catalog for {lang}").format(lang=lang))
            with i18n.language(lang):
                if i18n._("Tenant group") == "Tenant group":
                    raise RuntimeError(_("the catalog for {lang} translates nothing").format(lang=lang))
            found.append(lang)
        return ", ".join(found)

    def demo(self) -> str:
        from huurdersgroep_app.core.db.engine import Database
        from huurdersgroep_app.core.demo import create_demo

        with Database(self.db_path, create=True, backup_on_close=False) as db, db.transaction() as s:
            create_demo(s, members=DEMO_MEMBERS, seed=1)
        return str(self.db_path)

    def integrity(self) -> str:
        from huurdersgroep_app.core.db import backup
        from huurdersgroep_app.core.db.engine import Database
        from huurdersgroep_app.core.db.schema import check_schema

        with Database(self.db_path, backup_on_close=False):
            pass  # opening checks the lock and the schema version
        problems = backup.integrity_problems(self.db_path)
        if problems:
            raise RuntimeError("; ".join(problems))
        state = check_schema(self.db_path)
        if state != "current":
            raise RuntimeError(_("schema is {state}, not current").format(state=state))
        return ""

    def prepare_documents(self) -> str:
        self.options = self.report_options()
        return " ".join(self.options)

    def report_options(self) -> list[str]:
        """A meeting with an election, a closed financial year and an advice from the demo."""
        from huurdersgroep_app.core.db.engine import Database
        from huurdersgroep_app.core.services.advices.dossiers import advice_rows
        from huurdersgroep_app.core.services.meetings.elections import elections_of_meeting
        from huurdersgroep_app.core.services.finance.years import list_years
        from huurdersgroep_app.core.services.funding.funders import funder_rows
        from huurdersgroep_app.core.services.meetings.overview import meeting_rows

        with Database(self.db_path, backup_on_close=False) as db, db.reading() as s:
            years = list_years(s)
            year = next((y.year for y in years if y.status == "closed"), years[-1].year if years else None)
            meetings = [m for m in meeting_rows(s) if m.scheduled_on.year == year] or meeting_rows(s)
            meeting = next((m.id for m in meetings if elections_of_meeting(s, m.id)), meetings[0].id)
            advice = min(row.id for row in advice_rows(s))
            funder = min(row.id for row in funder_rows(s))
        return ["--meeting", str(meeting), "--year", str(year), "--advice", str(advice), "--funder", str(funder),
                "--from", f"{year}-01-01", "--to", f"{year}-12-31"]

    def document(self, kind: str, fmt: str, options: list[str]) -> str:
        done = []
        for lang in self.languages:
            suffix = "xlsx" if kind == "ledger" else fmt
            target = self.folder / "documents" / f"{kind}-{lang}.{suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            argv = ["report", kind, "--db", str(self.db_path), "--out", str(target), "--lang", lang,
                    "--format", fmt, *options]
            args = self.cli.parser.parse_args(argv)
            with contextlib.redirect_stdout(io.StringIO()):
                code = args.handler(args)
            if code:
                raise RuntimeError(_("{lang}: exit code {code}").format(lang=lang, code=code))
            done.append(f"{lang} {read_back(target, suffix)}")
            if suffix == "pdf":
                self.pdfs.append((f"{kind}-{lang}", target))
        return ", ".join(done)

    def fonts(self) -> str:
        problems = []
        for name, path in self.pdfs:
            problems += [f"{name}: {p}" for p in pdf_problems(path)]
        if not self.pdfs:
            raise RuntimeError(_("no PDF was made"))
        if problems:
            raise RuntimeError("; ".join(problems[:5]))
        return _("{count} PDFs").format(count=len(self.pdfs))

    # -- the whole run -------------------------------------------------------------------------------
    def run(self) -> int:
        started = time.monotonic()
        print(_("huurdersgroep {version} ({kind}), Python {python}, {system}").format(
            version=__version__, kind=build_kind(), python=platform.python_version(),
            system=platform.platform(terse=True)), file=self.out)
        with NetworkGuard() as guard:
            self.check(_("program files"), self.resources)
            self.check(_("rule profiles"), self.rules)
            self.check(_("translations"), self.translations)
            if self.check(_("demo group created"), self.demo) and self.check(_("integrity check"), self.integrity):
                if self.check(_("demo data for the documents"), self.prepare_documents):
                    for kind in sorted(self.cli.reports):
                        for fmt in self.cli.report_formats[kind]:
                            shown = "xlsx" if kind == "ledger" else fmt  # the ledger is a spreadsheet
                            self.check(_("document {kind} ({format})").format(kind=kind, format=shown),
                                       lambda k=kind, f=fmt: self.document(k, f, self.options))
                    self.check(_("fonts embedded"), self.fonts)
        self.check(_("no network connection"), lambda: _no_attempts(guard.attempts))
        passed = sum(r.ok for r in self.results)
        print(_("selftest: {passed} of {total} checks passed in {seconds:.0f} s.").format(
            passed=passed, total=len(self.results), seconds=time.monotonic() - started), file=self.out)
        return 0 if passed == len(self.results) else 1


def _no_attempts(attempts: list[str]) -> str:
    if attempts:
        raise RuntimeError(_("tried to connect to {targets}").format(targets=", ".join(attempts)))
    return ""


def describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {message}".replace("\n", "; ")


def read_back(path: Path, suffix: str) -> str:
    """Open what was written as its reader would; returns its size in pages, lines or paragraphs."""
    if not path.is_file() or not path.stat().st_size:
        raise RuntimeError(_("{path} was not written").format(path=path.name))
    if suffix == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        text = "".join(page.extract_text() or "" for page in reader.pages)
        if not text.strip():
            raise RuntimeError(_("{path} has no readable text").format(path=path.name))
        return _("{count} p.").format(count=len(reader.pages))
    if suffix == "docx":
        import docx

        paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
        if not paragraphs:
            raise RuntimeError(_("{path} has no text").format(path=path.name))
        return _("{count} paragraphs").format(count=len(paragraphs))
    import openpyxl

    book = openpyxl.load_workbook(str(path), read_only=True)
    rows = sum(sheet.max_row or 0 for sheet in book.worksheets)
    book.close()
    if rows < 2:
        raise RuntimeError(_("{path} is empty").format(path=path.name))
    return _("{count} rows").format(count=rows)


def cmd_selftest(args) -> int:
    parser, cli = _parser_and_cli()
    cli.parser = parser
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("demo.sqlite*"):  # the previous run's demo group
            old.unlink()
        return Selftest(cli, folder).run()
    with tempfile.TemporaryDirectory(prefix="huurdersgroep-selftest-") as tmp:
        return Selftest(cli, Path(tmp)).run()


def _parser_and_cli():
    from huurdersgroep_app.cli import build_parser

    return build_parser()
