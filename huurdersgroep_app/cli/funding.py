"""Funders, their conditions and the compliance check on the command line:

    huurdersgroep funders list                                   id, name, kind, IBAN, organisation, conditions
    huurdersgroep funders add --name NAME --kind KIND [--iban IBAN] [--partner ID] [--no-conditions]
    huurdersgroep funders add-grant --funder ID --year YYYY (--amount A | --per-dwelling RATE) [...]
    huurdersgroep funders conditions --funder ID [--year YYYY]   id, check, status of the wording, parameters
    huurdersgroep funders conditions --funder ID --add CHECK [--param key=value ...] [--text WORDS]
    huurdersgroep funders conditions --funder ID --confirm CONDITION --year YYYY [--note TEXT] [--file FILE]
    huurdersgroep funding check --year YYYY [--funder ID]         funder, condition, status, evidence, to do, fix
    huurdersgroep deadlines [--within DAYS]                       advice, signal and funders' deadlines

Tab-separated, for scripts. ``funding check`` exits 0 whatever the outcome; only a usage error fails.
"""
from __future__ import annotations

import json
import mimetypes

from huurdersgroep_app.cli import Parser, UsageError, db_path
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _


def register(cli) -> None:
    funders = cli.command("funders", "funders, their grants and conditions", _funders_missing)
    sub = funders.add_subparsers(dest="funders_command", parser_class=Parser)
    sub.add_parser("list", help="list the funders", parents=[cli.common]).set_defaults(handler=cmd_list)
    add = sub.add_parser("add", help="add a funder (with the region's default conditions)", parents=[cli.common])
    add.add_argument("--name", default="")
    add.add_argument("--kind", default="other", help="landlord, municipality, province, foundation or other")
    add.add_argument("--iban", default="")
    add.add_argument("--partner", type=int, default=None, help="organisation id in the contacts register")
    add.add_argument("--no-conditions", action="store_true", help="do not copy the region's default conditions")
    add.set_defaults(handler=cmd_add)
    grant = sub.add_parser("add-grant", help="add a grant of a funder for a year", parents=[cli.common])
    grant.add_argument("--funder", type=int, required=True)
    grant.add_argument("--year", type=int, required=True)
    grant.add_argument("--amount", default=None, help="lump sum or per project")
    grant.add_argument("--per-dwelling", dest="rate", default=None, help="rate per dwelling (the calculator)")
    grant.add_argument("--dwellings", type=int, default=None)
    grant.add_argument("--project", action="store_true", help="the amount is for a project")
    grant.add_argument("--reference", default="")
    grant.add_argument("--apply-by", dest="application_deadline", default=None)
    grant.add_argument("--account-by", dest="accountability_deadline", default=None)
    grant.add_argument("--status", default="granted")
    grant.set_defaults(handler=cmd_add_grant)
    conditions = sub.add_parser("conditions", help="a funder's conditions: list, add, confirm", parents=[cli.common])
    conditions.add_argument("--funder", type=int, required=True)
    conditions.add_argument("--year", type=int, default=None)
    conditions.add_argument("--add", metavar="CHECK", default=None, help="a catalogue check, or 'confirm'")
    conditions.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    conditions.add_argument("--text", default="", help="the funder's own words")
    conditions.add_argument("--copy-profile", action="store_true", help="add the region's default conditions")
    conditions.add_argument("--confirm", type=int, default=None, metavar="CONDITION")
    conditions.add_argument("--note", default="")
    conditions.add_argument("--file", default=None, help="evidence file, stored in the database")
    conditions.set_defaults(handler=cmd_conditions)

    funding = cli.command("funding", "the funding conditions: the compliance check", _funding_missing)
    fsub = funding.add_subparsers(dest="funding_command", parser_class=Parser)
    check = fsub.add_parser("check", help="check the funders' conditions for a year", parents=[cli.common])
    check.add_argument("--year", type=int, required=True)
    check.add_argument("--funder", type=int, default=None)
    check.set_defaults(handler=cmd_check)

    deadlines = cli.command("deadlines", "what is due: advice, replies, signals, funders' deadlines", cmd_deadlines)
    deadlines.add_argument("--within", type=int, default=None, metavar="DAYS")


def _funders_missing(args) -> int:
    raise UsageError(_("Choose what to do with the funders: list, add, add-grant or conditions."))


def _funding_missing(args) -> int:
    raise UsageError(_("Choose what to do: check."))


def _iso(day) -> str:
    return day.isoformat() if day else ""


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def cmd_list(args) -> int:
    from huurdersgroep_app.core.services.funding.funders import funder_rows

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        rows = funder_rows(session)
    for row in rows:
        print("\t".join((str(row.id), row.name, row.kind_label, row.iban, row.organisation, str(row.conditions))))
    if not rows:
        print(_("No funders yet. Add one with 'huurdersgroep funders add --name NAME --kind KIND'."))
    return 0


