"""Advice deadlines per shipped rule profile, the weekend rule and the Brussels silence rule."""
from datetime import date
from types import SimpleNamespace

import pytest

from huurdersgroep_app.core.rules import load_profile
from huurdersgroep_app.core.services.advices import deadlines as d

MONDAY = date(2026, 3, 2)


def test_next_working_day_moves_only_weekends():
    assert d.next_working_day(date(2026, 3, 6)) == date(2026, 3, 6)    # Friday stays
    assert d.next_working_day(date(2026, 3, 7)) == date(2026, 3, 9)    # Saturday → Monday
    assert d.next_working_day(date(2026, 3, 8)) == date(2026, 3, 9)    # Sunday → Monday
    assert d.next_working_day(date(2026, 3, 9)) == date(2026, 3, 9)


@pytest.mark.parametrize("region", ["vlaanderen", "nederland"])
def test_six_weeks_for_flanders_and_the_netherlands(region):
    profile = load_profile(region)
    assert d.advice_term_days(profile) == 42
    assert d.group_deadline(MONDAY, profile) == date(2026, 4, 13)
    # Requested on a Saturday: six weeks later is a Saturday too, so the term ends on Monday.
    assert d.group_deadline(date(2026, 3, 7), profile) == date(2026, 4, 20)
    assert d.group_deadline(date(2026, 3, 8), profile) == date(2026, 4, 20)


@pytest.mark.parametrize("region", ["vlaanderen", "nederland", "brussel"])
def test_landlord_reply_within_14_days_moved_off_weekends(region):
    profile = load_profile(region)
    assert d.reply_due(date(2026, 4, 17), profile) == date(2026, 5, 1)   # Friday + 14 = Friday
    assert d.reply_due(date(2026, 4, 18), profile) == date(2026, 5, 4)   # Saturday + 14 → Monday
    assert d.reply_due(date(2026, 4, 19), profile) == date(2026, 5, 4)   # Sunday + 14 → Monday


def test_brussels_counts_ten_days():
    profile = load_profile("brussel")
    assert d.advice_term_days(profile) == 10
    assert d.group_deadline(MONDAY, profile) == date(2026, 3, 12)
    assert d.group_deadline(date(2026, 3, 4), profile) == date(2026, 3, 16)  # Sat 14 March → Mon 16
    # The silence rule has no source found: off by default, marked "to verify", switched on per group.
    assert d.silence_deadline(MONDAY, profile) is None
    assert "verify" in profile.note("advice", "silence_is_favourable_days")
    switched_on = load_profile("brussel", {"advice.silence_is_favourable_days": 10})
    assert d.silence_deadline(MONDAY, switched_on) == date(2026, 3, 12)


@pytest.mark.parametrize("region", ["vlaanderen", "nederland"])
def test_no_silence_rule_outside_brussels(region):
    assert d.silence_deadline(MONDAY, load_profile(region)) is None


def test_weekend_rule_can_be_switched_off_and_terms_overridden():
    profile = load_profile("nederland", {"advice.weekend_moves_to_monday": False, "advice.advice_weeks": 8})
    assert d.group_deadline(date(2026, 3, 7), profile) == date(2026, 5, 2)  # a Saturday, kept
    assert load_profile("nederland").note("advice", "weekend_moves_to_monday").startswith("A deadline that falls")


def test_no_term_means_no_deadline():
    profile = load_profile("vlaanderen", {"advice.advice_weeks": 0, "advice.reply_days": 0})
    assert d.group_deadline(MONDAY, profile) is None
    assert d.reply_due(MONDAY, profile) is None


def _dossier(**kw):
    values = dict(kind="asked", status="requested", sent_on=None, silence_deadline=date(2026, 3, 12))
    values.update(kw)
    return SimpleNamespace(**values)


def test_silence_outcome_brussels():
    deadline = date(2026, 3, 12)
    assert d.silence_outcome(_dossier(), date(2026, 3, 12)) == d.SILENCE_PENDING
    assert d.silence_outcome(_dossier(status="drafting"), date(2026, 3, 13)) == d.SILENCE_FAVOURABLE
    assert d.silence_outcome(_dossier(status="sent", sent_on=deadline), date(2026, 4, 1)) == d.SILENCE_GIVEN
    late = _dossier(status="sent", sent_on=date(2026, 3, 13))
    assert d.silence_outcome(late, date(2026, 3, 20)) == d.SILENCE_FAVOURABLE
    assert d.silence_outcome(_dossier(status="withdrawn"), date(2026, 4, 1)) is None
    assert d.silence_outcome(_dossier(kind="own_initiative"), date(2026, 4, 1)) is None
    assert d.silence_outcome(_dossier(silence_deadline=None), date(2026, 4, 1)) is None


def test_silence_label_names_the_date():
    text = d.silence_label(d.SILENCE_FAVOURABLE, date(2026, 3, 12))
    assert "favourable" in text and "2026" in text
    assert d.silence_label(None, None) == ""


def test_days_left():
    assert d.days_left(date(2026, 3, 12), date(2026, 3, 10)) == 2
    assert d.days_left(date(2026, 3, 12), date(2026, 3, 14)) == -2
    assert d.days_left(None, date(2026, 3, 14)) is None
