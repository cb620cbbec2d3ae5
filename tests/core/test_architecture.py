"""The core is headless: nothing under huurdersgroep_app/core imports Qt."""
import ast
from pathlib import Path

import huurdersgroep_app

CORE = Path(huurdersgroep_app.__file__).parent / "core"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_never_imports_qt():
    offenders = {str(p.relative_to(CORE)): sorted(m for m in imported_modules(p) if m.split(".")[0] in
                                                   ("PySide6", "PyQt5", "PyQt6", "shiboken6"))
                 for p in CORE.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) > 10  # the walk really looked at the core modules


def test_core_never_imports_ui():
    offenders = [str(p) for p in CORE.rglob("*.py")
                 if any(m.startswith("huurdersgroep_app.ui") for m in imported_modules(p))]
    assert offenders == []
