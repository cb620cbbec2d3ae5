"""The main window's areas, in sidebar order: one explicit list, so every page is visible to
the tools that follow code (and to a newcomer) instead of being found by walking a folder.

A page's module is imported only when the page is first shown: start-up pays for the first
page alone. A page class is ``Page(ctx: AppContext, parent=None)`` with ``refresh()``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from huurdersgroep_app.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Shortcut:
    """A key sequence that works everywhere in the window: it shows the page, then acts on it."""

    keys: str
    act: Callable[[QWidget], object]
    help: str  # N_() text, translated when shown


@dataclass(frozen=True)
class PageSpec:
    name: str
    title_text: str  # N_() text, translated when shown
    load: Callable[[], type]
    shortcuts: tuple[Shortcut, ...] = ()

    def title(self) -> str:
        return _(self.title_text)


def _overview():
    from huurdersgroep_app.ui.overview.page import Page
    return Page


def _members():
    from huurdersgroep_app.ui.members.page import Page
    return Page


def _board():
    from huurdersgroep_app.ui.board.page import Page
    return Page


def _meetings():
    from huurdersgroep_app.ui.meetings.page import Page
    return Page


def _advices():
    from huurdersgroep_app.ui.advices.page import Page
    return Page


def _signals():
    from huurdersgroep_app.ui.signals.page import Page
    return Page


def _contacts():
    from huurdersgroep_app.ui.contacts.page import Page
    return Page


def _finance():
    from huurdersgroep_app.ui.finance.page import Page
    return Page


def _funding():
    from huurdersgroep_app.ui.funding.page import Page
    return Page


def _documents():
    from huurdersgroep_app.ui.documents.page import Page
    return Page


def _settings():
    from huurdersgroep_app.ui.settings.page import Page
    return Page


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", N_("Overview"), _overview),
    PageSpec("members", N_("Members"), _members, (
        Shortcut("Ctrl+F", lambda page: page.focus_search(), N_("search members")),
        Shortcut("Ctrl+N", lambda page: page.new_member(), N_("new member")))),
    PageSpec("board", N_("Board"), _board),
    PageSpec("meetings", N_("Meetings"), _meetings, (
        Shortcut("Ctrl+M", lambda page: page.new_meeting(), N_("new meeting")),)),
    PageSpec("advices", N_("Advices"), _advices, (
        Shortcut("Ctrl+Shift+A", lambda page: page.new_dossier(), N_("new advice dossier")),)),
    PageSpec("signals", N_("Signals"), _signals, (
        Shortcut("Ctrl+Shift+S", lambda page: page.new_signal(), N_("new signal")),)),
    PageSpec("contacts", N_("Contacts"), _contacts),
    PageSpec("finance", N_("Money"), _finance, (
        Shortcut("Ctrl+E", lambda page: page.new_entry(), N_("new entry in the cash book")),)),
    PageSpec("funding", N_("Funding"), _funding),
    PageSpec("documents", N_("Documents"), _documents),
    PageSpec("settings", N_("Settings"), _settings),  # always last in the sidebar
)
