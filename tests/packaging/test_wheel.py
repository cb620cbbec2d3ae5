"""The wheel, installed the way a user or a packager would, outside the checkout.

Builds the wheel from the checkout, installs it into a fresh virtual environment (its
dependencies from pip's cache or PyPI), and runs the installed `huurdersgroep` from a folder
that has nothing to do with the checkout: `selftest`, `demo`, `--version`.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def run(argv, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{argv}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, ROOT])
    (found,) = out.glob("huurdersgroep_app-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    run([sys.executable, "-m", "venv", venv])
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel])
    return bin_dir


def outside_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["HUURDERSGROEP_HOME"] = str(tmp_path / "home")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def test_wheel_carries_fonts_rules_icon_and_compiled_catalogs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "huurdersgroep_app/_data/"
    for name in ("resources/fonts/DejaVuSans.ttf", "resources/fonts/DejaVuSans-Bold.ttf",
                 "resources/fonts/DejaVuSans-Oblique.ttf", "resources/fonts/LICENSE-DejaVu.txt",
                 "resources/rules/vlaanderen.toml", "resources/rules/nederland.toml",
                 "resources/rules/brussel.toml", "resources/icons/huurdersgroep.svg",
                 "translations/nl_BE.mo", "translations/nl_NL.mo", "translations/fr_BE.mo"):
        assert data + name in names, name
    assert "huurdersgroep_app/core/db/migrations/env.py" in names
    assert not [n for n in names if n.endswith(".po")], "catalog sources stay in the repository"
    assert not [n for n in names if n.startswith(("resources/", "translations/"))], "nothing outside the package"
    assert wheel.name.startswith(f"huurdersgroep_app-{VERSION}-")


def test_installed_wheel_passes_the_selftest_outside_the_checkout(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = outside_env(tmp_path)
    where = run([installed / "python", "-c", "import huurdersgroep_app.paths as p; print(p.RESOURCES_DIR)"],
                cwd=elsewhere, env=env).stdout.strip()
    assert Path(where).is_relative_to(installed.parent) and not Path(where).is_relative_to(ROOT)

    result = run([installed / "huurdersgroep", "selftest", "--lang", "en"], cwd=elsewhere, env=env)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"huurdersgroep {VERSION} (installed package)")
    assert not [line for line in lines if line.startswith("FAILED")]
    assert lines[-1].startswith("selftest: ") and " checks passed" in lines[-1]
    print("\n".join(lines))


def test_installed_wheel_makes_the_demo_and_tells_its_version(installed, tmp_path):
    env = outside_env(tmp_path)
    result = run([installed / "huurdersgroep", "demo", "--db", tmp_path / "d.db", "--members", "5", "--lang", "en"],
                 cwd=tmp_path, env=env)
    assert "Created the demo group" in result.stdout
    run([installed / "huurdersgroep", "check", "--db", tmp_path / "d.db"], cwd=tmp_path, env=env)
    version = run([installed / "huurdersgroep", "--version"], cwd=tmp_path, env=env).stdout.strip()
    assert version == f"huurdersgroep {VERSION}"
