"""huurdersgroep_app: the desktop app for local tenant groups."""
from importlib import metadata as _metadata

APP_NAME = "huurdersgroep"
APP_ID = "be.huurdersgroep.App"  # the desktop identity: .desktop file, AppStream, Windows AppUserModelID


def _version() -> str:
    # One version number, pyproject.toml's, read from the installed metadata (a wheel, an
    # editable install and the frozen build all carry it).
    try:
        return _metadata.version("huurdersgroep_app")
    except _metadata.PackageNotFoundError:  # a bare source tree on sys.path, never installed
        return "0+unknown"


__version__ = _version()
