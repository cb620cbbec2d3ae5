"""Choosing a person (issue 8 §4): one combo to type in, ``kit.choices.member_combo``, in every dialog."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

import huurdersgroep_app
from huurdersgroep_app.ui.kit.choices import combo_value, member_combo

UI = Path(huurdersgroep_app.__file__).parent / "ui"


def test_a_few_letters_anywhere_in_the_name_find_the_member(qtbot):
    box = member_combo([(1, "Peeters, Jan"), (2, "Maes, Els"), (3, "Janssens, Ann")], empty="")
    qtbot.addWidget(box)
    completer = box.completer()
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive
    completer.setCompletionPrefix("jan")
    found = {completer.completionModel().index(r, 0).data() for r in range(completer.completionModel().rowCount())}
    assert found == {"Peeters, Jan", "Janssens, Ann"}
    box.setEditText("Maes, Els")
    assert combo_value(box) == 2
    box.setEditText("Nobody we know")
    assert combo_value(box) is None


def test_no_dialog_builds_its_own_name_completer():
    own = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py")
                 if "QCompleter" in p.read_text(encoding="utf-8") and p != UI / "kit" / "choices.py")
    assert own == []
