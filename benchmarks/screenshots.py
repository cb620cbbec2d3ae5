"""Screenshots of the screens in Dutch (nl_BE) at 1366×768, to look for cut-off texts.

    QT_QPA_PLATFORM=offscreen python benchmarks/screenshots.py --out /tmp/shots

Two groups, each in a temporary folder: the demo, and a group made as a user makes one
(``huurdersgroep new``), whose empty pages look different from the demo's full ones. For each: one
PNG per main page, per Finance and per Settings tab, and the annual meeting (the new group gets one planned),
opened as a user opens it (select its row, press Open), one PNG per tab of the meeting. Files are named
``<group>_<screen>.png``. A script, not a test: a person looks at the pictures.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTabWidget  # noqa: E402

from huurdersgroep_app import cli, i18n  # noqa: E402
from huurdersgroep_app.core.db.engine import Database  # noqa: E402
from huurdersgroep_app.core.demo import create_demo  # noqa: E402
from huurdersgroep_app.core.services.meetings import lifecycle as meetings  # noqa: E402
from huurdersgroep_app.ui.context import AppContext  # noqa: E402
from huurdersgroep_app.ui.kit.table_model import ROW_ROLE  # noqa: E402
from huurdersgroep_app.ui.shell.main_window import MainWindow  # noqa: E402

MAIN_PAGES = ("overview", "members", "board", "meetings", "advices", "signals", "contacts", "finance", "funding",
              "documents")
MEETING_TABS = ("agenda", "invitation", "attendance", "minutes", "elections")


def _settle(app: QApplication) -> None:
    for _round in range(5):
        app.processEvents()


def _shoot(app, widget, out: Path, name: str) -> None:
    _settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def _annual_meeting_row(meetings_list) -> int | None:
    """The row of the last annual meeting that was held (its minutes and elections have content),
    else of any annual meeting (a new group's first, just planned)."""
    model = meetings_list.table.model()
    rows = [(number, model.index(number, 0).data(ROW_ROLE)) for number in range(model.rowCount())]
    annual = [(number, row) for number, row in rows if row.type == "annual" and row.status != "cancelled"]
    held = [number for number, row in annual if row.status != "planned"]
    return held[0] if held else (annual[0][0] if annual else None)


def _meeting_tabs(app, window, out: Path, prefix: str) -> None:
    page = window.show_page("meetings")
    listing = page.list
    number = _annual_meeting_row(listing)
    if number is None:
        return
    listing.table.selectRow(number)
    listing.open_button.click()  # the button, as a user presses it (not a double-click)
    _settle(app)
    view = page.view
    for name in MEETING_TABS:
        tab = getattr(view, name)
        if view.tabs.isTabVisible(view.tabs.indexOf(tab)):
            view.tabs.setCurrentWidget(tab)
            _shoot(app, window, out, f"{prefix}_meeting_{name}")
    view.go_back()


def _settings_tabs(app, window, out: Path, prefix: str) -> None:
    settings = window.show_page("settings")
    for tabs in settings.findChildren(QTabWidget):
        for n in range(tabs.count()):
            tabs.setCurrentIndex(n)
            _shoot(app, window, out, f"{prefix}_settings_{n}")


def _shoot_group(app, path: Path, out: Path, prefix: str) -> None:
    database = Database(path, backup_on_close=False)
    ctx = AppContext(database)
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    for name in MAIN_PAGES:
        window.show_page(name)
        _shoot(app, window, out, f"{prefix}_{name}")
    finance = window.show_page("finance")
    for tabs in finance.findChildren(QTabWidget)[:1]:  # the page's own tabs: cash book, bank import, …
        for n in range(1, tabs.count()):
            tabs.setCurrentIndex(n)
            _shoot(app, window, out, f"{prefix}_finance_{n}")
        tabs.setCurrentIndex(0)
    _meeting_tabs(app, window, out, prefix)
    _settings_tabs(app, window, out, prefix)
    window.close()
    _settle(app)
    ctx.deleteLater()
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", default="nl_BE")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        with Database(demo, create=True, backup_on_close=False) as database, database.transaction() as session:
            create_demo(session)
        new = Path(folder) / "new.sqlite"
        # The command a user (or the welcome dialog's service) runs: no demo data at all.
        cli.main(["--db", str(new), "new", "--name", "Huurdersgroep De Linde", "--region", "vlaanderen",
                  "--landlord", "Woonmaatschappij Gent"])
        i18n.set_language(args.lang)
        with Database(new, backup_on_close=False) as database, database.transaction() as session:
            # The new group's first annual meeting, planned as 'New annual meeting…' does.
            meetings.create_annual_meeting(session, date.today() + timedelta(days=60))
        _shoot_group(app, demo, args.out, "demo")
        _shoot_group(app, new, args.out, "new")


if __name__ == "__main__":
    main()
