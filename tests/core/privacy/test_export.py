"""Everything about one person: the JSON holds every record that names them, the PDF shows it."""
from __future__ import annotations

import json
from datetime import date

import pytest

from huurdersgroep_app.core.documents.privacy.person_export import write_person_json, write_person_pdf
from huurdersgroep_app.core.errors import DomainError, NotFoundError
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.attendance import set_attendance
from huurdersgroep_app.core.services.members.board import assign_office
from huurdersgroep_app.core.services.privacy.export import person_export

from privacy_people import TODAY, person


def test_the_json_export_holds_every_record_that_names_the_member(db, people, tmp_path):
    with db.transaction() as s:
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="members", scheduled_on=date(2024, 9, 1)),
                                          with_standard_agenda=False)
        set_attendance(s, meeting.id, people.former, "present")
        assign_office(s, people.former, "treasurer", date(2020, 4, 1))
    target = tmp_path / "griet.json"
    with db.reading() as s:
        write_person_json(s, target, member_id=people.former, today=TODAY)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "huurdersgroep-person-export" and data["subject_kind"] == "member"
    assert data["subject"]["last_name"] == "Vandewalle" and data["subject"]["email"] == "griet@example.be"
    assert data["subject"]["left_on"] == "2025-07-14"
    assert [(p["booked_on"], p["amount"]) for p in data["payments"]] == [("2019-02-03", "12.00"),
                                                                         ("2025-02-03", "15.00")]
    assert sorted(d["year"] for d in data["dues"]) == [2019, 2025]
    assert [(a["meeting_on"], a["status"]) for a in data["attendance"]] == [("2024-09-01", "present")]
    assert [(o["role"], o["start_on"]) for o in data["offices"]] == [("treasurer", "2020-04-01")]
    assert [(c["purpose"], c["given_on"], c["statement_version"]) for c in data["consents"]] == [
        ("registration", "2018-05-20", 1)]
    assert data["privacy_statements"][0]["text"].startswith("Who we are")


def test_a_confidential_signal_is_in_the_reporters_own_export(db, people, tmp_path, pdf_text):
    with db.reading() as s:
        export = person_export(s, member_id=people.former, today=TODAY)
        write_person_pdf(s, tmp_path / "griet.pdf", member_id=people.former, today=TODAY)
    rows = export.section("signals").rows
    assert [(r["id"], r["confidential"]) for r in rows] == [(people.confidential_signal, True)]
    text = pdf_text(tmp_path / "griet.pdf")
    assert "Neighbour at number 19 threatens me" in text
    assert "Personal data of Griet Vandewalle" in text
    assert "griet@example.be" in text


def test_another_members_export_holds_nothing_of_hers(db, people):
    with db.reading() as s:
        export = person_export(s, member_id=people.current, today=TODAY)
    assert all(not section.rows for section in export.sections)
    assert "Vandewalle" not in json.dumps(export.as_dict(), default=str)


def test_a_contacts_export_lists_the_meetings_they_attended(db, tmp_path, pdf_text):
    with db.transaction() as s:
        partner = contacts.add_partner(s, contacts.PartnerInput(name="Woonmaatschappij Gent", kind="landlord"))
        contact = contacts.add_contact(s, contacts.ContactInput(partner_id=partner.id, first_name="Luc",
                                                                last_name="Vanhoutte", email="luc@wm.example"))
        meeting = meetings.create_meeting(s, meetings.MeetingInput(type="consultation", scheduled_on=date(2025, 3, 3)),
                                          with_standard_agenda=False)
        meeting.contacts.append(contact)
    with db.reading() as s:
        export = person_export(s, contact_id=contact.id, today=TODAY)
        write_person_pdf(s, tmp_path / "luc.pdf", contact_id=contact.id, today=TODAY)
    assert export.subject["organisation"] == "Woonmaatschappij Gent"
    assert [(r["meeting_on"], r["role"]) for r in export.section("meetings").rows] == [(date(2025, 3, 3), "invited")]
    text = pdf_text(tmp_path / "luc.pdf")
    assert "Luc Vanhoutte" in text and "luc@wm.example" in text and "Woonmaatschappij Gent" in text


def test_an_unknown_person_or_none_at_all_is_refused(db, people):
    with db.reading() as s:
        with pytest.raises(NotFoundError, match="Member 999 does not exist"):
            person_export(s, member_id=999)
        with pytest.raises(DomainError, match="Choose one person"):
            person_export(s)


def test_the_pdf_names_the_members_language_and_tells_their_number_from_the_house_number(db, people, tmp_path,
                                                                                          pdf_text):
    # It printed 'Number 4' and 'Number 17' one under the other, and 'Language fr_BE'.
    with db.transaction() as s:
        member = person(s, "Chantal", "Dubois", language="fr_BE").id
    with db.reading() as s:
        write_person_pdf(s, tmp_path / "chantal.pdf", member_id=member, today=TODAY)
    text = pdf_text(tmp_path / "chantal.pdf")
    assert f"Member number {member}" in text
    assert "Number 17" in text
    assert "Language Français (Belgique)" in text and "fr_BE" not in text


def test_a_payments_description_is_not_squeezed_beside_short_columns(db, people, tmp_path):
    # Every column had the same width: 'Dues paid in cash at the annual meeting' wrapped onto three lines
    # beside a half-empty 'Amount' column.
    from decimal import Decimal

    import pdfplumber

    from huurdersgroep_app.core.services.finance import accounts, categories, entries

    with db.transaction() as s:
        cash = accounts.add_account(s, "Kas", "cash").id
        dues = next(c.id for c in categories.list_categories(s) if c.code == "membership_dues")
        entries.add_entry(s, entries.EntryInput(date(2025, 3, 29), cash, Decimal("15.00"), dues,
                                                description="Dues paid in cash at the meeting",
                                                counterparty="Griet Vandewalle", member_id=people.former))
    with db.reading() as s:
        write_person_pdf(s, tmp_path / "griet.pdf", member_id=people.former, today=TODAY)
    descriptions = ["Dues paid in cash at the meeting"]
    with pdfplumber.open(str(tmp_path / "griet.pdf")) as pdf:
        lines = [line["text"] for page in pdf.pages for line in page.extract_text_lines()]
    for text in descriptions:
        assert any(text in line for line in lines), text
