"""The accountability per grant: the 'Total received' label of the received table is printed whole,
on one line with its amount, in every language (it used to break in the narrow date column)."""
from __future__ import annotations

import pytest

from huurdersgroep_app import i18n
from huurdersgroep_app.core.documents.funding.grant_accountability import write_grant_accountability
from huurdersgroep_app.core.services.funding.accountability import grant_accounts
from huurdersgroep_app.i18n import _, format_money

from funding_demo import TODAY
from pdf_layout import lines, normal


@pytest.mark.parametrize("lang", ["nl_BE", "nl_NL", "fr_BE", "en"])
def test_total_received_is_on_one_line_with_its_amount(demo, tmp_path, lang):
    i18n.set_language(lang)
    with demo.reading() as s:
        write_grant_accountability(s, 2024, tmp_path / "ga.pdf", today=TODAY)
        accounts = grant_accounts(s, 2024)
    label = _("Total received")
    texts = [line.text for line in lines(tmp_path / "ga.pdf")]
    for account in accounts:
        amount = normal(format_money(account.received))
        assert any(label in t and t.rstrip().endswith(amount) for t in texts), (label, amount)


def test_a_receipt_is_present_without_the_gender_brackets_of_a_person(demo, tmp_path):
    # French receipts read 'présent(e)', the attendance's word for a person who may be a woman.
    from pypdf import PdfReader

    i18n.set_language("fr_BE")
    with demo.reading() as s:
        write_grant_accountability(s, 2024, tmp_path / "ga.pdf", today=TODAY)
    text = " ".join(page.extract_text() for page in PdfReader(str(tmp_path / "ga.pdf")).pages)
    assert "présent" in text and "présent(e)" not in text


def test_the_receipts_index_adds_up_to_what_was_charged_to_the_grant(demo, tmp_path):
    # The index listed the receipts without a total, so the funder added them up by hand to check them
    # against the spending per category.
    i18n.set_language("en")
    with demo.reading() as s:
        write_grant_accountability(s, 2024, tmp_path / "ga.pdf", today=TODAY)
        accounts = [a for a in grant_accounts(s, 2024) if a.receipts]
    assert accounts
    texts = [line.text for line in lines(tmp_path / "ga.pdf")]
    for account in accounts:
        charged = normal(format_money(sum((r.amount for r in account.receipts), account.spent_eligible * 0)))
        assert charged == normal(format_money(account.spent_eligible + account.spent_ineligible))
        assert f"Total {charged}" in texts, charged


def test_the_signatures_never_stand_alone_at_the_top_of_a_page(db, tmp_path):
    # However long the receipts index, the line under it goes with the treasurer's and chair's signatures.
    from datetime import date
    from decimal import Decimal

    from pypdf import PdfReader

    from huurdersgroep_app.core.services.finance import accounts, categories, entries
    from huurdersgroep_app.core.services.funding import funders, grants

    i18n.set_language("en")
    with db.transaction() as s:
        bank = accounts.add_account(s, "Bank", "bank", "BE68 5390 0754 7034").id
        rooms = next(c.id for c in categories.list_categories(s) if c.code == "meeting_rooms")
        funder = funders.add_funder(s, funders.FunderInput(name="Stad Gent", kind="municipality")).id
        grant = grants.add_grant(s, grants.GrantInput(funder_id=funder, year=2025, amount="9000")).id
    for count in range(1, 90):
        with db.transaction() as s:
            entries.add_entry(s, entries.EntryInput(date(2025, 1, 1 + count % 28), bank, Decimal("-45.00"), rooms,
                                                    counterparty="Buurthuis", description=f"Zaalhuur {count}",
                                                    receipt_number=f"R-{count}", grant_id=grant))
        path = tmp_path / f"ga{count}.pdf"
        with db.reading() as s:
            write_grant_accountability(s, 2025, path, today=TODAY)
        signed = next(page.extract_text() for page in PdfReader(str(path)).pages if "Treasurer" in page.extract_text())
        assert "Missing receipts:" in signed, count
