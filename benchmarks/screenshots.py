"""Screenshots of the main screens in Dutch (nl_BE) at 1366×768, to look for cut-off texts.

    QT_QPA_PLATFORM=offscreen python benchmarks/screenshots.py --out /tmp/shots

Builds the demo group in a temporary folder; writes one PNG per screen (and per settings page).
A script, not a test: a person looks at the pictures.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QAbstractItemView, QApplication, QListWidget, QStackedWidget, QTabWidget  # noqa: E402

from huurdersgroep_app import i18n  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.demo import create_demo  # noqa: E402
from huurdersgroep_app.ui.context import AppContext  # noqa: E402
from huurdersgroep_app.ui.shell.main_window import MainWindow  # noqa: E402


def _settle(app: QApplication) -> None:
    for _round in range(5):
        app.processEvents()


def _shoot(app, window, out: Path, name: str) -> None:
    _settle(app)
    window.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def _open_annual_meeting(app, page) -> bool:
    """Double-click the annual meeting's row (the first one mentioning 'algemene')."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            texts = " ".join(str(model.index(row, c).data() or "") for c in range(model.columnCount()))
            if "algemene" in texts.lower() or "jaarvergadering" in texts.lower():
                index = model.index(row, 0)
                view.setCurrentIndex(index)
                view.doubleClicked.emit(index)
                view.activated.emit(index)
                _settle(app)
                return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", default="nl_BE")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    i18n.set_language(args.lang)
    with tempfile.TemporaryDirectory() as folder:
        database = Database(Path(folder) / "demo.sqlite", create=True, backup_on_close=False)
        with database.transaction() as session:
            create_demo(session)
        ctx = AppContext(database)
        window = MainWindow(ctx)
        window.resize(1366, 768)
        window.show()
        for name in ("overview", "members", "finance"):
            window.show_page(name)
            _shoot(app, window, args.out, name)
        window.show_page("meetings")
        _shoot(app, window, args.out, "meetings")
        if _open_annual_meeting(app, window.page("meetings")):
            for top in app.topLevelWidgets():
                if top.isVisible() and top is not window:
                    _settle(app)
                    top.grab().save(str(args.out / "meeting_detail.png"))
                    print(args.out / "meeting_detail.png")
            _shoot(app, window, args.out, "meeting_in_window")
        settings = window.show_page("settings")
        _shoot(app, window, args.out, "settings")
        for tabs in settings.findChildren(QTabWidget):
            for n in range(tabs.count()):
                tabs.setCurrentIndex(n)
                _shoot(app, window, args.out, f"settings_{n}")
        for chooser in settings.findChildren(QListWidget):
            stacks = settings.findChildren(QStackedWidget)
            if stacks and chooser.count() == stacks[0].count():
                for n in range(chooser.count()):
                    chooser.setCurrentRow(n)
                    _shoot(app, window, args.out, f"settings_{n}")
        window.close()
        ctx.deleteLater()
        database.close()


if __name__ == "__main__":
    main()
