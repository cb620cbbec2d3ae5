"""Printing from the app: the document is written, the (injected) print dialog's printer gets the
PDF's pages, with the copies and the page range it asked for. The printer writes a PDF file, so what
was printed is read back."""
from __future__ import annotations

import pypdf
from PySide6.QtPrintSupport import QPrinter

from huurdersgroep_app.ui.kit import documents, printing


def file_printer(path, copies: int = 1, pages: tuple[int, int] | None = None, collate: bool = True):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCopyCount(copies)
    printer.setCollateCopies(collate)
    if pages:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*pages)
    return printer


def three_pages(session, target):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(target))
    for number in (1, 2, 3):
        canvas.drawString(100, 700, f"Page {number} of the test")
        canvas.showPage()
    canvas.save()
    return 3


def printed(path) -> int:
    return len(pypdf.PdfReader(path).pages)


def test_print_sends_every_page_once_per_copy(ctx, qtbot, tmp_path, wait_tasks):
    out = tmp_path / "printed.pdf"
    asked = []

    def ask(parent, pages):
        asked.append(pages)
        return file_printer(out, copies=2)

    task = printing.print_document(ctx, three_pages, "test", ask=ask)
    wait_tasks()
    assert asked == [3]  # the dialog knows how many pages there are, for its page range
    assert task.printing.result == 6 and printed(out) == 6


def test_print_honours_the_page_range_and_uncollated_copies(qapp, tmp_path):
    pdf = tmp_path / "doc.pdf"
    three_pages(None, pdf)
    printer = file_printer(tmp_path / "out.pdf", copies=2, pages=(2, 3), collate=False)
    assert printing.pages_to_print(printer, 3) == [1, 1, 2, 2]
    assert printing.render_to_printer(pdf, printer) == 4
    assert printed(tmp_path / "out.pdf") == 4


def test_cancelling_the_print_dialog_prints_nothing(ctx, qtbot, tmp_path, wait_tasks, message_boxes):
    task = printing.print_document(ctx, documents.board_list_writer, "board-list", ask=lambda parent, pages: None)
    wait_tasks()
    assert task.result.exists() and task.printing is None and message_boxes == []


def test_a_printed_member_list_holds_the_members(ctx, qtbot, tmp_path, wait_tasks):
    out = tmp_path / "list.pdf"
    printing.print_document(ctx, documents.member_list_writer("names"), "member-list",
                            ask=lambda parent, pages: file_printer(out))
    wait_tasks()
    # Printed pages are images: the printed file has the list's pages, and no text layer.
    assert printed(out) >= 1
