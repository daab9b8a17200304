"""``sst-desk backup``, ``restore`` and ``backups``: the backups folder from the command line (SQLite files only)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .cli_errors import CommandError


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    backup = commands.add_parser("backup", help="back up the database now",
                                 description="Back up the database with SQLite's backup API (safe while "
                                             "SST Desk is open) into its backups folder, and check the copy. "
                                             "Manual backups are kept until you delete them.")
    add_db(backup, default_db)
    backup.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="write the backup to this file instead of the backups folder")

    restore = commands.add_parser("restore", help="replace the database with a backup",
                                  description="Replace the database with a backup. The backup is checked "
                                              "first, and the current database is kept as a pre-restore "
                                              "backup, so a restore can be undone. Close SST Desk first.")
    restore.add_argument("backup_file", type=Path, metavar="BACKUP", help="the backup file to restore")
    add_db(restore, default_db)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    listing = commands.add_parser("backups", help="list the backups of the database",
                                  description="List the backups in the database's backups folder, newest first.")
    add_db(listing, default_db)


def _file(target: str | None) -> Path:
    """The database file (never a server URL: a server's backups are its own job)."""
    if target is not None and "://" in target:
        raise CommandError("A database on a server is backed up by the server's own tools, not by SST Desk.")
    return (Path(target).expanduser() if target else paths.default_database_path()).resolve()


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} kB"


def backup(args: argparse.Namespace, open_database) -> int:
    from .persistence.backups import MANUAL, take_backup

    target = getattr(args, "db", None)
    _file(target)
    out: Path | None = args.out.expanduser().resolve() if args.out is not None else None
    if out is not None and out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name such as {out / 'sst-desk-backup.sqlite3'}.")
    if out is not None and out.exists():
        raise CommandError(f"{out} already exists; nothing was written.")
    db = open_database(target, must_exist=True)
    try:
        from .workflow.access import Action, Resource

        with db.uow() as uow:  # a copy of every case (and its key file): not for workers (refusal logged)
            uow.require(Resource.BACKUPS, Action.CREATE)
        written = take_backup(db, MANUAL, dest=out)
    finally:
        db.close()
    print(f"Backed up {db.path} to {written} (checked: ok)")
    return 0


def list_backups(args: argparse.Namespace) -> int:
    from .persistence.backups import list_backups as found

    file = _file(getattr(args, "db", None))
    rows = found(file)
    if not rows:
        print(f"There are no backups of {file} in {paths.backup_dir_for(file)}.")
        return 0
    for info in rows:
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {info.kind:<11}  {_size(info.size):>8}  {info.path}")
    return 0


def confirm(question: str, refusal: str = "This cannot be undone; run it on a terminal to confirm, "
                                           "or add --yes.") -> bool:
    if not sys.stdin.isatty():
        raise CommandError(refusal)
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "j", "ja")


def restore(args: argparse.Namespace, check_location, restore_key) -> int:
    from .persistence.backups import restore as restore_file, verify_backup

    target = _file(getattr(args, "db", None))
    source: Path = args.backup_file.expanduser().resolve()
    if not source.is_file():
        raise CommandError(f"There is no backup file {source}.")
    if source == target:
        raise CommandError("A database cannot be restored from itself.")
    check_location(target)
    key = restore_key(target, args)
    verify_backup(source, key)
    if not args.yes and not confirm(f"Replace {target} with the backup {source}? "
                                    "The current database is kept as a pre-restore backup.",
                                    "Restoring replaces the database; run it on a terminal to confirm, or add --yes."):
        print("Nothing was changed.")
        return 1
    safety = restore_file(source, target, key)
    kept = f"; the database as it was is in {safety}" if safety else ""
    print(f"Restored {target} from {source}{kept}")
    return 0
