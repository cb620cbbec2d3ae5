"""The compliance check per funder and year: every active condition met, not met or to confirm,
with its evidence in plain words, what to do when it is not met, and a stable "where to fix it"
key (``meetings``, ``meetings.annual``, ``board``, ``finance.budget``, ``funding.evidence`` …)
that the GUI maps to the page where it is done."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.finance_plans import Funder
from huurdersgroep_app.core.services.funding.catalogue import (CONFIRM, EVIDENCE_FIX, MET, NOT_MET, TO_CONFIRM,
                                                               CheckContext, EvidenceNote, Outcome, get_check,
                                                               status_label)
from huurdersgroep_app.core.services.funding.conditions import condition_rows, evidence_for
from huurdersgroep_app.core.services.funding.funders import get_funder
from huurdersgroep_app.core.services.organisation import rule_profile
from huurdersgroep_app.i18n import _

FIX_KEYS = ("meetings", "meetings.annual", "meetings.elections", "board", "members", "finance.budget",
            "finance.closing", "finance.cashbook", "finance.audit_committee", "funding.year_plan", "funding.grants",
            EVIDENCE_FIX)


@dataclass(frozen=True)
class ConditionResult:
    condition_id: int
    funder_id: int
    funder: str
    check: str
    label: str
    status: str  # MET | NOT_MET | TO_CONFIRM
    evidence: str
    todo: str
    fix: str  # where to fix it

    @property
    def status_label(self) -> str:
        return status_label(self.status)


@dataclass(frozen=True)
class ComplianceReport:
    funder_id: int
    funder: str
    year: int
    results: list[ConditionResult]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def all_met(self) -> bool:
        return all(r.status == MET for r in self.results)


def _evaluate(ctx: CheckContext, check_key: str, params: dict, text: str) -> tuple[Outcome, str]:
    if check_key == CONFIRM:
        if ctx.evidence:
            return Outcome(MET, ctx.evidence_text()), EVIDENCE_FIX
        return Outcome(TO_CONFIRM, _("The funder's own condition; nothing in the app shows it."),
                       _("Confirm it with a note or an attached file (the regulation, a newsletter, a photo).")), \
            EVIDENCE_FIX
    check = get_check(check_key)
    if check is None:
        return Outcome(TO_CONFIRM, _("Unknown check '{check}'.").format(check=check_key),
                       _("Replace this condition.")), EVIDENCE_FIX
    return check.evaluate(ctx, check.params(params)), check.fix


def check_funder(session: Session, funder_id: int, year: int, today: date | None = None,
                 cache: dict | None = None) -> ComplianceReport:
    funder = get_funder(session, funder_id)
    today = today or date.today()
    profile = rule_profile(session)
    rows = condition_rows(session, funder_id, year, active_only=True)
    evidence = evidence_for(session, [r.id for r in rows], year)
    shared = {} if cache is None else cache
    results = []
    for row in rows:
        notes = [EvidenceNote(e.confirmed_on, e.note, e.file_name) for e in evidence.get(row.id, [])
                 if e.confirmed_on <= today]
        ctx = CheckContext(session, year, today, profile, funder_id, notes, shared)
        outcome, fix = _evaluate(ctx, row.check, row.params, row.text)
        results.append(ConditionResult(row.id, funder_id, funder.name, row.check, row.label, outcome.status,
                                       outcome.evidence, outcome.todo if outcome.status != MET else "",
                                       outcome.fix or fix))
    return ComplianceReport(funder_id, funder.name, year, results)


def check_all(session: Session, year: int, today: date | None = None) -> list[ComplianceReport]:
    """Every funder's check for the year (funders by name); the facts are read once."""
    cache: dict = {}
    return [check_funder(session, fid, year, today, cache)
            for fid in session.scalars(select(Funder.id).order_by(Funder.name))]


__all__ = ["MET", "NOT_MET", "TO_CONFIRM", "ConditionResult", "ComplianceReport", "check_funder", "check_all"]
