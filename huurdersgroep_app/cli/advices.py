"""Advice dossiers and signals on the command line.

    huurdersgroep report advice-letter --advice ID --out FILE [--format pdf|docx]
    huurdersgroep report signals|consultation-history --from DATE --to DATE --out FILE
    huurdersgroep advices list [--open]        id, topic, status, group deadline, landlord due (tab-separated)
    huurdersgroep advices deadlines            what needs attention today
"""
from __future__ import annotations

from datetime import date

from huurdersgroep_app.cli import Parser, UsageError, db_path
from huurdersgroep_app.cli.reports import document_session, done
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.core.services import validation as v
from huurdersgroep_app.i18n import _


def register(cli) -> None:
    cli.report_option("--format", choices=("pdf", "docx"), default=None)
    cli.report_option("--advice", type=int, metavar="ID", help="advice dossier (advice-letter)")
    cli.report_option("--from", dest="date_from", metavar="DATE", help="first day of the period")
    cli.report_option("--to", dest="date_to", metavar="DATE", help="last day of the period")
    cli.add_report("advice-letter", report_advice_letter, formats=("pdf", "docx"))
    cli.add_report("signals", report_signals)
    cli.add_report("consultation-history", report_consultation_history)
    advices = cli.command("advices", "advice dossiers", _missing_subcommand)
    sub = advices.add_subparsers(dest="advices_command", parser_class=Parser)
    listing = sub.add_parser("list", help="list the advice dossiers", parents=[cli.common])
    listing.add_argument("--open", action="store_true", help="only dossiers that are not closed or withdrawn")
    listing.set_defaults(handler=cmd_list)
    sub.add_parser("deadlines", help="advice due soon, replies overdue, signals unanswered",
                   parents=[cli.common]).set_defaults(handler=cmd_deadlines)


def _missing_subcommand(args) -> int:
    raise UsageError(_("Choose what to do with the advices: list or deadlines."))


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _period(args) -> tuple[date, date]:
    raw_from, raw_to = getattr(args, "date_from", None), getattr(args, "date_to", None)
    if not raw_from or not raw_to:
        raise DomainError(_("Give the period with --from and --to, for example --from 01/01/2025 --to 31/12/2025."))
    try:
        start, end = v.parse_date(raw_from), v.parse_date(raw_to)
    except v.FieldError as exc:
        raise DomainError(str(exc)) from None
    if end < start:
        raise DomainError(_("The period ends before it starts."))
    return start, end


def report_advice_letter(args) -> int:
    from huurdersgroep_app.core.documents.advice_letter import write_advice_letter_docx, write_advice_letter_pdf

    if getattr(args, "advice", None) is None:
        raise DomainError(_("Say which advice dossier with --advice ID (see 'huurdersgroep advices list')."))
    with document_session(args) as session:
        if args.format == "docx":
            write_advice_letter_docx(session, args.out, args.advice)
            return done(args)
        pages = write_advice_letter_pdf(session, args.out, args.advice)
    return done(args, pages)


def report_signals(args) -> int:
    from huurdersgroep_app.core.documents.signals_report import write_signals_report

    start, end = _period(args)
    with document_session(args) as session:
        pages = write_signals_report(session, args.out, start, end)
    return done(args, pages)


def report_consultation_history(args) -> int:
    from huurdersgroep_app.core.documents.consultation_history import write_consultation_history

    start, end = _period(args)
    with document_session(args) as session:
        pages = write_consultation_history(session, args.out, start, end)
    return done(args, pages)


def cmd_list(args) -> int:
    from huurdersgroep_app.core.services.advices.labels import status_label, topic_label
    from huurdersgroep_app.core.services.advices.dossiers import advice_rows

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        rows = advice_rows(session, open_only=args.open)
    for row in rows:
        print("\t".join((str(row.id), topic_label(row.topic), status_label(row.status), _iso(row.group_deadline),
                         _iso(row.reply_due))))
    return 0


def cmd_deadlines(args) -> int:
    from huurdersgroep_app.core.services.deadline_overview import deadline_overview

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        overview = deadline_overview(session)
    sections = ((_("Advice due"), overview.advice_due), (_("Landlord's reply overdue"), overview.replies_overdue),
                (_("Signals unanswered"), overview.signals_unanswered))
    for label, items in sections:
        for item in items:
            print("\t".join((label, item.reference, _iso(item.deadline), str(item.days_left), item.title)))
    if overview.is_empty:
        print(_("Nothing needs attention today."))
    return 0
