"""Making one document of the catalogue off the window's thread (``ui.tasks``, through the kit's
``write_document``): in the group's own language, in a session of the worker's own, the file in
place only once whole; afterwards the day it was made is recorded (one small transaction) and the
file is opened or its place shown.

Four ways, as on the page: *make* writes it in the group's documents folder
(Documents/<group>/<year>/), *preview* writes a temporary PDF and opens it, *save as* asks where,
*print* writes a temporary PDF and sends it to the printer the print dialog chose."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from huurdersgroep_app import paths
from huurdersgroep_app.core.documents.catalogue import DocumentKind, make_document
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.documents.made import record_made
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.documents import ask_target, documents_folder, write_document
from huurdersgroep_app.ui.tasks import Task


@dataclass(frozen=True)
class Order:
    kind: DocumentKind
    year: int
    funder_id: int | None = None
    funder: str = ""
    fmt: str = "pdf"

    def file_name(self) -> str:
        return self.kind.file_name(self.year, self.fmt, self.funder)


def group_folder(group: str, year: int) -> Path:
    safe = "".join(c for c in group if c not in '<>:"/\\|?*').strip() or _("Tenant group")
    return documents_folder() / safe / str(year)


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def make(ctx: AppContext, order: Order, target: Path, parent: QWidget | None,
         done: Callable[[Path], object]) -> Task:
    """Write ``order`` to ``target`` on the worker (the kit's ``write_document``: the group's
    language, a file only when whole); then the day is recorded and ``done(target)`` runs."""

    def writer(session, path, progress=None, cancel=None):
        path.parent.mkdir(parents=True, exist_ok=True)
        return make_document(session, order.kind.key, path, order.year, order.funder_id, order.fmt,
                             progress=progress, cancel=cancel)

    def written(path: Path) -> None:
        ctx.call(record_made, order.kind.key, order.year, order.funder_id)
        done(path)

    target.parent.mkdir(parents=True, exist_ok=True)
    return write_document(ctx, writer, target, parent, done=written,
                          label=_("Making '{title}'…").format(title=order.kind.title))


def make_in_folder(ctx: AppContext, order: Order, parent: QWidget | None = None,
                   opened: Callable[[Path], object] | None = None) -> Task:
    """Into the group's documents folder, then opened (or its place shown when nothing can open it)."""
    group = ctx.read(organisation.group_name)
    target = group_folder(group, order.year) / order.file_name()

    def done(path: Path) -> None:
        if not (opened or open_file)(path):
            ctx.show_info(_("The document was saved as {path}.").format(path=path), parent)

    return make(ctx, order, target, parent, done)


def preview(ctx: AppContext, order: Order, parent: QWidget | None = None,
            opened: Callable[[Path], object] | None = None) -> Task:
    folder = paths.cache_dir() / "previews"
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(order.file_name()).stem
    target = folder / f"{name}-{datetime.now():%Y%m%d-%H%M%S}{Path(order.file_name()).suffix}"

    def done(path: Path) -> None:
        if not (opened or open_file)(path):
            ctx.show_info(_("No program to show PDF files was found. The document is here: {path}").format(
                path=path), parent)

    return make(ctx, order, target, parent, done)


FILTERS = {"pdf": lambda: _("PDF files (*.pdf)"), "docx": lambda: _("Word files (*.docx)"),
           "xlsx": lambda: _("Excel files (*.xlsx)")}


def save_as(ctx: AppContext, order: Order, parent: QWidget | None = None) -> Task | None:
    suffix = Path(order.file_name()).suffix
    target = ask_target(parent, Path(order.file_name()).stem, suffix, FILTERS[order.fmt]())
    if target is None:
        return None
    return make(ctx, order, target, parent,
                lambda path: ctx.show_info(_("The document was saved as {path}.").format(path=path), parent))


def print_order(ctx: AppContext, order: Order, parent: QWidget | None = None) -> Task:
    """Print ``order`` (a PDF) through the print dialog. Not recorded as made: nothing was kept."""
    from huurdersgroep_app.ui.kit.printing import print_document

    def writer(session, path, progress=None, cancel=None):
        return make_document(session, order.kind.key, path, order.year, order.funder_id, "pdf",
                             progress=progress, cancel=cancel)

    return print_document(ctx, writer, Path(order.file_name()).stem, parent)
