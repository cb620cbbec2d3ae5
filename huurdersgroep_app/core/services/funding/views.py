"""What the Funding page and the Overview show, read in one session as plain dataclasses, so the
window never holds a Session or an ORM row: a funder with its grants, conditions, evidence and
compliance for a year; a grant to edit; the entries a payment can be linked to; the funders'
deadlines with the next one ahead when none is due soon."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models.contacts import Partner
from huurdersgroep_app.core.db.models.finance import Category, Entry
from huurdersgroep_app.core.services.finance import categories
from huurdersgroep_app.core.services.funding import compliance, conditions, funders, grants
from huurdersgroep_app.core.services.funding.catalogue import CONFIRM, catalogue, get_check
# The Overview's reader lives in deadlines.py, which does not import the compliance checks.
from huurdersgroep_app.core.services.funding.deadlines import FunderDeadlines, funder_deadlines  # noqa: F401


# -- the Funding page --------------------------------------------------------------------------------
@dataclass(frozen=True)
class EvidenceRow:
    id: int
    confirmed_on: date
    note: str
    file_name: str
    size: int


@dataclass(frozen=True)
class ConditionLine:
    """A condition with its result for the year and the user's evidence for it."""

    id: int
    label: str
    own_words: bool  # the funder's words, confirmed by the user (no check of the app)
    active: bool
    result: compliance.ConditionResult | None  # None when switched off
    evidence: list[EvidenceRow] = field(default_factory=list)
    looks_at: int = 0  # the year the condition looks at (last year's books, next year's plan …)


@dataclass(frozen=True)
class FunderDetail:
    id: int
    name: str
    kind: str
    kind_label: str
    organisation: str
    iban: str
    notes: str
    year: int
    grants: list[grants.GrantView]
    conditions: list[ConditionLine]

    def count(self, status: str) -> int:
        return sum(1 for c in self.conditions if c.result is not None and c.result.status == status)


def funder_detail(session: Session, funder_id: int, year: int, today: date | None = None) -> FunderDetail:
    funder = funders.get_funder(session, funder_id)
    organisation = session.get(Partner, funder.partner_id).name if funder.partner_id else ""
    report = compliance.check_funder(session, funder_id, year, today)
    results = {r.condition_id: r for r in report.results}
    rows = conditions.condition_rows(session, funder_id, year)
    evidence = conditions.evidence_for(session, [r.id for r in rows], year)
    lines = [ConditionLine(r.id, r.label, r.check == CONFIRM, r.active, results.get(r.id),
                           [EvidenceRow(e.id, e.confirmed_on, e.note, e.file_name, e.size)
                            for e in evidence.get(r.id, [])], year_looked_at(_with_defaults(r.check, r.params), year))
             for r in rows]
    return FunderDetail(funder.id, funder.name, funder.kind, funders.kind_label(funder.kind), organisation,
                        funder.iban, funder.notes, year, grants.grant_views(session, funder_id=funder_id), lines)


def _with_defaults(check_key: str, params: dict) -> dict:
    check = get_check(check_key) if check_key != CONFIRM else None
    return check.params(params) if check is not None else dict(params)


def funder_input(session: Session, funder_id: int) -> funders.FunderInput:
    f = funders.get_funder(session, funder_id)
    return funders.FunderInput(f.name, f.kind, f.partner_id, f.iban, f.notes)


def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """The organisations of the contacts register a funder can be."""
    return [(pid, name) for pid, name in session.execute(select(Partner.id, Partner.name).order_by(Partner.name))]


def category_choices(session: Session) -> list[tuple[int, str]]:
    """Expense categories a grant may be spent on."""
    return [(c.id, categories.label(c)) for c in categories.list_categories(session, "expense", active_only=True)]


@dataclass(frozen=True)
class GrantDetail:
    id: int
    funder_id: int
    year: int
    amount: Decimal
    amount_kind: str
    dwelling_rate: Decimal | None
    dwellings: int | None
    reference: str
    status: str
    application_deadline: date | None
    accountability_deadline: date | None
    applied_on: date | None
    accounted_on: date | None
    category_ids: list[int]
    conditions: str
    notes: str


def grant_detail(session: Session, grant_id: int) -> GrantDetail:
    g = grants.get_grant(session, grant_id)
    return GrantDetail(g.id, g.funder_id, g.year, g.amount, g.amount_kind, g.dwelling_rate, g.dwellings, g.reference,
                       g.status, g.application_deadline, g.deadline, g.applied_on, g.accounted_on,
                       grants.eligible_category_ids(session, g.id), g.conditions, g.notes)


@dataclass(frozen=True)
class PaymentChoice:
    """Money in that can be charged to a grant: an entry of the grant's year not charged to another."""

    entry_id: int
    booked_on: date
    amount: Decimal
    counterparty: str
    description: str
    linked: bool  # already charged to this grant
    from_funder: bool  # paid from the funder's own IBAN


