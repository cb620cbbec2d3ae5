"""The group's rules in Settings: values with their kind and note, changed all or none."""
from datetime import date
from decimal import Decimal

import pytest

from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.services import group_rules, organisation
from huurdersgroep_app.core.services.advices import deadlines


def _row(s, dotted):
    return next(r for r in group_rules.rule_rows(s) if r.dotted == dotted)


def test_rows_show_the_value_its_kind_and_its_source(db):
    with db.reading() as s:
        row = _row(s, "advice.advice_weeks")
        assert (row.value, row.shipped, row.changed, row.kind, row.kind_label) == (6, 6, False, "default", "default")
        assert "agreed with the landlord" in row.note and "6 weeks" in row.note
        assert _row(s, "privacy.financial_records_years").kind == "law"
        assert _row(s, "finance.funding_norm_per_dwelling").value == Decimal("6.17")
        assert "invitation_days_annual_meeting" in {r.dotted.split(".")[1] for r in group_rules.rule_rows(s)}
        assert _row(s, "meetings.invitation_days_other").note  # the family's note speaks for it


def test_a_change_is_stored_and_used_and_a_bad_value_changes_nothing(db):
    with db.transaction() as s:
        group_rules.set_rules(s, {"advice.advice_weeks": "8", "advice.weekend_moves_to_monday": False,
                                  "finance.funding_norm_per_dwelling": "7,50"})
    with db.reading() as s:
        row = _row(s, "advice.advice_weeks")
        assert (row.value, row.changed) == (8, True)
        profile = organisation.rule_profile(s)
        assert profile.get("advice", "advice_weeks") == 8
        assert profile.decimal("finance", "funding_norm_per_dwelling") == Decimal("7.50")
        # the advice deadline follows: 8 weeks after Monday 2 March 2026, a weekend no longer moved
        assert deadlines.group_deadline(date(2026, 3, 2), profile) == date(2026, 4, 27)
    with pytest.raises(ValidationError) as refused:
        with db.transaction() as s:
            group_rules.set_rules(s, {"advice.reply_days": "21", "advice.advice_weeks": "-1",
                                      "board.term_years": "drie"})
    assert set(refused.value.problems) == {"advice.advice_weeks", "board.term_years"}
    assert "from 0 to 52" in refused.value.problems["advice.advice_weeks"]
    with db.reading() as s:
        assert _row(s, "advice.reply_days").value == 14  # nothing of the refused change was stored
        assert _row(s, "advice.advice_weeks").value == 8
    with pytest.raises(DomainError, match="does not exist"):
        with db.transaction() as s:
            group_rules.set_rules(s, {"advice.proposal_support_percent": 20})  # a Brussels rule only


def test_setting_the_regions_value_again_removes_the_groups_change(db):
    with db.transaction() as s:
        group_rules.set_rules(s, {"advice.advice_weeks": 8})
        group_rules.set_rules(s, {"advice.advice_weeks": 6})
    with db.reading() as s:
        assert "advice.advice_weeks" not in organisation.get_setting(s, "rules.overrides", {})
        assert group_rules.rule_phrase(s, "advice", "advice_weeks") == (
            "a default the group may change under Settings, Rules")
