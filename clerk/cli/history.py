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
    if _holds_a_tracker(minutes_file):
        click.echo(
            f"{minutes_file} also holds the committee's action tracker: `clerk import-actions "
            f"{minutes_file}` puts its actions on the meetings they belong to."
        )


def _holds_a_tracker(path: Path) -> bool:
    from clerk.errors import ClerkError
    from clerk.importers.action_tracker import read_tracker

    try:
        return bool(read_tracker(path)[0])
    except ClerkError:
        return False  # the tracker's own errors are import-actions' to tell


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


ACTIONS_HELP = """Read the committee's action tracker out of FILE (an agenda pack, or the
tracker alone: text or markdown converted from the PDF) and put each block's actions on the
meeting it reports on, so `clerk actions --open` lists those still open.

A block is a table headed "Agenda Item | Action | Update" under a line with the meeting's
date ("ROUND TWO 17 OCTOBER 2019"). Its meeting is the committee's meeting that day (the
committee from the tracker's heading, "… Action Tracker", or --committee); each action's item
is found by its number, its title checked, or by its title alone. The Update column gives the
status: "Completed" done, "In progress" in progress, anything else open, kept as the comment;
without an Update column every action is open.

A block whose meeting is not stored is skipped, and each is named with its line: a meeting
made up from the tracker would have no attendance and no minutes, and the registers would
count it as a meeting nobody attended. Import that meeting's minutes (`clerk import-minutes`)
or agenda first, then the tracker again.

Importing the same tracker again, or next month's, updates the statuses and comments of the
actions already stored and adds none twice. What had to be guessed is shown; nothing is
written if anything in the file is wrong, and the error names the line.
"""


@main.command("import-actions", help=ACTIONS_HELP)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--committee",
    "-c",
    help="The committee's name, when the tracker does not name it or spells it otherwise.",
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.pass_context
def import_actions(ctx: click.Context, file: Path, committee: str | None, dry_run: bool) -> None:
    from rich.console import Console
    from rich.text import Text

    from clerk import tracker_import
    from clerk.dates import long_date

    console = Console()
    with _store(ctx, role="import", create=False) as store:
        tracker = tracker_import.plan(store, file, committee)
        for step in tracker.blocks:
            block = step.block
            where = f"{tracker.source}, line {block.line}, {block.round}: "
            day = long_date(block.day, tracker_import.DAY)
            n = len(block.actions)
            actions = f"{n} action{'s' if n != 1 else ''}"
            if step.meeting is None:
                console.print(
                    Text.assemble(
                        ("Skipped: ", "yellow"),
                        f"{where}no meeting of {step.committee.name} on {day} is stored; "
                        f"its {actions} were not imported.",
                    )
                )
                continue
            done = [
                f"{len(step.add)} added" if step.add else "",
                f"{len(step.update)} updated" if step.update else "",
                f"{step.unchanged} unchanged" if step.unchanged else "",
            ]
            console.print(
                Text(
                    f"{where}the meeting of {day} ({step.meeting.id[:8]}): "
                    f"{actions}, {', '.join(d for d in done if d)}"
                )
            )
        for guess in tracker.guesses:
            console.print(Text.assemble(("Guessed:", "yellow"), " ", guess))
        skipped = sum(1 for s in tracker.blocks if s.meeting is None)
        if not dry_run:
            tracker_import.apply(store, tracker)
    summary = (
        f"{tracker.added} action{'s' if tracker.added != 1 else ''} added, {tracker.updated} "
        f"updated, {tracker.unchanged} unchanged in {_db_path(ctx)}"
    )
    if skipped:
        summary += (
            f"; {skipped} block{'s' if skipped != 1 else ''} skipped: import "
            f"{'those meetings' if skipped != 1 else 'that meeting'} first "
            "(`clerk import-minutes`), then this file again"
        )
    click.echo("Dry run: nothing written." if dry_run else summary + ".")
