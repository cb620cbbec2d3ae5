"""The kascommissie report of a closed financial year: who checked the books (members who were
not on the board that year — checked again when the report is made), what they checked, their
findings, their advice to the annual meeting, and a signature block for each of them.

Made for a closed year only: a report on books that can still change would vouch for nothing."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from huurdersgroep_app.core.db.models import Member
from huurdersgroep_app.core.documents import blocks as b
from huurdersgroep_app.core.documents.funding.common import document_info, write_blocks
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services.finance import years
from huurdersgroep_app.core.services.finance.figures import budget_vs_actual
from huurdersgroep_app.core.services.funding.records import audit_committee, board_member_ids_in_year
from huurdersgroep_app.core.services.organisation import get_organisation, rule_profile
from huurdersgroep_app.i18n import _, format_date, format_money, ngettext, pgettext


def audit_committee_problem(session: Session, year: int) -> str:
    """Why the report cannot be made for ``year`` ('' when it can)."""
    if not years.is_closed(session, year):
        return _("The books of {year} are not closed yet; the audit committee reports on a closed year.").format(
            year=year)
    if audit_committee(session, year) is None:
        return _("No audit committee was recorded for {year}.").format(year=year)
    return ""


def audit_committee_blocks(session: Session, year: int) -> list:
    problem = audit_committee_problem(session, year)
    if problem:
        raise DomainError(problem)
    committee = audit_committee(session, year)
    board = board_member_ids_in_year(session, year)
    people = [(m.member_id, session.get(Member, m.member_id).full_name) for m in committee.members]
    minimum = int(rule_profile(session).get("meetings", "audit_committee_minimum", 2))
    table = budget_vs_actual(session, year)
    closed = next(r for r in years.list_years(session) if r.year == year)
    out: list = [b.Title(_("Report of the audit committee {year}").format(year=year)),
                 b.Para(get_organisation(session).name, "muted"),
                 b.Heading(_("Members of the audit committee"))]
    rows = [[name, _("not on the board in {year}").format(year=year) if mid not in board
             else _("ON THE BOARD in {year}").format(year=year)] for mid, name in people]
    # TRANSLATORS: column of the audit committee's members: whether each is outside the board that year.
    out.append(b.Table([_("Name"), pgettext("audit committee column", "Independent of the board")], rows,
                       [0.55, 0.45]))
    if len(people) < minimum:
        out.append(b.Para(ngettext("The rules ask for at least {n} member.", "The rules ask for at least {n} members.",
                                   minimum).format(n=minimum), bold=True))
    out += [b.Heading(_("What was checked")),
            b.Fields([(_("Financial year"), str(year)),
                      (_("Books closed on"), format_date(closed.closed_on, "long") if closed.closed_on else "–"),
                      (_("Checked on"), format_date(committee.checked_on, "long") if committee.checked_on else "–"),
                      (_("Income"), format_money(table.total("income", "actual"))),
                      (_("Expenses"), format_money(table.total("expense", "actual"))),
                      (_("Result"), format_money(table.result_actual))])]
    out.append(b.Para(committee.scope or _("The committee did not describe what it checked."),
                      "body" if committee.scope else "muted"))
    out.append(b.Heading(_("Findings")))
    out += [b.Para(p.strip()) for p in committee.findings.split("\n\n") if p.strip()] or \
        [b.Para(_("No findings were recorded."), "muted")]
    out.append(b.Heading(_("Advice to the annual meeting")))
    if committee.approved:
        out.append(b.Para(_("The committee found the books of {year} in order and advises the annual meeting to "
                            "grant the board discharge.").format(year=year), bold=True))
    else:
        out.append(b.Para(_("The committee has not (yet) found the books of {year} in order.").format(year=year),
                          bold=True))
    out.append(b.Signatures([(_("Member of the audit committee"), name) for _mid, name in people]))
    return out


def write_audit_committee_report(session: Session, year: int, target, fmt: str = "pdf", *,
                                 today: date | None = None, progress=None) -> int | None:
    """The kascommissie report of the closed year ``year`` (PDF; returns the page count)."""
    blocks = audit_committee_blocks(session, year)
    info = document_info(session, _("Report of the audit committee {year}").format(year=year), today, year)
    return write_blocks(target, info, blocks, fmt, progress)
