"""Reading the group's logo from a picture file (shared by the welcome dialog and Settings)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPixmap

from huurdersgroep_app.i18n import _

MAX_LOGO_BYTES = 2_000_000
_MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


class LogoProblem(ValueError):
    """``str(exc)`` is the translated reason."""


def read_logo(path: Path) -> tuple[bytes, str]:
    """(bytes, mime type) of a PNG or JPEG file the PDF letterhead can use; raises LogoProblem."""
    mime = _MIME.get(Path(path).suffix.lower(), "")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LogoProblem(_("The file could not be read: {problem}").format(problem=exc.strerror or exc)) from None
    if not mime or not data or len(data) > MAX_LOGO_BYTES or not QPixmap().loadFromData(data):
        raise LogoProblem(_("Choose a PNG or JPEG picture smaller than 2 MB."))
    return data, mime
