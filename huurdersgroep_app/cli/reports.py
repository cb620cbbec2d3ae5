"""`huurdersgroep report member-list|board-list`: the foundation's documents."""
from __future__ import annotations

from contextlib import contextmanager

from huurdersgroep_app import i18n
from huurdersgroep_app.cli import db_path
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.i18n import _, ngettext


def register(cli) -> None:
    cli.report_option("--privacy", choices=("names", "contact", "counts"), default="names")
    cli.report_option("--format", choices=("pdf", "docx"), default=None)
    cli.add_report("member-list", report_member_list)
    cli.add_report("board-list", report_board_list)


@contextmanager
def document_session(args):
    """Open the file read-only for a document, in --lang or else the group's own language."""
    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        lang = getattr(args, "lang", None) or organisation.get_organisation(session).language
        with i18n.language(lang):
            yield session


def done(args, pages: int | None = None) -> int:
    if pages:
        print(ngettext("Written {path} ({pages} page).", "Written {path} ({pages} pages).", pages).format(
            path=args.out, pages=pages))
    else:
        print(_("Written {path}.").format(path=args.out))
    return 0


def report_member_list(args) -> int:
    from huurdersgroep_app.core.documents.member_list import write_member_list

    with document_session(args) as session:
        pages = write_member_list(session, args.out, privacy=args.privacy)
    return done(args, pages)


def report_board_list(args) -> int:
    from huurdersgroep_app.core.documents.board_list import write_board_list

    with document_session(args) as session:
        pages = write_board_list(session, args.out)
    return done(args, pages)
