"""Agendas: standard agendas per type from the rule profile and the group's own, items added,
moved, parked and moved on to a later meeting, attachments kept in the database."""
from __future__ import annotations

import pytest

from huurdersgroep_app.core.db.models.meetings import AgendaItem, MeetingAttachment
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services.meetings import agenda
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.meetings import minutes
from huurdersgroep_app.core.services.meetings import attachments
from huurdersgroep_app.core.services.meetings.agenda import AgendaItemInput, StandardItem
from huurdersgroep_app.core.services.meetings.record import load_meeting
from huurdersgroep_app.core.services.meetings.lifecycle import MeetingInput
from huurdersgroep_app.i18n import language

import meeting_group

ANNUAL_TEMPLATE = ["Opening and welcome", "Minutes of the last annual meeting", "Activity report of the past year",
                   "Financial report of the past year", "Report of the audit committee",
                   "Approval of the annual accounts", "Discharge of the board", "Elections",
                   "Plans and budget for the coming year", "Appointment of the audit committee", "Questions",
                   "Closing"]


@pytest.fixture
def group(db):
    return meeting_group.build(db)


def titles(s, meeting_id):
    return [i.title for i in load_meeting(s, meeting_id).items]


def test_the_annual_meeting_follows_the_profile_template(db, group):
    with db.transaction() as s:
        m = meetings.create_annual_meeting(s, "29/03/2025", "10:00", "Zaal")
        assert titles(s, m.id) == ANNUAL_TEMPLATE
        assert [i.key for i in load_meeting(s, m.id).items][:2] == ["opening", "last_annual_minutes"]


@pytest.mark.parametrize("region", ["vlaanderen", "nederland", "brussel"])
@pytest.mark.parametrize("lang, approval, discharge", [
    ("nl_BE", "Goedkeuring van de jaarrekening", "Kwijting"), ("fr_BE", "Approbation des comptes annuels", ""),
    ("en", "Approval of the annual accounts", "Discharge of the board")])
def test_the_annual_accounts_are_approved_before_the_discharge_in_every_profile(region, lang, approval, discharge):
    from huurdersgroep_app import i18n
    from huurdersgroep_app.core.rules.profiles import _shipped
    keys = _shipped(region)["meetings"]["agenda"]["annual"]
    assert keys.index("audit_report") < keys.index("accounts_approval") == keys.index("discharge") - 1
    i18n.set_language(lang)
    title = agenda.StandardItem(key="accounts_approval").display_title
    assert title == approval
    assert not discharge or agenda.StandardItem(key="discharge").display_title.startswith(discharge)


def test_standard_agendas_differ_per_type_and_informal_meetings_have_none(db, group):
    with db.transaction() as s:
        board_titles = [i.display_title for i in agenda.standard_agenda(s, "board")]
        consultation = [i.key for i in agenda.standard_agenda(s, "consultation")]
        informal = meetings.create_meeting(s, MeetingInput(type="informal", scheduled_on="01/02/2025"))
    assert board_titles[:3] == ["Opening and welcome", "Approval of the agenda",
                                "Approval of the minutes of the previous meeting"]
    assert board_titles[-2:] == ["Any other business", "Closing"]
    assert "Review of open action points" in board_titles
    assert "maintenance" in consultation and "mail" not in consultation
    assert informal.items == []


def test_the_standard_agenda_is_shown_in_the_language_of_the_moment(db, group):
    with db.reading() as s, language("nl_BE"):
        first = agenda.standard_agenda(s, "board")[0]
    assert first.key == "opening"  # the title follows the catalog; the key stays


def test_the_group_edits_its_standard_agenda_and_can_go_back_to_the_profile(db, group):
    with db.transaction() as s:
        agenda.set_standard_agenda(s, "board", [StandardItem("opening"), StandardItem(title="Buurtfeest"),
                                                StandardItem("action_review", title="Actielijst"),
                                                StandardItem("closing")])
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025"))
        assert titles(s, m.id) == ["Opening and welcome", "Buurtfeest", "Actielijst", "Closing"]
        assert load_meeting(s, m.id).review_item_id is not None  # renamed, still the review item
        with pytest.raises(ValidationError):
            agenda.set_standard_agenda(s, "board", [StandardItem()])
        with pytest.raises(ValidationError):
            agenda.set_standard_agenda(s, "board", [StandardItem("no_such_item")])
        restored = agenda.reset_standard_agenda(s, "board")
    assert len(restored) == 12


