"""The .deb from `make dist-linux`, installed on this machine as a user would get it.

Installs dist/huurdersgroep_*.deb with apt (which brings the Qt system libraries the package
declares), runs `selftest` from /opt/huurdersgroep, starts the GUI offscreen on the demo group,
then removes the package and checks that the group's data folder stayed.
Needs root and a built .deb; .ci/run sets HUURDERSGROEP_REQUIRE_DEB=1 so a missing one fails there.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
INSTALLED = Path("/opt/huurdersgroep/huurdersgroep")


def built_deb() -> Path:
    found = sorted((ROOT / "dist").glob(f"huurdersgroep_{VERSION}_*.deb"))
    if not found or not shutil.which("dpkg") or os.geteuid() != 0:
        if os.environ.get("HUURDERSGROEP_REQUIRE_DEB") == "1":
            pytest.fail("no dist/*.deb to test, or not root with dpkg: run `make dist-linux` as root first")
        pytest.skip("needs root, dpkg and the .deb of `make dist-linux`")
    return found[-1]


@pytest.fixture(scope="module")
def installed_deb():
    deb = built_deb()
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "-qq", "--reinstall", str(deb)], check=True, env=env,
                   capture_output=True)
    yield deb


def app_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HUURDERSGROEP_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PATH="/usr/bin:/bin:/usr/sbin:/sbin")  # nothing of the checkout's venv
    return env


def test_deb_installs_program_menu_entry_and_icon(installed_deb):
    listing = subprocess.run(["dpkg", "-L", "huurdersgroep"], capture_output=True, text=True, check=True).stdout
    for path in ("/opt/huurdersgroep/huurdersgroep", "/usr/bin/huurdersgroep",
                 "/usr/share/applications/be.huurdersgroep.App.desktop",
                 "/usr/share/metainfo/be.huurdersgroep.App.metainfo.xml",
                 "/usr/share/icons/hicolor/256x256/apps/huurdersgroep.png",
                 "/usr/share/icons/hicolor/scalable/apps/huurdersgroep.svg"):
        assert path in listing.splitlines(), path
    depends = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", "huurdersgroep"], capture_output=True,
                             text=True, check=True).stdout
    for library in ("libegl1", "libxkbcommon0", "libfontconfig1", "libxcb-cursor0"):
        assert library in depends
    desktop = Path("/usr/share/applications/be.huurdersgroep.App.desktop").read_text()
    assert "Exec=huurdersgroep\n" in desktop and "Icon=huurdersgroep\n" in desktop
    if shutil.which("appstreamcli"):
        check = subprocess.run(["appstreamcli", "validate", "--no-net",
                                "/usr/share/metainfo/be.huurdersgroep.App.metainfo.xml"],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_installed_program_passes_its_selftest(installed_deb, tmp_path):
    result = subprocess.run([str(INSTALLED), "selftest", "--lang", "en"], cwd=tmp_path, env=app_env(tmp_path / "home"),
                            capture_output=True, text=True, timeout=900)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"huurdersgroep {VERSION} (installed program)")
    assert not [line for line in lines if line.startswith("FAILED")]
    assert subprocess.run(["huurdersgroep", "--version"], env=app_env(tmp_path / "home"), capture_output=True,
                          text=True).stdout.strip() == f"huurdersgroep {VERSION}"


def test_installed_gui_shows_the_demo_and_keeps_running(installed_deb, tmp_path):
    env = app_env(tmp_path / "home")
    shown = subprocess.run([str(INSTALLED), "--demo"], env=dict(env, HUURDERSGROEP_EXIT_WHEN_SHOWN="1"),
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0 and "MAIN_WINDOW_SHOWN" in shown.stdout, shown.stdout + shown.stderr
    # Then as a user starts it: still running after a few seconds, nothing on stderr but Qt's notes.
    process = subprocess.Popen([str(INSTALLED), "--demo"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(5)
    alive = process.poll() is None
    process.terminate()
    _out, err = process.communicate(timeout=30)
    assert alive, err
    assert "Traceback" not in err


def test_removing_the_package_keeps_the_groups_data(installed_deb, tmp_path):
    home = tmp_path / "home"
    subprocess.run([str(INSTALLED), "demo", "--db", str(home / "group.sqlite"), "--members", "3"],
                   env=app_env(home), check=True, capture_output=True)
    removed = subprocess.run(["dpkg", "-r", "huurdersgroep"], capture_output=True, text=True, check=True)
    try:
        assert not INSTALLED.exists()
        assert (home / "group.sqlite").stat().st_size > 0
        assert "stay in ~/.local/share/huurdersgroep" in removed.stdout + removed.stderr
    finally:
        subprocess.run(["apt-get", "install", "-y", "-qq", str(installed_deb)], check=True, capture_output=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
