"""A funder's conditions, as data: catalogue checks with parameters, or the funder's own words.
The rule profile gives the region's default set (``[[funding_conditions.items]]``); a group
copies it to a funder and edits it. Per year the user adds evidence (a note or a file)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.funding import ConditionEvidence, FundingCondition
from huurdersgroep_app.core.errors import NotFoundError, ValidationError
from huurdersgroep_app.core.rules import RuleProfile
from huurdersgroep_app.core.services.finance.common import read_date
from huurdersgroep_app.core.services.funding.catalogue import CONFIRM, catalogue, get_check
from huurdersgroep_app.core.services.funding.funders import get_funder
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.core.services.lookup import get_or_raise
from huurdersgroep_app.i18n import N_, _

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024


def profile_conditions(profile: RuleProfile) -> list[dict]:
    """The region's default conditions: dicts with ``check``, ``params``, ``text`` and ``note``."""
    items = profile.get("funding_conditions", "items", []) or []
    return [dict(check=i.get("check", CONFIRM), params=dict(i.get("params", {})), text=i.get("text", ""),
                 note=i.get("note", "")) for i in items if isinstance(i, dict)]


def _clean_params(check_key: str, params: dict | None) -> dict:
    params = dict(params or {})
    if check_key == CONFIRM:
        if params:
            raise ValidationError({"params": _("A condition in the funder's own words has no parameters.")})
        return {}
    check = get_check(check_key)
    if check is None:
        raise ValidationError({"check": _("Unknown check '{check}'. Choose one of: {choices}.").format(
            check=check_key, choices=", ".join(sorted(catalogue())))})
    unknown = set(params) - set(check.defaults)
    if unknown:
        raise ValidationError({"params": _("The check '{check}' has no parameter {names}; it has: {known}.").format(
            check=check_key, names=", ".join(sorted(unknown)), known=", ".join(sorted(check.defaults)) or "-")})
    for key, value in params.items():
        default = check.defaults[key]
        if isinstance(default, int) and not isinstance(default, bool) and not isinstance(value, int):
            raise ValidationError({"params": _("The parameter {name} needs a whole number.").format(name=key)})
        if isinstance(default, list) and not isinstance(value, list):
            raise ValidationError({"params": _("The parameter {name} needs a list.").format(name=key)})
    return params


def add_condition(session: Session, funder_id: int, check: str = CONFIRM, params: dict | None = None,
                  text: str = "", notes: str = "") -> FundingCondition:
    get_funder(session, funder_id)
    cleaned = _clean_params(check, params)
    text = (text or "").strip()
    if check == CONFIRM and not text:
        raise ValidationError({"text": _("Write the condition in the funder's own words.")})
    position = (session.scalar(select(func.max(FundingCondition.position))
                               .where(FundingCondition.funder_id == funder_id)) or 0) + 1
    condition = FundingCondition(funder_id=funder_id, position=position, check=check, params=json.dumps(cleaned),
                                 text=text, active=True, notes=(notes or "").strip())
    session.add(condition)
    session.flush()
    return condition


def copy_profile_conditions(session: Session, funder_id: int, profile: RuleProfile | None = None
                            ) -> list[FundingCondition]:
    """Give the funder the region's default set (after the conditions it already has)."""
    profile = profile or rule_profile(session)
    return [add_condition(session, funder_id, item["check"], item["params"], item["text"], item["note"])
            for item in profile_conditions(profile)]


def get_condition(session: Session, condition_id: int) -> FundingCondition:
    return get_or_raise(session, FundingCondition, condition_id, N_("Condition {id} does not exist."), id=condition_id)


def update_condition(session: Session, condition_id: int, *, params: dict | None = None, text: str | None = None,
                     active: bool | None = None) -> FundingCondition:
    """Change parameters (merged into the current ones), the wording, or switch it off."""
    condition = get_condition(session, condition_id)
    if params is not None:
        merged = {**json.loads(condition.params or "{}"), **params}
        condition.params = json.dumps(_clean_params(condition.check, merged))
    if text is not None:
        if condition.check == CONFIRM and not text.strip():
            raise ValidationError({"text": _("Write the condition in the funder's own words.")})
        condition.text = text.strip()
    if active is not None:
        condition.active = bool(active)
    return condition


def remove_condition(session: Session, condition_id: int) -> None:
    session.delete(get_condition(session, condition_id))


def condition_params(condition: FundingCondition) -> dict:
    try:
        value = json.loads(condition.params or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def condition_label(condition: FundingCondition, year: int | None = None) -> str:
    if condition.check == CONFIRM:
        return condition.text
    check = get_check(condition.check)
    return check.describe(condition_params(condition), year) if check else condition.check


@dataclass(frozen=True)
class ConditionRow:
    id: int
    position: int
    check: str
    params: dict
    label: str
    text: str  # the funder's words
    active: bool


def condition_rows(session: Session, funder_id: int, year: int | None = None, active_only: bool = False
                   ) -> list[ConditionRow]:
    query = select(FundingCondition).where(FundingCondition.funder_id == funder_id).order_by(
        FundingCondition.position, FundingCondition.id)
    if active_only:
        query = query.where(FundingCondition.active.is_(True))
    return [ConditionRow(c.id, c.position, c.check, condition_params(c), condition_label(c, year), c.text, c.active)
            for c in session.scalars(query)]


def add_evidence(session: Session, condition_id: int, year: int, note: str = "", file_name: str = "",
                 data: bytes | None = None, mime: str = "", confirmed_on: date | str | None = None
                 ) -> ConditionEvidence:
    """Confirm a condition for a year with a note and/or a file, stored in the database."""
    get_condition(session, condition_id)
    problems: dict[str, str] = {}
    day = read_date(confirmed_on, "confirmed_on", problems, required=False) or date.today()
    note = (note or "").strip()
    if not note and not data:
        problems["note"] = _("Add a note or a file as evidence.")
    if data is not None and len(data) > MAX_EVIDENCE_BYTES:
        problems["file"] = _("The file is larger than 25 MB; add a smaller scan or a note.")
    if data is not None and not (file_name or "").strip():
        problems["file"] = _("The file needs a name.")
    if problems:
        raise ValidationError(problems)
    evidence = ConditionEvidence(condition_id=condition_id, year=year, confirmed_on=day, note=note,
                                 file_name=(file_name or "").strip() if data is not None else "",
                                 mime=mime or ("application/octet-stream" if data else ""),
                                 size=len(data) if data else 0, data=data)
    session.add(evidence)
    session.flush()
    return evidence


def evidence_for(session: Session, condition_ids: list[int], year: int) -> dict[int, list[ConditionEvidence]]:
    found: dict[int, list[ConditionEvidence]] = {}
    for e in session.scalars(select(ConditionEvidence).where(ConditionEvidence.condition_id.in_(condition_ids or [0]),
                                                             ConditionEvidence.year == year)
                             .order_by(ConditionEvidence.confirmed_on, ConditionEvidence.id)):
        found.setdefault(e.condition_id, []).append(e)
    return found


def evidence_file(session: Session, evidence_id: int) -> tuple[str, str, bytes]:
    evidence = session.get(ConditionEvidence, evidence_id)
    if evidence is None or not evidence.data:
        raise NotFoundError(_("This evidence has no file."))
    return evidence.file_name, evidence.mime, evidence.data
