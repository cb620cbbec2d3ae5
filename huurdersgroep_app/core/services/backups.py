"""Backups and checks of the group's file, as the GUI and the CLI see them: where backups go,
SQLite's integrity checks, and restoring a backup over the open file. The mechanics live in
core.db.backup and core.db.schema; this is the one door to them for the layers above."""
from __future__ import annotations

from huurdersgroep_app.core.db.backup import (  # noqa: F401
    backup_dir, integrity_problems, make_backup, quick_problems, restore_into)
from huurdersgroep_app.core.db.schema import check_schema  # noqa: F401
from huurdersgroep_app.core.db.seal import file_seal_problems, restore_changes  # noqa: F401
