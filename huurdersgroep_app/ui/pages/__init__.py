"""The main window's areas. Every module in this package is one page in the sidebar:

    PAGE_ORDER: int                  position in the sidebar (Overview 10, Members 20, Board 30 …,
                                     Settings 900 so it stays last)
    def page_title() -> str          the sidebar label, translated when called
    class Page(QWidget):             Page(ctx: AppContext, parent=None); ``refresh()`` reloads its data
    SHORTCUTS: dict[str, tuple[str, str]]   optional: key sequence ('Ctrl+F') → (name of a Page method,
                                     N_('help text')); they work everywhere in the window, showing
                                     the page first

Later areas (Meetings, Advices, Finance …) add a module here; the main window needs no edit.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class PageSpec:
    name: str
    order: int
    module: ModuleType

    def title(self) -> str:
        return self.module.page_title()

    @property
    def shortcuts(self) -> dict[str, tuple[str, str]]:
        return dict(getattr(self.module, "SHORTCUTS", {}))


def discover_pages() -> list[PageSpec]:
    specs = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "Page") and hasattr(module, "PAGE_ORDER") and hasattr(module, "page_title"):
            specs.append(PageSpec(info.name, int(module.PAGE_ORDER), module))
    return sorted(specs, key=lambda spec: (spec.order, spec.name))
