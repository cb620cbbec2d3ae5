"""The money on the command line:

    huurdersgroep import bank FILE --account IBAN_OR_NAME [--format auto|camt053|mt940|coda|csv] [--dry-run]
    huurdersgroep report budget|budget-vs-actual|financial-report|audit-pack|dues-letters|ledger --year YYYY --out FILE
    huurdersgroep finance years | balances --year YYYY | checks YYYY | close-year YYYY
    huurdersgroep finance accounts | add-account | opening-balance | add-entry
    huurdersgroep finance set-category ENTRY_ID [ENTRY_ID ...] --category NAME_OR_CODE

Tab-separated output has amounts as 1234.56 (a dot, no thousands separator) for scripts.
"""
from __future__ import annotations

import sys
from decimal import Decimal

from huurdersgroep_app.cli import Parser, UsageError, db_path, year
from huurdersgroep_app.cli.reports import document_session, done
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _, format_date, ngettext

BANK_FORMATS = ("auto", "camt053", "mt940", "coda", "csv")
CSV_FIELDS = ("date", "amount", "debit", "credit", "direction", "value_date", "counterparty_name",
              "counterparty_iban", "description", "structured_reference", "bank_reference", "currency")


def register(cli) -> None:
    cli.import_option("--account", help="the account: its IBAN or name (bank import)")
    cli.import_option("--format", default=None, help="bank file format: " + ", ".join(BANK_FORMATS))
    cli.import_option("--dry-run", action="store_true", help="show what would be imported, write nothing")
    cli.import_option("--map", action="append", default=[], metavar="COLUMN=field")
    cli.add_importer("bank", import_bank)
    cli.report_option("--year", type=year, help="the (financial) year")
    cli.report_option("--from", dest="date_from", metavar="DATE", help="first day of the period")
    cli.report_option("--to", dest="date_to", metavar="DATE", help="last day of the period")
    for name, handler in (("budget", report_budget), ("budget-vs-actual", report_budget_vs_actual),
                          ("financial-report", report_financial), ("audit-pack", report_audit_pack),
                          ("dues-letters", report_dues_letters)):
        cli.add_report(name, handler)
    cli.report_option("--format", choices=("pdf", "xlsx"), default=None)
    cli.add_report("ledger", report_ledger, formats=("xlsx",))  # a spreadsheet only
    finance = cli.command("finance", "the books: years, balances, closing a year", _need_subcommand)
    sub = finance.add_subparsers(dest="finance_command", parser_class=Parser)

    def add(name: str, help: str, handler):
        parser = sub.add_parser(name, help=help, parents=[cli.common])
        parser.set_defaults(handler=handler)
        return parser

    add("years", "financial years, open or closed", cmd_years)
    add("balances", "balances per account: name, IBAN, opening, income, expense, transfers (net), closing, "
        "not categorised", cmd_balances).add_argument("--year", type=year, required=True)
    add("checks", "the year-closing checks, without closing", cmd_checks).add_argument("year", type=int)
    close = add("close-year", "check and close (lock) a year", cmd_close_year)
    close.add_argument("year", type=int)
    close.add_argument("--confirm", action="store_true",
                       help="confirm what the checks ask (missing statements, months without a bank line, an "
                            "opening balance taken from a later statement)")
    add("accounts", "the group's accounts", cmd_accounts)
    account = add("add-account", "add a cash box or bank account", cmd_add_account)
    account.add_argument("--name", required=True)
    account.add_argument("--kind", choices=("cash", "bank"), default="bank")
    account.add_argument("--iban", default="")
    opening = add("opening-balance", "set an account's balance on 1 January", cmd_opening_balance)
    opening.add_argument("--account", required=True)
    opening.add_argument("--year", type=year, required=True)
    opening.add_argument("--amount", required=True)
    entry = add("add-entry", "book an entry (money out: a negative amount, written --amount=-12,50)", cmd_add_entry)
    entry.add_argument("--date", required=True)
    entry.add_argument("--account", required=True)
    entry.add_argument("--amount", required=True)
    entry.add_argument("--category", default="")
    entry.add_argument("--description", default="")
    entry.add_argument("--counterparty", default="")
    recategorise = add("set-category", "put one or more unsplit entries (their ids) in one category, all or nothing",
                       cmd_set_category)
    recategorise.add_argument("entry_ids", nargs="+", type=int, metavar="ENTRY_ID")
    recategorise.add_argument("--category", required=True, help="the category's name or code")


