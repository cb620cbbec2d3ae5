"""Rotation keeps each file's own backups: 'groep' is not 'groep-2024'."""
from huurdersgroep_app.core.db import backup as backups
from huurdersgroep_app.core.db.engine import Database


def test_rotation_matches_whole_names(tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "KEEP_BACKUPS", 2)
    short, long_ = tmp_path / "groep.sqlite", tmp_path / "groep-2024.sqlite"
    for path in (long_, long_, short, short, short, short):
        with Database(path, create=True):
            pass
    folder = backups.backup_dir(short)
    assert len(list(folder.glob("groep-2024-*-on-close.sqlite"))) == 2  # untouched by groep's rotation
    assert len(backups.backups_of(short, "on-close")) == 2
    assert len(backups.backups_of(long_, "on-close")) == 2
