"""For the readers' tests: every ORM instance reachable from what a reader returned (none may be)."""
from __future__ import annotations

import dataclasses

from huurdersgroep_app.core.db.models.base import Base


def orm_objects(value, seen=None) -> list:
    """Every ORM instance reachable through dataclasses, tuples, lists, sets and dicts."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, Base):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        children = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, dict):
        children = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = list(value)
    else:
        return []
    return [found for child in children for found in orm_objects(child, seen)]