def _need_subcommand(args) -> int:
    raise UsageError(_("Choose what to do: years, balances, checks, close-year, accounts, add-account, "
                       "opening-balance, add-entry or set-category."))


def plain(amount: Decimal) -> str:
    """1234.56: exact, for scripts and spreadsheets."""
    return f"{amount:.2f}"


def _year(args) -> int:
    if not getattr(args, "year", None):
        raise UsageError(_("Give the year with --year YYYY."))
    return args.year


# ----- bank import

def _csv_mapping(items: list[str]):
    if not items:
        return None
    from huurdersgroep_app.cli.members import parse_map

    mapping: dict = {}
    for column, field in parse_map(items).items():
        if field not in CSV_FIELDS:
            raise UsageError(_("Unknown field '{field}'. Choose one of: {choices}.").format(
                field=field, choices=", ".join(CSV_FIELDS)))
        mapping[field] = (column,) if field in ("description", "bank_reference") else column
    if "date" not in mapping:
        raise UsageError(_("The column mapping needs at least the date column (--map \"Datum=date\")."))
    return mapping


def import_bank(args) -> int:
    from huurdersgroep_app.core.importers.bank import parse_bank_file
    from huurdersgroep_app.core.services.finance.accounts import resolve_account
    from huurdersgroep_app.core.services.finance.bank_import import import_statements
    from huurdersgroep_app.core.services.finance.book_import import book_import

    fmt = args.format or "auto"
    if fmt not in BANK_FORMATS:
        raise UsageError(_("Unknown bank file format '{format}'. Choose one of: {choices}.").format(
            format=fmt, choices=", ".join(BANK_FORMATS)))
    if not args.account:
        raise UsageError(_("Name the account with --account IBAN_OR_NAME."))
    if not args.file.exists():
        raise DomainError(_("The file {path} does not exist.").format(path=args.file))
    statements = parse_bank_file(args.file, fmt, csv_mapping=_csv_mapping(args.map))
    with Database(db_path(args), backup_on_close=False) as db:
        # A dry run is rolled back whole: even a new account.
        with (db.dry_run() if args.dry_run else db.transaction()) as session:
            account, created = resolve_account(session, args.account, create=True)
            preview = import_statements(session, account, statements, dry_run=True, file_name=args.file.name)
            if args.dry_run:
                _print_preview(session, preview)
            else:  # the same use case as the wizard's 'Book'
                book_import(session, preview)
    if created and args.dry_run:
        print(_("A new bank account would be made for {iban}.").format(iban=account.iban), file=sys.stderr)
    elif created:
        print(_("New bank account '{name}' ({iban}).").format(name=account.name, iban=account.iban), file=sys.stderr)
    for message in preview.mismatches + preview.warnings:
        print(_("Warning: {message}").format(message=message), file=sys.stderr)
    new, old = len(preview.new_lines), preview.duplicates
    if args.dry_run:
        print(ngettext("Dry run: {new} new line would be booked on '{account}', {old} already booked; "
                       "nothing was written.", "Dry run: {new} new lines would be booked on '{account}', {old} "
                       "already booked; nothing was written.", new).format(new=new, old=old, account=account.name))
    else:
        print(ngettext("Booked {new} new line on '{account}'; {old} already booked.",
                       "Booked {new} new lines on '{account}'; {old} already booked.", new).format(
            new=new, old=old, account=account.name))
    return 0


