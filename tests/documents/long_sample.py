"""A group whose every value is long: a 60-character name, long account, category, street and complex
names, € 9.999.999,99, a structured reference. A plain module so the layout and hygiene tests share it."""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.documents.board_list import write_board_list
from huurdersgroep_app.core.documents.consultation_history import write_consultation_history
from huurdersgroep_app.core.documents.decisions_register import write_action_points, write_decisions_register
from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
from huurdersgroep_app.core.documents.finance.budget import write_budget
from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
from huurdersgroep_app.core.documents.member_list import write_member_list
from huurdersgroep_app.core.documents.minutes import write_minutes
from huurdersgroep_app.core.documents.sign_in_sheet import write_sign_in_sheet
from huurdersgroep_app.core.documents.signals_report import write_signals_report
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.advices import dossiers as advices
from huurdersgroep_app.core.services.advices import steps
from huurdersgroep_app.core.services.finance import accounts, budget, categories, entries
from huurdersgroep_app.core.services.finance.dues import structured_reference
from huurdersgroep_app.core.services.meetings import action_points as ap
from huurdersgroep_app.core.services.meetings import attendance
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.members import board, complexes, members
from huurdersgroep_app.core.services.signals import signals


FIRST, LAST = "Marie-Christine Anne-Sophie", "Vandenbroucke-Van der Auwera-Dewulf"
LONG_NAME = f"{FIRST} {LAST}"
LONG_EMAIL = "marie-christine.vandenbroucke-vanderauwera@voorbeeld-huurders.be"
LONG_ACCOUNT = "Zichtrekening werking huurdersgroep Rabot-Blaisantvest"
LONG_CATEGORY = "Vorming, studiedagen en verplaatsingen van de bestuursleden"
LONG_STREET = "Burgemeester Emiel Braunplein-Sint-Amandsberg-Oostakker"
LONG_COMPLEX = "Residentie Hoogstraat-Brugsepoort-Rooigem"
HUGE = "9999999.99"
YEAR = 2025
TODAY = date(2025, 12, 20)


