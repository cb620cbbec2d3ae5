"""Anonymising a former member keeps the books and removes the person; erasing is for people in
no decision or booking."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.db.models.finance import Entry
from huurdersgroep_app.core.db.models.privacy import Consent, PrivacyAction
from huurdersgroep_app.core.db.models.signals import Signal
from huurdersgroep_app.core.documents.member_list import write_member_list
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.meetings.attendance import set_attendance
from huurdersgroep_app.core.services.meetings.minutes import DecisionInput, add_decision
from huurdersgroep_app.core.services.privacy.anonymise import anonymise_member
from huurdersgroep_app.core.services.privacy.erase import erase_member, member_erase_blockers

from privacy_people import TODAY


def test_an_anonymised_member_is_named_nowhere_in_the_member_list(db, people, tmp_path, pdf_text):
    # The group works in Dutch (Flanders): the new name is in its language, whatever the user reads.
    with db.transaction() as s:
        result = anonymise_member(s, people.former, today=TODAY)
    assert result.label == "Voormalig lid 2025-07"
    with db.reading() as s:
        rows = members.member_rows(s, on=TODAY)
        for privacy in ("names", "contact"):
            write_member_list(s, tmp_path / f"{privacy}.pdf", privacy=privacy, include_former=True, today=TODAY)
        member = s.get(Member, people.former)
        kept = (member.anonymised, member.first_name, member.street, member.email, member.phone, member.iban,
                member.notes, member.joined_on, member.left_on)
    texts = [" ".join((r.full_name, r.address_line, r.email, r.phone, r.search_text)) for r in rows]
    assert not any("vandewalle" in t.casefold() or "griet" in t.casefold() for t in texts)
    for privacy in ("names", "contact"):
        text = pdf_text(tmp_path / f"{privacy}.pdf")
        assert "Vandewalle" not in text and "Griet" not in text
        assert "Voormalig lid 2025-07" in text
    assert kept == (True, "", "", "", "", "", "", date(2012, 1, 1), date(2025, 7, 14))


def test_the_booking_keeps_its_amount_and_date(db, people):
    with db.transaction() as s:
        result = anonymise_member(s, people.former, today=TODAY)
    with db.reading() as s:
        open_entry = s.get(Entry, people.dues_entry)
        closed_entry = s.get(Entry, people.closed_entry)
        s.expunge_all()
    assert (open_entry.booked_on, open_entry.amount, open_entry.member_id) == (date(2025, 2, 3), Decimal("15.00"),
                                                                              people.former)
    assert (open_entry.counterparty, open_entry.counterparty_iban) == ("Voormalig lid 2025-07", "")
    # A closed year is locked: its bank line keeps the name, and the result says so.
    assert (closed_entry.amount, closed_entry.counterparty) == (Decimal("12.00"), "GRIET VANDEWALLE")
    assert any("closed financial year" in line for line in result.kept)
    assert any("Minutes of approved meetings keep the name" in line for line in result.kept)


def test_signals_and_consents_stay_without_the_persons_details(db, people):
    with db.transaction() as s:
        anonymise_member(s, people.former, today=TODAY)
    with db.reading() as s:
        signal = s.get(Signal, people.confidential_signal)
        consents = s.scalars(select(Consent).where(Consent.member_id == people.former)).all()
        log = s.scalars(select(PrivacyAction)).all()
        s.expunge_all()
    assert signal.member_id == people.former and signal.house_number == ""
    assert [c.given_on for c in consents] == [date(2018, 5, 20)]
    assert [(a.action, a.subject_id, a.label) for a in log] == [("anonymised", people.former, "Voormalig lid 2025-07")]


def test_the_label_is_in_the_groups_language(db, people):
    from huurdersgroep_app.core.services.organisation import get_organisation

    with db.transaction() as s:
        get_organisation(s).language = "fr_BE"
    with db.transaction() as s:
        result = anonymise_member(s, people.former, today=TODAY)
    assert result.label == "Ancien membre 2025-07"


def test_a_current_member_is_refused_with_a_clear_message(db, people):
    with db.transaction() as s:
        with pytest.raises(DomainError, match="Ayşe Çelik is still a member.*end the membership first"):
            anonymise_member(s, people.current, today=TODAY)
    with db.transaction() as s:
        anonymise_member(s, people.former, today=TODAY)
    with db.transaction() as s:
        with pytest.raises(DomainError, match="already anonymised"):
            anonymise_member(s, people.former, today=TODAY)


def test_the_old_name_in_free_text_is_pointed_out(db, people):
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="board", scheduled_on=date(2024, 5, 5)),
                                          with_standard_agenda=False)
        add_decision(s, meeting.id, DecisionInput(text="Griet Vandewalle leads the garden project."))
    with db.transaction() as s:
        result = anonymise_member(s, people.former, today=TODAY)
    assert result.mentions == ["Decision 2024-01"]


def test_a_newcomer_in_no_decision_or_booking_is_erased(db, people):
    with db.transaction() as s:
        assert member_erase_blockers(s, people.newcomer) == []
        erase_member(s, people.newcomer, today=TODAY)
    with db.reading() as s:
        assert s.get(Member, people.newcomer) is None
        assert [(a.action, a.subject_id) for a in s.scalars(select(PrivacyAction))] == [("erased", people.newcomer)]


def test_erasing_someone_in_the_books_or_a_decision_is_refused_saying_why(db, people):
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="members", scheduled_on=date(2026, 5, 10)),
                                          with_standard_agenda=False)
        set_attendance(s, meeting.id, people.current, "present")
        add_decision(s, meeting.id, DecisionInput(text="The garden opens in June."))
    with db.transaction() as s:
        with pytest.raises(DomainError, match="2 bookings in the books name them.*Anonymise them instead"):
            erase_member(s, people.former)
        with pytest.raises(DomainError, match="appear 1 time in meetings that took decisions"):
            erase_member(s, people.current)
    with db.reading() as s:
        assert s.get(Member, people.former) is not None and s.get(Member, people.current) is not None
