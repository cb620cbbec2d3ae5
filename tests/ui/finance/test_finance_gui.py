"""The Money page through its real tabs and dialogs: an entry split over categories, a closed year
refusing changes, the bank import wizard (once, then nothing; an unknown account asked first; a
broken file), the year closing, and the table models under Qt's model tester."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from huurdersgroep_app.core.importers.bank.csv_guess import sample_csv
from huurdersgroep_app.core.services.finance import accounts, categories, closing, entries, years
from huurdersgroep_app.core.services.finance.csv_mappings import recall_mapping
from huurdersgroep_app.core.services.finance.entries import EntryInput
from huurdersgroep_app.core.services.finance.search import EntryFilter, search_entries
from huurdersgroep_app.ui import tasks
from huurdersgroep_app.ui.context import AppContext
from huurdersgroep_app.ui.finance.entry_dialog import EntryDialog
from huurdersgroep_app.ui.finance.bank_import import BankImportWizard
from huurdersgroep_app.ui.finance.bank_import_model import BOOK, CATEGORY, PreviewModel
from huurdersgroep_app.ui.finance.models import EntryFilterProxy, EntryTableModel
from huurdersgroep_app.ui.finance.page import Page

from camt_files import Line, write_camt

BANK_IBAN = "BE68539007547034"
OTHER_IBAN = "BE71096123456769"
CLOSED, OPEN = 2024, 2025


@pytest.fixture
def books(ctx):
    """A cash box and a bank account; an entry in 2024, which is closed, and none yet in 2025."""
    with ctx.db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash")
        bank = accounts.add_account(s, "Bank", "bank", BANK_IBAN)
        ids = {code: categories.category_by_code(s, code).id
               for code in ("refreshments", "materials", "printing", "membership_dues", "meeting_rooms")}
        old = entries.add_entry(s, EntryInput(date(CLOSED, 5, 2), cash.id, "-12,40", ids["printing"],
                                              counterparty="Copyshop", description="Flyers"))
        closing.close_year(s, CLOSED, today=date(CLOSED + 1, 2, 1), confirmed=True)
    ctx.cash, ctx.bank, ctx.categories, ctx.old_entry = cash.id, bank.id, ids, old.id
    return ctx


def _entries(db, year=OPEN):
    with db.reading() as s:
        return search_entries(s, EntryFilter(start=date(year, 1, 1), end=date(year, 12, 31)))


def _lines(db, entry_id):
    with db.reading() as s:
        return [(line.category_id, line.amount, line.note) for line in entries.get_entry(s, entry_id).lines]


def _type(qtbot, edit, text):
    """Type over what a field holds, as a person does."""
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _page(ctx, qtbot, year):
    page = Page(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.set_year(year)
    return page


# -- entries ------------------------------------------------------------------------------------------
def test_an_entry_split_over_two_categories_is_booked_exactly(books, qtbot):
    dialog = EntryDialog(books, day=date(OPEN, 3, 4), account_id=books.cash)
    qtbot.addWidget(dialog)
    dialog.amount.setText("30,00")
    dialog.counterparty.setText("Colruyt")
    dialog.description.setText("Koffie en stiften")
    first = dialog.split.lines[0]
    first.category.setCurrentIndex(first.category.findData(books.categories["refreshments"]))
    qtbot.mouseClick(dialog.split.add_button, Qt.MouseButton.LeftButton)
    assert len(dialog.split.lines) == 2 and first.amount.text() == "30.00"  # the interface's notation (en)
    _type(qtbot, first.amount, "20")
    second = dialog.split.lines[1]
    assert second.amount.text() == "10.00"  # the new line takes what is left
    _type(qtbot, second.amount, "5")
    assert "Still to divide: €5.00" in dialog.split.remaining.text()
    second.category.setCurrentIndex(second.category.findData(books.categories["materials"]))

    # Lines that do not add up are refused under the lines, and nothing is booked.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and _entries(books.db) == []
    assert "do not" in dialog.split.error.text() or "not to the entry" in dialog.split.error.text()

    _type(qtbot, second.amount, "10,00")
    assert dialog.split.remaining.text() == "The lines add up to the amount."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    [row] = _entries(books.db)
    assert row.id == dialog.saved_id and row.amount == Decimal("-30.00") and row.counterparty == "Colruyt"
    assert _lines(books.db, row.id) == [(books.categories["refreshments"], Decimal("-20.00"), ""),
                                        (books.categories["materials"], Decimal("-10.00"), "")]

    page = _page(books, qtbot, OPEN)
    tab = page.show_tab("cashbook")
    assert tab.model.rowCount() == 1
    assert "Drinks and refreshments; Materials" in tab.proxy.index(0, 4).data()
    qtbot.keyClicks(tab.search, "stiften")
    assert tab.proxy.rowCount() == 1
    tab.search.clear()
    qtbot.keyClicks(tab.search, "bakery")
    assert tab.proxy.rowCount() == 0


def test_a_plain_entry_and_a_wrong_amount(books, qtbot):
    dialog = EntryDialog(books, day=date(OPEN, 6, 1), account_id=books.bank)
    qtbot.addWidget(dialog)
    dialog.direction.setCurrentIndex(dialog.direction.findData("in"))
    dialog.amount.setText("12,5O")  # a letter O
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "12,5O" in dialog.form.problem("amount") and _entries(books.db) == []
    dialog.amount.setText("1,234.56")  # as written in the interface's language (en)
    line = dialog.split.lines[0]
    line.category.setCurrentIndex(line.category.findData(books.categories["membership_dues"]))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [row] = _entries(books.db)
    assert row.amount == Decimal("1234.56")
    assert _lines(books.db, row.id) == [(books.categories["membership_dues"], Decimal("1234.56"), "")]


def test_a_receipt_is_attached_with_the_entry_and_can_be_taken_off(books, qtbot, tmp_path):
    scan = tmp_path / "ticket.pdf"
    scan.write_bytes(b"%PDF-1.4 a receipt")
    dialog = EntryDialog(books, day=date(OPEN, 2, 2), account_id=books.cash)
    qtbot.addWidget(dialog)
    dialog.amount.setText("4,20")
    dialog.receipts.attach(scan)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [row] = _entries(books.db)
    assert row.receipts == 1
    again = EntryDialog(books, row.id)
    qtbot.addWidget(again)
    assert again.receipts.count() == 1
    again.receipts.list.setCurrentRow(0)
    again.receipts.detach_selected()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert _entries(books.db)[0].receipts == 0


def test_a_closed_year_is_read_only_and_refuses_a_change(books, qtbot, message_boxes):
    page = _page(books, qtbot, CLOSED)
    tab = page.show_tab("cashbook")
    assert page.year.currentText() == f"{CLOSED} (closed)"
    assert tab.closed_note.isVisibleTo(tab) and "closed" in tab.closed_note.text()
    assert not tab.new_button.isEnabled() and not tab.transfer_button.isEnabled()
    old = EntryDialog(books, books.old_entry)
    qtbot.addWidget(old)
    assert old.read_only and old.save_button is None and old.amount.isReadOnly()

    # An open-year entry moved into the closed year: the service's message, nothing changed.
    with books.db.transaction() as s:
        entry_id = entries.add_entry(s, EntryInput(date(OPEN, 3, 1), books.cash, "-8,00",
                                                   books.categories["printing"])).id
    dialog = EntryDialog(books, entry_id)
    qtbot.addWidget(dialog)
    dialog.date.setText(f"15/06/{CLOSED}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert message_boxes[-1] == ("warning", f"The financial year {CLOSED} is closed, so its books cannot be changed. "
                                            "Book a correction as a new entry in an open year.")
    assert [(r.id, r.booked_on) for r in _entries(books.db)] == [(entry_id, date(OPEN, 3, 1))]
    assert [r.id for r in _entries(books.db, CLOSED)] == [books.old_entry]


# -- bank import -----------------------------------------------------------------------------------
def _bank_file(tmp_path, iban=BANK_IBAN, closing=None, name="statement.xml"):
    return write_camt(tmp_path / name, iban, Decimal("100.00"), [
        Line(date(OPEN, 4, 1), Decimal("5.00"), "Marie Peeters", "BE56731045678988", "Lidgeld"),
        Line(date(OPEN, 4, 3), Decimal("-45.00"), "Buurthuis De Spoel", "BE43068999999501", "Zaalhuur april"),
        Line(date(OPEN, 4, 3), Decimal("-2.50"), "Bank", "", "Beheerskosten"),
    ], closing=closing)


def _run_wizard(ctx, qtbot, path):
    wizard = BankImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert tasks.wait_all(60000)  # the file is read as a task
    return wizard


def test_bank_import_books_the_lines_once(books, qtbot, tmp_path):
    path = _bank_file(tmp_path)
    wizard = _run_wizard(books, qtbot, path)
    assert wizard.currentPage() is wizard.preview_page
    model = wizard.preview_page.model
    assert model.rowCount() == 3 and not any(line.duplicate for line in wizard.preview.lines)
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Book 3 lines"
    assert model.setData(model.index(1, CATEGORY), books.categories["meeting_rooms"])
    assert model.index(1, CATEGORY).data() == "Meeting rooms"
    assert not wizard.preview_page.problems.isVisibleTo(wizard.preview_page)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert wizard.booked == 3
    rows = _entries(books.db)
    assert sorted(r.amount for r in rows) == [Decimal("-45.00"), Decimal("-2.50"), Decimal("5.00")]
    room = next(r for r in rows if r.amount == Decimal("-45.00"))
    assert _lines(books.db, room.id) == [(books.categories["meeting_rooms"], Decimal("-45.00"), "")]

    again = _run_wizard(books, qtbot, path)
    assert again.currentPage() is again.preview_page
    model = again.preview_page.model
    assert all(line.duplicate for line in again.preview.lines)
    assert model.index(0, BOOK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.flags(model.index(0, BOOK)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(0, CATEGORY).data() == "Already booked"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed out
    again.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert again.booked == 0 and len(_entries(books.db)) == 3


def test_an_unticked_line_is_left_out_and_a_mismatch_is_shown(books, qtbot, tmp_path):
    wizard = _run_wizard(books, qtbot, _bank_file(tmp_path, closing=Decimal("10.00")))
    page = wizard.preview_page
    assert page.problems.isVisibleTo(page) and "differs by" in page.problems.text()
    model = page.model
    assert model.setData(model.index(2, BOOK), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Book 2 lines"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert sorted(r.amount for r in _entries(books.db)) == [Decimal("-45.00"), Decimal("5.00")]


def test_an_unknown_account_is_added_only_after_asking(books, qtbot, tmp_path, monkeypatch):
    questions = []
    answer = {"yes": False}

    def ask(question, parent=None, title=None):
        questions.append(question)
        return answer["yes"]

    monkeypatch.setattr(AppContext, "ask", staticmethod(ask))
    path = _bank_file(tmp_path, iban=OTHER_IBAN)
    wizard = _run_wizard(books, qtbot, path)
    assert wizard.currentPage() is wizard.file_page
    assert "BE71 0961 2345 6769" in questions[0] and "Add this bank account?" in questions[0]
    assert "no account was added" in wizard.file_page.error.text()
    with books.db.reading() as s:
        assert accounts.find_by_iban(s, OTHER_IBAN) is None
        assert len(accounts.list_accounts(s)) == 2

    answer["yes"] = True
    wizard.next()
    assert tasks.wait_all(60000)
    assert wizard.currentPage() is wizard.preview_page
    added = books.read(accounts.find_by_iban, OTHER_IBAN)
    assert added is not None and wizard.preview.account_id == added.id
    assert _entries(books.db) == []  # the preview wrote nothing


def test_the_bank_file_is_read_while_the_window_goes_on(books, qtbot, tmp_path, monkeypatch):
    import threading
    import time

    from PySide6.QtCore import QTimer

    from huurdersgroep_app.ui.finance import bank_import_file as wizard_module

    order, on_main = [], []
    real = wizard_module.parse_bank_file

    def slow(path, kind, **kwargs):  # as a big CODA or a year of CAMT lines
        on_main.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.3)
        order.append("read done")
        return real(path, kind, **kwargs)

    monkeypatch.setattr(wizard_module, "parse_bank_file", slow)
    wizard = BankImportWizard(books)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(_bank_file(tmp_path)))
    ticker = QTimer()
    ticker.timeout.connect(lambda: order.append("tick"))
    ticker.start(10)
    wizard.next()
    assert wizard.currentPage() is wizard.file_page  # 'Next' came back at once
    assert tasks.wait_all(60000)
    ticker.stop()
    assert on_main == [False] and "tick" in order[:order.index("read done")]
    assert wizard.currentPage() is wizard.preview_page and len(wizard.preview.lines) == 3


def test_a_broken_bank_file_names_its_line(books, qtbot, tmp_path):
    path = _bank_file(tmp_path)
    text = path.read_text().replace('<Amt Ccy="EUR">45.00</Amt>', '<Amt Ccy="EUR">45,00.x</Amt>', 1)
    path.write_text(text)
    wizard = _run_wizard(books, qtbot, path)
    assert wizard.currentPage() is wizard.file_page
    assert "line" in wizard.file_page.error.text().lower()
    assert _entries(books.db) == []


def test_a_bank_file_in_a_closed_year_is_refused(books, qtbot, tmp_path):
    path = write_camt(tmp_path / "old.xml", BANK_IBAN, Decimal("0"),
                      [Line(date(CLOSED, 12, 30), Decimal("7.00"), "Jan", text="Gift")])
    wizard = _run_wizard(books, qtbot, path)
    assert wizard.currentPage() is wizard.file_page
    assert f"closed year {CLOSED}" in wizard.file_page.error.text()


# -- year closing -------------------------------------------------------------------------------------
def test_year_closing_lists_the_problems_then_closes(books, qtbot, monkeypatch, message_boxes):
    with books.db.transaction() as s:
        loose = entries.add_entry(s, EntryInput(date(OPEN, 9, 9), books.cash, "-3,00", None,
                                                description="Postzegels")).id
    page = _page(books, qtbot, OPEN)
    tab = page.show_tab("closing")
    assert tab.verdict.text() == f"The year {OPEN} cannot be closed yet."
    messages = [tab.messages.item(i).text() for i in range(tab.messages.count())]
    assert "✗ 1 entry has no category yet." in messages
    assert not tab.close_button.isEnabled()
    assert tab.uncategorised_model.rowCount() == 1 and tab.uncategorised_model.rows[0].id == loose
    item = next(tab.messages.item(i) for i in range(tab.messages.count())
                if "no category" in tab.messages.item(i).text())
    tab.details.setCurrentIndex(2)
    tab._message_clicked(item)
    assert tab.details.currentIndex() == 0

    # The button leads to the cash book, filtered on what needs a category.
    tab.cash_book_button.click()
    cash_book = page.tab("cashbook")
    assert page.current_tab_name() == "cashbook"
    assert [row.id for row in cash_book.proxy.shown_rows()] == [loose]

    dialog = EntryDialog(books, loose)
    qtbot.addWidget(dialog)
    line = dialog.split.lines[0]
    line.category.setCurrentIndex(line.category.findData(books.categories["printing"]))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    tab = page.show_tab("closing")
    tab.refresh()
    assert tab.verdict.text() == f"The year {OPEN} can be closed."
    assert tab.close_button.isEnabled()

    asked = []
    monkeypatch.setattr(AppContext, "ask", staticmethod(lambda q, parent=None, title=None: asked.append(q) or True))
    tab.close_button.click()
    assert asked == [f"After closing, nothing in {OPEN} can be changed. Corrections go into {OPEN + 1}.\n\n"
                     f"Close the year {OPEN} now?"]
    with books.db.reading() as s:
        assert years.is_closed(s, OPEN)
    assert message_boxes[-1][0] == "information" and f"The year {OPEN} is closed" in message_boxes[-1][1]


# -- models ------------------------------------------------------------------------------------------
def test_the_finance_models_pass_the_model_tester(books, qtbot, qtmodeltester, tmp_path):
    with books.db.transaction() as s:
        for n in range(5):
            entries.add_entry(s, EntryInput(date(OPEN, n + 1, 3), books.cash, f"-{n + 1},25",
                                            books.categories["printing"] if n % 2 else None, description=f"Kopie {n}"))
    model = EntryTableModel()
    model.set_rows(_entries(books.db))
    qtmodeltester.check(model)
    proxy = EntryFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(text="kopie", category_id=0)
    assert proxy.rowCount() == 3
    qtmodeltester.check(proxy)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)

    wizard = _run_wizard(books, qtbot, _bank_file(tmp_path))
    preview_model = PreviewModel(wizard.preview, wizard.names)
    qtmodeltester.check(preview_model)


# -- a CSV of a bank without a profile ------------------------------------------------------------------
UNKNOWN_CSV = (f"Datum;Naam;Tegenrekening;Omschrijving;Af/Bij;Bedrag\n"
               f"02/04/{OPEN};Marie Peeters;BE56 7310 4567 8988;Lidgeld {OPEN};Bij;12,50\n"
               f"05/04/{OPEN};Buurthuis De Spoel;BE43068999999501;Zaalhuur april;Af;1.045,00\n"
               f"07/04/{OPEN};Bank;;Beheerskosten;Af;2,35\n")


def _choose(combo, label):
    index = combo.findText(label)
    assert index >= 0, label
    combo.setCurrentIndex(index)


def _csv_wizard(books, qtbot, path):
    """The wizard on its first page, the file chosen and booked on 'Bank' (the CSV names no account)."""
    wizard = BankImportWizard(books)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.account.setCurrentIndex(wizard.file_page.account.findData(books.bank))
    return wizard


def test_an_unknown_banks_csv_is_mapped_previewed_and_booked(books, qtbot, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(UNKNOWN_CSV, encoding="cp1252")
    wizard = _run_wizard(books, qtbot, path)
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert page.table.columnCount() == 6 and page.table.rowCount() == 3
    assert page.table.horizontalHeaderItem(4).text() == "Af/Bij" and page.table.item(1, 5).text() == "1.045,00"
    guessed = {field: combo.currentText() for field, combo in page.combos.items()}
    assert guessed == {"date": "Datum", "amount": "Bedrag", "direction": "Af/Bij", "debit": "(not in the file)",
                       "credit": "(not in the file)", "counterparty_name": "Naam",
                       "counterparty_iban": "Tegenrekening", "description": "Omschrijving",
                       "value_date": "(not in the file)", "structured_reference": "(not in the file)"}
    assert page.date_format.currentText() == "31/12/2024" and page.decimal.currentData() == ","

    # The file names no account of its own: the message says so on this step, and 'Book on' helps.
    wizard.next()
    assert tasks.wait_all(60000)  # the file is read with the mapping as a task
    assert wizard.currentPage() is page and "does not say which account" in page.error.text()
    wizard.back()
    wizard.file_page.account.setCurrentIndex(wizard.file_page.account.findData(books.bank))
    wizard.next()
    assert tasks.wait_all(60000)
    assert wizard.currentPage() is page
    wizard.next()
    assert tasks.wait_all(60000)  # reading with the mapping, then the preview, as tasks
    assert wizard.currentPage() is wizard.preview_page, page.error.text()
    assert [(line.transaction.amount, line.transaction.counterparty_name) for line in wizard.preview.lines] == [
        (Decimal("12.50"), "Marie Peeters"), (Decimal("-1045.00"), "Buurthuis De Spoel"),
        (Decimal("-2.35"), "Bank")]
    assert wizard.preview_page.model.index(1, 4).data() == "-€1,045.00"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert wizard.booked == 3
    assert sorted(r.amount for r in _entries(books.db)) == [Decimal("-1045.00"), Decimal("-2.35"), Decimal("12.50")]

    # Next month's file of the same bank goes straight to the preview with the same mapping.
    path.write_text(UNKNOWN_CSV.replace("/04/", "/05/"), encoding="cp1252")
    again = _csv_wizard(books, qtbot, path)
    again.next()
    assert tasks.wait_all(60000)
    assert again.currentPage() is again.preview_page
    assert [line.transaction.amount for line in again.preview.lines] == [
        Decimal("12.50"), Decimal("-1045.00"), Decimal("-2.35")]
    assert [line.transaction.booking_date for line in again.preview.lines][0] == date(OPEN, 5, 2)
    again.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)  # 'Book' runs as a task
    assert again.booked == 3 and len(_entries(books.db)) == 6


def test_a_wrong_mapping_shows_the_parsers_message_and_books_nothing(books, qtbot, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(UNKNOWN_CSV, encoding="utf-8")
    wizard = _csv_wizard(books, qtbot, path)
    wizard.next()
    assert tasks.wait_all(60000)
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    _choose(page.combos["amount"], "Omschrijving")
    wizard.next()
    assert tasks.wait_all(60000)
    assert wizard.currentPage() is page
    assert page.error.isVisibleTo(page)
    assert page.error.text() == f"Line 2, amount: 'Lidgeld {OPEN}' is not an amount. Write it like 1.234,56 or -12,50."
    _choose(page.combos["amount"], "Bedrag")
    _choose(page.decimal, "point (1,234.56)")
    wizard.next()
    assert tasks.wait_all(60000)
    assert wizard.currentPage() is page and page.error.text() == \
        "Line 2, amount: '12,50' is not an amount. Write it like 1,234.56 or -12.50."  # the chosen notation
    assert _entries(books.db) == []
    with books.db.reading() as s:  # nothing remembered either: the user never accepted a preview
        assert recall_mapping(s, sample_csv(path).key) is None


def test_another_category_unlinks_the_member_matched_as_dues_and_dues_links_them_back(books, qtbot, tmp_path):
    """Issue 12: a line matched to a member's dues (their IBAN and the dues amount) given another category
    in the preview is no longer booked as that member's dues; choosing dues again brings the member back."""
    from huurdersgroep_app.core.services.finance import dues
    from huurdersgroep_app.core.services.members.members import MemberInput, add_member

    with books.db.transaction() as s:
        marie = add_member(s, MemberInput(last_name="Peeters", first_name="Marie", iban="BE56 7310 4567 8988")).id
        dues.set_dues_amount(s, OPEN, "5.00")
    wizard = _run_wizard(books, qtbot, _bank_file(tmp_path))
    assert tasks.wait_all(60000) and wizard.currentPage() is wizard.preview_page
    model, line = wizard.preview_page.model, wizard.preview.lines[0]
    assert (line.member_id, line.dues_year, line.reason) == (marie, OPEN, "member_dues")
    assert model.setData(model.index(0, CATEGORY), books.categories["refreshments"])
    assert (line.member_id, line.dues_year) == (None, None)
    assert model.setData(model.index(0, CATEGORY), books.categories["membership_dues"])
    assert (line.member_id, line.dues_year) == (marie, OPEN)


