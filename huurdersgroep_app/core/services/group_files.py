"""Opening, creating and trying out a group file: what the welcome dialog, the application and
the CLI do with a file before there is a group to work on. They show the (already translated)
DatabaseError messages these raise. ``Database`` is re-exported: it is the open file the layers
above hold, and they reach it only through here.

The database layer is imported inside the functions: the main window's frame is drawn before it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from huurdersgroep_app import paths
from huurdersgroep_app.core.errors import DatabaseError
from huurdersgroep_app.i18n import _

if TYPE_CHECKING:
    from huurdersgroep_app.core.db.engine import Database
    from huurdersgroep_app.core.progress import CancelToken, ProgressCallback
    from huurdersgroep_app.core.services.organisation import OrganisationInput


def __getattr__(name: str):
    # Lazy, so that drawing the window's frame does not import SQLAlchemy (see ui.shell.app).
    if name == "Database":
        from huurdersgroep_app.core.db.engine import Database

        return Database
    raise AttributeError(name)

DEMO_FILE_NAME = "demo.sqlite"


def demo_path() -> Path:
    return paths.data_dir() / DEMO_FILE_NAME


def open_group_file(path: Path) -> Database:
    """Open an existing group file (migrating it if it is older); refuses files without a group."""
    from huurdersgroep_app.core.db.engine import Database
    from huurdersgroep_app.core.services import organisation

    db = Database(Path(path))
    try:
        with db.reading() as session:
            if not organisation.has_organisation(session):
                raise DatabaseError(_("{path} holds no group. Create a new group instead.").format(path=db.path))
    except BaseException:
        db.backup_on_close = False
        db.close()
        raise
    paths.remember_db_path(db.path)
    return db


def create_group_file(path: Path, data: OrganisationInput, logo: bytes | None = None,
                      logo_mime: str = "") -> Database:
    """A new file holding a new group; raises ValidationError (nothing is left behind) or DatabaseError."""
    from huurdersgroep_app.core.db.staged import create_filled
    from huurdersgroep_app.core.services import organisation

    db = create_filled(Path(path), lambda session: organisation.create_organisation(
        session, data, logo=logo, logo_mime=logo_mime))  # the file appears only once the group is in it
    paths.remember_db_path(db.path)
    return db


def open_demo(members: int = 120, seed: int = 1, progress: ProgressCallback | None = None,
              cancel: CancelToken | None = None) -> Database:
    """The demo group, created in the user's data folder the first time. Cancelling while it is
    being built leaves no file (it is built under another name, see ``create_filled``)."""
    from huurdersgroep_app.core.services import organisation

    path = demo_path()
    if path.exists() and path.stat().st_size:
        return open_group_file(path)
    from huurdersgroep_app.core.db.staged import create_filled
    from huurdersgroep_app.core.demo import create_demo

    def fill(session) -> None:
        create_demo(session, members=members, seed=seed, progress=progress, cancel=cancel)
        if not organisation.has_organisation(session):
            raise DatabaseError(_("The demo group could not be made."))

    db = create_filled(path, fill)  # built under another name: a crash or a full disk leaves no half demo
    paths.remember_db_path(db.path)
    return db


def suggested_new_path() -> Path:
    """The default file for a new group; a numbered one when the default is taken."""
    path = paths.default_db_path()
    number = 2
    while path.exists():
        path = path.with_name(f"{Path(paths.DEFAULT_DB_NAME).stem}-{number}.sqlite")
        number += 1
    return path
