"""`huurdersgroep privacy …`: one person's data, anonymising and erasing, retention, the consent log;
`huurdersgroep report privacy-statement|processing-register`."""
from __future__ import annotations

from pathlib import Path

from huurdersgroep_app.cli import Parser, UsageError, db_path
from huurdersgroep_app.cli.reports import document_session, done
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.i18n import _, ngettext


def register(cli) -> None:
    cli.add_report("privacy-statement", report_statement)
    cli.add_report("processing-register", report_register)
    privacy = cli.command("privacy", "privacy tools: export, anonymise, erase, retention, consent", _need_subcommand)
    sub = privacy.add_subparsers(dest="privacy_command", parser_class=Parser)

    def add(name: str, help: str, handler, person: bool = True):
        parser = sub.add_parser(name, help=help, parents=[cli.common])
        parser.set_defaults(handler=handler)
        if person:
            parser.add_argument("--member", type=int, help="the member's number")
            parser.add_argument("--contact", type=int, help="the contact's number")
        return parser

    add("export", "everything about one person, as JSON or PDF", cmd_export).add_argument(
        "--out", type=Path, required=True, help="FILE.json or FILE.pdf")
    add("anonymise", "anonymise a former member (or a contact whose role ended)", cmd_anonymise)
    add("erase", "erase a person who appears in no decision or booking", cmd_erase)
    retention = add("retention", "what is past its retention, tab-separated", cmd_retention, person=False)
    retention.add_argument("--anonymise", action="store_true", help="anonymise every person listed")
    consent = add("consent", "record a member's consent", cmd_consent)
    consent.add_argument("--purpose", default="registration")
    consent.add_argument("--on", dest="given_on", required=True, help="the date (YYYY-MM-DD)")
    consent.add_argument("--how", default="paper_form")
    consent.add_argument("--statement", type=int, help="the version of the privacy statement shown")
    publish = add("publish-statement", "publish the privacy statement as a new version", cmd_publish, person=False)
    publish.add_argument("--text", type=Path, help="a text file; without it the template is published")


def _need_subcommand(args) -> int:
    raise UsageError(_("Choose what to do: export, anonymise, erase, retention, consent or publish-statement."))


def _person(args, contact_allowed: bool = True) -> tuple[int | None, int | None]:
    member, contact = getattr(args, "member", None), getattr(args, "contact", None)
    if (member is None) == (contact is None) or (contact is not None and not contact_allowed):
        raise UsageError(_("Give --member ID or --contact ID.") if contact_allowed else _("Give --member ID."))
    return member, contact


def cmd_export(args) -> int:
    from huurdersgroep_app.core.documents.privacy.person_export import write_person_json, write_person_pdf

    member, contact = _person(args)
    suffix = args.out.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise UsageError(_("--out must end in .json or .pdf."))
    pages = None
    with document_session(args) as session:
        if suffix == ".json":
            write_person_json(session, args.out, member_id=member, contact_id=contact)
        else:
            pages = write_person_pdf(session, args.out, member_id=member, contact_id=contact)
    return done(args, pages)


def cmd_anonymise(args) -> int:
    from huurdersgroep_app.core.services.privacy.anonymise import anonymise_contact, anonymise_member

    member, contact = _person(args)
    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        if contact is not None:
            label = anonymise_contact(session, contact)
            print(_("Contact {id} is now '{label}'.").format(id=contact, label=label))
            return 0
        result = anonymise_member(session, member)
    print(_("Member {id} is now '{label}'.").format(id=member, label=result.label))
    for line in result.kept:
        print(line)
    if result.mentions:
        print(_("The old name still appears in: {places}.").format(places="; ".join(result.mentions)))
    return 0


def cmd_erase(args) -> int:
    from huurdersgroep_app.core.services.privacy.erase import erase_contact, erase_member

    member, contact = _person(args)
    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        if member is not None:
            erase_member(session, member)
            print(_("Member {id} was erased.").format(id=member))
        else:
            erase_contact(session, contact)
            print(_("Contact {id} was erased.").format(id=contact))
    return 0


def cmd_retention(args) -> int:
    from huurdersgroep_app.core.services.privacy import retention

    with Database(db_path(args), backup_on_close=False) as db:
        if args.anonymise:
            with db.transaction() as session:
                items = retention.anonymise_past_retention(session)
            print(ngettext("Anonymised {count} person past retention.", "Anonymised {count} people past retention.",
                           len(items)).format(count=len(items)))
            return 0
        with db.reading() as session:
            items = retention.past_retention(session)
            print("\t".join((_("Kind"), _("Number"), _("Name"), _("Since"), _("Retention ended"), _("Action"))))
            for item in items:
                action = _("anonymise") if item.action == "anonymise" else _("may be archived; the app keeps it")
                print("\t".join((item.kind_label, str(item.record_id), item.name, item.since.isoformat(),
                                 item.due_on.isoformat(), action)))
    return 0


def cmd_consent(args) -> int:
    from huurdersgroep_app.core.services.privacy.consent import record_consent

    member, _contact = _person(args, contact_allowed=False)
    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        consent = record_consent(session, member, args.purpose, args.given_on, args.how,
                                 statement_version=args.statement)
        version = consent.statement.version if consent.statement else None
    if version is None:
        print(_("Consent recorded; no privacy statement has been published yet."))
    else:
        print(_("Consent recorded, with version {version} of the privacy statement.").format(version=version))
    return 0


def cmd_publish(args) -> int:
    from huurdersgroep_app.core.services.organisation import get_organisation
    from huurdersgroep_app import i18n
    from huurdersgroep_app.core.services.privacy.consent import publish_statement
    from huurdersgroep_app.core.services.privacy.statement import statement_text

    text = args.text.read_text(encoding="utf-8") if args.text else None
    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        lang = getattr(args, "lang", None) or get_organisation(session).language
        with i18n.language(lang):
            statement = publish_statement(session, text if text is not None else statement_text(session),
                                          language=lang)
    print(_("Published version {version} of the privacy statement.").format(version=statement.version))
    return 0


def report_statement(args) -> int:
    from huurdersgroep_app.core.documents.privacy.statement import write_privacy_statement

    with document_session(args) as session:
        pages = write_privacy_statement(session, args.out)
    return done(args, pages)


def report_register(args) -> int:
    from huurdersgroep_app.core.documents.privacy.processing_register import write_processing_register

    with document_session(args) as session:
        pages = write_processing_register(session, args.out)
    return done(args, pages)
