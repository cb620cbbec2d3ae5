"""Importing members from a spreadsheet, as the GUI and the CLI see it: read the file, map its
columns, preview every problem, apply all-or-nothing. The readers live in core.importers; this
is the one door to them for the layers above."""
from __future__ import annotations

from huurdersgroep_app.core.importers.members import (  # noqa: F401 - the import's use cases
    IGNORE, IMPORT_FIELDS, apply, check_mapping, guess_mapping, preview, read_table)
