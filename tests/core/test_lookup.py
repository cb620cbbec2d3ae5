"""One way to find a row by its id or say, translated, that it is not there: ``lookup.get_or_raise``.
The services once carried their own copy of the three lines (issue 8 §4); this keeps them from coming back."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import huurdersgroep_app
from huurdersgroep_app.core.errors import NotFoundError
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.i18n import N_, language

SERVICES = Path(huurdersgroep_app.__file__).parent / "core" / "services"


def _is_get(node) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
        and isinstance(node.func.value, ast.Name) and node.func.value.id in ("session", "s")


def hand_written_lookups(source: str) -> list[int]:
    """Lines of ``if <session.get(...) or a name bound to it> is None: raise NotFoundError(...)``."""
    tree = ast.parse(source)
    found = []
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        fetched = {target.id for n in ast.walk(function) if isinstance(n, ast.Assign) and _is_get(n.value)
                   for target in n.targets if isinstance(target, ast.Name)}
        for node in ast.walk(function):
            if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
                    and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.Is)
                    and isinstance(node.test.comparators[0], ast.Constant) and node.test.comparators[0].value is None):
                continue
            left = node.test.left
            if not (_is_get(left) or (isinstance(left, ast.Name) and left.id in fetched)):
                continue
            raised = node.body[0] if len(node.body) == 1 and isinstance(node.body[0], ast.Raise) else None
            if raised is not None and isinstance(raised.exc, ast.Call) and isinstance(raised.exc.func, ast.Name) \
                    and raised.exc.func.id == "NotFoundError":
                found.append(node.lineno)
    return found


def test_no_service_writes_its_own_get_or_raise():
    offenders = {str(p.relative_to(SERVICES)): lines for p in sorted(SERVICES.rglob("*.py"))
                 if (lines := hand_written_lookups(p.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_check_sees_both_shapes():
    source = ("def a(session, i):\n    row = session.get(M, i)\n    if row is None:\n"
              "        raise NotFoundError(_('x'))\n    return row\n"
              "def b(session, i):\n    if session.get(M, i) is None:\n        raise NotFoundError(_('y'))\n"
              "def c(session, i):\n    row = session.get(M, i)\n    if row is None or row.gone:\n"
              "        raise NotFoundError(_('z'))\n")
    assert hand_written_lookups(source) == [3, 7]


def test_the_helper_returns_the_row_or_says_in_the_users_language_that_it_is_gone(db):
    with db.transaction() as s:
        made = complexes.add_complex(s, "De Linde", 10)
        assert get_or_raise(s, type(made), made.id, N_("Member {id} does not exist."), id=made.id) is made
        with language("nl_BE"), pytest.raises(NotFoundError, match="Lid 999 bestaat niet"):
            get_or_raise(s, type(made), 999, N_("Member {id} does not exist."), id=999)
        with pytest.raises(NotFoundError):
            get_or_raise(s, type(made), None, N_("Member {id} does not exist."), id=None)
