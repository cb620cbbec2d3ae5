"""What the user sees of a programming error: a message in words, the details in a log file."""
from __future__ import annotations

import sys
from datetime import datetime

from PySide6.QtWidgets import QMessageBox

from huurdersgroep_app import paths
from huurdersgroep_app.i18n import _


def install_error_hook() -> None:
    """A programming error inside a click must not vanish into a console nobody sees: tell the user
    in words, keep the details in a log file for whoever helps them."""
    previous = sys.excepthook

    def hook(kind, value, trace) -> None:
        previous(kind, value, trace)
        log = paths.cache_dir() / "errors.log"
        try:
            import traceback

            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as f:
                f.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n")
                f.write("".join(traceback.format_exception(kind, value, trace)))
        except OSError:
            pass
        QMessageBox.critical(None, _("Unexpected problem"), _(
            "Something unexpected went wrong. What was saved before is safe: every change is saved when it is "
            "made. The details were written to {path}.").format(path=log))

    sys.excepthook = hook
