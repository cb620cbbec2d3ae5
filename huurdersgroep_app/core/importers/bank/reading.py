"""What every bank parser shares: reading the file's text, and errors that name the line."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from huurdersgroep_app.core.importers.bank.statement import BankFileError
from huurdersgroep_app.i18n import _

CENT = Decimal("0.01")
_UTF8_BOM = b"\xef\xbb\xbf"


def file_error(problem: str, line: int | None = None, field: str | None = None) -> BankFileError:
    """A BankFileError whose message says where: 'Line 7, amount: …'. ``problem`` is already
    translated; ``field`` is the English source (marked with N_), translated here, so that the
    parsers do not translate a field name for every line they read."""
    field = _(field) if field else None
    if line is None:
        message = problem
    elif field:
        message = _("Line {line}, {field}: {problem}").format(line=line, field=field, problem=problem)
    else:
        message = _("Line {line}: {problem}").format(line=line, problem=problem)
    error = BankFileError(message, line)
    error.field = field
    return error


def read_bytes(path) -> bytes:
    from huurdersgroep_app.core.importers.limits import MAX_FILE_BYTES

    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise file_error(_("The file '{name}' is {size} MB; bank files of more than {limit} MB are not "
                               "imported. Export a shorter period.").format(
                name=path.name, size=path.stat().st_size // 2**20, limit=MAX_FILE_BYTES // 2**20))
        data = path.read_bytes()
    except FileNotFoundError:
        raise file_error(_("The file '{name}' does not exist.").format(name=path.name)) from None
    except IsADirectoryError:
        raise file_error(_("'{name}' is a folder, not a bank statement file.").format(name=path.name)) from None
    except OSError as error:
        raise file_error(_("The file '{name}' cannot be read: {reason}").format(
            name=path.name, reason=error.strerror or error)) from None
    if not data.strip():
        raise file_error(_("The file '{name}' is empty.").format(name=path.name))
    return data


def decode(data: bytes) -> str:
    """Bank exports are UTF-8 (with or without a byte-order mark) or Windows-1252; we try in that
    order. Latin-1 is the last resort because it accepts any byte, so a file is never refused for
    its encoding alone."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def read_text(path) -> str:
    return decode(read_bytes(path))


def parse_iso_date(text: str, line: int | None, field: str) -> date:
    """'2024-03-01' or a date-time '2024-03-01T10:15:00+01:00' (the date part counts)."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise file_error(_("'{value}' is not a date.").format(value=text), line, field) from None


def parse_date_format(text: str, formats: tuple[str, ...], line: int | None, field: str) -> date:
    text = (text or "").strip()
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise file_error(_("'{value}' is not a date.").format(value=text), line, field)


def squeeze(text: str) -> str:
    """Collapse runs of white space (banks pad their fixed-width fields with spaces)."""
    return " ".join((text or "").split())
