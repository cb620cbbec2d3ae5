"""The demo group's books: last year (closed) and this year up to today, about 400 entries.

A cash box and one bank account; membership dues paid by bank with each member's structured
reference or in cash at meetings; the landlord's participation budget per quarter (dwellings ×
the funding norm) and a municipal subsidy; the usual costs of a tenant group, most with a
receipt; cash deposited at the bank; volunteer allowances; budgets for last year, this year and a
draft for next year; a monthly bank statement per month so the year closing can compare balances.
Everything goes through the finance services, so the demo obeys the same rules as a user.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import BankStatementRecord
from huurdersgroep_app.core.demo import DemoContext
from huurdersgroep_app.core.services.finance import (accounts, allowances, budget, categories, closing, dues,
                                                     entries, grants, receipts, transfers)
from huurdersgroep_app.core.services.finance.balances import balance_on
from huurdersgroep_app.core.services.organisation import get_organisation

ORDER = 40

CENT = Decimal("0.01")
SHOPS = ("Bakkerij Vandenbussche", "Colruyt Kortrijk", "Aldi Heule", "Carrefour Market Bissegem")
PRINTERS = ("Drukkerij De Leie", "Copyshop Kortrijk")


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    """A price between low and high euros, in cents (integer arithmetic, never float)."""
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def receipt_pdf(lines: list[str]) -> bytes:
    """A tiny valid one-page PDF that looks like a till receipt (the demo's 'scans')."""
    text = " ".join(f"({line.encode('latin-1', 'replace').decode('latin-1')}) Tj T*" for line in lines)
    stream = f"BT /F1 10 Tf 14 TL 20 150 Td {text} ET".encode("latin-1", "replace")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 226 180] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class _Books:
    """Books one year: entries through the service, a receipt for most costs."""

    def __init__(self, session: Session, demo: DemoContext, cash_id: int, bank_id: int, until: date):
        self.session, self.rng, self.until = session, demo.rng, until
        self.cash, self.bank = cash_id, bank_id
        self.cat = {c.code: c.id for c in categories.list_categories(session)}
        self.receipt_number = 0

    def book(self, day: date, account: int, amount: Decimal, code: str, counterparty: str, text: str,
             receipt: bool | None = None, **extra) -> int | None:
        if day > self.until:
            return None
        entry = entries.add_entry(self.session, entries.EntryInput(
            day, account, amount, self.cat[code], counterparty=counterparty, description=text, **extra))
        needs = amount < 0 and code != categories.BANK_COSTS
        if needs and (receipt if receipt is not None else self.rng.random() < 0.92):
            self.receipt_number += 1
            entry.receipt_number = f"{day.year}-{self.receipt_number:03d}"
            receipts.attach_receipt(self.session, entry.id, f"ticket-{entry.receipt_number}.pdf", receipt_pdf(
                [counterparty, day.strftime("%d/%m/%Y"), text, f"TOTAAL EUR {-amount:.2f}"]), "application/pdf")
        return entry.id


