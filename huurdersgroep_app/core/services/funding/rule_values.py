"""Rule values that change every year, kept in the rule profile as a table keyed by year:

    [[finance.volunteer_allowance]]
    from_year = 2026
    per_day = "44.02"
    per_year = "1760.83"
    note = "…source…"

The entry with the highest ``from_year`` not after the year applies (the newest also applies to
later years; a year before the first entry uses the first). A group's override for one year is
stored as ``finance.volunteer_allowance.<year>.<field>`` in the rule overrides.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from huurdersgroep_app.core.rules import RuleProfile
from huurdersgroep_app.i18n import rule_note


def year_entry(profile: RuleProfile, section: str, key: str, year: int) -> dict:
    table = [e for e in (profile.get(section, key, []) or []) if isinstance(e, dict) and "from_year" in e]
    if not table:
        return {}
    table.sort(key=lambda e: int(e["from_year"]))
    chosen = table[0]
    for entry in table:
        if int(entry["from_year"]) <= year:
            chosen = entry
    return chosen


def year_value(profile: RuleProfile, section: str, key: str, field: str, year: int, default=None):
    override = profile.overrides.get(f"{section}.{key}.{year}.{field}")
    if override is not None:
        return override
    return year_entry(profile, section, key, year).get(field, default)


def _money(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


@dataclass(frozen=True)
class AllowanceCaps:
    """The volunteer allowance maximums of a year; None where the region sets none."""

    year: int
    per_year: Decimal | None
    per_day: Decimal | None
    per_month: Decimal | None
    per_hour: Decimal | None
    note: str


def allowance_caps(profile: RuleProfile, year: int) -> AllowanceCaps:
    def value(field: str) -> Decimal | None:
        return _money(year_value(profile, "finance", "volunteer_allowance", field, year))

    if not year_entry(profile, "finance", "volunteer_allowance", year):
        # An older profile (or a group's override) with one flat yearly cap.
        flat = _money(profile.get("finance", "volunteer_allowance_cap_year"))
        return AllowanceCaps(year, flat, None, None, None,
                             rule_note(profile.note("finance", "volunteer_allowance_cap_year")))
    return AllowanceCaps(year, value("per_year"), value("per_day"), value("per_month"), value("per_hour"),
                         rule_note(year_entry(profile, "finance", "volunteer_allowance", year).get("note", "")))
