"""Print a document from the app: the PDF is written on the worker (as for a preview), the system's
print dialog chooses the printer, the copies and the pages, and then the PDF's pages are rendered
by pypdfium2 and painted onto the QPrinter, again on the worker with progress and Cancel (a long
member list is hundreds of pages; Qt allows a QPainter on a QPrinter outside the GUI thread).

Qt's own PDF renderer (QtPdf) is not in PySide6-Essentials, hence pypdfium2. The dialog step is
``ask_printer(parent, pages)``: a test hands in a function that returns a QPrinter writing a PDF
file, so printing is tested without a dialog and without a printer.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from huurdersgroep_app import paths
from huurdersgroep_app.core.progress import CancelToken, Cancelled, ProgressCallback
from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.tasks import Task, run_task

# Sharp enough for text on any office printer; the printer's own 1200 dpi would make a page's
# image ~140 MB for no visible gain.
MAX_DPI = 300

AskPrinter = Callable[[QWidget | None, int], "QPrinter | None"]


def ask_printer(parent: QWidget | None, pages: int) -> QPrinter | None:
    """The system print dialog; the printer it set up, or None when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    dialog.setMinMax(1, max(1, pages))
    # A document has no selection or current page here: only all pages or a range.
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def pages_to_print(printer: QPrinter, pages: int) -> list[int]:
    """The 0-based page numbers in the order they go to the printer: the chosen range, and the
    copies when the print system does not make them itself (a PDF file, a printer without CUPS)."""
    first, last = 1, pages
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
    chosen = list(range(first - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return chosen * copies
    return [page for page in chosen for _copy in range(copies)]


def _page_image(document, number: int, dpi: int) -> QImage:
    page = document[number]
    try:
        bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
        # BGRx bytes are QImage's RGB32 on a little-endian machine; copy() before pdfium frees them.
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32).copy()
        bitmap.close()
        return image
    finally:
        page.close()


def _place(painter: QPainter, image: QImage, paper: QRectF) -> None:
    """The page on the paper, as large as fits with its proportions; turned a quarter when a
    landscape page meets portrait paper (or the other way round)."""
    if (image.width() > image.height()) != (paper.width() > paper.height()):
        image = image.transformed(QTransform().rotate(270))  # the top of the page to the left, as printers do
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y() + (paper.height() - height) / 2,
                    width, height)
    painter.drawImage(target, image)


def render_to_printer(pdf: Path, printer: QPrinter, progress: ProgressCallback | None = None,
                      cancel: CancelToken | None = None) -> int:
    """Paint the pages of ``pdf`` onto ``printer``; the number of sheets sent. Cancel aborts the job."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        order = pages_to_print(printer, len(document))
        if not order:
            return 0
        printer.setFullPage(True)  # our PDFs carry their own margins
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(_("The printer could not be started."))
        try:
            paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            for sent, number in enumerate(order):
                if cancel is not None and cancel.cancelled:
                    printer.abort()
                    raise Cancelled()
                if sent:
                    printer.newPage()
                _place(painter, _page_image(document, number, dpi), paper)
                if progress is not None:
                    progress(sent + 1, len(order))
        finally:
            if painter.isActive():
                painter.end()
        return len(order)
    finally:
        document.close()


def print_document(ctx: AppContext, writer: Callable, name: str, parent: QWidget | None = None,
                   ask: AskPrinter | None = None) -> Task:
    """Write the document, ask the printer (``ask``, the print dialog unless a test gives one), then
    print it on the worker. The first task is returned; the printing one is ``task.printing``."""
    from huurdersgroep_app.ui.kit.documents import write_document

    folder = paths.cache_dir() / "printing"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.pdf"):  # earlier print jobs are long spooled
        old.unlink(missing_ok=True)
    target = folder / f"{name}-{datetime.now():%Y%m%d-%H%M%S}.pdf"
    holder: dict = {}

    def chosen(path: Path) -> None:
        printer = (ask or ask_printer)(parent, page_count(path))
        if printer is None:
            return

        def work(progress, cancel) -> int:
            return render_to_printer(path, printer, progress, cancel)

        def failed(exc: BaseException) -> None:
            ctx.show_error(_("The document could not be printed: {problem}").format(
                problem=getattr(exc, "strerror", None) or exc), parent)

        holder["task"].printing = run_task(parent, work, failure=failed, cancellable=True,
                                           label=_("Printing…"))

    task = write_document(ctx, writer, target, parent, done=chosen)
    task.printing = None
    holder["task"] = task
    return task
