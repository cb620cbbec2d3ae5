"""Advice dossiers: references, deadlines per profile, the steps and their refusals, versions kept."""
from datetime import date

import pytest

from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.models.advices import Advice
from huurdersgroep_app.core.errors import DomainError, NotFoundError, ValidationError
from huurdersgroep_app.core.services import contacts
from huurdersgroep_app.core.services.advices import actions as advice_actions
from huurdersgroep_app.core.services.advices import dossiers as a
from huurdersgroep_app.core.services.advices import steps
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.core.services.advices import deadlines
from huurdersgroep_app.core.services.deadline_overview import deadline_overview


def _asked(s, requested_on=date(2026, 3, 2), **kw):
    data = dict(title="New heating", topic="maintenance", requested_on=requested_on)
    data.update(kw)
    return a.create_advice(s, a.AdviceInput(**data))


@pytest.fixture
def brussels_db(tmp_path):
    database = Database(tmp_path / "bxl.sqlite", create=True, backup_on_close=False)
    with database.transaction() as s:
        organisation.create_organisation(s, organisation.OrganisationInput(name="Conseil", region="brussel",
                                                                           language="en"))
        # The 10-day silence rule is off by default (no source found); this council's regulation has it.
        organisation.set_rule_override(s, "advice", "silence_is_favourable_days", 10)
    yield database
    database.close()


def test_reference_numbers_per_year(db):
    with db.transaction() as s:
        refs = [_asked(s, date(2025, 11, 3)).reference, _asked(s, date(2026, 1, 5)).reference,
                _asked(s, date(2026, 2, 2)).reference, _asked(s, date(2025, 12, 1)).reference]
    assert refs == ["ADV-2025-01", "ADV-2026-01", "ADV-2026-02", "ADV-2025-02"]


def test_own_initiative_starts_drafting_and_asked_starts_requested(db):
    with db.transaction() as s:
        assert _asked(s).status == "requested"
        assert _asked(s, kind="own_initiative").status == "drafting"


def test_validation_lists_every_problem(db):
    with db.transaction() as s:
        cid = complexes.add_complex(s, "De Linde", 80).id
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        a.create_advice(s, a.AdviceInput(title="", kind="maybe", topic="weather", scope="several",
                                         complex_ids=[cid], requested_on="32/01/2026"))
    assert set(exc.value.problems) == {"title", "kind", "topic", "complex_ids", "requested_on"}
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        a.create_advice(s, a.AdviceInput(title="x", scope="one_complex", complex_ids=[cid, 999],
                                         requested_on=date(2026, 1, 1)))
    assert "does not exist" in exc.value.problems["complex_ids"]
    with db.reading() as s:
        assert s.query(Advice).count() == 0


def test_deadlines_follow_the_profile(db, nl_db, brussels_db):
    for database, deadline, silence in ((db, date(2026, 4, 13), None), (nl_db, date(2026, 4, 13), None),
                                        (brussels_db, date(2026, 3, 12), date(2026, 3, 12))):
        with database.transaction() as s:
            advice = _asked(s)
            assert (advice.computed_deadline, advice.group_deadline, advice.silence_deadline) == \
                (deadline, deadline, silence)


def test_brussels_silence_rule_on_a_dossier(brussels_db):
    with brussels_db.transaction() as s:
        advice = _asked(s, date(2026, 3, 4))  # ten days later is a Saturday
        assert advice.silence_deadline == date(2026, 3, 16)
        assert deadlines.silence_outcome(advice, date(2026, 3, 16)) == deadlines.SILENCE_PENDING
        assert deadlines.silence_outcome(advice, date(2026, 3, 17)) == deadlines.SILENCE_FAVOURABLE
        a.set_group_deadline(s, advice.id, date(2026, 3, 31), "agreed with the landlord")
        assert deadlines.silence_outcome(advice, date(2026, 3, 17)) == deadlines.SILENCE_PENDING
        steps.save_draft(s, advice.id, "We agree.", on=date(2026, 3, 20))
        steps.approve(s, advice.id, date(2026, 3, 25))
        steps.mark_sent(s, advice.id, date(2026, 3, 26))
        assert deadlines.silence_outcome(advice, date(2026, 5, 1)) == deadlines.SILENCE_GIVEN


