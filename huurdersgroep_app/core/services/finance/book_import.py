"""The bank import's 'Book' as one use case: the wizard's click and ``huurdersgroep bank import``
both call ``book_import`` once, in one transaction — the checked lines are booked, the statements
recorded, and the column mapping of a bank's CSV remembered, or (on any error) none of it.

    preview = import_statements(session, account, statements, dry_run=True)   # shown to the user
    booked = book_import(session, preview, csv_key=sample.key, csv_mapping=mapping)
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from huurdersgroep_app.core.importers.bank.csv_profiles import CsvMapping
from huurdersgroep_app.core.services.finance.bank_import import ImportPreview, book_preview
from huurdersgroep_app.core.services.finance.csv_mappings import remember_mapping


def book_import(session: Session, preview: ImportPreview, *, csv_key: str | None = None,
                csv_mapping: CsvMapping | None = None) -> int:
    """Book ``preview``'s new lines; returns how many. A CSV mapping is remembered only with the
    booking it read (a mapping is kept once the user saw its preview and accepted it), also when
    every line was booked before."""
    booked = book_preview(session, preview) if preview.new_lines else 0
    if csv_key and csv_mapping is not None:
        remember_mapping(session, csv_key, csv_mapping)
    return booked
