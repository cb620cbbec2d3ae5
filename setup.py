"""Build step: put the shipped data into the package of every wheel.

The repository keeps resources/ and translations/ at its top level (translators and profile
editors find them there); a wheel carries them inside the package, as huurdersgroep_app/_data/,
where huurdersgroep_app.paths looks first. The .po catalogs are compiled to .mo here, so .mo
files are built, never committed. An editable install copies nothing: paths.py then reads the
checkout's own folders.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# What a running program needs; LICENSE files travel with the fonts they cover.
RESOURCE_PATTERNS = ("fonts/*.ttf", "fonts/LICENSE*", "rules/*.toml", "icons/*.svg")


class BuildPyWithData(build_py):
    def run(self):
        editable = getattr(self, "editable_mode", False)
        if not editable:
            # setuptools reuses build/lib: a module moved or deleted since must not ride along.
            shutil.rmtree(Path(self.build_lib) / "huurdersgroep_app", ignore_errors=True)
        super().run()
        if editable:
            return
        target = Path(self.build_lib) / "huurdersgroep_app" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        for pattern in RESOURCE_PATTERNS:
            for source in sorted((ROOT / "resources").glob(pattern)):
                dest = target / "resources" / source.relative_to(ROOT / "resources")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest)
        self._compile_catalogs(target / "translations")

    @staticmethod
    def _compile_catalogs(target: Path) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        target.mkdir(parents=True, exist_ok=True)
        for po in sorted((ROOT / "translations").glob("*.po")):
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.stem)
            with (target / f"{po.stem}.mo").open("wb") as f:
                write_mo(f, catalog)


setup(cmdclass={"build_py": BuildPyWithData})
