"""Every rule a group can set says what kind of rule it is (law, default, proposal, to verify) and
where it comes from, in every region's profile."""
import pytest

from huurdersgroep_app.core.rules import REGIONS, load_profile
from huurdersgroep_app.core.rules.profiles import RULE_KINDS
from huurdersgroep_app.core.services.group_rules import RULES


@pytest.mark.parametrize("region", REGIONS)
def test_every_settable_rule_of_every_profile_has_a_kind_and_a_source_note(region):
    profile = load_profile(region)
    present = [spec for spec in RULES if profile.shipped(spec.section, spec.key) is not None]
    assert len(present) >= 14  # the common rules are in every profile
    for spec in present:
        assert profile.kind(spec.section, spec.key) in RULE_KINDS, (region, spec.key)
        assert profile.note(spec.section, spec.key), (region, spec.key)
    assert profile.kind("finance", "volunteer_allowance") == "law"


@pytest.mark.parametrize("region", REGIONS)
def test_every_kind_written_in_a_profile_is_a_known_kind(region):
    data = load_profile(region).data
    written = [(section, key, value) for section, values in data.items() if isinstance(values, dict)
               for key, value in values.items() if key.endswith("_kind")]
    assert written
    assert all(value in RULE_KINDS for _s, _k, value in written), written


def test_the_regions_differ_where_the_law_differs():
    assert load_profile("nederland").kind("advice", "advice_weeks") == "law"  # the Overlegwet
    assert load_profile("vlaanderen").kind("advice", "advice_weeks") == "default"  # agreed with the landlord
    assert load_profile("brussel").kind("advice", "advice_days") == "to_verify"
    assert load_profile("vlaanderen").kind("finance", "funding_norm_per_dwelling") == "proposal"  # VIVAS
