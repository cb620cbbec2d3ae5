"""`huurdersgroep selftest` and `--version`: the self-test passes on a sound installation, names
what is broken on a broken one, and refuses the network."""
from __future__ import annotations

import io
import socket
import tomllib
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from huurdersgroep_app import paths
from huurdersgroep_app.cli import build_parser, main
from huurdersgroep_app.cli.pdf_check import pdf_problems
from huurdersgroep_app.cli.selftest import NetworkGuard, Selftest

ROOT = Path(__file__).resolve().parents[2]


def selftest(tmp_path, languages=("en",), kinds=None) -> tuple[int, list[str]]:
    parser, cli = build_parser()
    cli.parser = parser
    if kinds is not None:
        cli.reports = {k: v for k, v in cli.reports.items() if k in kinds}
    out = io.StringIO()
    code = Selftest(cli, tmp_path, out=out, languages=languages).run()
    return code, out.getvalue().splitlines()


def test_selftest_makes_and_reads_every_report_kind(tmp_path):
    code, lines = selftest(tmp_path)
    assert code == 0, "\n".join(lines)
    parser, cli = build_parser()
    for kind in cli.reports:
        assert any(line.startswith("ok") and f"document {kind} (" in line and "en " in line for line in lines), kind
    assert lines[-1].startswith(f"selftest: {len(lines) - 2} of {len(lines) - 2} checks passed")
    assert (tmp_path / "documents" / "minutes-en.docx").stat().st_size > 0
    assert (tmp_path / "documents" / "ledger-en.xlsx").stat().st_size > 0


def test_a_missing_font_fails_the_selftest_and_says_which(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "FONTS_DIR", tmp_path / "no-fonts")
    code, lines = selftest(tmp_path, kinds={"board-list"})
    assert code == 1
    failed = [line for line in lines if line.startswith("FAILED")]
    assert failed and failed[0].startswith("FAILED  program files") and "DejaVuSans.ttf" in failed[0]
    assert "of" in lines[-1] and "checks passed" in lines[-1]


def test_a_missing_catalog_fails_the_translations_check(tmp_path, monkeypatch):
    from huurdersgroep_app import i18n

    monkeypatch.setattr(i18n, "_compiled_catalog", lambda lang: None if lang == "fr_BE" else Path("x"))
    code, lines = selftest(tmp_path, kinds=set())
    assert code == 1
    assert any(line.startswith("FAILED  translations") and "fr_BE" in line for line in lines)


def test_selftest_command_exits_0(tmp_path, capsys, monkeypatch):
    init = Selftest.__init__
    monkeypatch.setattr(Selftest, "__init__", lambda self, cli, folder: init(self, cli, folder, languages=("en",)))
    code = main(["selftest", "--keep", str(tmp_path / "kept"), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert (tmp_path / "kept" / "demo.sqlite").exists()
    assert "FAILED" not in out


def test_pdf_check_finds_text_in_a_font_that_is_not_embedded(tmp_path):
    plain = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(plain))
    canvas.setFont("Helvetica", 12)  # named, since the app makes DejaVu reportlab's default once fonts are registered
    canvas.drawString(72, 72, "Hello")
    canvas.save()
    assert pdf_problems(plain) == ["page 1: text in Helvetica, not embedded"]

    from huurdersgroep_app.core.documents.base import FONT, register_fonts

    register_fonts()
    embedded = tmp_path / "dejavu.pdf"
    canvas = Canvas(str(embedded))  # its preamble still names Helvetica, but draws nothing in it
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 72, "Hallo één")
    canvas.save()
    assert pdf_problems(embedded) == []


def test_network_guard_refuses_and_remembers_connections():
    with NetworkGuard() as guard:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        with socket.socket() as sock, pytest.raises(OSError):
            sock.connect(("127.0.0.1", 9))
    assert guard.attempts == ["('127.0.0.1', 9)", "('127.0.0.1', 9)"]
    assert socket.socket.connect is not None and "refuse" not in socket.create_connection.__name__


def test_version_is_pyprojects(capsys):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"huurdersgroep {version}"
