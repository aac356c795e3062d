"""`clerk import-minutes`: the minutes a council has already published, read back into
meetings, so years of past meetings become searchable and feed the registers."""

from __future__ import annotations

from pathlib import Path

import click

from clerk import importing
from clerk.cli import _db_path, _describe, _store, main
from clerk.cli.committee_change import (
    committee_change_option,
    person_change_option,
    save_import,
)

HELP = f"""Read MINUTES_FILE, a committee's minutes as the council publishes them
({", ".join(importing.MINUTES.suffixes)}: the text or markdown converted from the PDF, or
minutes inside an agenda pack), back into a meeting record and save it.

Attendance, apologies, substitutes, declarations, each item's numbered paragraphs and
resolutions, votes and the end time are read; what had to be guessed is shown. Nothing is
written if anything in the file is wrong: the error names the line.
"""


@main.command("import-minutes", help=HELP)
@click.argument("minutes_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--committee",
    "-c",
    help="The committee's name, when the minutes spell it otherwise than the database.",
)
@click.option(
    "--style", help="The house style the minutes were written in (a built-in name or a file)."
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option(
    "--new", is_flag=True, help="Save as another meeting even if the committee has one that day."
)
@committee_change_option
@person_change_option
@click.pass_context
def import_minutes(
    ctx: click.Context,
    minutes_file: Path,
    committee: str | None,
    style: str | None,
    dry_run: bool,
    new: bool,
    committee_change: str | None,
    person_change: str,
) -> None:
    incoming = importing.read_minutes(minutes_file, committee=committee, style=style)
    if dry_run and not _db_path(ctx).exists():  # a dry run must not create the database
        _describe_minutes(incoming)
        click.echo("Dry run: nothing written.")
        return
    with _store(ctx, role="import") as store:
        incoming = importing.fit_to_store(store, incoming)
        _describe_minutes(incoming)
        same_day = importing.SameDay.NEW if new else importing.SameDay.REFUSE
        done = save_import(
            store,
            incoming,
            committee_change,
            same_day=same_day,
            dry_run=dry_run,
            person_change=person_change,
            on_same_day="Add --new to save these minutes as a separate meeting.",
        )
    if dry_run:
        click.echo("Dry run: nothing written.")
    else:
        click.echo(f"Imported as meeting {done.meeting_id[:8]} into {_db_path(ctx)}")


def _describe_minutes(incoming: importing.Incoming) -> None:
    """The agenda's summary (`clerk import` shows the same), then what the minutes recorded."""
    from rich.console import Console
    from rich.text import Text

    record = incoming.record
    _describe(record, ())
    console = Console()
    counts: dict[str, int] = {}
    for a in record.attendance:
        what = a.status.value.replace("_", " ")
        counts[what] = counts.get(what, 0) + 1
    console.print(
        Text(
            "Attendance: "
            + (", ".join(f"{n} {what}" for what, n in counts.items()) or "none recorded")
        )
    )
    console.print(
        Text(
            f"{len(record.paragraphs)} paragraphs, {len(record.resolutions)} resolutions, "
            f"{len(record.declarations)} declarations, {len(record.votes)} votes"
            + (f"; ended {record.meeting.end_time:%H:%M}" if record.meeting.end_time else "")
        )
    )
    for guess in incoming.guesses:
        console.print(Text.assemble(("Guessed:", "yellow"), " ", guess))
