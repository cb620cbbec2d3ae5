"""Read a spreadsheet as Excel saves it — CSV or XLSX — into plain text cells with line numbers.

What Excel writes depends on the user's settings: in Belgium and the Netherlands 'CSV' means
semicolons and Windows-1252, 'CSV UTF-8' adds a BOM, 'Unicode text' is UTF-16 with tabs. We accept
all of these and keep each row's line number in the file, so problems can be reported where the
user will look for them.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from huurdersgroep_app.core.errors import DomainError, ImportError_
from huurdersgroep_app.core.importers import limits
from huurdersgroep_app.core.progress import CancelToken, Cancelled, ProgressCallback, Steps
from huurdersgroep_app.i18n import _

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_DELIMITERS = (";", ",", "\t")  # ';' first: on a tie, the Belgian/Dutch Excel default wins
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


@dataclass
class Table:
    """The header row and the data rows of one sheet, every cell as stripped text."""

    path: Path
    headers: list[str]
    rows: list[list[str]]
    lines: list[int]  # line (CSV) or row (XLSX) number of each data row; the header is usually line 1
    header_line: int = 1
    format: str = "csv"
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: Path, progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> Table:
    """The first sheet of an XLSX file or the rows of a CSV file; ImportError_ when unusable.
    ``progress(rows read, 0)`` as it goes (the number of rows is not known before the end), and
    ``cancel`` is looked at between rows (reading changes nothing).

    This is the reader's boundary: whatever a malformed file makes the CSV module, the zip module,
    openpyxl or its XML parser raise comes out as one translated ImportError_, never a traceback."""
    path = Path(path)
    try:
        return _read_table(path, Steps(progress, cancel))
    except (DomainError, Cancelled):
        raise
    except MemoryError:
        raise ImportError_(_("{path} is too large to be read on this computer. Split the file.").format(
            path=path.name)) from None
    except Exception as error:  # noqa: BLE001 - a malformed file is the user's problem, told in one line
        if path.suffix.lower() in XLSX_SUFFIXES:
            raise limits.unreadable_workbook(path, type(error).__name__) from error
        raise ImportError_(_("{path} cannot be read as a member list ({reason}). Save it from your spreadsheet "
                             "as 'CSV UTF-8' or as 'Excel workbook (.xlsx)'.").format(
            path=path.name, reason=type(error).__name__)) from error


def _read_table(path: Path, steps: Steps) -> Table:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportError_(_("The file {path} does not exist.").format(path=path)) from None
    except OSError as exc:
        raise ImportError_(_("The file {path} cannot be read: {reason}").format(
            path=path, reason=exc.strerror or exc)) from None
    limits.check_file_size(path, size)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportError_(_("The file {path} does not exist.").format(path=path)) from None
    except OSError as exc:
        raise ImportError_(_("The file {path} cannot be read: {reason}").format(
            path=path, reason=exc.strerror or exc)) from None
    suffix = path.suffix.lower()
    if suffix == ".xls" or data.startswith(_OLE_MAGIC):
        raise ImportError_(_("{path} is in the old Excel format (.xls). Open it in Excel and save it as "
                             "'Excel workbook (.xlsx)' or as 'CSV'.").format(path=path.name))
    if suffix in XLSX_SUFFIXES or (suffix in CSV_SUFFIXES and data.startswith(_ZIP_MAGIC)):
        cells = _xlsx_cells(path, steps)
        fmt, encoding, delimiter = "xlsx", "", ""
    elif suffix in CSV_SUFFIXES:
        text, encoding = _decode(data, path)
        delimiter = _sniff_delimiter(text)
        cells = _csv_cells(text, delimiter, path)
        steps(len(cells), len(cells))
        fmt = "csv"
    else:
        raise ImportError_(_("{path} is not a CSV or Excel (.xlsx) file. Save the member list from your "
                             "spreadsheet as CSV or as Excel workbook.").format(path=path.name))
    table = _to_table(path, cells)
    table.format, table.encoding, table.delimiter = fmt, encoding, delimiter
    return table


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        # A file that is not valid UTF-8 is almost always Excel's 'CSV' in Windows-1252.
        candidates = ("utf-8-sig", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # a binary file that happens to decode
        return text, encoding
    raise ImportError_(_("{path} cannot be read as text. Save it from your spreadsheet as 'CSV UTF-8'.").format(
        path=path.name))


def _first_records(text: str, delimiter: str, limit: int = 50) -> list[list[str]]:
    records = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in record):
                records.append(record)
                if len(records) >= limit:
                    break
    except csv.Error:
        return []
    return records


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the most columns, the same number in every row."""
    best, best_score = _DELIMITERS[0], (False, 1)
    for delimiter in _DELIMITERS:
        records = _first_records(text, delimiter)
        if not records:
            continue
        width = len(records[0])
        consistent = all(len(r) == width for r in records)
        score = (consistent, width) if width > 1 else (False, 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_cells(text: str, delimiter: str, path: Path) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    cells, previous_end = [], 0
    try:
        for record in reader:
            # A quoted cell may hold line breaks, so a record starts on the line after the previous one ended.
            start, previous_end = previous_end + 1, reader.line_num
            record = limits.check_record(path, start, record)
            if record:
                cells.append((start, record))
                if len(cells) > limits.MAX_ROWS + 1:  # the header and MAX_ROWS members
                    raise limits.too_many_rows(path)
    except csv.Error as exc:
        raise ImportError_(_("{path} cannot be read as CSV near line {line}: {reason}").format(
            path=path.name, line=reader.line_num, reason=exc)) from None
    return cells


def _xlsx_cells(path: Path, steps: Steps) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    limits.check_xlsx_archive(path)  # before openpyxl inflates anything
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        if not book.worksheets:
            return []
        sheet = book.worksheets[0]
        # The sheet's declared dimension may claim a million rows and 16,384 columns, and openpyxl
        # pads every row to it: forget it, so each row is as wide as its own last cell, and check
        # each row against the limits as it comes (a too-wide or too-long sheet stops at once).
        sheet.reset_dimensions()
        cells, count = [], 0
        # Read-only sheets yield empty tuples for blank rows, so the count is the sheet's row number.
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number % 50 == 0:  # openpyxl takes ~0.1 ms a row: a few reports a second are enough
                steps(number, 0)
            if not values:
                continue
            record = limits.check_record(path, number, [_cell_text(value) for value in values])
            if record:
                count += 1
                if count > limits.MAX_ROWS + 1:  # the header and MAX_ROWS members
                    raise limits.too_many_rows(path)
                cells.append((number, record))
        return cells
    finally:
        book.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        # Excel stores every number as a float: postcode 9000 and phone 471123456 must stay whole.
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _to_table(path: Path, cells: list[tuple[int, list[str]]]) -> Table:
    records = [(line, [c.strip() for c in row]) for line, row in cells]
    records = [(line, row) for line, row in records if any(row)]  # fully empty lines are skipped
    if not records:
        raise ImportError_(_("{path} is empty.").format(path=path.name))
    header_line, header = records[0]
    data = records[1:]
    if not data:
        raise ImportError_(_("{path} holds only a header row, no members.").format(path=path.name))
    width = max(len(header), *(_used_width(row) for _line, row in data))
    header = header + [""] * (width - len(header))
    rows = [row[:width] + [""] * (width - len(row)) for _line, row in data]
    # Columns without a header and without data are Excel's formatting leftovers.
    keep = [i for i in range(width) if header[i] or any(row[i] for row in rows)]
    headers, seen = [], {}
    for i in keep:
        name = header[i] or _column_letter(i)  # a column of data without a header is known by its letter
        seen[name.casefold()] = seen.get(name.casefold(), 0) + 1
        headers.append(name if seen[name.casefold()] == 1 else f"{name} ({seen[name.casefold()]})")
    return Table(path=path, headers=headers, rows=[[row[i] for i in keep] for row in rows],
                 lines=[line for line, _row in data], header_line=header_line)


def _used_width(row: list[str]) -> int:
    width = len(row)
    while width and not row[width - 1]:
        width -= 1
    return width
