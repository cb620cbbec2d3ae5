"""`huurdersgroep report activity-report|year-plan|grant-accountability|audit-committee|funding-dossier
--year YYYY [--funder ID] --out FILE [--format pdf|docx|xlsx]`: the funding documents.

The year is the year accounted for: the dossier of 2025 holds the activity and financial reports
of 2025, the budget and year plan of 2026. ``year-plan --year 2026`` is the plan of 2026 itself."""
from __future__ import annotations

from huurdersgroep_app.cli import UsageError, year
from huurdersgroep_app.cli.reports import document_session, done
from huurdersgroep_app.i18n import _


def register(cli) -> None:
    cli.report_option("--year", type=year, help="the (financial) year")
    cli.report_option("--funder", type=int, default=None, help="the funder's id (huurdersgroep funders list)")
    cli.report_option("--format", choices=("pdf", "docx", "xlsx"), default=None)
    cli.add_report("activity-report", report_activity, formats=("pdf", "docx"))
    cli.add_report("year-plan", report_year_plan, formats=("pdf", "docx"))
    cli.add_report("grant-accountability", report_grant_accountability, formats=("pdf", "xlsx"))
    cli.add_report("audit-committee", report_audit_committee)
    cli.add_report("funding-dossier", report_funding_dossier)


def _year(args) -> int:
    if not getattr(args, "year", None):
        raise UsageError(_("Give the year with --year YYYY."))
    return args.year


def _fmt(args) -> str:
    return getattr(args, "format", None) or "pdf"


def report_activity(args) -> int:
    from huurdersgroep_app.core.documents.funding.activity_report import write_activity_report

    with document_session(args) as session:
        pages = write_activity_report(session, _year(args), args.out, _fmt(args))
    return done(args, pages)


def report_year_plan(args) -> int:
    from huurdersgroep_app.core.documents.funding.year_plan import write_year_plan

    with document_session(args) as session:
        pages = write_year_plan(session, _year(args), args.out, _fmt(args))
    return done(args, pages)


def report_grant_accountability(args) -> int:
    from huurdersgroep_app.core.documents.funding.grant_accountability import write_grant_accountability

    with document_session(args) as session:
        pages = write_grant_accountability(session, _year(args), args.out, _fmt(args),
                                           funder_id=_funder(session, args, required=False))
    return done(args, pages)


def report_audit_committee(args) -> int:
    from huurdersgroep_app.core.documents.funding.audit_committee import write_audit_committee_report

    with document_session(args) as session:
        pages = write_audit_committee_report(session, _year(args), args.out)
    return done(args, pages)


def report_funding_dossier(args) -> int:
    from huurdersgroep_app.core.documents.funding.dossier import write_funding_dossier
    from huurdersgroep_app.core.documents.funding.dossier_parts import chosen_parts

    with document_session(args) as session:
        funder_id = _funder(session, args)  # the parts chosen for this funder on the Documents page
        result = write_funding_dossier(session, _year(args), funder_id, args.out,
                                       sections=chosen_parts(session, funder_id))
    for part in result.missing:
        print(_("Missing: {document} — {reason}").format(document=part.title, reason=part.reason))
    return done(args, result.pages)


def _funder(session, args, required: bool = True) -> int | None:
    """--funder, checked; without it the only funder, if there is just one."""
    from huurdersgroep_app.core.services.funding.funders import funder_rows, get_funder

    if args.funder is not None:
        return get_funder(session, args.funder).id
    if not required:
        return None
    rows = funder_rows(session)
    if len(rows) == 1:
        return rows[0].id
    if not rows:
        raise UsageError(_("There are no funders yet (huurdersgroep funders add)."))
    raise UsageError(_("Choose the funder with --funder ID: {choices}.").format(
        choices=", ".join(f"{r.id} ({r.name})" for r in rows)))
