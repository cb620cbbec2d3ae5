"""The signal register: reporters, follow-up, filters, unanswered signals, grouping into advice."""
from datetime import date

import pytest

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import contacts, organisation
from huurdersgroep_app.core.services.members import complexes
from huurdersgroep_app.core.services.members import members
from huurdersgroep_app.core.services.signals import register as reg
from huurdersgroep_app.core.services.signals import signals as sig
from huurdersgroep_app.core.services.deadline_overview import deadline_overview


@pytest.fixture
def setup(db):
    with db.transaction() as s:
        linde = complexes.add_complex(s, "De Linde", 80).id
        eik = complexes.add_complex(s, "De Eik", 40).id
        member = members.add_member(s, members.MemberInput(last_name="Janssens", first_name="Mia", street="Lindelaan",
                                                           house_number="4", box="2", complex_id=linde)).id
    return db, linde, eik, member


def _add(s, **kw):
    data = dict(reported_on=date(2026, 2, 1), category="damp_mould", description="Mould in the bathroom")
    data.update(kw)
    return sig.add_signal(s, sig.SignalInput(**data))


def test_reporters(setup):
    db, linde, _eik, member = setup
    with db.transaction() as s:
        by_member = _add(s, reporter_kind="member", member_id=member)
        assert (by_member.complex_id, by_member.street, by_member.box) == (linde, "Lindelaan", "2")
        assert sig.reporter_text(by_member) == "Mia Janssens"
        anon = _add(s, reporter_kind="anonymous", reporter_name="Someone", member_id=member, reporter_contact="x")
        assert (anon.member_id, anon.reporter_name, anon.reporter_contact) == (None, "", "")
        assert sig.reporter_text(anon) == "Anonymous"
        other = _add(s, reporter_kind="non_member", reporter_name="Karim B.", member_id=member)
        assert other.member_id is None and sig.reporter_text(other) == "Karim B."
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        _add(s, reporter_kind="non_member", category="weather", description=" ", reported_on=None, scope="all")
    assert set(exc.value.problems) == {"reporter_name", "category", "description", "reported_on", "scope"}
    with pytest.raises(ValidationError) as exc, db.transaction() as s:
        _add(s, reporter_kind="member", member_id=None, complex_id=999)
    assert set(exc.value.problems) == {"member_id", "complex_id"}


def test_follow_up(setup):
    db, linde, *_ = setup
    with db.transaction() as s:
        landlord = contacts.add_partner(s, contacts.PartnerInput(name="Wonen", kind="landlord"))
        tech = contacts.add_contact(s, contacts.ContactInput(partner_id=landlord.id, last_name="Claes"))
        signal = _add(s, complex_id=linde)
        with pytest.raises(ValidationError):
            sig.forward_signal(s, signal.id, date(2026, 1, 1), tech.id)
        sig.forward_signal(s, signal.id, date(2026, 2, 3), tech.id)
        assert (signal.status, signal.forwarded_to.last_name) == ("forwarded", "Claes")
        with pytest.raises(ValidationError):
            sig.record_answer(s, signal.id, "", date(2026, 2, 10))
        sig.record_answer(s, signal.id, "Contractor comes on 20 February", date(2026, 2, 10))
        sig.resolve_signal(s, signal.id, date(2026, 2, 21))
        assert (signal.status, signal.resolved_on) == ("resolved", date(2026, 2, 21))
        with pytest.raises(DomainError, match="already finished"):
            sig.forward_signal(s, signal.id, date(2026, 2, 22))
        sig.reopen_signal(s, signal.id)
        assert (signal.status, signal.resolved_on) == ("answered", None)
        sig.set_status(s, signal.id, "closed")
        assert signal.status == "closed"
        with pytest.raises(DomainError):
            sig.set_status(s, signal.id, "forwarded")


