"""Group-level commands: new, demo, backup, restore, check."""
from __future__ import annotations

from pathlib import Path

from huurdersgroep_app.cli import db_path
from huurdersgroep_app.core.db import backup as backups
from huurdersgroep_app.core.db.engine import Database
from huurdersgroep_app.core.db.schema import check_schema
from huurdersgroep_app.core.db.seal import file_seal_problems, restore_changes
from huurdersgroep_app.core.db.staged import create_filled
from huurdersgroep_app.core.errors import DatabaseError, DomainError
from huurdersgroep_app.core.rules import REGIONS
from huurdersgroep_app.core.services import organisation
from huurdersgroep_app.i18n import _


def register(cli) -> None:
    new = cli.command("new", "create an empty group", cmd_new)
    new.add_argument("--name", required=True)
    new.add_argument("--region", required=True, choices=REGIONS)
    new.add_argument("--landlord", default="")
    for option in ("street", "number", "box", "postcode", "city"):  # the landlord's postal address
        new.add_argument(f"--landlord-{option}", default="")
    demo = cli.command("demo", "create the demo group", cmd_demo)
    demo.add_argument("--members", type=int, default=120)
    demo.add_argument("--seed", type=int, default=1)
    backup = cli.command("backup", "copy the database to a backup file", cmd_backup)
    backup.add_argument("--out", type=Path, required=True)
    restore = cli.command("restore", "replace the database by a backup", cmd_restore)
    restore.add_argument("file", type=Path)
    restore.add_argument("--accept-changed-years", action="store_true",
                         help="restore even if the backup's closed years differ from the file's")
    cli.command("check", "integrity and schema check", cmd_check)


def _refuse_existing(path: Path) -> None:
    if path.exists() and path.stat().st_size:
        raise DomainError(_("{path} already exists. Choose another file name.").format(path=path))


def cmd_new(args) -> int:
    path = db_path(args)
    _refuse_existing(path)
    create_filled(path, lambda s: organisation.create_organisation(s, organisation.OrganisationInput(
        name=args.name, region=args.region, landlord_name=args.landlord, landlord_street=args.landlord_street,
        landlord_house_number=args.landlord_number, landlord_box=args.landlord_box,
        landlord_postcode=args.landlord_postcode, landlord_city=args.landlord_city)), backup_on_close=False).close()
    print(_("Created the group '{name}' in {path}.").format(name=args.name, path=path))
    return 0


def cmd_demo(args) -> int:
    from huurdersgroep_app.core.demo import create_demo

    path = db_path(args)
    _refuse_existing(path)
    if args.members < 1:
        raise DomainError(_("The demo needs at least one member."))
    create_filled(path, lambda s: create_demo(s, members=args.members, seed=args.seed),
                  backup_on_close=False).close()  # appears only when whole
    print(_("Created the demo group in {path}.").format(path=path))
    return 0


def cmd_backup(args) -> int:
    with Database(db_path(args), backup_on_close=False) as db:
        target = db.backup(args.out)
    print(_("Backup written to {path}.").format(path=target))
    return 0


def cmd_restore(args) -> int:
    path = db_path(args)
    if not args.file.exists():
        raise DomainError(_("The file {path} does not exist.").format(path=args.file))
    problems = backups.integrity_problems(args.file)
    if problems:
        raise DatabaseError(_("This backup cannot be restored: {problem}").format(problem=problems[0]))
    check_schema(args.file)  # refuses a backup from a newer version or of another program
    changes = restore_changes(args.file, path) if path.exists() else []
    if changes and not args.accept_changed_years:
        raise DomainError(_("This backup differs from the file in its closed years, so nothing was replaced:\n"
                            "{changes}\nTo restore it anyway, run the command again with --accept-changed-years.")
                          .format(changes="\n".join(changes)))
    if path.exists():
        # Open (and lock) the current file: refuses while it is in use; keep a safety copy.
        with Database(path, backup_on_close=False) as db:
            db.backup(backups.backup_dir(path) / f"{path.stem}-before-restore.sqlite")
            db.engine.dispose()
            backups.restore_into(args.file, path)
    else:
        backups.restore_into(args.file, path)
    with Database(path, backup_on_close=False):
        pass  # brings an older backup up to the current schema
    print(_("Restored {backup} into {path}.").format(backup=args.file, path=path))
    return 0


def cmd_check(args) -> int:
    path = db_path(args)
    with Database(path, backup_on_close=False):
        pass  # opening checks lock, version and migrates
    problems = backups.integrity_problems(path)
    if not problems:
        from huurdersgroep_app.core.db.amount_check import amount_problems

        problems = amount_problems(path) + file_seal_problems(path)
    if problems:
        raise DatabaseError(_("The check found problems: {problems}").format(problems="; ".join(problems)))
    print(_("{path}: no problems found.").format(path=path))
    return 0