def _year(books: _Books, year: int, members: list[Member], board: list[int], landlord_grant: int,
          city_grant: int, quarter_amount: Decimal) -> None:
    rng, s = books.rng, books.session
    bank, cash = books.bank, books.cash
    # Dues: most members pay by bank in the first quarter with their reference, some in cash.
    for member in members:
        roll = rng.random()
        if roll < 0.62:
            day = date(year, 1, 10) + timedelta(days=rng.randint(0, 80))
            books.book(day, bank, Decimal("5.00"), categories.DUES, member.full_name,
                       dues.format_structured_reference(dues.structured_reference(member.id, year)),
                       member_id=member.id)
        elif roll < 0.72:
            day = date(year, rng.choice((3, 4, 9)), rng.randint(1, 28))
            books.book(day, cash, Decimal("5.00"), categories.DUES, member.full_name,
                       "Lidgeld contant op de ledenvergadering", member_id=member.id)
    for quarter in range(4):
        books.book(date(year, 1 + 3 * quarter, 15), bank, quarter_amount, "landlord_budget",
                   "Woonmaatschappij Vlasland", f"Werkingsmiddelen huurdersparticipatie Q{quarter + 1} {year}",
                   grant_id=landlord_grant)
        books.book(date(year, 3 + 3 * quarter, 20), bank, -_money(rng, 85, 160), "communication",
                   rng.choice(PRINTERS), f"Drukwerk bewonersblad nr. {quarter + 1}", grant_id=landlord_grant)
        for member_id in board[:3]:
            member = s.get(Member, member_id)
            entry = books.book(date(year, 3 + 3 * quarter, 28), bank, Decimal("-90.00"), "volunteer_allowances",
                               member.full_name, f"Vrijwilligersvergoeding Q{quarter + 1}", receipt=True)
            if entry:
                allowances.add_allowance(s, member_id, year, "90.00", f"Q{quarter + 1}",
                                         date(year, 3 + 3 * quarter, 28), entry, days=3)
    books.book(date(year, 5, 12), bank, Decimal("750.00"), "municipal_subsidy", "Stad Kortrijk",
               f"Subsidie huurdersparticipatie {year}", grant_id=city_grant)
    books.book(date(year, 2, 3), bank, Decimal("-186.40"), "insurance", "Ethias", "BA-verzekering vrijwilligers")
    books.book(date(year, 2, 17), bank, Decimal("-75.00"), "membership_fees", "Huurdersbond Vlaanderen",
               f"Lidmaatschap {year}")
    books.book(date(year, 1, 28), bank, Decimal("-59.88"), "communication", "Webhosting Vlaanderen",
               "Website en e-mail")
    books.book(date(year, 12, 31), bank, _money(rng, 1, 4), "interest", "Bank", "Rente spaarrekening")
    for month in range(1, 13):
        _fill_cash_box(books, date(year, month, 1))
        last = (date(year, month % 12 + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
        books.book(last, bank, Decimal("-2.50"), categories.BANK_COSTS, "Bank", "Beheerskosten rekening")
        books.book(date(year, month, 5), bank, Decimal("-15.00"), "running_costs", "Proximus",
                   "Herladen gsm van de groep")
        if month != 8:
            books.book(date(year, month, rng.randint(2, 12)), bank, Decimal("-45.00"), "meeting_rooms",
                       "Buurthuis De Spoel vzw", f"Zaalhuur bestuursvergadering {month:02d}/{year}",
                       grant_id=landlord_grant)
        if rng.random() < 0.5:
            books.book(date(year, month, rng.randint(1, 28)), cash, -_money(rng, 5, 22), "communication", "bpost",
                       "Postzegels uitnodigingen")
        for _drinks in range(rng.randint(2, 4)):
            books.book(date(year, month, rng.randint(1, 28)), cash, -_money(rng, 6, 38), "refreshments",
                       rng.choice(SHOPS), "Koffie, thee en koekjes vergadering")
        books.book(date(year, month, rng.randint(1, 28)), cash, -_money(rng, 3, 25), "printing",
                   rng.choice(PRINTERS), "Kopieën uitnodigingen en verslagen")
        if rng.random() < 0.45:
            books.book(date(year, month, rng.randint(1, 28)), cash, -_money(rng, 8, 60), "materials",
                       rng.choice(("Standaard Boekhandel", "Action Kortrijk", "Hubo")), "Kantoormateriaal")
        if month in (3, 10):
            books.book(date(year, month, 14), bank, -_money(rng, 120, 280), "training", "Vormingplus Midden- en "
                       "West-Vlaanderen", "Vorming huurdersrechten voor het bestuur", grant_id=landlord_grant)
        if month == 6:  # the summer party: costs and the small income of the drinks
            books.book(date(year, 6, 22), bank, -_money(rng, 180, 320), "activities", "Feestmaterialen Leiedal",
                       "Tent en tafels buurtfeest", grant_id=city_grant)
            books.book(date(year, 6, 22), bank, -_money(rng, 90, 160), "activities", rng.choice(SHOPS),
                       "Hapjes buurtfeest (bankkaart)")
            books.book(date(year, 6, 23), cash, _money(rng, 60, 140), "activity_income", "Buurtfeest",
                       "Verkoop drankkaarten")
            books.book(date(year, 6, 25), cash, Decimal("25.00"), "donations", "Apotheek Overleie", "Gift buurtfeest")
        if month == 11 and rng.random() < 0.7:
            books.book(date(year, 11, 8), bank, Decimal("-250.00"), "experts", "Samenlevingsopbouw West-Vlaanderen",
                       "Begeleiding dossier huurlasten")


def _fill_cash_box(books: _Books, day: date) -> None:
    """On the first of the month the treasurer brings the cash box to about € 350 (a month of
    small costs is at most about € 260), taking cash from the bank or depositing the surplus."""
    if day > books.until:
        return
    held = balance_on(books.session, books.cash, day)
    if held < Decimal("300.00"):
        need = -((held - Decimal("350.00")) // 50) * 50  # in whole 50s
        transfers.add_transfer(books.session, day, books.bank, books.cash, need, "Afhaling voor de kas")
    elif held > Decimal("600.00"):
        transfers.add_transfer(books.session, day, books.cash, books.bank, (held - Decimal("350.00")) // 50 * 50,
                               "Storting kas")


def _statements(session: Session, bank_id: int, year: int, until: date) -> None:
    """One statement a month, as if imported: its closing balance is the bank's balance."""
    for month in range(1, 13):
        last = (date(year, month % 12 + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
        if last > until:
            break
        session.add(BankStatementRecord(account_id=bank_id, statement_id=f"{year}-{month:03d}",
                                        closing_date=last, closing_balance=balance_on(session, bank_id, last),
                                        transactions=0, file_name=f"afschriften-{year}-{month:02d}.xml"))
    session.flush()


def _budget(session: Session, demo: DemoContext, year: int, quarter: Decimal, members: int,
            approved_on: date | None) -> None:
    cat = {c.code: c.id for c in categories.list_categories(session)}
    plan = (("landlord_budget", quarter * 4, "Werkingsmiddelen volgens de norm per woning."),
            ("municipal_subsidy", Decimal("750"), "Subsidie huurdersparticipatie van de stad."),
            ("membership_dues", Decimal(members * 4), "Ongeveer twee derde van de leden betaalt € 5."),
            ("activity_income", Decimal("100"), "Drankkaarten buurtfeest."),
            ("meeting_rooms", Decimal("500"), "Elf bestuursvergaderingen in het buurthuis."),
            ("refreshments", Decimal("800"), "Koffie en thee op vergaderingen."),
            ("printing", Decimal("200"), "Uitnodigingen en verslagen."),
            ("communication", Decimal("560"), "Vier bewonersbladen en de website."),
            ("materials", Decimal("200"), "Kantoormateriaal."),
            ("training", Decimal("400"), "Twee vormingen voor het bestuur."),
            ("experts", Decimal("250"), "Begeleiding van een dossier."),
            ("activities", Decimal("450"), "Het buurtfeest in juni."),
            ("volunteer_allowances", Decimal("1080"), "Drie bestuursleden, € 90 per kwartaal."),
            ("membership_fees", Decimal("75"), "Lidmaatschap Huurdersbond."),
            ("insurance", Decimal("190"), "Verzekering burgerlijke aansprakelijkheid."),
            ("bank_costs", Decimal("30"), "Beheerskosten van de rekening."))
    for code, amount, why in plan:
        budget.set_budget_line(session, year, cat[code], amount, why)
    decision_id = demo.shared.get("budget_decisions", {}).get(year)
    if decision_id and approved_on:
        budget.approve_budget(session, year, decision_id=decision_id)
    elif approved_on:
        budget.approve_budget(session, year, approved_on, "Jaarvergadering, besluit over de begroting")


def populate(session: Session, demo: DemoContext) -> None:
    today = demo.today
    previous, current = today.year - 1, today.year
    org = get_organisation(session)
    cash = accounts.add_account(session, "Kas", "cash")
    bank = accounts.add_account(session, "Zichtrekening", "bank", org.iban or "BE68 5390 0754 7034")
    accounts.set_opening_balance(session, cash.id, previous, "84.35")
    accounts.set_opening_balance(session, bank.id, previous, "1742.18")
    quarter = (budget.dwelling_calculation(session).total / 4).quantize(CENT, rounding=ROUND_HALF_UP)
    landlord = grants.add_funder(session, org.landlord_name or "Woonmaatschappij", "landlord")
    city = grants.add_funder(session, "Stad Kortrijk", "municipality")
    ids = demo.shared.get("member_ids") or list(session.scalars(select(Member.id)))
    board = demo.shared.get("board_member_ids") or ids[:3]
    for year in (previous, current):
        dues.set_dues_amount(session, year, "5.00", date(year, 3, 31))
        grant_l = grants.add_grant(session, landlord.id, year, quarter * 4, "Enkel bewezen kosten; verantwoording "
                                   "vóór 31 maart van het volgende jaar.", date(year + 1, 3, 31)).id
        grant_c = grants.add_grant(session, city.id, year, "750.00", "Jaarverslag en financieel verslag bij de "
                                   "aanvraag.", date(year + 1, 4, 30)).id
        members = [m for m in session.scalars(select(Member).where(Member.id.in_(ids)))
                   if m.joined_on is None or m.joined_on <= date(year, 6, 30)]
        books = _Books(session, demo, cash.id, bank.id, today if year == current else date(year, 12, 31))
        _year(books, year, members, board, grant_l, grant_c, quarter)
        _statements(session, bank.id, year, books.until)
    meetings = sorted(demo.shared.get("annual_meeting_days", []))
    approved = {day.year: day for day in meetings}
    _budget(session, demo, previous, quarter, len(ids), approved.get(previous) or date(previous, 3, 15))
    _budget(session, demo, current, quarter, len(ids), approved.get(current) if approved.get(current, today) <= today
            else None)
    budget.start_budget(session, current + 1, "budget", current)
    closed_on = min(date(current, 2, 20), today)
    closing.close_year(session, previous, closed_on=closed_on, today=max(today, date(current, 1, 1)))
    demo.shared["finance_accounts"] = {"cash": cash.id, "bank": bank.id}