def build_long_group(db) -> dict:
    """Three members (one with a 60-character name) in a complex, a board, the books of 2025 with € 9.999.999,99
    and a structured reference, a meeting with a decision and an action point, an advice and a signal."""
    with db.transaction() as s:
        rabot = complexes.add_complex(s, LONG_COMPLEX, 1200).id
        people = {}
        for key, first, last, email in (("long", FIRST, LAST, LONG_EMAIL), ("jan", "Jan", "Peeters", ""),
                                        ("els", "Els", "Maes", "els@example.be")):
            people[key] = members.add_member(s, members.MemberInput(
                first_name=first, last_name=last, street=LONG_STREET, house_number="1234", box="B12",
                postcode="9000", city="Gent", complex_id=rabot, email=email, phone="+32 470 12 34 56",
                contact_way="email" if email else "letter", joined_on=date(2019, 3, 30)), allow_duplicate=True).id
        board.assign_office(s, people["long"], "treasurer", date(2022, 3, 30), date(2025, 3, 30))
        board.assign_office(s, people["jan"], "chair", date(2023, 3, 30))
        bank = accounts.add_account(s, LONG_ACCOUNT, "bank", "BE68 5390 0754 7034").id
        cash = accounts.add_account(s, "Kas", "cash").id
        accounts.set_opening_balance(s, bank, YEAR, HUGE)
        long_income = categories.add_category(s, "income", LONG_CATEGORY + " (inkomsten)").id
        long_expense = categories.add_category(s, "expense", LONG_CATEGORY).id
        entries.add_entry(s, entries.EntryInput(date(YEAR, 3, 30), bank, HUGE, long_income,
                                                counterparty="Woonmaatschappij Gent-Meetjesland en Vlaamse Ardennen",
                                                description="Werkingsmiddelen voor het hele werkjaar"))
        paid = entries.add_entry(s, entries.EntryInput(date(YEAR, 4, 27), bank, "-" + HUGE, long_expense,
                                                       counterparty=LONG_NAME,
                                                       description="Terugbetaling verplaatsingen studiedag",
                                                       receipt_number="ONTV-2025-000123"))
        s.get(Entry, paid.id).structured_reference = structured_reference(people["long"], YEAR)
        entries.add_entry(s, entries.EntryInput(date(YEAR, 5, 2), cash, "-12.50", long_expense))
        budget.set_budget_line(s, YEAR, long_income, HUGE, "Volgens de overeenkomst met de woonmaatschappij")
        budget.set_budget_line(s, YEAR, long_expense, HUGE, "Zoals vorig jaar")
        budget.set_budget_line(s, YEAR + 1, long_expense, HUGE, "Zoals vorig jaar")
        meeting = meetings.create_meeting(s, meetings.MeetingInput(
            type="board", scheduled_on="27/04/2025", start_time="19:30", place="Buurtcentrum " + LONG_COMPLEX))
        for key in people:
            attendance.set_attendance(s, meeting.id, people[key], "present")
        meetings.set_meeting_status(s, meeting.id, "held")
        minutes.add_decision(s, meeting.id, minutes.DecisionInput(
            "De huurdersgroep vraagt de woonmaatschappij om de verwarming in " + LONG_COMPLEX + " te vernieuwen.",
            "vote", 3, 0, 0))
        ap.add_action_point(s, meeting.id, ap.ActionPointInput(
            "Brief aan de woonmaatschappij over de verwarming", owner_member_id=people["long"], due_on="30/11/2025"))
        landlord = contacts.add_partner(s, contacts.PartnerInput(name="Woonmaatschappij Gent", kind="landlord"))
        heating = advices.create_advice(s, advices.AdviceInput(
            title="Vernieuwing van de centrale verwarming in " + LONG_COMPLEX, topic="maintenance",
            requested_on=date(YEAR, 3, 2)))
        steps.save_draft(s, heating.id, "Tekst", on=date(YEAR, 3, 9))
        steps.approve(s, heating.id, date(YEAR, 3, 20))
        steps.mark_sent(s, heating.id, date(YEAR, 3, 23))
        signals.add_signal(s, signals.SignalInput(reported_on=date(YEAR, 2, 1), category="damp_mould",
                                                  description="Schimmel in de badkamer", complex_id=rabot,
                                                  street=LONG_STREET, scope="collective"))
        del landlord
    return dict(people=people, meeting=meeting.id, reference=structured_reference(people["long"], YEAR),
                advice=heating.id)


def write_table_documents(session, folder, meeting_id):
    """Every document with a table, written into ``folder``: name → path."""
    made = {}

    def out(name):
        made[name] = folder / f"{name}.pdf"
        return made[name]

    write_member_list(session, out("member-list"), privacy="names")
    write_member_list(session, out("member-contacts"), privacy="contact")
    write_member_list(session, out("member-counts"), privacy="counts")
    write_board_list(session, out("board-list"), today=date(YEAR, 1, 15))
    write_financial_report(session, out("financial-report"), YEAR, today=TODAY)
    write_budget(session, out("budget"), YEAR + 1, today=TODAY)
    write_budget_vs_actual(session, out("budget-vs-actual"), YEAR)
    write_audit_pack(session, out("audit-pack"), YEAR, today=TODAY)
    write_decisions_register(session, YEAR, out("decisions-register"))
    write_action_points(session, out("action-points"), today=TODAY)
    write_minutes(session, meeting_id, out("minutes"))
    write_sign_in_sheet(session, meeting_id, out("sign-in-sheet"))
    write_consultation_history(session, out("consultation-history"), date(YEAR, 1, 1), date(YEAR, 12, 31), TODAY)
    write_signals_report(session, out("signals-report"), date(YEAR, 1, 1), date(YEAR, 12, 31))
    return made
