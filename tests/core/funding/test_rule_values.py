"""Rule values per year: the newest entry applies to later years; the allowance warning uses the
caps of the entry's year (per year and per day in Belgium, per year and per month in NL)."""
from datetime import date
from decimal import Decimal as D

from funding_data import member

from huurdersgroep_app.core.rules import load_profile
from huurdersgroep_app.core.services.finance import allowances
from huurdersgroep_app.core.services.funding.rule_values import allowance_caps


def test_year_tables_pick_the_entry_of_the_year():
    flanders = load_profile("vlaanderen")
    assert (allowance_caps(flanders, 2025).per_day, allowance_caps(flanders, 2025).per_year) == (D("42.31"),
                                                                                                D("1692.51"))
    assert (allowance_caps(flanders, 2026).per_day, allowance_caps(flanders, 2026).per_year) == (D("44.02"),
                                                                                                D("1760.83"))
    assert allowance_caps(flanders, 2030).per_year == D("1760.83")  # the newest applies to later years
    assert "2026" in allowance_caps(flanders, 2026).note
    nl = load_profile("nederland")
    assert (allowance_caps(nl, 2025).per_year, allowance_caps(nl, 2025).per_month,
            allowance_caps(nl, 2025).per_hour) == (D("2100.00"), D("210.00"), D("5.60"))
    assert (allowance_caps(nl, 2026).per_year, allowance_caps(nl, 2026).per_month,
            allowance_caps(nl, 2026).per_hour) == (D("2200.00"), D("220.00"), D("5.75"))
    assert allowance_caps(load_profile("brussel"), 2026).per_day == D("44.02")
    override = load_profile("vlaanderen", {"finance.volunteer_allowance.2026.per_year": "1800.00"})
    assert allowance_caps(override, 2026).per_year == D("1800.00") and allowance_caps(override, 2025).per_year == \
        D("1692.51")


def test_the_allowance_warning_uses_the_cap_of_the_entrys_year(db):
    with db.transaction() as s:
        a, b = member(s, "A"), member(s, "B")
        # € 1.700 is over the 2025 cap (€ 1.692,51) but under the 2026 cap (€ 1.760,83).
        _x, warning_2025 = allowances.add_allowance(s, a, 2025, "1700.00", days=50)
        _x, warning_2026 = allowances.add_allowance(s, b, 2026, "1700.00", days=50)
        assert allowances.allowance_cap(s, 2025) == D("1692.51") and allowances.allowance_cap(s, 2026) == D("1760.83")
        rows_2025 = allowances.allowance_rows(s, 2025)
        rows_2026 = allowances.allowance_rows(s, 2026)
    assert warning_2025 and "1,692.51" in warning_2025
    assert warning_2026 is None
    assert rows_2025[0].over_cap and not rows_2026[0].over_cap


def test_the_daily_cap_in_belgium(db):
    with db.transaction() as s:
        a = member(s, "A")
        _x, one_day = allowances.add_allowance(s, a, 2026, "45.00", paid_on=date(2026, 4, 1))
        _x, three_days = allowances.add_allowance(s, a, 2026, "120.00", paid_on=date(2026, 5, 1), days=3)
        _x, too_much = allowances.add_allowance(s, a, 2026, "140.00", paid_on=date(2026, 6, 1), days=3)
    assert one_day and "daily maximum of €44.02" in one_day
    assert "120.00" not in (three_days or "")
    assert too_much and "€140.00 for 3 days" in too_much


def test_the_monthly_cap_in_the_netherlands(nl_db):
    with nl_db.transaction() as s:
        a = member(s, "A")
        _x, fine = allowances.add_allowance(s, a, 2026, "220.00", paid_on=date(2026, 3, 31))
        _x, over = allowances.add_allowance(s, a, 2026, "10.00", paid_on=date(2026, 3, 31))
        _x, last_year = allowances.add_allowance(s, a, 2025, "220.00", paid_on=date(2025, 3, 31))
    assert fine is None
    assert over and "monthly maximum of €220.00" in over
    assert last_year and "monthly maximum of €210.00" in last_year
