"""Reading bank files, as the GUI and the CLI see it: detect the format, parse the statements,
sample and map a bank CSV that no known profile recognises. The parsers live in
core.importers.bank; this is the one door to them for the layers above."""
from __future__ import annotations

from huurdersgroep_app.core.importers.bank import CsvMapping, detect_format, parse_bank_file  # noqa: F401
from huurdersgroep_app.core.importers.bank.csv_bank import detect_profile  # noqa: F401
from huurdersgroep_app.core.importers.bank.csv_guess import (  # noqa: F401
    DATE_CHOICES, CsvSample, column_ref, guess_date_format, guess_mapping, sample_csv)
from huurdersgroep_app.core.importers.bank.reading import read_text  # noqa: F401