def test_register_filters(setup):
    db, linde, eik, _member = setup
    with db.transaction() as s:
        _add(s, complex_id=linde, reported_on=date(2026, 1, 10))
        _add(s, complex_id=linde, category="heating", reported_on=date(2026, 2, 10), description="Cold radiator")
        _add(s, complex_id=eik, reported_on=date(2026, 3, 10), confidential=True, description="Neighbour threatens")
        resolved = _add(s, complex_id=eik, category="heating", reported_on=date(2026, 3, 12))
        sig.resolve_signal(s, resolved.id, date(2026, 3, 20))
    with db.reading() as s:
        def ids(**kw):
            return [r.description for r in reg.signal_rows(s, reg.SignalFilter(**kw))]
        assert len(ids()) == 4
        assert ids(complex_id=eik, include_confidential=False) == ["Mould in the bathroom"]
        assert ids(category="heating", complex_id=linde) == ["Cold radiator"]
        assert len(ids(date_from=date(2026, 2, 1), date_to=date(2026, 3, 10))) == 2
        assert ids(status="resolved") == ["Mould in the bathroom"]
        assert len(ids(open_only=True)) == 3
        assert ids(text="radiator") == ["Cold radiator"]
        shared = reg.shareable_signals(s, date(2026, 1, 1), date(2026, 12, 31), include_confidential=True)
        assert len(shared) == 3 and not any(x.confidential for x in shared)


def test_unanswered_signals_use_the_setting(setup):
    db, linde, *_ = setup
    with db.transaction() as s:
        old = _add(s, complex_id=linde, reported_on=date(2026, 3, 1))
        _add(s, complex_id=linde, reported_on=date(2026, 3, 20))
        answered = _add(s, complex_id=linde, reported_on=date(2026, 3, 1))
        sig.record_answer(s, answered.id, "Done", date(2026, 3, 3))
        overview = deadline_overview(s, date(2026, 3, 25))
        assert overview.unanswered_after_days == 14
        assert [i.signal_id for i in overview.signals_unanswered] == [old.id]
        assert overview.signals_unanswered[0].days_left == -10
        organisation.set_setting(s, sig.UNANSWERED_DAYS_SETTING, 3)
        assert len(deadline_overview(s, date(2026, 3, 25)).signals_unanswered) == 2


def test_group_signals_into_an_own_initiative_advice(setup):
    db, linde, eik, _member = setup
    with db.transaction() as s:
        damp = [_add(s, complex_id=linde, reported_on=date(2026, 1, d)).id for d in range(1, 13)]
        _add(s, complex_id=eik)
        _add(s, complex_id=linde, category="heating")
        found = reg.clusters(s, min_count=3)
        assert [(c.complex_id, c.category, c.count) for c in found] == [(linde, "damp_mould", 12)]
        assert found[0].describe() == "12 signals about damp and mould in De Linde"
        advice = reg.advice_from_signals(s, found[0].signal_ids, "Damp in De Linde", "maintenance", date(2026, 2, 1))
        assert (advice.kind, advice.status, advice.scope) == ("own_initiative", "drafting", "one_complex")
        assert [c.id for c in advice.complexes] == [linde]
        assert sorted(r.id for r in reg.signal_rows(s, reg.SignalFilter(advice_id=advice.id))) == damp
        assert reg.clusters(s, min_count=3) == []
        rest = [r.id for r in reg.signal_rows(s, reg.SignalFilter(unlinked_only=True))]
        other = reg.advice_from_signals(s, rest, "Various", "other", date(2026, 2, 2))
        assert other.scope == "several"
        with pytest.raises(DomainError, match="already belongs to dossier ADV-2026-01"):
            reg.link_signals(s, [damp[0]], other.id)
        reg.unlink_signals(s, [damp[0]])
        assert reg.link_signals(s, [damp[0]], other.id) == 1
        with pytest.raises(ValidationError):
            reg.link_signals(s, [], other.id)


def test_unanswered_days_setting_is_checked(db):
    with db.transaction() as s:
        assert sig.unanswered_days(s) == 14
        assert sig.set_unanswered_days(s, "21") == 21
        assert sig.unanswered_days(s) == 21
        for wrong in ("", "zero", 0, 400):
            with pytest.raises(ValidationError):
                sig.set_unanswered_days(s, wrong)
        assert sig.unanswered_days(s) == 21
