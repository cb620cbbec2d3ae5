"""`huurdersgroep report KIND --year YYYY [--funder ID] --out FILE [--format …]` for the kinds of the
document catalogue (``core.documents.catalogue``, the list the Documents page shows) that no other
command module makes: a document added to the catalogue is a report kind on the command line too
(a test holds the two lists together)."""
from __future__ import annotations

from huurdersgroep_app.cli import REPORTS, UsageError, year
from huurdersgroep_app.cli.reports import document_session, done
from huurdersgroep_app.i18n import _

MODULE = "documents"


def register(cli) -> None:
    from huurdersgroep_app.core.documents.catalogue import get_kind

    cli.report_option("--year", type=year, help="the (financial) year")
    cli.report_option("--funder", type=int, default=None, help="the funder's id (huurdersgroep funders list)")
    for key in sorted(k for k, module in REPORTS.items() if module == MODULE):
        kind = get_kind(key)
        cli.report_option("--format", choices=kind.formats, default=None)
        cli.add_report(key, lambda args, key=key: report_from_catalogue(args, key), formats=kind.formats)


def report_from_catalogue(args, key: str) -> int:
    from huurdersgroep_app.core.documents.catalogue import make_document

    if not getattr(args, "year", None):
        raise UsageError(_("Give the year with --year YYYY."))
    with document_session(args) as session:
        pages = make_document(session, key, args.out, args.year, getattr(args, "funder", None),
                              getattr(args, "format", None) or "pdf")
    return done(args, pages)
