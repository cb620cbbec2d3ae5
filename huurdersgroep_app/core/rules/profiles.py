"""Rule profiles: the shipped TOML files in resources/rules, with the group's own overrides.

A group may adjust any value (its statutes or its agreement with the landlord differ);
overrides are stored in the database setting ``rules.overrides`` as {"section.key": value}.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from huurdersgroep_app import paths
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import N_, _

REGIONS = ("vlaanderen", "nederland", "brussel")
RULE_KINDS = ("law", "default", "proposal", "to_verify")
REGION_LABELS = {"vlaanderen": N_("Flanders"), "nederland": N_("The Netherlands"), "brussel": N_("Brussels")}


@lru_cache(maxsize=None)
def _shipped(region: str) -> dict:
    if region not in REGIONS:
        raise DomainError(_("Unknown region '{region}'. Choose one of: {choices}.").format(
            region=region, choices=", ".join(REGIONS)))
    with open(paths.RULES_DIR / f"{region}.toml", "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class RuleProfile:
    region: str
    data: dict
    overrides: dict = field(default_factory=dict)

    def get(self, section: str, key: str, default=None):
        dotted = f"{section}.{key}"
        if dotted in self.overrides:
            return self.overrides[dotted]
        return self.data.get(section, {}).get(key, default)

    def decimal(self, section: str, key: str, default: str = "0") -> Decimal:
        """Money and rates are stored as strings in TOML so they stay exact."""
        return Decimal(str(self.get(section, key, default)))

    def _about(self, section: str, key: str, suffix: str) -> str:
        """``key_note`` / ``key_kind``, else that of the nearest shorter name (``invitation_days_note``
        covers ``invitation_days_annual_meeting``): one note may speak for a family of values."""
        section_data = self.data.get(section, {})
        parts = key.split("_")
        for end in range(len(parts), 0, -1):
            found = section_data.get("_".join(parts[:end]) + suffix)
            if found:
                return found
        return ""

    def note(self, section: str, key: str) -> str:
        return self._about(section, key, "_note")

    def kind(self, section: str, key: str) -> str:
        """Where the value stands: law, default (usual practice), proposal (e.g. VIVAS) or to_verify."""
        return self._about(section, key, "_kind")

    def shipped(self, section: str, key: str, default=None):
        """The profile's own value, before the group's overrides."""
        return self.data.get(section, {}).get(key, default)

    @property
    def name(self) -> str:
        return self.data["profile"]["name"]

    @property
    def default_language(self) -> str:
        return self.data["profile"]["language"]

    @property
    def country(self) -> str:
        return self.data["profile"]["country"]


def load_profile(region: str, overrides: dict | None = None) -> RuleProfile:
    return RuleProfile(region=region, data=_shipped(region), overrides=dict(overrides or {}))
