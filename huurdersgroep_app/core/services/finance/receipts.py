"""Receipts (photo, scan or PDF) stored with their entry in the database, so a backup carries
them; and the list of entries that still miss one."""
from __future__ import annotations

import mimetypes
from pathlib import Path, PureWindowsPath

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance import Category, Entry, EntryLine, Receipt
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.common import year_bounds
from huurdersgroep_app.core.services.finance.entries import get_entry
from huurdersgroep_app.core.services.finance.search import EntryFilter, EntryRow, search_entries
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

# A phone photo is a few MB; anything far larger is probably the wrong file and bloats every backup.
MAX_RECEIPT_BYTES = 20 * 1024 * 1024


def attach_receipt(session: Session, entry_id: int, file_name: str, data: bytes, mime: str = "") -> Receipt:
    entry = get_entry(session, entry_id)
    years.ensure_open(session, entry.booked_on)
    if not data:
        raise DomainError(_("The file {name} is empty.").format(name=file_name))
    if len(data) > MAX_RECEIPT_BYTES:
        raise DomainError(_("The file {name} is larger than 20 MB. Scan or photograph it at a lower "
                            "resolution.").format(name=file_name))
    mime = mime or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    receipt = Receipt(entry_id=entry.id, file_name=PureWindowsPath(file_name).name,  # '/' and '\\' both end a folder
                       mime=mime, size=len(data), data=data)
    session.add(receipt)
    session.flush()
    return receipt


def attach_receipt_file(session: Session, entry_id: int, path: Path) -> Receipt:
    path = Path(path)
    if not path.is_file():
        raise DomainError(_("The file {path} does not exist.").format(path=path))
    return attach_receipt(session, entry_id, path.name, path.read_bytes())


def get_receipt(session: Session, receipt_id: int) -> Receipt:
    return get_or_raise(session, Receipt, receipt_id, N_("This receipt does not exist (any more)."))


def detach_receipt(session: Session, receipt_id: int) -> None:
    receipt = get_receipt(session, receipt_id)
    years.ensure_open(session, receipt.entry.booked_on)
    session.delete(receipt)
    session.flush()


def receipt_data(session: Session, receipt_id: int) -> tuple[str, str, bytes]:
    """(file name, mime type, bytes) to open or save the receipt."""
    receipt = get_receipt(session, receipt_id)
    return receipt.file_name, receipt.mime, receipt.data


def receipts_of(session: Session, entry_id: int) -> list[Receipt]:
    return list(session.scalars(select(Receipt).where(Receipt.entry_id == entry_id).order_by(Receipt.id)))


def _needing_receipt(year: int):
    """The ids of the year's entries with a line in a category that needs a receipt, and no receipt."""
    start, end = year_bounds(year)
    return (select(Entry.id).join(EntryLine, EntryLine.entry_id == Entry.id)
            .join(Category, Category.id == EntryLine.category_id)
            .where(Entry.booked_on.between(start, end), Category.needs_receipt.is_(True),
                   ~exists().where(Receipt.entry_id == Entry.id)))


def missing_receipt_count(session: Session, year: int) -> int:
    """How many entries ``missing_receipts`` lists, counted in SQL: a report that only shows the
    number need not build a row for each of the year's entries."""
    return session.scalar(select(func.count(func.distinct(Entry.id))).where(Entry.id.in_(_needing_receipt(year))))


def missing_receipts(session: Session, year: int) -> list[EntryRow]:
    """Entries of the year with a line in a category that needs a receipt, and no receipt attached."""
    start, end = year_bounds(year)
    needing = set(session.scalars(_needing_receipt(year)))
    return [row for row in search_entries(session, EntryFilter(start=start, end=end)) if row.id in needing]
