"""Meeting documents and commands:

    huurdersgroep report invitation|poster|sign-in-sheet|minutes|ballot --meeting ID --out FILE [--format pdf|docx]
    huurdersgroep report ballot --meeting ID --out FILE [--per-page 1|2|4] [--copies N]
    huurdersgroep report proxy-form --meeting ID --out FILE [--filled] [--format pdf|docx]
    huurdersgroep report decisions|action-points --year YYYY --out FILE
    huurdersgroep meetings list [--year YYYY]
    huurdersgroep meetings ics --meeting ID --out FILE.ics
    huurdersgroep meetings email --meeting ID
"""
from __future__ import annotations

from pathlib import Path

from huurdersgroep_app.cli import Parser, UsageError, year
from huurdersgroep_app.cli.reports import document_session, done
from huurdersgroep_app.i18n import _

DOCX_REPORTS = ("invitation", "minutes", "proxy-form")


def register(cli) -> None:
    cli.report_option("--format", choices=("pdf", "docx"), default=None)
    cli.report_option("--meeting", type=int, help="meeting id (see 'meetings list')")
    cli.report_option("--year", type=year, help="year, e.g. 2026")
    cli.report_option("--per", choices=("member", "household", "generic"), default="household",
                      help="invitation: a letter per member, per household, or one letter for all")
    cli.report_option("--copies", type=int, default=2, help="ballot: papers per election")
    cli.report_option("--per-page", type=int, choices=(1, 2, 4), default=2,
                      help="ballot: papers per A4 page (1 whole, 2 halves, 4 quarters), with cut lines")
    cli.report_option("--filled", action="store_true",
                      help="proxy-form: one form per member, with their name and address filled in")
    for name, handler in (("invitation", report_invitation), ("poster", report_poster),
                          ("sign-in-sheet", report_sign_in_sheet), ("minutes", report_minutes),
                          ("ballot", report_ballot), ("decisions", report_decisions),
                          ("action-points", report_action_points), ("proxy-form", report_proxy_form)):
        cli.add_report(name, handler, formats=("pdf", "docx") if name in DOCX_REPORTS else ("pdf",))
    group = cli.command("meetings", "list meetings, export a meeting to a calendar, the invitation e-mail",
                        _missing_subcommand)
    sub = group.add_subparsers(dest="meetings_command", parser_class=Parser)
    listing = sub.add_parser("list", help="id, date, type, title, status (tab-separated)", parents=[cli.common])
    listing.add_argument("--year", type=year)
    listing.set_defaults(handler=cmd_list)
    ics = sub.add_parser("ics", help="the meeting as a calendar file", parents=[cli.common])
    ics.add_argument("--meeting", type=int, required=True)
    ics.add_argument("--out", type=Path, required=True)
    ics.set_defaults(handler=cmd_ics)
    email = sub.add_parser("email", help="the invitation e-mail and the addresses for BCC", parents=[cli.common])
    email.add_argument("--meeting", type=int, required=True)
    email.set_defaults(handler=cmd_email)


def _missing_subcommand(args) -> int:
    raise UsageError(_("Choose what to do: meetings list, meetings ics or meetings email."))


def _meeting_id(args) -> int:
    if getattr(args, "meeting", None) is None:
        raise UsageError(_("Give the meeting with --meeting ID (see 'huurdersgroep meetings list')."))
    return args.meeting


def _year(args) -> int:
    if getattr(args, "year", None) is None:
        raise UsageError(_("Give the year with --year YYYY."))
    return int(args.year)


def report_invitation(args) -> int:
    from huurdersgroep_app.core.documents.invitation import write_invitation

    meeting_id = _meeting_id(args)
    with document_session(args) as session:
        pages = write_invitation(session, meeting_id, args.out, per=args.per, fmt=args.format)
    return done(args, pages)


def report_poster(args) -> int:
    from huurdersgroep_app.core.documents.invitation import write_poster

    meeting_id = _meeting_id(args)
    with document_session(args) as session:
        pages = write_poster(session, meeting_id, args.out)
    return done(args, pages)


def report_sign_in_sheet(args) -> int:
    from huurdersgroep_app.core.documents.sign_in_sheet import write_sign_in_sheet

    meeting_id = _meeting_id(args)
    with document_session(args) as session:
        pages = write_sign_in_sheet(session, meeting_id, args.out)
    return done(args, pages)


def report_proxy_form(args) -> int:
    from huurdersgroep_app.core.documents.proxy_form import write_proxy_form

    meeting_id = _meeting_id(args)
    with document_session(args) as session:
        pages = write_proxy_form(session, meeting_id, args.out, per="member" if args.filled else "blank",
                                 fmt=args.format or "pdf")
    return done(args, pages)


def report_minutes(args) -> int:
    from huurdersgroep_app.core.documents.minutes import write_minutes

    meeting_id = _meeting_id(args)
    with document_session(args) as session:
        pages = write_minutes(session, meeting_id, args.out, fmt=args.format)
    return done(args, pages)


def report_ballot(args) -> int:
    from huurdersgroep_app.core.documents.ballot import write_ballot

    meeting_id = _meeting_id(args)
    if args.copies < 1:
        raise UsageError(_("--copies must be at least 1."))
    with document_session(args) as session:
        pages = write_ballot(session, meeting_id, args.out, copies=args.copies, per_page=args.per_page)
    return done(args, pages)


def report_decisions(args) -> int:
    from huurdersgroep_app.core.documents.decisions_register import write_decisions_register

    year = _year(args)
    with document_session(args) as session:
        pages = write_decisions_register(session, year, args.out)
    return done(args, pages)


def report_action_points(args) -> int:
    from huurdersgroep_app.core.documents.decisions_register import write_action_points

    year = _year(args)
    with document_session(args) as session:
        pages = write_action_points(session, args.out, year=year)
    return done(args, pages)


def cmd_list(args) -> int:
    from huurdersgroep_app.core.services.meetings.overview import meeting_rows

    with document_session(args) as session:
        rows = meeting_rows(session, year=args.year)
        for row in rows:
            print("\t".join((str(row.id), row.scheduled_on.isoformat(), row.type_label, row.title, row.status_label)))
    return 0


def cmd_ics(args) -> int:
    from huurdersgroep_app.core.services.meetings.invitations import meeting_ics

    with document_session(args) as session:
        data = meeting_ics(session, args.meeting)
    args.out.write_bytes(data)
    return done(args)


def cmd_email(args) -> int:
    from huurdersgroep_app.core.services.meetings.invitations import invitation_email

    with document_session(args) as session:
        email = invitation_email(session, args.meeting)
    print(_("Subject: {subject}").format(subject=email.subject))
    print(_("BCC: {addresses}").format(addresses=email.bcc_text))
    if email.without_email:
        print(_("No e-mail address (send a letter): {names}").format(names=", ".join(email.without_email)))
    print()
    print(email.body, end="")
    return 0

