"""Preview / Save as PDF… / Save as Word… / Print… buttons for one document, and saving a Word file.

The PDF part is ``kit.documents`` (preview in the system viewer, save where the user chooses; both
return the task that writes the document, or None when nothing is written);
Word files are only saved, since the point of a DOCX is to touch it up in a word processor.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.tasks import Task

# () → a writer (session, target) → pages, or None when the page's fields are not right (it said why).
WriterFactory = Callable[[], Callable | None]


def save_docx_as(ctx: AppContext, writer: Callable, name: str, parent: QWidget | None = None) -> Task | None:
    from huurdersgroep_app.ui.kit.documents import save_as

    return save_as(ctx, writer, name, parent, ".docx", _("Word files (*.docx)"))


class DocumentButtons(QWidget):
    """'Preview', 'Save as PDF…', when a Word writer is given 'Save as Word…', and 'Print…'."""

    def __init__(self, ctx: AppContext, pdf: WriterFactory, name: Callable[[], str],
                 docx: WriterFactory | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.pdf, self.docx, self.name = ctx, pdf, docx, name
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview_button = QPushButton(_("Preview"))
        self.save_button = QPushButton(_("Save as PDF…"))
        row.addWidget(self.preview_button)
        row.addWidget(self.save_button)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button = None
        if docx is not None:
            self.word_button = QPushButton(_("Save as Word…"))
            row.addWidget(self.word_button)
            self.word_button.clicked.connect(self.save_docx)
        self.print_button = QPushButton(_("Print…"))
        row.addWidget(self.print_button)
        self.print_button.clicked.connect(self.print_pdf)

    def preview(self) -> Task | None:
        from huurdersgroep_app.ui.kit.documents import preview

        writer = self.pdf()
        return preview(self.ctx, writer, self.name(), self.window()) if writer else None

    def save_pdf(self) -> Task | None:
        from huurdersgroep_app.ui.kit.documents import save_as

        writer = self.pdf()
        return save_as(self.ctx, writer, self.name(), self.window()) if writer else None

    def save_docx(self) -> Task | None:
        writer = self.docx() if self.docx else None
        return save_docx_as(self.ctx, writer, self.name(), self.window()) if writer else None

    def print_pdf(self) -> Task | None:
        from huurdersgroep_app.ui.kit.documents import print_pdf

        writer = self.pdf()
        return print_pdf(self.ctx, writer, self.name(), self.window()) if writer else None
