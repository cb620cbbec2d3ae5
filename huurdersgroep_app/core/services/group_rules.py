"""The group's rules as the Settings page shows them: each value of the region's profile with the
group's own change, where it comes from (the profile's note) and what kind of rule it is — law,
a default (usual practice), a proposal (not binding), or a value still to verify — so a
secretary knows which ones the group may simply change and which ones a law sets.

Changes are stored as the profile's overrides (``organisation.set_rule_override``); a value set
back to the profile's own is no override any more."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from huurdersgroep_app.core.amounts import parse_amount, plain_text
from huurdersgroep_app.core.errors import DomainError, ValidationError
from huurdersgroep_app.core.rules.profiles import RULE_KINDS, RuleProfile
from huurdersgroep_app.core.services.organisation import get_setting, rule_profile, set_setting
from huurdersgroep_app.i18n import N_, _, format_money, rule_note

OVERRIDES_SETTING = "rules.overrides"


@dataclass(frozen=True)
class RuleSpec:
    section: str
    key: str
    label: str  # N_(): translated when shown
    value_type: str  # count | yesno | amount
    minimum: int = 0
    maximum: int = 1000
    unit: str = ""  # N_(): weeks, days, years, …


# The rules a group may set in Settings, in the order shown; a rule appears when the region's profile has it.
RULES = (
    RuleSpec("board", "term_years", N_("Length of a board term"), "count", 1, 10, N_("years")),
    RuleSpec("board", "minimum_board_size", N_("Smallest board"), "count", 1, 50, N_("members")),
    RuleSpec("board", "maximum_board_size", N_("Largest board"), "count", 1, 100, N_("members")),
    RuleSpec("board", "election_turnout_minimum_percent", N_("Turnout for a valid election"), "count", 0, 100, "%"),
    RuleSpec("meetings", "open_meetings_per_year", N_("Meetings open to all tenants per year"), "count", 0, 52),
    RuleSpec("meetings", "consultations_per_year", N_("Consultations with the landlord per year"), "count", 0, 52),
    RuleSpec("meetings", "invitation_days_annual_meeting", N_("Invitation before the annual meeting"), "count", 0,
             90, N_("days")),
    RuleSpec("meetings", "invitation_days_other", N_("Invitation before other meetings"), "count", 0, 90,
             N_("days")),
    RuleSpec("meetings", "proxies_per_holder", N_("Proxies one member may hold"), "count", 0, 10),
    RuleSpec("meetings", "proxy_hand_in_days", N_("Proxy handed in before the meeting (0: at the sign-in)"), "count",
             0, 60, N_("days")),
    RuleSpec("meetings", "annual_report_months_after_year", N_("Annual report after the year ends"), "count", 0,
             24, N_("months")),
    RuleSpec("meetings", "audit_committee_minimum", N_("Smallest audit committee"), "count", 0, 10,
             N_("members")),
    RuleSpec("advice", "advice_weeks", N_("Term for the group's advice"), "count", 0, 52, N_("weeks")),
    RuleSpec("advice", "advice_days", N_("Extra days for the group's advice"), "count", 0, 365, N_("days")),
    RuleSpec("advice", "reply_days", N_("Term for the landlord's reply"), "count", 0, 365, N_("days")),
    RuleSpec("advice", "silence_is_favourable_days", N_("Advice counts as favourable after (0: never)"), "count", 0,
             365, N_("days")),
    RuleSpec("advice", "weekend_moves_to_monday", N_("A deadline on a weekend moves to Monday"), "yesno"),
    RuleSpec("advice", "proposal_support_percent", N_("Support needed to forward a proposal"), "count", 0, 100, "%"),
    RuleSpec("finance", "funding_norm_per_dwelling", N_("Starting rate of funding per dwelling"), "amount"),
    RuleSpec("finance", "accountability_months_after_year", N_("Accountability after the year ends"), "count", 0,
             24, N_("months")),
    RuleSpec("finance", "training_days_per_year", N_("Training days per year"), "count", 0, 100, N_("days")),
    RuleSpec("privacy", "former_member_contact_years", N_("Keep former members' contact details"), "count", 0, 50,
             N_("years")),
    RuleSpec("privacy", "former_contact_years", N_("Keep former contacts' details"), "count", 0, 50, N_("years")),
    RuleSpec("privacy", "financial_records_years", N_("Keep the books and vouchers"), "count", 0, 50, N_("years")),
)
SPECS = {f"{spec.section}.{spec.key}": spec for spec in RULES}

KIND_LABELS = {"law": N_("law"), "default": N_("default"), "proposal": N_("proposal"), "to_verify": N_("to verify")}
KIND_EXPLANATIONS = {
    "law": N_("Set by law: change it only when the law changes or your statutes are stricter."),
    "default": N_("A default (usual practice): set it to what your statutes or the landlord agreed."),
    "proposal": N_("A proposal, not a law: the group may agree another value."),
    "to_verify": N_("To verify: no source was found for this value; check it before relying on it."),
}
# How a screen that quotes a rule says which kind it is, in a sentence.
KIND_PHRASES = {
    "law": N_("set by law; see Settings, Rules"),
    "default": N_("a default the group may change under Settings, Rules"),
    "proposal": N_("a proposal, not a law; change it under Settings, Rules"),
    "to_verify": N_("to verify; change it under Settings, Rules"),
}


@dataclass(frozen=True)
class RuleRow:
    dotted: str  # "advice.advice_weeks": the key of set_rules
    label: str
    value_type: str
    value: object  # int, bool or Decimal, as the group has it
    shipped: object  # the region's own value
    changed: bool  # the group set its own value
    kind: str
    kind_label: str
    explanation: str
    note: str
    unit: str
    minimum: int
    maximum: int
    text: str  # the value as typed back into a field (an amount: 6,17)
    shipped_text: str  # the region's value in words ("6 weeks", "yes", "€ 6,17")


def _typed(spec: RuleSpec, value):
    if spec.value_type == "amount":
        return Decimal(str(value))
    if spec.value_type == "yesno":
        return bool(value)
    return int(value)


def _in_words(spec: RuleSpec, value) -> str:
    if spec.value_type == "yesno":
        return _("yes") if value else _("no")
    if spec.value_type == "amount":
        return format_money(value)
    return f"{value} {_(spec.unit) if spec.unit and spec.unit != '%' else spec.unit}".strip()


def rule_rows(session: Session) -> list[RuleRow]:
    profile = rule_profile(session)
    rows = []
    for spec in RULES:
        shipped = profile.shipped(spec.section, spec.key)
        if shipped is None:
            continue
        dotted = f"{spec.section}.{spec.key}"
        kind = profile.kind(spec.section, spec.key)
        value = _typed(spec, profile.get(spec.section, spec.key))
        rows.append(RuleRow(dotted, _(spec.label), spec.value_type, value, _typed(spec, shipped),
                            value != _typed(spec, shipped), kind, _(KIND_LABELS[kind]) if kind else "",
                            _(KIND_EXPLANATIONS[kind]) if kind else "", rule_note(profile.note(spec.section, spec.key)),
                            _(spec.unit) if spec.unit and spec.unit != "%" else spec.unit, spec.minimum, spec.maximum,
                            plain_text(value) if spec.value_type == "amount" else str(value),
                            _in_words(spec, _typed(spec, shipped))))
    return rows


def _clean(spec: RuleSpec, raw) -> object:
    """The value as stored in the overrides (TOML's own types: int, bool, a decimal as text)."""
    if spec.value_type == "yesno":
        if not isinstance(raw, bool):
            raise ValueError
        return raw
    if spec.value_type == "amount":
        amount = raw if isinstance(raw, Decimal) else parse_amount(str(raw))
        if amount < 0:
            raise ValueError
        return str(amount)
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.lstrip("-").isdigit():
        raise ValueError
    number = int(text)
    if not spec.minimum <= number <= spec.maximum:
        raise ValueError
    return number


def set_rules(session: Session, values: dict[str, object]) -> None:
    """Set the group's values (``{"advice.advice_weeks": 8, …}``), all or none: a value that
    cannot be read or lies outside its range is refused under its key and nothing is stored."""
    profile: RuleProfile = rule_profile(session)
    overrides = dict(get_setting(session, OVERRIDES_SETTING, {}))
    problems = {}
    for dotted, raw in values.items():
        spec = SPECS.get(dotted)
        if spec is None or profile.shipped(spec.section, spec.key) is None:
            raise DomainError(_("The rule '{rule}' does not exist in this region.").format(rule=dotted))
        try:
            value = _clean(spec, raw)
        except (ValueError, DomainError):
            problems[dotted] = (_("{rule}: choose yes or no.").format(rule=_(spec.label)) if spec.value_type == "yesno"
                                else _("{rule}: give an amount of 0 or more.").format(rule=_(spec.label))
                                if spec.value_type == "amount" else
                                _("{rule}: give a whole number from {low} to {high}.").format(
                                    rule=_(spec.label), low=spec.minimum, high=spec.maximum))
            continue
        if _typed(spec, value) == _typed(spec, profile.shipped(spec.section, spec.key)):
            overrides.pop(dotted, None)  # back to the region's value: it follows the profile again
        else:
            overrides[dotted] = value
    if problems:
        raise ValidationError(problems)
    set_setting(session, OVERRIDES_SETTING, overrides)


def rule_phrase(session: Session, section: str, key: str) -> str:
    """'a default the group may change under Settings, Rules': what a screen quoting the rule adds."""
    kind = rule_profile(session).kind(section, key)
    return _(KIND_PHRASES[kind]) if kind in RULE_KINDS else _("see Settings, Rules")
