"""`huurdersgroep import members FILE`: all-or-nothing, with every problem listed row by row."""
from __future__ import annotations

import sys

from huurdersgroep_app.cli import UsageError, db_path
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.errors import DomainError
from huurdersgroep_app.i18n import _, ngettext


def register(cli) -> None:
    cli.import_option("--valid-only", action="store_true", help="import the valid rows, skip the others")
    cli.import_option("--map", action="append", default=[], metavar="COLUMN=field")
    cli.add_importer("members", import_members)


def parse_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        column, sep, field = item.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise UsageError(_("Write --map as COLUMN=field, for example --map \"Naam=last_name\"."))
        mapping[column.strip()] = field.strip()
    return mapping


def import_members(args) -> int:
    from huurdersgroep_app.core.importers import members as importer

    if not args.file.exists():
        raise DomainError(_("The file {path} does not exist.").format(path=args.file))
    table = importer.read_table(args.file)
    chosen = importer.check_mapping(table.headers, parse_map(args.map))
    mapping = importer.merge_mapping(importer.guess_mapping(table.headers), chosen)
    with Database(db_path(args), backup_on_close=False) as db:
        with db.reading() as session:
            preview = importer.preview(session, table, mapping)
        for problem in preview.problems:
            print(_("line {line}, {field}: {reason}").format(
                line=problem.line, field=problem.field_label, reason=problem.reason), file=sys.stderr)
        if preview.problems and not args.valid_only:
            raise DomainError(ngettext(
                "{count} problem found; nothing was imported. Correct the file, or use --valid-only to "
                "import only the {valid} valid rows.",
                "{count} problems found; nothing was imported. Correct the file, or use --valid-only to "
                "import only the {valid} valid rows.", len(preview.problems)).format(
                count=len(preview.problems), valid=len(preview.valid)))
        with db.transaction() as session:
            added = importer.apply(session, preview, valid_only=args.valid_only)
    print(ngettext("Imported {added} member.", "Imported {added} members.", added).format(added=added))
    if preview.new_complexes:
        print(_("New complexes: {names}.").format(names=", ".join(preview.new_complexes)))
    if preview.placed_by_address:
        count = len(preview.placed_by_address)
        print(ngettext("{count} member was placed in a complex by their address.",
                       "{count} members were placed in a complex by their address.", count).format(count=count))
    if preview.already_present:
        print(ngettext("{count} row was already registered.", "{count} rows were already registered.",
                       len(preview.already_present)).format(count=len(preview.already_present)))
    if preview.skipped_rows:
        print(ngettext("{count} row with problems was skipped.", "{count} rows with problems were skipped.",
                       preview.skipped_rows).format(count=preview.skipped_rows))
    if preview.unmapped_columns:
        print(_("Columns not imported: {columns}. Use --map COLUMN=field to import one.").format(
            columns=", ".join(preview.unmapped_columns)))
    return 0