def payment_choices(session: Session, grant_id: int) -> list[PaymentChoice]:
    grant = grants.get_grant(session, grant_id)
    iban = funders.get_funder(session, grant.funder_id).iban
    query = (select(Entry).where(Entry.amount > 0, extract("year", Entry.booked_on) == grant.year,
                                 (Entry.grant_id.is_(None)) | (Entry.grant_id == grant_id))
             .order_by(Entry.booked_on, Entry.id))
    found = [PaymentChoice(e.id, e.booked_on, e.amount, e.counterparty, e.description, e.grant_id == grant_id,
                           bool(iban) and e.counterparty_iban == iban) for e in session.scalars(query)]
    # The funder's own payments first: that is what the user looks for.
    return sorted(found, key=lambda p: (not p.linked, not p.from_funder, p.booked_on, p.entry_id))


def check_choices() -> list[tuple[str, str]]:
    """The catalogue's checks (key, label with default parameters), for adding a condition."""
    return sorted(((key, c.describe()) for key, c in catalogue().items()), key=lambda kc: kc[1].casefold())


def known_category_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Category.id)))


def funding_years(session: Session, today: date | None = None) -> list[int]:
    """The years to choose on the Funding page: those with grants, last year, this year and next."""
    from huurdersgroep_app.core.db.models.finance_plans import Grant

    this_year = (today or date.today()).year
    return sorted(set(session.scalars(select(Grant.year).distinct())) | {this_year - 1, this_year, this_year + 1})


# -- what some conditions ask besides meetings and books: the year plan, the audit committee --------
@dataclass(frozen=True)
class YearPlanView:
    year: int
    goals: str
    approved_on: date | None
    lines: list[tuple[str, date | None]]  # description, planned on


def year_plan_view(session: Session, year: int) -> YearPlanView:
    from huurdersgroep_app.core.services.funding import records

    plan = records.year_plan(session, year)
    if plan is None:
        return YearPlanView(year, "", None, [])
    return YearPlanView(year, plan.goals, plan.approved_on,
                        [(line.description, line.planned_on) for line in sorted(plan.lines, key=lambda x: x.position)])


@dataclass(frozen=True)
class AuditCommitteeView:
    year: int
    member_ids: list[int]
    checked_on: date | None
    scope: str
    findings: str
    approved: bool
    choices: list[tuple[int, str]]  # members who may sit on it: not on the board that year


def audit_committee_view(session: Session, year: int) -> AuditCommitteeView:
    from huurdersgroep_app.core.services.funding import records
    from huurdersgroep_app.core.services.members.members import member_choices

    committee = records.audit_committee(session, year)
    chosen = [m.member_id for m in committee.members] if committee else []
    board = records.board_member_ids_in_year(session, year)
    choices = [(mid, label) for mid, label in member_choices(session, keep=tuple(chosen)) if mid not in board]
    if committee is None:
        return AuditCommitteeView(year, [], None, "", "", False, choices)
    return AuditCommitteeView(year, chosen, committee.checked_on, committee.scope, committee.findings,
                              committee.approved, choices)


def year_looked_at(condition_params: dict, year: int) -> int:
    """The year a condition looks at: the year checked plus its ``year_offset`` (−1: last year)."""
    return year + int(condition_params.get("year_offset", 0) or 0)


@dataclass(frozen=True)
class FundingPage:
    funders: list[funders.FunderRow]
    years: list[int]
    detail: FunderDetail | None  # the funder shown: the one asked for, else the first


def read_page(session: Session, funder_id: int | None, year: int) -> FundingPage:
    rows = funders.funder_rows(session)
    if funder_id is None or funder_id not in {r.id for r in rows}:
        funder_id = rows[0].id if rows else None
    detail = funder_detail(session, funder_id, year) if funder_id is not None else None
    return FundingPage(rows, funding_years(session), detail)


@dataclass(frozen=True)
class FunderForm:
    current: funders.FunderInput
    organisations: list[tuple[int, str]]


def funder_form(session: Session, funder_id: int | None) -> FunderForm:
    current = funder_input(session, funder_id) if funder_id else funders.FunderInput(kind="municipality")
    return FunderForm(current, organisation_choices(session))


@dataclass(frozen=True)
class GrantForm:
    current: GrantDetail | None
    categories: list[tuple[int, str]]
    complex_dwellings: int  # the dwellings of all complexes, for the per-dwelling calculator


def grant_form(session: Session, grant_id: int | None) -> GrantForm:
    detail = grant_detail(session, grant_id) if grant_id else None
    return GrantForm(detail, category_choices(session), grants.dwellings_in_complexes(session))
