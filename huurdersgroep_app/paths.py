"""Where things live: shipped resources, the user's data folder, the small user config.

The group's data lives only in its database file; the config here holds what belongs to the
person at this laptop (last file opened, interface language), never the group's data.
"""
from __future__ import annotations

import json
import os
from importlib import resources as _resources
from pathlib import Path

from huurdersgroep_app import APP_NAME

PACKAGE_DIR = Path(str(_resources.files("huurdersgroep_app")))
# What a wheel or a frozen build carries: resources/ and the compiled translations/, copied into
# the package at build time (setup.py). A checkout (editable install) has no copy; it reads the
# repository's own top-level folders, so edited .po files and rule profiles take effect at once.
PACKAGED_DATA_DIR = PACKAGE_DIR / "_data"


def _shipped(name: str) -> Path:
    packaged = PACKAGED_DATA_DIR / name
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / name


RESOURCES_DIR = _shipped("resources")
TRANSLATIONS_DIR = _shipped("translations")
FONTS_DIR = RESOURCES_DIR / "fonts"
RULES_DIR = RESOURCES_DIR / "rules"
ICONS_DIR = RESOURCES_DIR / "icons"
APP_ICON = ICONS_DIR / "huurdersgroep.svg"


def is_packaged() -> bool:
    """True in a wheel or frozen build (resources come from the package), False in a checkout."""
    return RESOURCES_DIR == PACKAGED_DATA_DIR / "resources"

DEFAULT_DB_NAME = "huurdersgroep.sqlite"


def _platformdirs():
    import platformdirs

    return platformdirs


def data_dir() -> Path:
    """The user's data folder; tests and portable setups override it with HUURDERSGROEP_HOME."""
    override = os.environ.get("HUURDERSGROEP_HOME")
    if override:
        return Path(override)
    return Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get("HUURDERSGROEP_HOME")
    if override:
        return Path(override) / "config"
    return Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    override = os.environ.get("HUURDERSGROEP_HOME")
    if override:
        return Path(override) / "cache"
    return Path(_platformdirs().user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def _config_file() -> Path:
    return config_dir() / "config.json"


def load_config() -> dict:
    try:
        return json.loads(_config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_config(**changes) -> dict:
    """Merge ``changes`` into the config; written atomically so a crash never truncates it."""
    config = load_config()
    config.update(changes)
    path = _config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(config, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return config


def last_db_path() -> Path | None:
    value = load_config().get("last_db")
    return Path(value) if value else None


def remember_db_path(path: Path) -> None:
    save_config(last_db=str(Path(path).resolve()))
