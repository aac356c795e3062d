"""`clerk publish`: a meeting's or a committee's public papers and open data into a folder."""

from __future__ import annotations

from pathlib import Path

import click

from clerk.cli import _committee, _resolve, _store, _style, main
from clerk.errors import ClerkError
from clerk.record import MeetingRecord, MeetingStatus


@main.command("publish")
@click.argument("what")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write into (made if missing).",
)
@click.option(
    "--committee", "-c", help="Part of the committee's name, when two meetings share a date."
)
@click.option(
    "--drafts", is_flag=True, help="Also meetings ended but not yet approved, marked DRAFT."
)
@click.option("--no-word", is_flag=True, help="Leave out the Word copies of the minutes.")
@click.option("--style", help="House style: a built-in name (westminster) or a style TOML file.")
@click.pass_context
def publish_command(
    ctx: click.Context,
    what: str,
    output: Path,
    committee: str | None,
    drafts: bool,
    no_word: bool,
    style: str | None,
) -> None:
    """Write what the council publishes of WHAT into a folder: the public minutes (HTML and
    Word), the decision note, the committee's meetings as an iCalendar file, and open data
    (Popolo / Open Civic Data JSON: people, memberships, events with their agenda items and
    decisions, votes). Exempt (Part 2) business is never in any of them. Approved minutes
    written here are marked published (their status; `clerk meetings` shows it).

    WHAT is a meeting (its id, or its date as YYYY-MM-DD) or a committee (its name or a
    distinctive part of it): a committee publishes all its meetings.
    """
    from clerk.publish import publish

    with _store(ctx) as store:
        records = []
        try:
            meeting_id = _resolve(store, what, committee)
            records = [store.load_record(meeting_id)]
            committees = [records[0].committee]
        except ClerkError as not_a_meeting:
            try:
                found = _committee(store, what)
            except ClerkError:
                raise ClerkError(
                    f"{what!r} is neither a meeting nor a committee: {not_a_meeting}"
                ) from None
            committees = [found]
            records = [store.load_record(m.id) for m in store.committee_meetings(found.id)]
        calendars = {c.id: (c, store.committee_meetings(c.id)) for c in committees}
    done = publish(
        records,
        calendars,
        output,
        style_of=lambda record: _style(style, record),
        drafts=drafts,
        word=not no_word,
    )
    for path in done.files:
        click.echo(f"Wrote {path}")
    for line in done.held_back:
        click.echo(f"Not published: {line}")
    _mark_published(ctx, [r for r in records if r.meeting.status is MeetingStatus.APPROVED])


def _mark_published(ctx: click.Context, records: list[MeetingRecord]) -> None:
    """Approved minutes whose papers were just written move to published, journalled."""
    if not records:
        return
    from clerk import review

    with _store(ctx) as store:
        for record in records:
            done = review.publish(store, record.meeting.id)
            click.echo(f"The minutes of {done.date} are marked published.")
