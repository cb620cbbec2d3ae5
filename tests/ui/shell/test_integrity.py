"""The check on open runs in the background and tells the user when the file is damaged."""
from __future__ import annotations

import pytest

from huurdersgroep_app.core.services import backups as backup
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services.organisation import OrganisationInput, create_organisation


@pytest.fixture
def group_file(tmp_path):
    path = tmp_path / "group.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        create_organisation(s, OrganisationInput(name="Huurdersgroep Test", region="vlaanderen"))
    return path


def test_a_sound_file_opens_without_a_warning(controller, group_file, warnings, qtbot):
    assert controller.start(group_file)
    qtbot.waitUntil(lambda: controller.integrity.problems is not None, timeout=10_000)
    assert controller.integrity.problems == [] and warnings == []


def test_damage_found_by_the_check_is_told_in_plain_words(controller, group_file, warnings, qtbot, monkeypatch):
    monkeypatch.setattr(backup, "quick_problems", lambda path: ["row 3 missing from index ix_member_last_name"])
    assert controller.start(group_file)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "row 3 missing" in warnings[0] and "restore the newest backup" in warnings[0]
    assert controller.window.isVisible()  # the user can still go to Settings and restore


def test_quick_check_finds_a_damaged_page(group_file, tmp_path):
    assert backup.quick_problems(group_file) == []
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(group_file.read_bytes())
    data[4096:4096 * 3] = b"\x00\xff" * 4096
    damaged.write_bytes(bytes(data))
    assert backup.quick_problems(damaged) != []
