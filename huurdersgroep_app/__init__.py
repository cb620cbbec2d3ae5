"""huurdersgroep_app: the desktop app for local tenant groups."""

APP_NAME = "huurdersgroep"
APP_ID = "be.huurdersgroep.App"  # the desktop identity: .desktop file, AppStream, Windows AppUserModelID


def _version() -> str:
    # One version number, pyproject.toml's, read from the installed metadata (a wheel, an
    # editable install and the frozen build all carry it).
    from importlib import metadata

    try:
        return metadata.version("huurdersgroep_app")
    except metadata.PackageNotFoundError:  # a bare source tree on sys.path, never installed
        return "0+unknown"


def __getattr__(name: str):
    # ``__version__`` is read on first use: importing importlib.metadata and scanning the installed
    # distributions costs more than the whole of `huurdersgroep --help` may.
    if name == "__version__":
        globals()["__version__"] = value = _version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
