"""Inviting: the invitation period and its warning, letters per household, the e-mail text with
BCC addresses, and the calendar file."""
from __future__ import annotations

from datetime import date, datetime, timezone

import icalendar
import pytest

from huurdersgroep_app.core.db.models.meetings import Meeting
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import invitations
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput

import meeting_group


@pytest.fixture
def group(db):
    return meeting_group.build(db)


def test_an_annual_meeting_invitation_needs_fourteen_days_and_warns_when_late(db, group):
    with db.transaction() as s:
        annual = meetings.create_annual_meeting(s, "29/03/2025")
        in_time = invitations.invitation_check(s, annual.id, date(2025, 3, 15))
        late = invitations.invitation_check(s, annual.id, date(2025, 3, 20))
    assert (in_time.days_required, in_time.send_by, in_time.too_late, in_time.warning) == (
        14, date(2025, 3, 15), False, "")
    assert late.too_late
    assert late.warning == ("The invitation goes out 9 days before the meeting; the rules ask for at least 14 days "
                            "(send it by 15 Mar 2025).")


def test_other_meetings_follow_the_other_period_and_the_groups_own_setting(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025"))
        assert invitations.invitation_check(s, m.id, date(2025, 1, 7)).too_late is False
        assert invitations.invitation_check(s, m.id, date(2025, 1, 8)).too_late is True
        organisation.set_rule_override(s, "meetings", "invitation_days_other", 3)
        assert invitations.invitation_check(s, m.id, date(2025, 1, 10)).too_late is False


def test_recording_the_invitations_sets_the_date_and_the_status_and_returns_the_warning(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="members", scheduled_on="14/01/2025"))
        check = invitations.record_invitations_sent(s, m.id, "10/01/2025")
        stored = s.get(Meeting, m.id)
        assert (stored.status, stored.invitations_sent_on) == ("invited", date(2025, 1, 10))
        assert check.too_late and "4 days before" in check.warning
        with pytest.raises(ValidationError, match="after the meeting"):
            invitations.record_invitations_sent(s, m.id, "15/01/2025")
        meetings.set_meeting_status(s, m.id, "held")
        with pytest.raises(DomainError, match="already held"):
            invitations.record_invitations_sent(s, m.id, "10/01/2025")


def test_letters_per_household_put_people_at_one_address_on_one_letter(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="members", scheduled_on="14/01/2025",
                                                    contact_ids=[group.contact_id]))
        per_member = invitations.invitation_addressees(s, m.id, per="member")
        households = invitations.invitation_addressees(s, m.id, per="household")
        by_letter = invitations.invitation_addressees(s, m.id, per="household", letter_only=True)
    assert len(per_member.addressees) == 10  # nine members with an address, and the landlord's contact
    assert per_member.without_address == ["Jo Vermeulen"]
    names = [a.name for a in households.addressees]
    assert names[0] == "Dirk Janssens"  # Beukenlaan 1 before Beukenlaan 3 (delivery order)
    assert "Anna and Bart Peeters" in names and len(names) == 9
    peeters = next(a for a in households.addressees if a.name == "Anna and Bart Peeters")
    assert peeters.lines == ("Lindelaan 4", "9000 Gent") and len(peeters.member_ids) == 2
    assert households.addressees[-1].lines == ("Woonmaatschappij Gent", "Nieuwewandeling 2", "9000 Gent")
    # only members who get their post on paper (or have no e-mail address), plus the contact
    assert [a.name for a in by_letter.addressees] == ["Els Maes", "Hilde Mertens", "Bart Peeters", "Sofie Vandamme"]


def test_the_email_text_and_the_addresses_for_bcc(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", start_time="19:30",
                                                    place="Buurtlokaal"))
        email = invitations.invitation_email(s, m.id)
    assert email.subject == "Invitation: Board meeting of 14 January 2025"
    assert email.bcc == ["anna@example.be", "chris@example.be", "dirk@example.be"]
    assert email.bcc_text == "anna@example.be; chris@example.be; dirk@example.be"
    assert email.without_email == ["Els Maes"]
    body = email.body.splitlines()
    assert body[0] == "Dear board member,"
    assert "Huurdersgroep De Linde invites you to the board meeting of 14 January 2025." in body
    assert "Time: 19:30" in body and "Place: Buurtlokaal" in body
    assert "5. Review of open action points" in body
    assert body[-2:] == ["Chris Claes", "Secretary, Huurdersgroep De Linde"]


