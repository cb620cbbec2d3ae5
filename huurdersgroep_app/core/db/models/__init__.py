"""All models. Each area keeps its own module in this package, found without a shared list to edit.

Start-up pays only for the models it uses: building the 40-odd mapped classes and configuring
their mappers is a good part of a command's fixed cost, and `report board-list` needs three of
them. So a module of this package is imported when it is used (``from ...models import Meeting``
imports ``models.meetings``; so does ``from ...models.meetings import Meeting``), and before the
mappers are configured (the first query or flush after a new module came in) the modules whose
tables the loaded tables refer to are imported too: every foreign key and relationship then
finds its table, and a flush can order its tables. ``Base`` from this package, and
``load_all()``, give the whole schema (migrations, checks over every table, tests).
"""
from __future__ import annotations

import importlib as _importlib
import pkgutil as _pkgutil
import re as _re
from pathlib import Path as _Path

from sqlalchemy import event as _event
from sqlalchemy.orm import Mapper as _Mapper

from huurdersgroep_app.core.db.models.base import Base as _Base
from huurdersgroep_app.core.db.models.members import (  # noqa: F401
    CONTACT_WAYS, OFFICE_ROLES, RANGE_PARITIES, Complex, ComplexRange, Member, Office)
from huurdersgroep_app.core.db.models.organisation import Organisation, Setting  # noqa: F401

_all_loaded = False
_homes: tuple[dict[str, str], dict[str, str]] | None = None
_NAME = _re.compile(r"^(?:class\s+([A-Za-z]\w*)|([A-Za-z]\w*)\s*[:=])", _re.MULTILINE)
_TABLE = _re.compile(r"""__tablename__\s*=\s*["'](\w+)["']|\bTable\(\s*["'](\w+)["']""")


def _modules() -> list[str]:
    return sorted(info.name for info in _pkgutil.iter_modules(__path__) if info.name != "base")


def load_all() -> None:
    """Import every model module: the complete metadata."""
    global _all_loaded
    if not _all_loaded:
        for name in _modules():
            _importlib.import_module(f"{__name__}.{name}")
        _all_loaded = True


def homes() -> tuple[dict[str, str], dict[str, str]] | None:
    """(name → module, table → module), read from the modules' source without importing them
    (a few milliseconds); None where there is no source to read (a frozen build keeps bytecode
    only), and then every module is loaded instead."""
    global _homes
    if _homes is None:
        names: dict[str, str] = {}
        tables: dict[str, str] = {}
        for module in _modules():
            try:
                text = (_Path(__file__).parent / f"{module}.py").read_text(encoding="utf-8")
            except OSError:
                return None
            for match in _NAME.finditer(text):
                names.setdefault(match.group(1) or match.group(2), module)
            for match in _TABLE.finditer(text):
                tables.setdefault(match.group(1) or match.group(2), module)
        _homes = names, tables
    return _homes


def __getattr__(name: str):
    if name == "Base":  # the whole schema's metadata: every table must be in it
        load_all()
        globals()["Base"] = _Base
        return _Base
    if name in _modules():
        return _importlib.import_module(f"{__name__}.{name}")
    found = homes()
    module = found[0].get(name) if found is not None else None
    if module is None:
        load_all()
        candidates = [_importlib.import_module(f"{__name__}.{m}") for m in _modules()]
    else:
        candidates = [_importlib.import_module(f"{__name__}.{module}")]
    for candidate in candidates:
        if hasattr(candidate, name):
            value = getattr(candidate, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _load_referred_tables() -> None:
    """Import the modules of every table a loaded table refers to, until none is missing."""
    tables = _Base.metadata.tables
    while not _all_loaded:
        missing = {fk.target_fullname.split(".")[0] for table in tables.values() for fk in table.foreign_keys}
        missing -= set(tables)
        if not missing:
            return
        found = homes()
        modules = {found[1].get(table) for table in missing} if found is not None else {None}
        if None in modules:
            load_all()
            return
        for module in modules:
            _importlib.import_module(f"{__name__}.{module}")


# Before any mapper is configured (the first query or flush after new classes were mapped).
_event.listen(_Mapper, "before_configured", _load_referred_tables)