def test_one_click_sets_a_preview_category_and_keep_holds_the_member_link(books, qtbot, tmp_path):
    """Issue 12: one click on a preview line's category opens its list; choosing another category clears
    the dues member link, unless 'Keep the member link' is ticked; booking stores what the preview shows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    from huurdersgroep_app.core.services.finance import dues
    from huurdersgroep_app.core.services.members.members import MemberInput, add_member

    with books.db.transaction() as s:
        marie = add_member(s, MemberInput(last_name="Peeters", first_name="Marie", iban="BE56 7310 4567 8988")).id
        dues.set_dues_amount(s, OPEN, "5.00")
    wizard = _run_wizard(books, qtbot, _bank_file(tmp_path))
    assert tasks.wait_all(60000) and wizard.currentPage() is wizard.preview_page
    page, line = wizard.preview_page, wizard.preview.lines[0]
    table, model = page.table, page.model

    def choose(code):
        index = model.index(0, CATEGORY)
        table.setCurrentIndex(model.index(1, 1))  # somewhere else first: the click moves the current cell
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
        combo = table.indexWidget(index)
        assert isinstance(combo, QComboBox)  # opened by the one click
        combo.setCurrentIndex(combo.findData(books.categories[code]))
        assert combo.currentIndex() >= 0
        combo.activated.emit(combo.currentIndex())

    assert line.member_id == marie
    choose("refreshments")
    assert line.category_id == books.categories["refreshments"] and (line.member_id, line.dues_year) == (None, None)
    assert model.index(0, 6).data() == ""
    assert model.setData(model.index(0, CATEGORY), books.categories["membership_dues"]) and line.member_id == marie

    page.keep_member.setChecked(True)
    choose("refreshments")
    assert line.category_id == books.categories["refreshments"] and line.member_id == marie
    assert model.index(0, 6).data()  # the member is still shown
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert tasks.wait_all(60000)
    booked = [row for row in _entries(books.db) if row.amount == Decimal("5.00")]
    assert len(booked) == 1 and booked[0].member_id == marie
    assert _lines(books.db, booked[0].id)[0][0] == books.categories["refreshments"]


def test_the_audit_pack_is_written_on_the_worker_and_holds_the_years_entries(books, qtbot, monkeypatch, tmp_path,
                                                                              wait_tasks, message_boxes):
    """The audit pack is long work (issue 8 §2): 'Save as PDF…' returns at once, the pack is written on
    the worker, and the file then holds the closed year's entry."""
    import threading

    import pypdf
    from PySide6.QtWidgets import QPushButton

    from huurdersgroep_app.core.documents.finance import audit_pack
    from huurdersgroep_app.ui.kit import documents as kit_documents

    written_on = []
    real_writer = audit_pack.write_audit_pack

    def writer(*args, **kwargs):
        written_on.append(threading.current_thread())
        return real_writer(*args, **kwargs)

    monkeypatch.setattr(audit_pack, "write_audit_pack", writer)
    target = tmp_path / "audit.pdf"
    monkeypatch.setattr(kit_documents, "ask_target", lambda *args: target)
    page = _page(books, qtbot, CLOSED)
    tab = page.show_tab("closing")
    button = next(b for b in tab.findChildren(QPushButton) if b.text() == "Audit pack (PDF)")
    save = next(a for a in button.menu().actions() if a.text() == "Save as PDF…")
    save.trigger()
    assert tasks.running()  # the click returned at once; the pack is being written
    wait_tasks()
    assert len(written_on) == 1 and written_on[0] is not threading.main_thread()
    assert message_boxes[-1] == ("information", f"The document was saved as {target}.")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert str(CLOSED) in text and "Copyshop" in text and "12,40" in text
