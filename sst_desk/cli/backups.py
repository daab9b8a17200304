"""``sst-desk backup``, ``restore`` and ``backups``: the backups folder from the command line (SQLite files only)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sst_desk import i18n, paths
from sst_desk.cli.common import check_location, confirm, open_database, refuse_on_server, restore_key, restore_right
from sst_desk.cli.errors import CommandError

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    backup_parser = commands.add_parser("backup", help=_t("back up the database now"),
                                 description=_t("Back up the database with SQLite's backup API (safe while "
                                                "SST Desk is open) into its backups folder, and check the copy. "
                                                "Manual backups are kept until you delete them."))
    add_db(backup_parser, default_db)
    backup_parser.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help=_t("write the backup to this file (not existing) instead of the backups folder"))

    restore_parser = commands.add_parser("restore", help=_t("replace the database with a backup"),
                                  description=_t("Replace the database with a backup. The backup is checked "
                                                 "first, and the current database is kept as a pre-restore "
                                                 "backup, so a restore can be undone. Only an administrator or a "
                                                 "team lead may restore; the restore is recorded in the access "
                                                 "log, in the restored database too. Close SST Desk first."))
    restore_parser.add_argument("backup_file", type=Path, metavar="BACKUP", help=_t("the backup file to restore"))
    add_db(restore_parser, default_db)
    restore_parser.add_argument("--yes", action="store_true", help=_t("do not ask for confirmation"))

    listing = commands.add_parser("backups", help=_t("list the backups of the database"),
                                  description=_t("List the backups in the database's backups folder, newest first."))
    add_db(listing, default_db)
    backup_parser.set_defaults(_run=backup)
    restore_parser.set_defaults(_run=restore)
    listing.set_defaults(_run=list_backups)


def _refuse_on_server(args: argparse.Namespace) -> None:
    refuse_on_server(args, _t("Backups and restores work on a database file. The team server's database is backed "
                              "up by its operators with PostgreSQL's own tools (docs/server-operations.md); "
                              "nothing was done."))


def _file(target: str | None) -> Path:
    """The database file (never a server URL: a server's backups are its own job)."""
    if target is not None and "://" in target:
        raise CommandError(_t("A database on a server is backed up by the server's own tools, not by SST Desk."))
    return (Path(target).expanduser() if target else paths.default_database_path()).resolve()


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} kB"


def backup(args: argparse.Namespace) -> int:
    _refuse_on_server(args)
    from sst_desk.fileio import Refusal, TargetRefused, check_target
    from sst_desk.security.keyfile import key_file_for
    from sst_desk.services import Door

    target = getattr(args, "db", None)
    database = _file(target)
    out: Path | None = None
    if args.out is not None:
        out = check_target(args.out, database=database)  # never over a file, a database or a key file
        if os.path.lexists(key_file_for(out)):  # the copy of the key file goes beside it
            raise TargetRefused(key_file_for(out), Refusal.EXISTS)
    db = open_database(target, must_exist=True, args=args)
    try:  # a copy of every case (and its key file): not for workers (the refusal is logged)
        written = Door(db.uow, db.actor).backups.make_backup(out)
    finally:
        db.close()
    print(_t("Backed up %1 to %2 (checked: ok)").replace("%1", str(db.path)).replace("%2", str(written)))
    return 0


def list_backups(args: argparse.Namespace) -> int:
    _refuse_on_server(args)
    from sst_desk.persistence.backups import list_backups as found

    file = _file(getattr(args, "db", None))
    rows = found(file)
    if not rows:
        print(_t("There are no backups of %1 in %2.").replace("%1", str(file))
              .replace("%2", str(paths.backup_dir_for(file))))
        return 0
    for info in rows:
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {info.kind:<11}  {_size(info.size):>8}  {info.path}")
    return 0


def restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup: checked, confirmed, authorized and logged (``restore.restore_as``)."""
    _refuse_on_server(args)
    from sst_desk.persistence.backups import verify_backup
    from sst_desk.persistence.restore import restore_as

    target = _file(getattr(args, "db", None))
    source: Path = args.backup_file.expanduser().resolve()
    if not source.is_file():
        raise CommandError(_t("There is no backup file %1.").replace("%1", str(source)))
    if source == target:
        raise CommandError(_t("A database cannot be restored from itself."))
    check_location(target)
    key = restore_key(target, args)
    verify_backup(source, key)
    if not args.yes and not confirm(
            _t("Replace %1 with the backup %2? The current database is kept as a pre-restore backup.")
            .replace("%1", str(target)).replace("%2", str(source)),
            _t("Restoring replaces the database; run it on a terminal to confirm, or add --yes.")):
        print(_t("Nothing was changed."))
        return 1
    safety = restore_as(source, target, key, restore_right(args))
    if safety:
        print(_t("Restored %1 from %2; the database as it was is in %3").replace("%1", str(target))
              .replace("%2", str(source)).replace("%3", str(safety)))
    else:
        print(_t("Restored %1 from %2").replace("%1", str(target)).replace("%2", str(source)))
    return 0