def test_new_items_go_before_any_other_business_and_can_be_moved(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="working_group", scheduled_on="14/01/2025"))
        item = agenda.add_item(s, m.id, AgendaItemInput("Tuinplan", "Plan voor het grasplein", "Gert", "tenant"))
        assert titles(s, m.id) == ["Opening and welcome", "Approval of the minutes of the previous meeting",
                                   "Review of open action points", "Tuinplan", "Any other business", "Closing"]
        agenda.move_item(s, item.id, 1)
        assert titles(s, m.id)[0] == "Tuinplan"
        agenda.add_item(s, m.id, AgendaItemInput("Laatste punt"), position=99)
        assert titles(s, m.id)[-1] == "Laatste punt"
        ids = [i.id for i in load_meeting(s, m.id).items]
        agenda.reorder_items(s, m.id, list(reversed(ids)))
        assert titles(s, m.id)[0] == "Laatste punt"
        assert [i.position for i in load_meeting(s, m.id).items] == list(range(1, 8))
        with pytest.raises(ValidationError):
            agenda.reorder_items(s, m.id, ids[:-1])
        with pytest.raises(ValidationError) as exc:
            agenda.add_item(s, m.id, AgendaItemInput(" ", origin="council"))
    assert set(exc.value.problems) == {"title", "origin"}


def test_a_parked_item_moves_to_a_later_meeting_with_its_attachments(db, group):
    with db.transaction() as s:
        first = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025"))
        later = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="11/02/2025"))
        item = agenda.add_item(s, first.id, AgendaItemInput("Fietsenstalling", introduced_by="Dirk"))
        attachments.add_attachment(s, first.id, "C:\\docs\\offerte.pdf", b"%PDF-1.4 test", agenda_item_id=item.id)
        agenda.park_item(s, item.id)
        assert [p.title for p in agenda.parked_items(s, "board")] == ["Fietsenstalling"]
        moved = agenda.move_item_to_meeting(s, item.id, later.id)
        assert agenda.parked_items(s) == []
        record = load_meeting(s, later.id)
        moved_record = next(i for i in record.items if i.id == moved.id)
        assert moved_record.introduced_by == "Dirk"
        assert [a.file_name for a in moved_record.attachments] == ["offerte.pdf"]
        assert attachments.attachment_data(s, moved_record.attachments[0].id) == ("offerte.pdf", b"%PDF-1.4 test")
        old = load_meeting(s, first.id)
        assert "Fietsenstalling" not in [i.title for i in old.agenda]
        assert [i.moved_to_meeting_id for i in old.parked_items] == [later.id]
        with pytest.raises(DomainError, match="already moved"):
            agenda.move_item_to_meeting(s, item.id, later.id)
        with pytest.raises(DomainError, match="moved to another meeting"):
            agenda.park_item(s, item.id, parked=False)


def test_an_item_with_decisions_cannot_be_removed(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025"))
        item = agenda.add_item(s, m.id, AgendaItemInput("Begroting"))
        spare = agenda.add_item(s, m.id, AgendaItemInput("Weg ermee"))
        minutes.add_decision(s, m.id, minutes.DecisionInput("Begroting goedgekeurd", agenda_item_id=item.id))
        with pytest.raises(DomainError, match="has decisions"):
            agenda.remove_item(s, item.id)
        agenda.remove_item(s, spare.id)
        assert "Weg ermee" not in titles(s, m.id)
        assert s.query(AgendaItem).filter_by(meeting_id=m.id).count() == 13


def test_attachments_are_checked_and_listed_without_their_bytes(db, group):
    with db.transaction() as s:
        m = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="14/01/2025"))
        other = meetings.create_meeting(s, MeetingInput(type="board", scheduled_on="11/02/2025"))
        a = attachments.add_attachment(s, m.id, "verslag.docx", b"x" * 10)
        assert a.mime.endswith("wordprocessingml.document") and a.size == 10
        with pytest.raises(ValidationError):
            attachments.add_attachment(s, m.id, "", b"x")
        with pytest.raises(ValidationError):
            attachments.add_attachment(s, m.id, "x.pdf", b"x", agenda_item_id=other.items[0].id)
        assert [x.file_name for x in load_meeting(s, m.id).attachments] == ["verslag.docx"]
        attachments.remove_attachment(s, a.id)
        assert s.query(MeetingAttachment).count() == 0
