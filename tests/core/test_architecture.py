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


UI = CORE.parent / "ui"
READS = ("read", "read_task")


def readers_in_ui(source: str) -> list[str]:
    """Where a ui module hands ``ctx.read``/``ctx.read_task`` a reader written in the ui: a lambda, or a
    function the ui defines (in the module, as a method, or imported from another ui module). Such a reader
    gets the Session, so the window would be building queries; readers live in core/services/<area>/views.py
    and hand back plain rows."""
    tree = ast.parse(source)
    defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    defined |= {alias.asname or alias.name for n in ast.walk(tree)
                if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("huurdersgroep_app.ui")
                for alias in n.names}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in READS
                and node.args):
            continue
        reader = node.args[0]
        if isinstance(reader, ast.Lambda):
            found.append(f"line {node.lineno}: a lambda")
        elif isinstance(reader, ast.Name) and reader.id in defined:
            found.append(f"line {node.lineno}: {reader.id}")
        elif isinstance(reader, ast.Attribute) and isinstance(reader.value, ast.Name) \
                and reader.value.id in ("self", "cls") and reader.attr in defined:
            found.append(f"line {node.lineno}: {reader.value.id}.{reader.attr}")
    return found


def test_the_window_reads_only_through_the_core_readers():
    offenders = {str(p.relative_to(UI)): found for p in sorted(UI.rglob("*.py"))
                 if (found := readers_in_ui(p.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_reader_check_can_fail():
    source = ("from huurdersgroep_app.ui.x import helper\n"
              "def mine(session):\n    return session.scalars(1)\n"
              "class Tab:\n    def _load(self, session):\n        pass\n"
              "    def refresh(self):\n"
              "        self.ctx.read(mine)\n        self.ctx.read(lambda s: s.get(1))\n"
              "        self.ctx.read(self._load)\n        self.ctx.read_task(helper)\n"
              "        self.ctx.read(views.read_page, 1)\n")
    assert readers_in_ui(source) == ["line 8: mine", "line 9: a lambda", "line 10: self._load", "line 11: helper"]
