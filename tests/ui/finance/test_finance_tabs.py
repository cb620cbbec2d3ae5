"""The other tabs of the Money page: accounts and balances, budget (calculator, approval, budget
against actual, PDF), dues, volunteer allowances, and the money panel on the Overview page."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from huurdersgroep_app import i18n
from huurdersgroep_app.core.services.finance import accounts, allowances, budget, categories, dues, entries
from huurdersgroep_app.core.services.finance.balances import account_balances
from huurdersgroep_app.core.services.finance.entries import EntryInput
from huurdersgroep_app.ui.kit.documents import preview
from huurdersgroep_app.ui.finance.accounts import total_row
from huurdersgroep_app.ui.finance.allowances import AllowanceDialog
from huurdersgroep_app.ui.finance.budget_dialogs import ApprovalDialog, BudgetLineDialog, DwellingDialog
from huurdersgroep_app.ui.finance.dialogs import OpeningBalanceDialog, TransferDialog
from huurdersgroep_app.ui.finance.dues import PAID, UNPAID
from huurdersgroep_app.ui.overview.finance_panel import FinancePanel
from huurdersgroep_app.ui.finance.page import Page

YEAR = 2025


@pytest.fixture
def money(ctx):
    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash")
        bank = accounts.add_account(s, "Bank", "bank", "BE68539007547034")
        accounts.set_opening_balance(s, cash.id, YEAR, "50,00")
        accounts.set_opening_balance(s, bank.id, YEAR, "1,000.00")  # the interface is English
        code = {c: categories.category_by_code(s, c).id for c in ("refreshments", "landlord_budget", "membership_dues")}
        entries.add_entry(s, EntryInput(date(YEAR, 2, 1), bank.id, "740,40", code["landlord_budget"]))
        entries.add_entry(s, EntryInput(date(YEAR, 3, 1), cash.id, "-20,10", code["refreshments"]))
    ctx.cash, ctx.bank, ctx.code = cash.id, bank.id, code
    return ctx


def _page(ctx, qtbot, tab):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.set_year(YEAR)
    return page, page.show_tab(tab)


def test_balances_reconcile_and_a_transfer_moves_money_between_accounts(money, qtbot):
    page, tab = _page(money, qtbot, "accounts")
    assert [a.name for a in tab.accounts_model.rows] == ["Kas", "Bank"]
    total = tab.balances_model.rows[-1]
    assert total.name == "All accounts" and total.closing == Decimal("1770.30")
    for row in tab.balances_model.rows:
        assert row.opening + row.income - row.expense + row.uncategorised + row.transfers_net == row.closing

    dialog = TransferDialog(money, date(YEAR, 4, 1))
    qtbot.addWidget(dialog)
    dialog.source.setCurrentIndex(dialog.source.findData(money.cash))
    dialog.target.setCurrentIndex(dialog.target.findData(money.cash))
    dialog.amount.setText("25")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "two different accounts" in dialog.form.problem("to_account_id")
    dialog.target.setCurrentIndex(dialog.target.findData(money.bank))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    page.refresh()
    kas, bank, together = tab.balances_model.rows
    assert (kas.transfers_net, bank.transfers_net) == (Decimal("-25.00"), Decimal("25.00"))
    assert together.closing == Decimal("1770.30") and tab.transfers_model.rowCount() == 1


def test_the_opening_balance_is_typed_as_people_write_it(money, qtbot):
    dialog = OpeningBalanceDialog(money, money.bank, "Bank", YEAR)
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "1000.00"  # the interface's notation (en)
    dialog.amount.setText("1,234.56")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with money.db.reading() as s:
        assert accounts.stored_opening_balance(s, money.bank, YEAR) == Decimal("1234.56")
        assert {r.name: r.opening for r in account_balances(s, YEAR)}["Bank"] == Decimal("1234.56")


def test_total_row_adds_every_column(money):
    rows = money.read(account_balances, YEAR)
    total = total_row(rows)
    assert total.income == sum(r.income for r in rows) and total.expense == sum(r.expense for r in rows)


def test_budget_from_the_calculator_approved_and_against_the_actuals(money, qtbot, monkeypatch, wait_tasks):
    page, tab = _page(money, qtbot, "budget")
    assert "No lines yet" in tab.status.text()
    calculator = DwellingDialog(money, YEAR)
    qtbot.addWidget(calculator)
    # 40 + 120 dwellings in the group's complexes × € 6,17 (the Flemish profile's norm)
    assert calculator.formula.text() == "160 dwellings × €6.17 = €987.20"
    calculator.use_button.click()
    line_dialog = BudgetLineDialog(money, YEAR)
    qtbot.addWidget(line_dialog)
    line_dialog.category.setCurrentIndex(line_dialog.category.findData(money.code["refreshments"]))
    line_dialog.amount.setText("80")
    line_dialog.justification.setPlainText("8 vergaderingen × € 10")
    qtbot.mouseClick(line_dialog.save_button, Qt.MouseButton.LeftButton)
    with money.db.reading() as s:
        lines = {row.category_id: (row.amount, row.justification) for row in budget.budget_lines(s, YEAR)}
    assert lines == {money.code["landlord_budget"]: (Decimal("987.20"), "160 dwellings × €6.17 per dwelling"),
                     money.code["refreshments"]: (Decimal("80.00"), "8 vergaderingen × € 10")}

    approval = ApprovalDialog(money, YEAR)
    qtbot.addWidget(approval)
    approval.day.setText("15/03/2025")
    approval.reference.setText("Jaarvergadering, besluit 4")
    qtbot.mouseClick(approval.save_button, Qt.MouseButton.LeftButton)
    page.refresh()
    assert "Approved on" in tab.status.text() and "besluit 4" in tab.status.text()

    figures = {line.label: line for line in tab.figures.rows}
    assert figures["Landlord's participation budget"].difference == Decimal("740.40") - Decimal("987.20")
    assert figures["Drinks and refreshments"].actual == Decimal("20.10")
    result = figures["Result (income − expenses)"]
    assert (result.budget, result.actual) == (Decimal("907.20"), Decimal("720.30"))

    # The first quarter only: the drinks of March are in, nothing after it.
    tab.period.setCurrentIndex(tab.period.findText("Quarter 1"))
    assert {line.label: line.actual for line in tab.figures.rows}["Drinks and refreshments"] == Decimal("20.10")
    tab.period.setCurrentIndex(tab.period.findText("Quarter 2"))
    assert "Drinks and refreshments" not in {line.label for line in tab.figures.rows if line.actual}

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    task = preview(money, tab._bva_writer(), "bva", tab)
    wait_tasks()
    target = task.result
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    # Documents come in the group's own language (this group is Flemish).
    with i18n.language("nl_BE"):
        drinks = i18n._("Drinks and refreshments")
    assert drinks != "Drinks and refreshments" and drinks in text and opened


def test_budget_approved_by_choosing_the_annual_meetings_decision(money, qtbot):
    from huurdersgroep_app.core.services.meetings import lifecycle as meetings
    from huurdersgroep_app.core.services.meetings import minutes

    with money.db.transaction() as s:
        annual = meetings.create_annual_meeting(s, date(YEAR, 3, 22))
        decision = minutes.add_decision(s, annual.id, minutes.DecisionInput(text=f"The budget {YEAR} is approved."))
        category = categories.list_categories(s)[0]
        budget.set_budget_line(s, YEAR, category.id, Decimal("100.00"))
    approval = ApprovalDialog(money, YEAR)
    qtbot.addWidget(approval)
    approval.decision.setCurrentIndex(approval.decision.findData(decision.id))
    assert not approval.day.isEnabled() and not approval.reference.isEnabled()
    qtbot.mouseClick(approval.save_button, Qt.MouseButton.LeftButton)
    with money.db.reading() as s:
        stored = budget.get_budget(s, YEAR)
        assert stored.approval_decision_id == decision.id
        assert stored.approved_on == date(YEAR, 3, 22)
        assert decision.label in stored.approval_reference


def test_dues_amount_and_who_has_paid(money, qtbot):
    page, tab = _page(money, qtbot, "dues")
    tab.amount.setText("5,O0")
    assert not tab.save_amount() and tab.amount_error.isVisibleTo(tab)
    tab.amount.setText("5,00")
    assert tab.save_amount()
    peeters = money.db.ids["Peeters"]
    with money.db.transaction() as s:
        entries.add_entry(s, EntryInput(date(YEAR, 1, 20), money.cash, "5", money.code["membership_dues"],
                                        member_id=peeters))
        assert dues.dues_amount(s, YEAR) == Decimal("5.00")
    page.refresh()
    tab.show_choice.setCurrentIndex(tab.show_choice.findData(PAID))
    assert [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())] == ["Marie Peeters"]
    tab.show_choice.setCurrentIndex(tab.show_choice.findData(UNPAID))
    assert tab.proxy.rowCount() == tab.model.rowCount() - 1
    assert tab.summary.text().startswith("1 of ")


def test_an_allowance_above_the_cap_warns(money, qtbot, message_boxes):
    page, tab = _page(money, qtbot, "allowances")
    volunteer = money.db.ids["Peeters"]
    with money.db.transaction() as s:
        allowances.add_allowance(s, volunteer, YEAR, "2,000.00")
    dialog = AllowanceDialog(money, YEAR)
    qtbot.addWidget(dialog)
    dialog.member.setCurrentIndex(dialog.member.findData(volunteer))
    dialog.amount.setText("150")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.warning and "more than the yearly maximum" in dialog.warning
    page.refresh()
    [row] = tab.model.rows
    assert row.total == Decimal("2150.00") and tab.model.index(0, 3).data() == "Above the maximum"
    assert "Marie Peeters" in tab.note.text()


def test_the_overview_panel_shows_the_balances_and_what_is_left_to_do(money, qtbot):
    with money.db.transaction() as s:
        entries.add_entry(s, EntryInput(date.today(), money.cash, "-2,00", None))
    panel = FinancePanel(money)
    qtbot.addWidget(panel)
    panel.refresh()
    text = panel.text.text()
    balances = {r.name: r.closing for r in money.read(account_balances, date.today().year, date.today())}
    assert f"Kas: €{balances['Kas']:,.2f}" in text
    assert "1 entry has no category yet." in text


def test_members_who_left_without_paying_are_named_for_the_treasurer(money, qtbot):
    from huurdersgroep_app.core.services.finance.dues_letters import dues_letter_plan
    from huurdersgroep_app.core.services.members import members

    with money.db.transaction() as s:
        members.end_membership(s, money.db.ids["Kowalski"], date(YEAR, 4, 30), "Moved")
        members.end_membership(s, money.db.ids["Hansen"], date(YEAR, 8, 31), "Moved")
    page, tab = _page(money, qtbot, "dues")
    assert not tab.leavers.isVisibleTo(tab)  # no dues amount yet: nobody owes anything
    tab.amount.setText("5,00")
    assert tab.save_amount()
    page.refresh()
    assert tab.leavers.isVisibleTo(tab)
    text = tab.leavers.text()
    assert text.startswith(f"2 members left without paying the dues for {YEAR} and get no payment request")
    assert "Łukasz Kowalski (left 30/04/2025)" in text and "Ådne Hansen (left 31/08/2025)" in text
    with money.db.reading() as s:  # the same people the letters leave out
        assert {m.name for m in dues_letter_plan(s, YEAR).left} == {"Łukasz Kowalski", "Ådne Hansen"}
    with money.db.transaction() as s:
        entries.add_entry(s, EntryInput(date(YEAR, 2, 20), money.cash, "5", money.code["membership_dues"],
                                        member_id=money.db.ids["Hansen"]))
    page.refresh()
    assert tab.leavers.text().startswith("1 member left without paying") and "Hansen" not in tab.leavers.text()
