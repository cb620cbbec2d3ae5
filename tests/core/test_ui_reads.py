"""What the window reads is plain data: every reader a ui module hands ``ctx.read``/``ctx.read_task`` is
resolved and its return annotation walked (through containers, unions and dataclass fields); no ORM class
may be reachable. The few that still return ORM rows are listed, so the list can only shrink."""
from __future__ import annotations

import ast
import dataclasses
import importlib
import typing
from pathlib import Path

import huurdersgroep_app
from huurdersgroep_app.core.db.models.base import Base

UI = Path(huurdersgroep_app.__file__).parent / "ui"
# Readers that still return ORM rows: none left, and none may come back.
KNOWN: set[str] = set()


def _dotted(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return head and f"{head}.{node.attr}"
    return None


def ui_readers() -> dict[str, object]:
    """Every reader handed to ctx.read/read_task in ui/, by its full name."""
    found = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.asname or alias.name: f"{n.module}.{alias.name}" for n in ast.walk(tree)
                 if isinstance(n, ast.ImportFrom) and n.module for alias in n.names}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("read", "read_task") and node.args):
                continue
            dotted = _dotted(node.args[0])
            head, _, rest = (dotted or "").partition(".")
            if head not in names:
                continue  # a local variable (a reader chosen by the caller)
            target = names[head]
            try:
                obj = importlib.import_module(target)
            except ImportError:
                module, _, attr = target.rpartition(".")
                obj = getattr(importlib.import_module(module), attr)
            for part in filter(None, rest.split(".")):
                obj = getattr(obj, part)
            found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def orm_classes(hint, seen=None) -> set[type]:
    seen = set() if seen is None else seen
    if id(hint) in seen:
        return set()
    seen.add(id(hint))
    if isinstance(hint, type) and issubclass(hint, Base):
        return {hint}
    found = set()
    for arg in typing.get_args(hint):
        found |= orm_classes(arg, seen)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        for field_hint in typing.get_type_hints(hint).values():
            found |= orm_classes(field_hint, seen)
    return found


def test_no_ui_read_returns_an_orm_row():
    readers = ui_readers()
    assert len(readers) > 50  # the walk really found the window's readers
    offenders = {name for name, reader in readers.items()
                 if orm_classes(typing.get_type_hints(reader).get("return"))}
    assert offenders == KNOWN


def test_the_return_walk_sees_an_orm_row():
    from huurdersgroep_app.core.services.finance import accounts

    assert orm_classes(typing.get_type_hints(accounts.find_by_iban)["return"])
