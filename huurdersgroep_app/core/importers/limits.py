"""Size limits of the files we import, checked before a file is read into memory, and the one
translated line that says which limit a file passes and what to do.

The limits sit far above what a tenant group's files hold (a large Dutch tenant organisation has a
few thousand members; a bank exports a few thousand lines a year) and far below what would take
the laptop's memory or minutes of work: a 643 KB CSV with one very wide row took 2.3 GB, a
1.4 MB XLSX 'bomb' 240 s, before these limits."""
from __future__ import annotations

import zipfile
from pathlib import Path

from huurdersgroep_app.core.errors import ImportError_
from huurdersgroep_app.i18n import _

MAX_FILE_BYTES = 50 * 1024 * 1024          # a CSV, TXT or bank file as it is on disk
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024  # the parts of a workbook once unzipped, together
MAX_XLSX_PARTS = 500                       # files inside the workbook's zip
MAX_ROWS = 100_000                         # data rows of a member list
MAX_COLUMNS = 200                          # columns that hold something, per row
MAX_CELL = 10_000                          # characters in one cell
MAX_LINE = 100_000                         # characters in one CSV line (one record)


def _megabytes(size: int) -> str:
    from huurdersgroep_app.i18n import format_number

    return format_number(round(size / 1024 / 1024))


def check_file_size(path: Path, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise ImportError_(_("{name} is {size} MB; files of more than {limit} MB are not imported. Export a "
                             "shorter period or fewer columns, or split the file.").format(
            name=path.name, size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES)))


def check_xlsx_archive(path: Path) -> None:
    """Refuse a workbook whose unzipped parts are too large, before openpyxl reads any of it (the zip
    module never inflates a part past the size its directory declares, so the declared sizes hold)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise unreadable_workbook(path) from None
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_XLSX_PARTS or total > MAX_XLSX_UNCOMPRESSED:
        raise ImportError_(_("{name} unpacks to {size} MB; workbooks of more than {limit} MB unpacked are not "
                             "imported. Delete unused sheets, pictures and formatting, or save the member list "
                             "as CSV.").format(name=path.name, size=_megabytes(total),
                                              limit=_megabytes(MAX_XLSX_UNCOMPRESSED)))


def unreadable_workbook(path: Path, reason: str = "") -> ImportError_:
    message = _("{path} is not a readable Excel workbook. Open it in Excel and save it again as 'Excel workbook "
                "(.xlsx)' or as 'CSV'.").format(path=path.name)
    return ImportError_(f"{message} ({reason})" if reason else message)


def too_many_rows(path: Path) -> ImportError_:
    from huurdersgroep_app.i18n import format_number

    return ImportError_(_("{name} has more than {limit} rows. Split the file and import the parts one after "
                          "the other.").format(name=path.name, limit=format_number(MAX_ROWS)))


def record_problem(cells: list[str]) -> str | None:
    """What makes one record (a CSV line, a sheet row) too large to read, translated; None when it fits."""
    wide = sum(len(cell) for cell in cells) + len(cells)
    if wide > MAX_LINE:
        return _("it is {count} characters long; at most {limit} are read. Check that the file holds one "
                 "record per line.").format(count=wide, limit=MAX_LINE)
    width = used_width(cells)
    if width > MAX_COLUMNS:
        return _("it has {count} columns; at most {limit} are read. Delete the columns that are not needed "
                 "and save the file again.").format(count=width, limit=MAX_COLUMNS)
    longest = max((len(cell) for cell in cells), default=0)
    if longest > MAX_CELL:
        return _("it has a cell of {count} characters; at most {limit} are read. Shorten that cell and save "
                 "the file again.").format(count=longest, limit=MAX_CELL)
    return None


def used_width(cells: list[str]) -> int:
    width = len(cells)
    while width and not cells[width - 1].strip():
        width -= 1
    return width


def check_record(path: Path, line: int, cells: list[str]) -> list[str]:
    """The record without its trailing empty cells; ImportError_ when it passes a width limit."""
    problem = record_problem(cells)
    if problem:
        raise ImportError_(_("Line {line} of {name}: {problem}").format(line=line, name=path.name, problem=problem))
    return cells[:used_width(cells)]