def test_deadline_is_editable_and_resettable(db):
    with db.transaction() as s:
        advice = _asked(s)
        a.set_group_deadline(s, advice.id, date(2026, 5, 1), "Agreed eight weeks", on=date(2026, 3, 3))
        assert (advice.group_deadline, advice.computed_deadline) == (date(2026, 5, 1), date(2026, 4, 13))
        # A new request date moves the computed term, but not one the user agreed.
        a.update_advice(s, advice.id, a.AdviceInput(title="New heating", topic="maintenance",
                                                    requested_on=date(2026, 3, 9)))
        assert (advice.group_deadline, advice.computed_deadline) == (date(2026, 5, 1), date(2026, 4, 20))
        a.set_group_deadline(s, advice.id, None)
        assert advice.group_deadline == date(2026, 4, 20)
        with pytest.raises(ValidationError):
            a.set_group_deadline(s, advice.id, date(2026, 1, 1))


def test_full_path_and_versions_kept(db):
    with db.transaction() as s:
        landlord = contacts.add_partner(s, contacts.PartnerInput(name="Woonmaatschappij Gent", kind="landlord"))
        boss = contacts.add_contact(s, contacts.ContactInput(partner_id=landlord.id, last_name="Peeters",
                                                             department="management"))
        advice = _asked(s)
        v1 = steps.save_draft(s, advice.id, "First text.", note="chair's draft", on=date(2026, 3, 5))
        v2 = steps.save_draft(s, advice.id, "Second text.", on=date(2026, 3, 9))
        assert advice.status == "drafting"
        steps.record_consultation(s, advice.id, "Tenants' meeting, 23 present, agreed.", on=date(2026, 3, 16))
        assert advice.status == "consulting"
        steps.approve(s, advice.id, date(2026, 3, 20), "Board meeting of 20 March, decision 4")
        steps.mark_sent(s, advice.id, date(2026, 3, 21))  # a Saturday
        assert (advice.addressee.id, advice.reply_due) == (boss.id, date(2026, 4, 6))
        steps.record_reply(s, advice.id, "partly", date(2026, 4, 2), reasons="Budget", planning="Phase 1 in 2027")
        steps.close_advice(s, advice.id, date(2026, 4, 10))
    with db.reading() as s:
        advice = a.get_advice(s, advice.id)
        assert [(v.number, v.body, v.saved_on) for v in advice.versions] == [
            (1, "First text.", date(2026, 3, 5)), (2, "Second text.", date(2026, 3, 9))]
        assert advice.versions[0].note == "chair's draft" and advice.latest_version.id == v2.id != v1.id
        assert (advice.status, advice.reply_outcome, advice.reply_planning) == ("closed", "partly", "Phase 1 in 2027")
        texts = [e.text for e in steps.timeline(advice)]
        assert texts[0] == "Dossier opened"
        assert "Draft 1 saved" in texts and "Draft 2 saved" in texts
        assert "Status: Sent → Reply received" in texts and texts[-1] == "Status: Reply received → Closed"
        reply = [e for e in steps.timeline(advice) if e.text == "Landlord's reply received"]
        assert reply[0].detail == "Partly followed"


