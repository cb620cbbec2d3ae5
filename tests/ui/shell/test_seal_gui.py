"""Issue 13 §2 in the window: the check on open reports closed books changed outside the program, and
restoring a backup whose closed years differ says so before anything is replaced."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.finance import accounts, categories, closing, entries
from huurdersgroep_app.core.services.organisation import OrganisationInput, create_organisation
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.settings import page as settings


def _closed_group(path: Path) -> Path:
    with Database(path, create=True, backup_on_close=False) as db:
        with db.transaction() as s:
            create_organisation(s, OrganisationInput(name="Huurdersgroep Test", region="vlaanderen"))
            cash = accounts.add_account(s, "Kas", "cash").id
            category = categories.category_by_code(s, "refreshments").id
            entries.add_entry(s, entries.EntryInput(date(2024, 5, 1), cash, "-12.50", category))
        with db.transaction() as s:
            closing.close_year(s, 2024, today=date(2025, 2, 1), confirmed=True)
    return path


def _alter(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER trg_entry_sealed_update")
    con.execute("UPDATE entry SET amount = -99 WHERE booked_on = '2024-05-01'")
    con.commit()
    con.close()


def test_the_check_on_open_reports_a_changed_closed_year(controller, tmp_path, warnings, qtbot):
    path = _closed_group(tmp_path / "group.sqlite")
    _alter(path)
    assert controller.start(path)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "closed year 2024 were changed outside the program" in warnings[0]
    assert controller.integrity.seal_problems and controller.window.isVisible()


def test_a_sealed_file_opens_without_a_seal_warning(controller, tmp_path, warnings, qtbot):
    assert controller.start(_closed_group(tmp_path / "group.sqlite"))
    qtbot.waitUntil(lambda: controller.integrity.problems is not None, timeout=10_000)
    assert controller.integrity.seal_problems == [] and warnings == []


def test_restore_tells_of_changed_closed_years_before_replacing(tmp_path, qapp, qtbot, monkeypatch):
    path = _closed_group(tmp_path / "group.sqlite")
    backup = tmp_path / "altered-backup.sqlite"
    shutil.copyfile(path, backup)
    _alter(backup)
    db = Database(path, backup_on_close=False)
    try:
        ctx = AppContext(db)
        page = settings.Page(ctx)
        qtbot.addWidget(page)
        asked, restored = [], []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), "")))
        monkeypatch.setattr(ctx, "ask", lambda question, parent=None, title=None: asked.append(question) or False)
        monkeypatch.setattr(ctx, "restore_backup", lambda file: restored.append(file) or True)
        page.restore()
        assert len(asked) == 1 and "The closed year 2024 has other books in the backup" in asked[0]
        assert restored == []  # the user said no: nothing was replaced
    finally:
        db.close()