def cmd_add(args) -> int:
    from huurdersgroep_app.core.services.funding import conditions, funders

    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        funder = funders.add_funder(session, funders.FunderInput(args.name, args.kind, args.partner, args.iban))
        copied = [] if args.no_conditions else conditions.copy_profile_conditions(session, funder.id)
        funder_id, name = funder.id, funder.name
    print(_("Funder {id} '{name}' added with {count} conditions.").format(id=funder_id, name=name, count=len(copied)))
    return 0


def cmd_add_grant(args) -> int:
    from huurdersgroep_app.core.services.funding import grants

    kind = "per_dwelling" if args.rate is not None else ("per_project" if args.project else "lump_sum")
    data = grants.GrantInput(args.funder, args.year, args.amount, kind, args.rate, args.dwellings, args.reference,
                             application_deadline=args.application_deadline,
                             accountability_deadline=args.accountability_deadline, status=args.status)
    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        grant = grants.add_grant(session, data)
        grant_id, amount = grant.id, grant.amount
    print(_("Grant {id} added: {amount} for {year}.").format(id=grant_id, amount=f"{amount:.2f}", year=args.year))
    return 0


def _params(items: list[str]) -> dict:
    params = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(_("Write a parameter as KEY=VALUE, for example --param minimum=3."))
        try:
            params[key.strip()] = json.loads(value)
        except ValueError:
            params[key.strip()] = [v.strip() for v in value.split(",")] if "," in value else value
    return params


def cmd_conditions(args) -> int:
    from huurdersgroep_app.core.services.funding import conditions

    changes = args.add is not None or args.copy_profile or args.confirm is not None
    with Database(db_path(args), backup_on_close=False) as db:
        with (db.transaction() if changes else db.reading()) as session:
            if args.copy_profile:
                conditions.copy_profile_conditions(session, args.funder)
            if args.add is not None:
                conditions.add_condition(session, args.funder, args.add, _params(args.param), args.text)
            if args.confirm is not None:
                if args.year is None:
                    raise UsageError(_("Give the year the evidence is for with --year YYYY."))
                data, name, mime = None, "", ""
                if args.file:
                    from pathlib import Path

                    path = Path(args.file)
                    if not path.is_file():
                        raise DomainError(_("The file {path} does not exist.").format(path=path))
                    data, name = path.read_bytes(), path.name
                    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
                condition = conditions.get_condition(session, args.confirm)
                if condition.funder_id != args.funder:
                    raise DomainError(_("Condition {id} is not a condition of funder {funder}.").format(
                        id=args.confirm, funder=args.funder))
                conditions.add_evidence(session, args.confirm, args.year, args.note, name, data, mime)
            from huurdersgroep_app.core.services.funding.funders import get_funder

            get_funder(session, args.funder)
            rows = conditions.condition_rows(session, args.funder, args.year)
    for row in rows:
        print("\t".join((str(row.id), row.check, row.label, json.dumps(row.params, ensure_ascii=False),
                         _("active") if row.active else _("switched off"))))
    return 0


def cmd_check(args) -> int:
    from huurdersgroep_app.core.services.funding.compliance import check_all, check_funder

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        reports = [check_funder(session, args.funder, args.year)] if args.funder else check_all(session, args.year)
    for report in reports:
        for r in report.results:
            print("\t".join((report.funder, _clean(r.label), r.status_label, _clean(r.evidence), _clean(r.todo),
                             r.fix)))
    if not any(report.results for report in reports):
        print(_("No conditions to check. Add a funder with 'huurdersgroep funders add'."))
    return 0


def cmd_deadlines(args) -> int:
    from huurdersgroep_app.core.services.deadline_overview import deadline_overview
    from huurdersgroep_app.core.services.funding.deadlines import DUE_WITHIN_DAYS, funding_deadlines

    within = args.within if args.within is not None else DUE_WITHIN_DAYS
    if within < 0:
        raise UsageError(_("--within needs a number of days of 0 or more."))
    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        overview = deadline_overview(session)
        funding = funding_deadlines(session, within_days=within)
    sections = ((_("Advice due"), overview.advice_due), (_("Landlord's reply overdue"), overview.replies_overdue),
                (_("Signals unanswered"), overview.signals_unanswered))
    for label, items in sections:
        for item in items:
            print("\t".join((label, item.reference, _iso(item.deadline), str(item.days_left), _clean(item.title))))
    for item in funding:
        print("\t".join((item.kind_label, item.funder, _iso(item.deadline), str(item.days_left), item.title)))
    if overview.is_empty and not funding:
        print(_("Nothing needs attention today."))
    return 0