def _print_preview(session, preview) -> None:
    from huurdersgroep_app.core.services.finance.categories import get_category, label

    for line in preview.new_lines:
        t = line.transaction
        category = label(get_category(session, line.category_id)) if line.category_id else ""
        if line.transfer_account_id:
            category = _("transfer")
        print("\t".join((t.booking_date.isoformat(), plain(t.amount), t.counterparty_name, t.description[:60],
                         category)))


# ----- reports

def _write(args, write, *extra) -> int:
    year = _year(args)
    with document_session(args) as session:
        pages = write(session, args.out, year, *extra)
    return done(args, pages)


def report_budget(args) -> int:
    from huurdersgroep_app.core.documents.finance.budget import write_budget
    return _write(args, write_budget)


def report_budget_vs_actual(args) -> int:
    from huurdersgroep_app.core.documents.finance.budget_vs_actual import write_budget_vs_actual
    from huurdersgroep_app.core.services.validation import FieldError, parse_date

    try:
        start = parse_date(getattr(args, "date_from", None))
        end = parse_date(getattr(args, "date_to", None))
    except FieldError as exc:
        raise UsageError(str(exc)) from None
    return _write(args, write_budget_vs_actual, start, end)


def report_financial(args) -> int:
    from huurdersgroep_app.core.documents.finance.financial_report import write_financial_report
    return _write(args, write_financial_report)


def report_audit_pack(args) -> int:
    from huurdersgroep_app.core.documents.finance.audit_pack import write_audit_pack
    return _write(args, write_audit_pack)


def report_dues_letters(args) -> int:
    from huurdersgroep_app.core.documents.finance.dues_letters import write_dues_letters
    from huurdersgroep_app.core.services.finance.dues_letters import dues_letter_plan

    year = _year(args)
    with document_session(args) as session:
        plan = dues_letter_plan(session, year)
        pages = write_dues_letters(session, args.out, year)
        # Members who left during the year are never written to by a batch: the treasurer decides.
        for member in plan.left:
            print(_("No letter for {name}: left on {date}{reason}. Decide yourself whether to ask for the dues.")
                  .format(name=member.name, date=format_date(member.left_on),
                          reason=f" ({member.reason})" if member.reason else ""), file=sys.stderr)
    return done(args, pages)


def report_ledger(args) -> int:
    from huurdersgroep_app.core.documents.finance.ledger_xlsx import write_ledger_xlsx

    year = _year(args)
    with document_session(args) as session:
        rows = write_ledger_xlsx(session, args.out, year)
    print(ngettext("Written {path} ({rows} ledger line).", "Written {path} ({rows} ledger lines).", rows).format(
        path=args.out, rows=rows))
    return 0


# ----- finance commands

def cmd_years(args) -> int:
    from huurdersgroep_app.core.services.finance.years import list_years

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        for row in list_years(session):
            print(f"{row.year}\t{row.status}")
    return 0


def cmd_balances(args) -> int:
    from huurdersgroep_app.core.services.finance.views import read_accounts

    # The same reader as the window's 'Accounts and balances' tab, so both show the same figures.
    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        for row in read_accounts(session, args.year).balances:
            # The transfers between the group's own accounts (net, in minus out) sit before the closing
            # balance; the lines not categorised yet (signed) come last, so that scripts reading the
            # first seven columns keep working. Each row checks:
            # opening + income - expense + transfers + not categorised = closing.
            print("\t".join((row.name, row.iban, plain(row.opening), plain(row.income), plain(row.expense),
                             plain(row.transfers_net), plain(row.closing), plain(row.uncategorised))))
    return 0


def _print_checks(report) -> None:
    for text in report.problems:
        print(_("Problem: {text}").format(text=text), file=sys.stderr)
    for text in report.warnings:
        print(_("Warning: {text}").format(text=text), file=sys.stderr)
    for text in report.confirmations:
        print(_("To confirm: {text}").format(text=text), file=sys.stderr)


