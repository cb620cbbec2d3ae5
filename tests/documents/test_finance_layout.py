"""The money documents as a treasurer, a funder and an audit committee read them: headers and account
lines whole, a dash where a year has no budget. Checked on the text and positions pdfplumber reads
from the PDFs."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import pdf_layout
from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
from huurdersgroep_app.core.services.finance import accounts, categories, entries, transfers

IBAN = "BE52 8681 0587 5609"
CLOSING_HEADER = {"nl_BE": "31 december 2025", "nl_NL": "31 december 2025", "fr_BE": "31 décembre 2025",
                  "en": "31 December 2025"}
OPENING_HEADER = {"nl_BE": "1 januari 2025", "nl_NL": "1 januari 2025", "fr_BE": "1er janvier 2025",
                  "en": "1 January 2025"}


@pytest.fixture
def books(db):
    """A cash box and a current account with an IBAN, a year of books and no budget at all."""
    with db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        bank = accounts.add_account(s, "Zichtrekening", "bank", IBAN).id
        cat = {c.code: c.id for c in categories.list_categories(s)}
        accounts.set_opening_balance(s, bank, 2025, "1742.18")
        entries.add_entry(s, entries.EntryInput(date(2025, 3, 3), bank, "740.40", cat["landlord_budget"]))
        entries.add_entry(s, entries.EntryInput(date(2025, 3, 4), bank, "-45", cat["meeting_rooms"]))
        transfers.add_transfer(s, date(2025, 6, 30), bank, cash, "300")
    return db


def _row_of(lines, text):
    found = [line for line in lines if line.text.startswith(text)]
    assert found, f"no line starting with {text!r} in {[line.text for line in lines]}"
    return found[0]


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE", "en"])
@pytest.mark.parametrize("write", [write_audit_pack, write_financial_report], ids=["audit-pack", "financial-report"])
def test_balance_dates_headers_and_the_iban_stay_on_one_line(books, tmp_path, lang, write):
    path = tmp_path / "doc.pdf"
    with books.reading() as s, i18n.language(lang):
        write(s, path, 2025, today=date(2026, 1, 20))
    lines = [line for line in pdf_layout.lines(path) if line.page == 1 or write is write_financial_report]
    header = _row_of(lines, {"nl_BE": "Rekening", "nl_NL": "Rekening", "fr_BE": "Compte", "en": "Account"}[lang]
                     + " ")
    # Day and month of the date headers together on the header's line ('31 december 2025' wrapped onto
    # three lines before); the year may stand under them, as under 'Begroting' in the other tables.
    closing_day, year = CLOSING_HEADER[lang].rsplit(" ", 1)
    assert header.text.endswith((closing_day, CLOSING_HEADER[lang])), header.text
    assert OPENING_HEADER[lang].rsplit(" ", 1)[0] in header.text
    below = next(line for line in lines if line.page == header.page and line.top > header.top)
    assert header.text.endswith(CLOSING_HEADER[lang]) or below.text.endswith(year), below.text
    # The IBAN whole on one line (it broke as 'BE52 8681' / '0587 5609'), under the account's name.
    iban = _row_of(lines, IBAN)
    name = _row_of(lines, "Zichtrekening")
    assert iban.top > name.top and abs(iban.x0 - name.x0) < 1


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE", "en"])
def test_a_year_without_a_budget_shows_dashes_not_zero_budgets(books, tmp_path, lang):
    path = tmp_path / "bva.pdf"
    with books.reading() as s, i18n.language(lang):
        write_budget_vs_actual(s, path, 2025)
        zero = pdf_layout.normal(i18n.format_money(Decimal("0.00")))
        actual = pdf_layout.normal(i18n.format_money(Decimal("740.40")))
    lines = pdf_layout.lines(path)
    row = _row_of(lines, {"nl_BE": "Participatiebudget", "nl_NL": "Budget huurdersorganisatie",
                          "fr_BE": "Budget de participation", "en": "Landlord's participation budget"}[lang])
    assert actual in row.text and zero not in row.text, row.text
    assert row.text.count("–") == 3, row.text  # budget, difference, % used
    text = " ".join(line.text for line in lines)
    assert zero not in text, "a budget of € 0,00 printed for a year without a budget"
    # The charts show the actuals alone: no legend for budget bars that are not there.
    with i18n.language(lang):
        legend, alone = f"{i18n._('Budget')} {i18n._('Actual')}", i18n._("Actual")
    assert legend not in [line.text for line in lines]
    assert [line.text for line in lines].count(alone) == 2  # the legend of each chart
    # The value axis writes amounts the language's way ('€ 0' before, also in French).
    axis = {"nl_BE": "€ 0 € 10 € 20", "nl_NL": "€ 0 € 10 € 20", "fr_BE": "0 € 10 € 20 €", "en": "€0 €10 €20"}[lang]
    assert any(line.text.startswith(axis) for line in lines), "|".join(line.text for line in lines[-8:])


@pytest.mark.parametrize("lang", ["nl_NL", "fr_BE"])
@pytest.mark.parametrize("write", [write_audit_pack, write_financial_report], ids=["audit-pack", "financial-report"])
def test_a_dutch_iban_keeps_the_balances_at_their_normal_size(db, tmp_path, lang, write):
    """'NL91 ABNA 0417 1643 00' is three characters longer than a Belgian IBAN; as one unbreakable
    line it made the account column too wide and the whole balances table went to a smaller font."""
    import pdfplumber

    dutch = "NL91 ABNA 0417 1643 00"
    with db.transaction() as s:
        bank = accounts.add_account(s, "Betaalrekening", "bank", dutch).id
        accounts.add_account(s, "Spaarrekening", "bank", "NL20 INGB 0001 2345 67")
        cat = {c.code: c.id for c in categories.list_categories(s)}
        accounts.set_opening_balance(s, bank, 2025, "1742.18")
        entries.add_entry(s, entries.EntryInput(date(2025, 3, 3), bank, "740.40", cat["landlord_budget"]))
    path = tmp_path / "doc.pdf"
    with db.reading() as s, i18n.language(lang):
        write(s, path, 2025, today=date(2026, 1, 20))
        opening = pdf_layout.normal(i18n.format_money(Decimal("1742.18")))
    # The IBAN whole on one line, under the account's name.
    lines = pdf_layout.lines(path)
    assert _row_of(lines, dutch).top > _row_of(lines, "Betaalrekening").top
    with pdfplumber.open(str(path)) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    iban = next(w for w in words if w["text"] == "NL91")
    name = max((w for w in words if w["text"] == "Betaalrekening" and abs(w["x0"] - iban["x0"]) < 1
                and w["top"] < iban["top"]), key=lambda w: w["top"])
    amount = next(w for w in words if w["text"] in opening.split() and abs(w["top"] - name["top"]) < 2)
    # The table's normal size (9 pt) for the account, its IBAN and its amounts: never shrunk to make room.
    assert [round(w["size"], 1) for w in (name, iban, amount)] == [9.0, 9.0, 9.0]


def test_every_page_of_the_audit_packs_ledger_and_receipts_index_says_which_it_is(books, tmp_path, pdf_pages):
    # Both run over pages under the same columns (No., Date, …): a page of bare columns in the middle
    # of the pack did not say whether the committee was reading the ledger or the receipts index.
    with books.transaction() as s:
        bank = next(a.id for a in accounts.list_accounts(s) if a.name == "Zichtrekening")
        drinks = categories.category_by_code(s, "refreshments").id
        for day in range(1, 121):
            entries.add_entry(s, entries.EntryInput(date(2025, 1 + day % 12, 1 + day % 28), bank,
                                                    f"-{day}.50", drinks, counterparty=f"Bakkerij nummer {day}"))
    path = tmp_path / "audit.pdf"
    with books.reading() as s:
        write_audit_pack(s, path, 2025, today=date(2026, 1, 20))
    pages = pdf_pages(path)
    ledger = [i for i, text in enumerate(pages) if "Ledger 2025" in text]
    index = [i for i, text in enumerate(pages) if "Receipts index 2025" in text]
    assert len(ledger) >= 3 and len(index) >= 3
    assert ledger == list(range(ledger[0], ledger[-1] + 1)) and index == list(range(index[0], index[-1] + 1))
    for i in ledger[1:]:
        assert "Ledger 2025 (continued)" in pages[i]
    for i in index[1:]:
        assert "Receipts index 2025 (continued)" in pages[i]
    assert index[0] == ledger[-1] + 1