def test_invalid_steps_are_refused_with_the_possible_ones(db):
    with db.transaction() as s:
        advice_id = _asked(s).id
    with pytest.raises(DomainError) as exc, db.transaction() as s:
        steps.mark_sent(s, advice_id, date(2026, 3, 10))
    assert str(exc.value) == ("A dossier that is 'Requested' cannot become 'Sent'. Possible next steps: "
                              "Drafting, Consulting members, Withdrawn.")
    with pytest.raises(DomainError, match="Save a draft"), db.transaction() as s:
        steps.change_status(s, advice_id, "drafting")
        steps.approve(s, advice_id, date(2026, 3, 10))
    with pytest.raises(DomainError, match="cannot become 'Reply received'"), db.transaction() as s:
        steps.record_reply(s, advice_id, "followed", date(2026, 3, 10))
    with db.transaction() as s:
        steps.withdraw(s, advice_id, date(2026, 3, 12), "Landlord dropped the plan")
    with pytest.raises(DomainError, match="cannot change any more"), db.transaction() as s:
        steps.change_status(s, advice_id, "drafting")
    with pytest.raises(DomainError, match="no longer change"), db.transaction() as s:
        steps.save_draft(s, advice_id, "Too late")
    with db.reading() as s:
        advice = a.get_advice(s, advice_id)
        assert advice.status == "withdrawn" and advice.versions == []
    with pytest.raises(NotFoundError), db.reading() as s:
        a.get_advice(s, 999)


def test_drafts_after_approval_reopen_and_identical_draft_is_refused(db):
    with db.transaction() as s:
        advice = _asked(s)
        steps.save_draft(s, advice.id, "Text")
        with pytest.raises(DomainError, match="Nothing changed"):
            steps.save_draft(s, advice.id, " Text ")
        with pytest.raises(ValidationError):
            steps.save_draft(s, advice.id, "   ")
        steps.approve(s, advice.id, date(2026, 3, 10))
        steps.save_draft(s, advice.id, "Text, corrected")
        assert advice.status == "drafting" and len(advice.versions) == 2
        assert advice.approved_on == date(2026, 3, 10)


def test_reply_before_sending_date_refused_and_outcome_checked(db):
    with db.transaction() as s:
        advice = _asked(s)
        steps.save_draft(s, advice.id, "Text")
        steps.approve(s, advice.id, date(2026, 3, 10))
        steps.mark_sent(s, advice.id, date(2026, 3, 11))
        assert advice.addressee is None  # no landlord contact registered yet
        with pytest.raises(ValidationError) as exc:
            steps.record_reply(s, advice.id, "maybe", date(2026, 3, 12))
        assert "reply_outcome" in exc.value.problems
        with pytest.raises(ValidationError):
            steps.record_reply(s, advice.id, "followed", date(2026, 3, 1))
        with pytest.raises(DomainError, match="Record the landlord's reply"):
            steps.change_status(s, advice.id, "replied")


def test_action_points(db):
    with db.transaction() as s:
        advice = _asked(s)
        first = advice_actions.add_action(s, advice.id, "Check the planning", "Secretary", "01/06/2026")
        advice_actions.add_action(s, advice.id, "Inform tenants", "Chair", date(2026, 5, 1))
        with pytest.raises(ValidationError):
            advice_actions.add_action(s, advice.id, " ")
        assert [x.what for x in advice_actions.open_actions(s)] == ["Inform tenants", "Check the planning"]
        advice_actions.set_action_done(s, first.id, date(2026, 6, 2))
        assert [x.what for x in advice_actions.open_actions(s)] == ["Inform tenants"]
        assert advice_actions.open_actions(s, on=date(2026, 4, 1)) == []


def test_rows_and_overview(db):
    today = date(2026, 4, 6)
    with db.transaction() as s:
        due_soon = _asked(s, date(2026, 3, 2), title="Due soon")          # deadline 13 April
        _asked(s, date(2026, 4, 1), title="Far away")                      # deadline 13 May
        late = _asked(s, date(2026, 1, 5), title="Late reply")
        steps.save_draft(s, late.id, "x", on=date(2026, 1, 10))
        steps.approve(s, late.id, date(2026, 1, 20))
        steps.mark_sent(s, late.id, date(2026, 1, 21))                          # reply due 4 February
        done = _asked(s, date(2026, 2, 2), title="Withdrawn")
        steps.withdraw(s, done.id, date(2026, 2, 3))
        overview = deadline_overview(s, today)
        assert [(i.title, i.days_left) for i in overview.advice_due] == [("Due soon", 7)]
        assert [(i.reference, i.days_left) for i in overview.replies_overdue] == [(late.reference, -61)]
        rows = a.advice_rows(s, open_only=True)
        assert {r.title for r in rows} == {"Due soon", "Far away", "Late reply"}
        assert {r.title for r in a.advice_rows(s)} == {"Due soon", "Far away", "Late reply", "Withdrawn"}
        assert due_soon.id in {r.id for r in a.advice_rows(s, status="requested")}


