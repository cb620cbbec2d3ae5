"""Restoring a backup from Settings, off the window's thread.

Two tasks: first the checks of the backup and the safety copy of the current data (the group's
data untouched: a problem there changes nothing, and Cancel is safe), then the restore itself and
the reopening of the file (which brings an older backup up to the current version). Once it is
over ``controller.last_restore`` is True or False and the window shows the restored data.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import backups
from huurdersgroep_app.core.services import group_files as opening
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.tasks import Task, run_task


def restore_backup(controller, backup_file: Path) -> Task:
    db, path = controller.db, controller.db.path
    controller.last_restore = None

    def check_and_copy(progress, cancel) -> None:
        if backup_file.resolve() == path:
            raise DomainError(_("Choose a backup, not the group's own file."))
        problems = backups.integrity_problems(backup_file)
        if problems:
            raise DomainError(_("This backup cannot be restored: {problem}").format(problem=problems[0]))
        backups.check_schema(backup_file)  # refuses a backup from a newer version or of another program
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        db.backup(backups.backup_dir(path) / f"{path.stem}-{stamp}-before-restore.sqlite", progress, cancel)

    def refused(exc: BaseException) -> None:
        controller.last_restore = False
        AppContext.show_error(getattr(exc, "message", None) or str(exc), controller.window)

    def replace(_none) -> None:
        page = controller.window.current_page_name()
        controller.window.closed.disconnect(controller._window_closed)
        db.backup_on_close = False
        run_task(controller.window, lambda progress, cancel: _replace_data(db, backup_file, path, progress),
                 success=lambda outcome: _restored(controller, outcome, page, backup_file),
                 label=_("Restoring the backup…"))

    return run_task(controller.window, check_and_copy, success=replace, failure=refused, cancellable=True,
                    label=_("Checking the backup and keeping a copy of the current data…"))


def _replace_data(db, backup_file: Path, path: Path, progress):
    """On the worker: the restore, then the file opened again; a plain outcome for the window."""
    db.engine.dispose()
    problem = None
    try:
        backups.restore_into(backup_file, path, progress)
    except (DomainError, OSError) as exc:  # the backup API leaves the old data whole on failure
        problem = getattr(exc, "message", None) or str(exc)
    finally:
        db.close()
    try:
        return opening.open_group_file(path), problem, None
    except DomainError as exc:
        return None, problem, exc.message


def _restored(controller, outcome, page: str | None, backup_file: Path) -> None:
    reopened, problem, unopened = outcome
    controller.db = None
    controller.last_restore = problem is None and reopened is not None
    if problem:
        AppContext.show_error(problem, controller.window)
    if reopened is None:
        AppContext.show_error(unopened, controller.window)
        controller.window.close()
        return
    old = controller.window
    controller.window = None
    controller.show_main(reopened, page)
    old.close()
    old.deleteLater()
    if problem is None:
        AppContext.show_info(_("The backup {name} was restored.").format(name=backup_file.name), controller.window)