def cmd_checks(args) -> int:
    from huurdersgroep_app.core.services.finance.closing import closing_checks

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        report = closing_checks(session, args.year)
    _print_checks(report)
    if report.already_closed:
        print(_("The year {year} is closed.").format(year=args.year))
    elif report.can_close and report.confirmations:
        print(_("The year {year} can be closed once you confirm what is listed (close-year {year} --confirm).")
              .format(year=args.year))
    elif report.can_close:
        print(_("The year {year} can be closed.").format(year=args.year))
    else:
        print(_("The year {year} cannot be closed yet.").format(year=args.year))
    return 0


def cmd_close_year(args) -> int:
    from huurdersgroep_app.core.services.finance.closing import (ConfirmationNeededError, YearNotReadyError,
                                                                 close_year)

    with Database(db_path(args), backup_on_close=False) as db:
        try:
            with db.transaction() as session:
                report = close_year(session, args.year, confirmed=args.confirm)
        except ConfirmationNeededError as exc:
            for text in exc.problems:
                print(_("To confirm: {text}").format(text=text), file=sys.stderr)
            raise DomainError(_("The year {year} was not closed. Check what is listed; if it is right, run "
                                "close-year {year} --confirm.").format(year=args.year)) from None
        except YearNotReadyError as exc:
            for text in exc.problems:
                print(_("Problem: {text}").format(text=text), file=sys.stderr)
            raise DomainError(_("The year {year} was not closed.").format(year=args.year)) from None
    for text in report.warnings:
        print(_("Warning: {text}").format(text=text), file=sys.stderr)
    for text in report.confirmations:
        print(_("Confirmed: {text}").format(text=text), file=sys.stderr)
    print(_("The year {year} is closed; its books are locked.").format(year=args.year))
    return 0


def cmd_accounts(args) -> int:
    from huurdersgroep_app.core.services.finance.views import account_rows

    with Database(db_path(args), backup_on_close=False) as db, db.reading() as session:
        for account in account_rows(session):
            print("\t".join((account.name, account.kind, account.iban, "active" if account.active else "inactive")))
    return 0


def cmd_add_account(args) -> int:
    from huurdersgroep_app.core.services.finance.accounts import add_account

    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        account = add_account(session, args.name, args.kind, args.iban)
    print(_("Added the account '{name}'.").format(name=account.name))
    return 0


def cmd_opening_balance(args) -> int:
    from huurdersgroep_app.core.services.finance.accounts import resolve_account, set_opening_balance

    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        account, _created = resolve_account(session, args.account)
        set_opening_balance(session, account.id, args.year, args.amount)
    print(_("Opening balance of '{name}' for {year} set.").format(name=account.name, year=args.year))
    return 0


def cmd_add_entry(args) -> int:
    from huurdersgroep_app.core.services.finance.accounts import resolve_account
    from huurdersgroep_app.core.services.finance.categories import find_category
    from huurdersgroep_app.core.services.finance.entries import EntryInput, add_entry

    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        account, _created = resolve_account(session, args.account)
        category = find_category(session, args.category).id if args.category else None
        entry = add_entry(session, EntryInput(args.date, account.id, args.amount, category,
                                              description=args.description, counterparty=args.counterparty))
    print(_("Booked entry {id} on {date}.").format(id=entry.id, date=entry.booked_on.isoformat()))
    return 0



def cmd_set_category(args) -> int:
    from huurdersgroep_app.core.services.finance.categories import find_category, label
    from huurdersgroep_app.core.services.finance.entries import set_categories

    # The same use case as the cash book's 'Set category…': one transaction, refused whole.
    with Database(db_path(args), backup_on_close=False) as db, db.transaction() as session:
        category = find_category(session, args.category)
        changed = set_categories(session, args.entry_ids, category.id)
        name = label(category)
    print(ngettext("{changed} entry put in '{category}'.", "{changed} entries put in '{category}'.", changed).format(
        changed=changed, category=name))
    return 0