def test_advice_record_for_the_dossier_page(db):
    from huurdersgroep_app.core.services.advices.record import advice_record
    from huurdersgroep_app.core.services.signals import signals as sig
    from huurdersgroep_app.core.services.signals import register as reg

    with db.transaction() as s:
        cid = complexes.add_complex(s, "De Linde", 80).id
        advice = _asked(s, scope="one_complex", complex_ids=[cid])
        a.set_group_deadline(s, advice.id, date(2026, 4, 30), on=date(2026, 3, 3))
        steps.save_draft(s, advice.id, "One", note="first", on=date(2026, 3, 4))
        steps.save_draft(s, advice.id, "Two", on=date(2026, 3, 5))
        advice_actions.add_action(s, advice.id, "Ask the planning", "Chair", date(2026, 4, 1))
        signal = sig.add_signal(s, sig.SignalInput(reported_on=date(2026, 2, 1), category="heating",
                                                   description="Cold", complex_id=cid))
        reg.link_signals(s, [signal.id], advice.id, on=date(2026, 3, 6))
    with db.reading() as s:
        record = advice_record(s, advice.id, today=date(2026, 4, 20))
    assert (record.reference, record.status_label, record.complex_names) == ("ADV-2026-01", "Drafting", ("De Linde",))
    assert (record.group_deadline, record.computed_deadline, record.deadline_edited, record.days_left) == (
        date(2026, 4, 30), date(2026, 4, 13), True, 10)
    assert [(v.number, v.body, v.note) for v in record.versions] == [(1, "One", "first"), (2, "Two", "")]
    assert record.next_statuses == ("consulting", "approved", "withdrawn")
    assert [x.what for x in record.actions] == ["Ask the planning"] and record.signal_count == 1
    assert [e.text for e in record.timeline][-1] == "Signals linked"
    assert record.silence is None and record.silence_text == "" and not record.reply_overdue


def test_delete_only_before_sending(db):
    with db.transaction() as s:
        mistake = _asked(s)
        sent = _asked(s)
        steps.save_draft(s, sent.id, "x")
        steps.approve(s, sent.id, date(2026, 3, 10))
        steps.mark_sent(s, sent.id, date(2026, 3, 11))
        a.delete_advice(s, mistake.id)
        with pytest.raises(DomainError, match="cannot be deleted"):
            a.delete_advice(s, sent.id)
        assert [r.id for r in a.advice_rows(s)] == [sent.id]


def test_brussels_agreed_term_survives_an_edit(tmp_path):
    database = Database(tmp_path / "bxl.sqlite", create=True, backup_on_close=False)
    try:
        with database.transaction() as s:
            organisation.create_organisation(s, organisation.OrganisationInput(name="Conseil", region="brussel",
                                                                               language="en"))
            organisation.set_rule_override(s, "advice", "silence_is_favourable_days", 10)  # off by default
            advice = _asked(s, date(2026, 3, 2))
            a.set_group_deadline(s, advice.id, date(2026, 3, 31), "agreed")
            a.update_advice(s, advice.id, a.AdviceInput(title="Renamed", topic="maintenance",
                                                        requested_on=date(2026, 3, 3)))
            assert (advice.group_deadline, advice.silence_deadline, advice.computed_deadline) == (
                date(2026, 3, 31), date(2026, 3, 31), date(2026, 3, 13))
            a.update_advice(s, advice.id, a.AdviceInput(title="Own", kind="own_initiative", topic="maintenance",
                                                        requested_on=date(2026, 3, 3)))
            assert advice.silence_deadline is None  # silence means nothing for the group's own initiative
    finally:
        database.close()
