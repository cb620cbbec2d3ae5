"""The money documents from the GUI: a button per document with 'Preview', 'Save as PDF…' and 'Print…', and
the ledger as a spreadsheet. The writers are the ones ``huurdersgroep report …`` uses; they are
imported only when a document is asked for."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from huurdersgroep_app.i18n import _
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit.documents import Writer, preview, print_pdf, save_as, write_document
from huurdersgroep_app.ui.tasks import Task


def budget_writer(year: int) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.finance.budget import write_budget
        return write_budget(session, target, year)
    return write


def budget_vs_actual_writer(year: int, start: date | None = None, end: date | None = None) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
        return write_budget_vs_actual(session, target, year, start, end)
    return write


def financial_report_writer(year: int) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
        return write_financial_report(session, target, year)
    return write


def audit_pack_writer(year: int) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
        return write_audit_pack(session, target, year)
    return write


def dues_letters_writer(year: int, member_ids: list[int] | None = None, unpaid_only: bool = True) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.finance.dues_letters import write_dues_letters
        return write_dues_letters(session, target, year, member_ids=member_ids, unpaid_only=unpaid_only)
    return write


def ledger_writer(year: int) -> Writer:
    def write(session, target):
        from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx
        return write_ledger_xlsx(session, target, year)
    return write


def document_button(ctx: AppContext, text: str, writer: Callable[[], Writer], name: Callable[[], str],
                    parent: QWidget) -> QPushButton:
    """A button with a menu: preview in the PDF viewer, save where the user chooses, or print. ``writer``
    and ``name`` are asked at the moment of the click, so they follow the chosen year and period."""
    button = QPushButton(text)
    menu = QMenu(button)
    menu.addAction(_("Preview"), lambda: preview(ctx, writer(), name(), parent))
    menu.addAction(_("Save as PDF…"), lambda: save_as(ctx, writer(), name(), parent))
    menu.addAction(_("Print…"), lambda: print_pdf(ctx, writer(), name(), parent))
    button.setMenu(menu)
    return button


def save_ledger(ctx: AppContext, year: int, parent: QWidget, target: Path | None = None) -> Task | None:
    """The ledger of ``year`` as an Excel file, opened afterwards in the spreadsheet program."""
    if target is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the ledger as"), str(Path(folder) / _("ledger-{year}.xlsx").format(year=year)),
            _("Excel files (*.xlsx)"))
        if not chosen:
            return None
        target = Path(chosen)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(target.suffix + ".xlsx")

    def show(path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ctx.show_info(_("The ledger was saved as {path}.").format(path=path), parent)

    return write_document(ctx, ledger_writer(year), target, parent, done=show)
