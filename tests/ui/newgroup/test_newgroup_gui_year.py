"""A new group's year through the window, without the demo: the welcome dialog creates the group,
then a member by hand and members by import, a cash entry in a category, a budget line, a bank
statement whose lines get categories in the preview, and the year closed from the closing tab. The
money steps are the ones that failed for a group the user created (its file held no categories)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from huurdersgroep_app.core.services.finance import budget, categories, years
from huurdersgroep_app.core.services.finance.search import EntryFilter, search_entries
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.ui import tasks
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.bank_import import BankImportWizard
from huurdersgroep_app.ui.finance.bank_import_model import CATEGORY
from huurdersgroep_app.ui.finance.budget_dialogs import BudgetLineDialog
from huurdersgroep_app.ui.finance.entry_dialog import EntryDialog
from huurdersgroep_app.ui.finance.page import Page
from huurdersgroep_app.ui.members.import_wizard import ImportMembersWizard
from huurdersgroep_app.ui.members.member_dialog import MemberDialog
from huurdersgroep_app.ui.shell.welcome import WelcomeDialog

from huurdersgroep_app.ui.finance.closing_confirm import ConfirmClosingDialog

from camt_files import Line, write_camt
from dialog_driver import DialogDriver

YEAR = 2025
IBAN = "BE68539007547034"


@pytest.fixture
def new_group(qtbot, tmp_path, wait_tasks):
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    welcome.fields["name"].setText("Huurdersgroep De Vlier")
    welcome.region.setCurrentIndex(welcome.region.findData("vlaanderen"))
    welcome.fields["landlord_name"].setText("Woonmaatschappij Leie")
    welcome.path.setText(str(tmp_path / "vlier.sqlite"))
    qtbot.mouseClick(welcome.create_group_button, Qt.MouseButton.LeftButton)
    wait_tasks()
    assert welcome.result() == WelcomeDialog.DialogCode.Accepted
    ctx = AppContext(welcome.database)
    yield ctx
    welcome.database.close()


def _categories(ctx):
    return ctx.read(lambda s: {c.code: c.id for c in categories.list_categories(s)})


def _entries(ctx):
    return ctx.read(search_entries, EntryFilter(start=date(YEAR, 1, 1), end=date(YEAR, 12, 31)))


def test_a_group_made_in_the_welcome_dialog_books_and_closes_its_first_year(new_group, qtbot, tmp_path,
                                                                            monkeypatch, message_boxes):
    ctx = new_group
    codes = _categories(ctx)
    assert len(codes) == 20  # stored in the file: the ids below are real rows

    # Members: one by hand, two by import.
    dialog = MemberDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.widgets["first_name"].setText("Els")
    dialog.widgets["last_name"].setText("Van den Broeck")
    assert dialog.save()
    sheet = tmp_path / "leden.csv"
    sheet.write_text("Voornaam;Naam;Straat;Huisnummer;Postcode;Gemeente\n"
                     "Jan;Peeters;Vlierstraat;1;9000;Gent\nAn;Claes;Vlierstraat;3;9000;Gent\n", encoding="utf-8")
    wizard = ImportMembersWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(sheet))
    wizard.next()
    assert tasks.wait_all(60000)  # the file is read as a task
    wizard.next()
    assert tasks.wait_all(60000)  # and every row checked as one
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert wizard.imported == 2
    assert sorted(r.last_name for r in ctx.read(members.member_rows)) == ["Claes", "Peeters", "Van den Broeck"]

    # A cash entry in a category: refused before with "This category does not exist (any more)".
    with ctx.db.transaction() as s:
        from huurdersgroep_app.core.services.finance import accounts
        cash = accounts.add_account(s, "Kas", "cash").id
        accounts.set_opening_balance(s, cash, YEAR, "50")
    entry = EntryDialog(ctx, day=date(YEAR, 2, 10), account_id=cash)
    qtbot.addWidget(entry)
    entry.amount.setText("12.40")
    entry.description.setText("Koffie")
    line = entry.split.lines[0]
    line.category.setCurrentIndex(line.category.findData(codes["refreshments"]))
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert entry.result() == 1, entry.general_error.text()

    # A budget line.
    line_dialog = BudgetLineDialog(ctx, YEAR)
    qtbot.addWidget(line_dialog)
    line_dialog.category.setCurrentIndex(line_dialog.category.findData(codes["meeting_rooms"]))
    line_dialog.amount.setText("300")
    assert line_dialog.save()
    assert [(r.category_id, r.amount) for r in ctx.read(budget.budget_lines, YEAR)] == [
        (codes["meeting_rooms"], Decimal("300.00"))]

    # The bank statement: a new account is asked for, each line gets a category in the preview.
    monkeypatch.setattr(AppContext, "ask", staticmethod(lambda question, parent=None, title=None: True))
    statement = write_camt(tmp_path / "afschrift.xml", IBAN, Decimal("0"), [
        Line(date(YEAR, 1, 15), Decimal("600.00"), "Woonmaatschappij Leie", "", "werkingsmiddelen"),
        Line(date(YEAR, 4, 20), Decimal("-250.00"), "Buurthuis De Vlier", "", "zaalhuur"),
        Line(date(YEAR, 12, 31), Decimal("-9.50"), "KBC", "", "beheerskosten")])
    bank = BankImportWizard(ctx)
    qtbot.addWidget(bank)
    bank.show()
    bank.file_page.path.setText(str(statement))
    bank.next()
    assert tasks.wait_all(60000)  # the bank file is read as a task
    assert bank.currentPage() is bank.preview_page, bank.file_page.error.text()
    model = bank.preview_page.model
    for row, code in enumerate(("landlord_budget", "meeting_rooms", "bank_costs")):
        assert model.setData(model.index(row, CATEGORY), codes[code])
    bank.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert bank.booked == 3  # it crashed here with "FOREIGN KEY constraint failed"
    assert sorted(r.amount for r in _entries(ctx)) == [Decimal("-250.00"), Decimal("-12.40"), Decimal("-9.50"),
                                                        Decimal("600.00")]

    # Closing the year from its tab.
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.set_year(YEAR)
    tab = page.show_tab("closing")
    assert tab.verdict.text() == f"The year {YEAR} can be closed once you confirm what is marked with ?."
    asked = [tab.messages.item(i).text() for i in range(tab.messages.count())
             if tab.messages.item(i).text().startswith("? ")]
    assert len(asked) == 2 and "no bank line in 9 months" in asked[0] and "balance on 1 January" in asked[1]

    def tick_all_but_one_then_all(dialog):
        for box in dialog.boxes[:-1]:
            box.setChecked(True)
        assert not dialog.close_button.isEnabled()  # each one must be ticked
        dialog.boxes[-1].setChecked(True)
        dialog.close_button.click()

    driver = DialogDriver(monkeypatch)
    driver.expect(ConfirmClosingDialog, tick_all_but_one_then_all)
    tab.close_button.click()
    assert driver.all_used() and ctx.read(years.is_closed, YEAR)
