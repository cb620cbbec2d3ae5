"""Start-up order and import cost of the GUI (issue 8 §5), as behaviour: which modules PySide6's import
hook got to inspect, and that the window still shows the group's data without it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.organisation import OrganisationInput

ROOT = Path(__file__).resolve().parents[3]


def test_modules_imported_after_qt_are_not_read_by_pysides_import_hook(tmp_path):
    path = tmp_path / "g.sqlite"
    with Database(path, create=True, backup_on_close=False) as db, db.transaction() as s:
        organisation.create_organisation(s, OrganisationInput(name="Huurdersgroep Test", region="vlaanderen"))
    env = dict(os.environ, HUURDERSGROEP_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen",
               HUURDERSGROEP_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # PySide6's hook files every module it inspected (its source read) in this table.
    script = ("import sys\n"
              "from huurdersgroep_app.cli import main\n"
              f"status = main(['--db', {str(path)!r}, '--lang', 'en'])\n"
              "from PySide6.support import feature\n"
              "inspected = feature.pyside_feature_dict\n"
              "print('INSPECTED', sorted(m for m in ('sqlalchemy', 'huurdersgroep_app.core.db.engine',\n"
              "      'huurdersgroep_app.ui.overview.page', 'huurdersgroep_app.ui.shell.main_window')\n"
              "      if m in inspected))\n"
              "sys.exit(status)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["MAIN_WINDOW_SHOWN", "MAIN_WINDOW_READY", "INSPECTED []"]
