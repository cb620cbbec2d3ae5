"""The 'year of the group' strip: what is due, with dates."""
from datetime import date
from decimal import Decimal

from huurdersgroep_app.core.services.finance import budget, categories
from huurdersgroep_app.core.services.meetings import lifecycle as meetings
from huurdersgroep_app.core.services.year_of_group import year_of_group


def _lines(db, today):
    with db.reading() as s:
        return {line.key: (line.text, line.signal) for line in year_of_group(s, today).lines}


def test_a_new_group_in_december_sees_its_set_up_its_annual_meeting_and_next_years_budget(db):
    december = date(2026, 12, 3)
    lines = _lines(db, december)
    assert lines["setup"] == ("Setting up the group: 0 of 5 done.", None)
    assert lines["annual_meeting"] == ("No annual meeting is planned for 2026.", False)
    assert lines["budget"] == ("Budget 2027: not drawn up yet (Money, Budget).", None)
    assert lines["funding"][1] is True and "advice" not in lines
    with db.transaction() as s:
        meetings.create_annual_meeting(s, "15/03/2027")
        budget.set_budget_line(s, 2027, categories.list_categories(s)[0].id, Decimal("250.00"))
    lines = _lines(db, december)
    assert lines["annual_meeting"] == ("No annual meeting in 2026; the next one is planned on 15 Mar 2027.", None)
    assert lines["budget"] == ("Budget 2027: drawn up, not yet approved by the annual meeting.", None)


def test_this_years_budget_missing_in_spring_needs_attention(db):
    lines = _lines(db, date(2026, 4, 1))
    assert lines["budget"] == ("Budget 2026: not drawn up yet (Money, Budget).", False)
