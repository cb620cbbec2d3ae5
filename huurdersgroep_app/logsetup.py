"""Libraries' log messages go to a file, never to the terminal or the console.

The MT940 parser logs each regular expression that fails to match a line (twenty lines and more for
one bad line); with no logging configured Python prints those on stderr, under the one clear line
the secretary should see. The CLI and the GUI call ``quiet_library_logging`` at start-up: warnings
and errors of any library are appended to ``library.log`` in the cache folder, for whoever helps.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime

from huurdersgroep_app import paths

LOG_NAME = "library.log"


class _AppendToCacheFile(logging.Handler):
    """Opens the log only when there is something to write, and never complains about it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            from huurdersgroep_app.core.db.private import make_private_dirs

            folder = make_private_dirs(paths.cache_dir())
            fd = os.open(folder / LOG_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with open(fd, "a", encoding="utf-8") as f:
                f.write(f"{datetime.now():%Y-%m-%d %H:%M:%S} {record.name} {record.levelname}: "
                        f"{self.format(record)}\n")
        except Exception:  # noqa: BLE001 - a log that cannot be written must not disturb the user
            pass


_handler: logging.Handler | None = None


def quiet_library_logging() -> logging.Handler:
    """Route all logging (root logger, WARNING and up) to the cache file; idempotent."""
    global _handler
    root = logging.getLogger()
    if _handler is None or _handler not in root.handlers:
        _handler = _AppendToCacheFile(level=logging.WARNING)
        root.addHandler(_handler)  # with a handler in place, Python's last-resort stderr printer stays silent
    return _handler
