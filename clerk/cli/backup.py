"""`clerk backup` and `clerk restore`: a copy of the database taken while it is in use, and
putting one back (clerk.store.backup does the work)."""

from __future__ import annotations

from pathlib import Path

import click

from clerk.cli import _db_path, _store, main


@main.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the backup here. Default: clerk-backup-YYYYMMDD-HHMMSS.db beside the database.",
)
@click.pass_context
def backup(ctx: click.Context, output: Path | None) -> None:
    """Copy the database, safely while clerk is recording, to a backup file (created 0600).

    Without -o the backup is dated, beside the database, and only the newest ten such are
    kept: as when a meeting is closed or clerk quits.
    """
    from clerk.store.backup import backup_to, take_backup

    with _store(ctx, create=False) as store:
        target = take_backup(store) if output is None else backup_to(store, output)
    click.echo(f"Backed up {_db_path(ctx)} to {target}")


@main.command()
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def restore(ctx: click.Context, backup_file: Path) -> None:
    """Replace the database by BACKUP_FILE, keeping the current database aside first.

    Refused, with nothing changed, when BACKUP_FILE is not a clerk database or fails SQLite's
    integrity check.
    """
    from clerk.store.backup import restore as restore_backup

    db = _db_path(ctx)
    aside = restore_backup(db, backup_file)
    if aside is not None:
        click.echo(f"Kept the database as it was in {aside}")
    click.echo(f"Restored {backup_file} to {db}")
