"""The document buttons say the same everywhere: Preview, Save as PDF…, Save as Word… (Excel…),
Print…. Once the meetings said 'Show on screen (PDF) / Save for Word…' and the other pages
'Preview / Save as…'."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QPushButton, QTabWidget, QWidget

import huurdersgroep_app
from demo_files import demo_copy
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.i18n import language
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.kit import documents
from huurdersgroep_app.ui.kit.document_buttons import DocumentButtons
from huurdersgroep_app.ui.pages import PAGES
from huurdersgroep_app.ui.shell.main_window import MainWindow

OLD = {"Show on screen (PDF)", "Show on screen", "Save as…", "Save for Word or LibreOffice (.docx)…",
       "Save for Word…", "Save as"}
STANDARD = {"Preview", "Save as PDF…", "Save as Word…", "Save as Excel…", "Print…"}
UI = Path(huurdersgroep_app.__file__).parent / "ui"


def translated_texts(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
            and node.args and isinstance(node.args[0], ast.Constant)]


def test_no_screen_of_the_app_says_the_old_document_labels():
    found = {(str(path.relative_to(UI)), text) for path in UI.rglob("*.py") for text in translated_texts(path)
             if text in OLD}
    assert found == set()


def offers(widget: QWidget) -> list[set[str]]:
    """Each set of document actions the widget shows: a menu's actions, or the buttons side by side."""
    groups = []
    for menu in widget.findChildren(QMenu):
        texts = {action.text() for action in menu.actions()}
        if texts & (STANDARD | OLD):
            groups.append(texts)
    parents = {id(b.parentWidget()): b.parentWidget() for b in widget.findChildren(QPushButton)}
    for parent in parents.values():
        texts = {b.text() for b in parent.findChildren(QPushButton) if b.parentWidget() is parent}
        if texts & ({"Preview"} | OLD):
            groups.append(texts)
    return groups


@pytest.fixture
def demo(tmp_path):
    database = Database(demo_copy(tmp_path / "demo.sqlite"), backup_on_close=False)
    yield database
    database.close()


def test_every_page_offers_preview_save_and_print_in_the_same_words(demo, qtbot):
    with language("en"):
        window = MainWindow(AppContext(demo), initial_page="overview")
        qtbot.addWidget(window)
        seen = {}
        for spec in PAGES:
            page = window.show_page(spec.name)
            for tabs in page.findChildren(QTabWidget):  # some tabs are built when first shown
                for number in range(tabs.count()):
                    tabs.setCurrentIndex(number)
            for group in offers(page):
                seen.setdefault(spec.name, []).append(group)
    assert {"board", "finance", "documents"} <= set(seen)
    for page, groups in seen.items():
        for texts in groups:
            assert not texts & OLD, (page, texts)
            assert {"Preview", "Print…"} <= texts and texts & {"Save as PDF…", "Save as Excel…", "Save as Word…"}, \
                (page, texts)


def test_the_document_buttons_and_dialogs_offer_print(ctx, qtbot):
    from huurdersgroep_app.ui.meetings.documents import RegisterDialog, document_button

    with language("en"):
        parent = QWidget()
        qtbot.addWidget(parent)
        buttons = DocumentButtons(ctx, lambda: None, lambda: "x", docx=lambda: None, parent=parent)
        member_list = documents.MemberListDialog(ctx, parent)
        register = RegisterDialog(ctx, "decisions", 2026, parent)
        meeting = document_button(ctx, "Invitation", lambda fmt: None, lambda: "x", parent, word=True)
        assert [b.text() for b in buttons.findChildren(QPushButton)] == ["Preview", "Save as PDF…", "Save as Word…",
                                                                          "Print…"]
        for dialog in (member_list, register):
            assert [dialog.preview_button.text(), dialog.save_button.text(), dialog.print_button.text()] == [
                "Preview", "Save as PDF…", "Print…"]
        assert [a.text() for a in meeting.menu().actions()] == ["Preview", "Save as PDF…", "Save as Word…", "Print…"]
