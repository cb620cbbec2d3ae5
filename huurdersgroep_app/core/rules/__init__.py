"""Jurisdiction rules as data: shipped TOML profiles, adjustable per group."""
from huurdersgroep_app.core.rules.profiles import REGIONS, RuleProfile, load_profile  # noqa: F401