def test_the_email_in_french_writes_its_colons_the_french_way(db, group):
    """'Heure : 19:30', 'Ordre du jour :' (no-break space before the colon); an f-string wrote 'Heure: 19:30'."""
    from huurdersgroep_app import i18n

    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", start_time="19:30",
                                                    place="Buurtlokaal"))
    with db.reading() as s, i18n.language("fr_BE"):
        body = invitations.invitation_email(s, m.id).body.splitlines()
    assert "Heure\u00a0: 19:30" in body and "Lieu\u00a0: Buurtlokaal" in body
    assert "Ordre du jour\u00a0:" in body


def test_the_calendar_file_holds_the_meeting_in_the_groups_time_zone(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/07/2025", start_time="19:30",
                                                    end_time="21:00", place="Buurtlokaal, Lindelaan 12"))
        agenda.park_item(s, m.items[1].id)
        data = invitations.meeting_ics(s, m.id, now=datetime(2025, 7, 1, tzinfo=timezone.utc))
        all_day = invitations.meeting_ics(s, meetings.create_meeting(
            s, MeetingInput(type="informal", scheduled_on="20/07/2025")).id)
    calendar = icalendar.Calendar.from_ical(data)
    event = next(iter(calendar.walk("VEVENT")))
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.isoformat(), end.isoformat()) == ("2025-07-14T19:30:00+02:00", "2025-07-14T21:00:00+02:00")
    assert str(event["summary"]) == "Board meeting – Huurdersgroep De Linde"
    assert str(event["location"]) == "Buurtlokaal, Lindelaan 12"
    description = str(event["description"])
    assert "1. Opening and welcome" in description and "Approval of the agenda" not in description
    assert next(iter(calendar.walk("VTIMEZONE")))["tzid"] == "Europe/Brussels"
    assert b"TZID=Europe/Brussels" in data
    whole_day = next(iter(icalendar.Calendar.from_ical(all_day).walk("VEVENT")))
    assert whole_day.decoded("dtstart") == date(2025, 7, 20)


def test_a_dutch_group_gets_amsterdam_time(nl_db):
    with nl_db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="members", scheduled_on="14/01/2025", start_time="20:00"))
        data = invitations.meeting_ics(s, m.id)
    assert b"DTSTART;TZID=Europe/Amsterdam:20250114T200000" in data


def _offset_by_the_files_own_zone(data: bytes, when: datetime) -> str:
    """What a client that caches the zone by name does: build the zone from the file's VTIMEZONE alone
    (not from its own tz database) and use it for any later date."""
    block = next(iter(icalendar.Calendar.from_ical(data).walk("VTIMEZONE")))
    zone = block.to_tz(lookup_tzid=False)
    return when.replace(tzinfo=zone).strftime("%z")


def test_the_time_zone_block_holds_the_rules_for_every_year_not_one(db, group, nl_db):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025", start_time="19:30"))
        data = invitations.meeting_ics(s, m.id)
    with nl_db.transaction() as s:
        nl = invitations.meeting_ics(s, meetings.create_meeting(
            s, MeetingInput(type="members", scheduled_on="14/01/2025", start_time="20:00")).id)
    for zone_file in (data, nl):
        assert _offset_by_the_files_own_zone(zone_file, datetime(2031, 3, 31, 19, 30)) == "+0200"
    block = next(iter(icalendar.Calendar.from_ical(data).walk("VTIMEZONE")))
    assert {str(part["rrule"].to_ical(), "ascii") for part in block.subcomponents} == {
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"}
    for zone_file in (data, nl):
        assert _offset_by_the_files_own_zone(zone_file, datetime(2025, 1, 14, 19, 30)) == "+0100"
        assert _offset_by_the_files_own_zone(zone_file, datetime(2026, 7, 14, 19, 30)) == "+0200"
        assert _offset_by_the_files_own_zone(zone_file, datetime(2031, 11, 3, 19, 30)) == "+0100"
        assert _offset_by_the_files_own_zone(zone_file, datetime(2031, 3, 31, 19, 30)) == "+0200"
    assert b"TZID:Europe/Amsterdam" in nl
