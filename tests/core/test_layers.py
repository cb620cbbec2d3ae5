"""The rooms and the one way down (ARCHITECTURE.md): what each layer of the GUI may import.

Read from the source with ``ast`` (every import, also the ones inside functions and under
TYPE_CHECKING), so a shortcut taken anywhere in a module fails here.
"""
from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

import huurdersgroep_app

PACKAGE = Path(huurdersgroep_app.__file__).parent
UI = PACKAGE / "ui"
ROOT = "huurdersgroep_app"

# What an area of the window may use besides itself.
AREA_MAY_USE = (f"{ROOT}.ui.kit", f"{ROOT}.ui.context", f"{ROOT}.ui.tasks", f"{ROOT}.core.services",
                f"{ROOT}.core.errors", f"{ROOT}.core.documents", f"{ROOT}.i18n", f"{ROOT}.paths")
NEVER_IN_UI = (f"{ROOT}.core.db", f"{ROOT}.core.importers", f"{ROOT}.core.rules", f"{ROOT}.core.demo", "sqlalchemy",
               "alembic")
STRING_DISPATCH = ("importlib", "pkgutil")


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports; ``from a import b`` counts as ``a.b`` as well as ``a``, since
    ``b`` may be a module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def areas() -> list[Path]:
    return sorted(p for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").exists()
                  and p.name not in ("kit", "shell", "overview"))


def test_the_window_has_its_areas():
    names = {p.name for p in areas()}
    assert {"members", "board", "meetings", "advices", "signals", "contacts", "finance", "settings"} <= names


def test_an_area_uses_only_kit_context_tasks_and_the_services():
    offenders = {}
    for area in areas():
        own = f"{ROOT}.ui.{area.name}"
        for path in area.rglob("*.py"):
            # `from huurdersgroep_app import __version__` names the package's own attribute
            bad = sorted(m for m in imports_of(path) if within(m, (ROOT,)) and m not in (ROOT, f"{ROOT}.__version__")
                         and not within(m, (own,) + AREA_MAY_USE))
            if bad:
                offenders[str(path.relative_to(UI))] = bad
    assert offenders == {}


def test_the_kit_knows_no_area():
    offenders = {str(p.relative_to(UI)): sorted(m for m in imports_of(p) if within(m, (f"{ROOT}.ui",))
                                                and not within(m, (f"{ROOT}.ui.kit", f"{ROOT}.ui.context",
                                                                   f"{ROOT}.ui.tasks")))
                 for p in (UI / "kit").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_overview_the_page_list_and_the_context_reach_into_an_area():
    """An area is entered from outside it in three places only: ``ui/pages.py`` (its page, nothing else),
    ``ui/context.py`` (a dialog one area opens in another, ``ctx.open_advice_dossier``) and the Overview,
    which shows the others. The shell, the kit and ``tasks`` know no area."""
    names = [p.name for p in areas()]
    offenders = {}
    for path in UI.rglob("*.py"):
        where = path.relative_to(UI)
        if where.parts[0] in names or where.parts[0] == "overview" or where.as_posix() == "context.py":
            continue
        reached = sorted(m for m in imports_of(path) for name in names if within(m, (f"{ROOT}.ui.{name}",)))
        if where.as_posix() == "pages.py":
            reached = [m for m in reached if not within(m, (f"{ROOT}.ui.{m.split('.')[2]}.page",))]
        if reached:
            offenders[where.as_posix()] = reached
    assert offenders == {}


def test_the_ui_never_reaches_past_the_services():
    offenders = {str(p.relative_to(UI)): sorted(m for m in imports_of(p) if within(m, NEVER_IN_UI))
                 for p in UI.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) > 50  # the walk really read the window's modules


def test_pages_tabs_and_dialogs_are_referenced_as_code():
    """No module loaded by a name in a string: tools (and readers) must see every page and tab."""
    offenders = {str(p.relative_to(UI)): sorted(m for m in imports_of(p) if within(m, STRING_DISPATCH))
                 for p in UI.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_checks_above_can_fail(tmp_path):
    """The rules read real imports: a module that takes a shortcut is caught."""
    bad = tmp_path / "shortcut.py"
    bad.write_text("def f():\n    from huurdersgroep_app.core.db.models import Member\n"
                   "    from huurdersgroep_app.ui.finance import page\n", encoding="utf-8")
    found = imports_of(bad)
    assert within(f"{ROOT}.core.db.models.Member", NEVER_IN_UI) and f"{ROOT}.core.db.models" in found
    assert f"{ROOT}.ui.finance.page" in found and not within(f"{ROOT}.ui.finance.page", AREA_MAY_USE)


def test_no_ui_module_is_a_warehouse():
    """Small rooms: no module of the window passes 300 lines."""
    sizes = {str(p.relative_to(UI)): len(p.read_text(encoding="utf-8").splitlines()) for p in UI.rglob("*.py")}
    assert {k: n for k, n in sizes.items() if n > 300} == {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_cycles(folder: Path) -> list[list[str]]:
    """Cycles in the graph of every import (module level and inside functions) between the modules
    under ``folder``: a function-level import that only hides a cycle is still a cycle."""
    modules = {_module_name(p): p for p in folder.rglob("*.py")}
    graph = {name: sorted(m for m in imports_of(path) if m in modules and m != name) for name, path in modules.items()}
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    return cycles


def test_the_database_layer_and_the_services_have_no_import_cycles():
    core = PACKAGE / "core"
    cycles = [c for c in import_cycles(core) if all(m.startswith((f"{ROOT}.core.db", f"{ROOT}.core.services"))
                                                      for m in c)]
    # a package importing its own submodule is no cycle of the code's meaning
    cycles = [c for c in cycles if not any(b.startswith(a + ".") or a.startswith(b + ".") for a, b in pairwise(c))]
    assert cycles == []
