"""No float anywhere near money: the finance services compute with Decimal only, and the money
documents never convert an amount to a float (the chart gets integer cents)."""
from __future__ import annotations

import ast
from pathlib import Path

import huurdersgroep_app

PACKAGE = Path(huurdersgroep_app.__file__).parent
SERVICES = sorted((PACKAGE / "core" / "services" / "finance").glob("*.py"))
MONEY_CODE = SERVICES + sorted((PACKAGE / "core" / "documents" / "finance").glob("*.py")) + [
    PACKAGE / "cli" / "finance.py", PACKAGE / "core" / "db" / "models" / "finance.py",
    PACKAGE / "core" / "db" / "models" / "finance_plans.py"]


def _float_uses(path: Path, literals: bool) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float":
            found.append(f"{path.name}:{node.lineno} float()")
        if isinstance(node, (ast.Attribute, ast.Name)) and getattr(node, "id", getattr(node, "attr", "")) in (
                "Float", "FLOAT", "REAL"):
            found.append(f"{path.name}:{node.lineno} float column")
        if literals and isinstance(node, ast.Constant) and isinstance(node.value, float):
            found.append(f"{path.name}:{node.lineno} literal {node.value}")
    return found


def test_money_code_never_makes_a_float():
    assert len(MONEY_CODE) > 20  # the walk really looked at the finance modules
    assert [use for path in MONEY_CODE for use in _float_uses(path, literals=False)] == []


def test_finance_services_have_no_float_literals():
    """Layout code may use 7.5 pt fonts; the services that compute amounts may not hold a float at all."""
    assert [use for path in SERVICES for use in _float_uses(path, literals=True)] == []
