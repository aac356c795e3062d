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
    help="Write the backup here. Default: clerk-backup-YYYYMMDD-HHMMSS.db beside the database "
    "(clerk-public-… with --public).",
)
@click.option(
    "--public",
    is_flag=True,
    help="A copy to publish (with Datasette): no exempt (Part 2) matter, no e-mail addresses "
    "or telephone numbers, no history.",
)
@click.pass_context
def backup(ctx: click.Context, output: Path | None, public: bool) -> None:
    """Copy the database, safely while clerk is recording, to a backup file (created 0600).

    Without -o the backup is dated, beside the database, and only the newest ten such are
    kept: as when a meeting is closed or clerk quits.

    With --public the copy is a clerk database fit to publish, which `clerk search`, the
    registers and Datasette read as they read any: exempt items keep their number, title,
    grounds and public summary, but not their description, sub-items, paragraphs,
    resolutions, votes, actions or declarations; people keep their names and roles, not
    their contact details, and only those the public record names are kept; the journal,
    undo steps, the chair's amendment requests, frozen versions and status history are
    left out whole. It is not a backup: restore from an ordinary one.
    """
    from clerk.store.backup import backup_name, backup_to, take_backup

    with _store(ctx, create=False) as store:
        if public:
            from clerk.store.public_copy import public_copy

            copy = public_copy(store, output or backup_name(store.path, "public"))
            click.echo(
                f"Wrote a public copy of {_db_path(ctx)} to {copy.path}: {copy.meetings} "
                f"meeting{'s' if copy.meetings != 1 else ''}; left out the record of "
                f"{copy.exempt_items} exempt item{'s' if copy.exempt_items != 1 else ''} "
                f"({copy.rows_left_out} row{'s' if copy.rows_left_out != 1 else ''}), "
                f"{copy.people_left_out} "
                f"{'person' if copy.people_left_out == 1 else 'people'} named only there "
                "or nowhere, everyone's contact details, and the history."
            )
            return
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
