"""The chair's review from the command line: send the draft, list and decide amendment
requests, approve, reopen, confirm, and read the versions and the journal.

Every command is a thin wrapper around `clerk.review` (which the review screen uses too);
a refusal there (a ReviewError, or MinutesApproved from the store) reaches the clerk as one
sentence saying why and what to do, with exit status 1.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from clerk.cli import _meeting_arguments, _resolve, _store, _style, main

ROLE_OPTION = click.option(
    "--as",
    "role",
    type=click.Choice(("chair", "clerk")),
    default="clerk",
    show_default=True,
    help="Who is acting: the journal records the chair when the clerk acts for them.",
)


def _when(moment: datetime | None) -> str:
    """A kept moment in the machine's local time, as a clerk reads it."""
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _moment_json(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _short(text: str, width: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


# --------------------------------------------------------------------------- sending


@main.command("send-to-chair")
@_meeting_arguments
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The chair's copy (.docx). Default: minutes-DATE-vN.docx here.",
)
@click.option("--style", help="House style: a built-in name (westminster) or a style TOML file.")
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A council's Word template (.docx) whose styles the copy uses.",
)
@click.pass_context
def send_to_chair(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    output: Path | None,
    style: str | None,
    template: Path | None,
) -> None:
    """Send MEETING's draft minutes to the chair: freeze them as the next numbered version,
    mark the meeting sent, and write the chair's copy as a Word document."""
    from clerk import review
    from clerk.minutes.render_docx import render_docx

    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
        record = store.load_record(meeting_id)
        version = review.send_to_chair(store, meeting_id, _style(style, record))
    target = output or Path(f"minutes-{record.meeting.date}-v{version.number}.docx")
    render_docx(version.document, target, template=template)
    click.echo(
        f"Version {version.number} of the minutes of {record.meeting.date} sent to the chair; "
        f"the chair's copy is {target}"
    )


# --------------------------------------------------------------------------- requests


@main.command("request")
@_meeting_arguments
@click.argument("reference")
@click.argument("kind", type=click.Choice(("replace", "insert", "delete", "comment")))
@click.argument("text", required=False, default="")
@ROLE_OPTION
@click.option("--author", help="Who asked, as the request keeps it. Default: the role.")
@click.option("--style", help="House style the minutes are read in (default: the committee's).")
@click.pass_context
def request(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    reference: str,
    kind: str,
    text: str,
    role: str,
    author: str | None,
    style: str | None,
) -> None:
    """Ask for a change to the passage REFERENCE of MEETING's draft minutes ("4.3",
    "5 RESOLVED (2)", "attendance 1"): replace it with TEXT, insert TEXT after it, delete
    it, or comment on it (TEXT is the comment)."""
    from clerk import review
    from clerk.record import AmendmentKind

    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
        record = store.load_record(meeting_id)
        made = review.request_amendment(
            store,
            meeting_id,
            reference,
            AmendmentKind(kind),
            text,
            author or role,
            role=role,
            style=_style(style, record),
        )
    click.echo(
        f"Request {made.id[:8]} on {made.reference} ({made.kind.value}) kept, by {made.author}."
    )


@main.command("amendments")
@_meeting_arguments
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def amendments(ctx: click.Context, meeting: str, committee: str | None, as_json: bool) -> None:
    """The amendment requests on MEETING's minutes, oldest first, with what became of each."""
    with _store(ctx) as store:
        rows = store.amendments(_resolve(store, meeting, committee))
    if as_json:
        data = [
            {
                "id": a.id,
                "reference": a.reference,
                "source": a.source,
                "kind": a.kind.value,
                "old_text": a.old_text,
                "new_text": a.new_text,
                "author": a.author,
                "date": _moment_json(a.made_at),
                "status": a.status.value,
                "reason": a.reason,
                "decided_by": a.decided_by,
                "decided_at": _moment_json(a.decided_at),
                "version": a.version,
            }
            for a in rows
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No amendment requests on these minutes.")
        return
    # One block per request, not a table: the texts are paragraphs, and a table of nine
    # columns leaves them a few letters each in an 80-column terminal.
    labels = {"replace": "new", "insert": "insert", "comment": "comment"}
    for a in rows:
        click.echo(
            f"{a.id[:8]}  {a.reference}  {a.kind.value}  {a.status.value}"
            f"  by {a.author}, {_when(a.made_at)}"
        )
        click.echo(f"    was: {_short(a.old_text, 70)}")
        if a.new_text:
            click.echo(f"    {labels.get(a.kind.value, 'new')}: {_short(a.new_text, 70)}")
        if a.decided_by:
            decided = f"    {a.status.value} by {a.decided_by}, {_when(a.decided_at)}"
            click.echo(decided + (f": {a.reason}" if a.reason else ""))


@main.command("amend")
@_meeting_arguments
@click.argument("request_id")
@click.argument("decision", type=click.Choice(("accept", "decline")))
@click.option("--reason", default="", help="Why (required to decline: the chair reads it).")
@click.option("--style", help="House style the minutes are read in (default: the committee's).")
@click.pass_context
def amend(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    request_id: str,
    decision: str,
    reason: str,
    style: str | None,
) -> None:
    """Accept (the record changes and the minutes follow) or decline (with --reason) the
    amendment request REQUEST_ID (its id, or the first few characters of it, as
    `clerk amendments MEETING` shows)."""
    from clerk import review

    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
        if decision == "decline":
            declined = review.decline(store, meeting_id, request_id, reason)
            click.echo(f"Declined {declined.id[:8]} on {declined.reference}: {declined.reason}")
            return
        record = store.load_record(meeting_id)
        outcome = review.accept(
            store, meeting_id, request_id, style=_style(style, record), note=reason
        )
    click.echo(outcome.message)


# --------------------------------------------------------------------------- status


@main.command("approve")
@_meeting_arguments
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day the chair approved them (YYYY-MM-DD). Default: today.",
)
@click.pass_context
def approve(ctx: click.Context, meeting: str, committee: str | None, on: datetime | None) -> None:
    """Record that the chair approved MEETING's minutes (refused while a request is open).
    The DRAFT mark goes, and the minutes are read-only from now on."""
    from clerk import review

    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
        done = review.approve(store, meeting_id, on=on.date() if on else None)
    click.echo(f"The minutes of {done.date} are approved by the chair ({done.approved_on}).")


@main.command("reopen")
@_meeting_arguments
@click.option("--reason", required=True, help="Why they must change; kept in the journal.")
@click.pass_context
def reopen(ctx: click.Context, meeting: str, committee: str | None, reason: str) -> None:
    """Make MEETING's approved minutes editable again (a draft once more), saying why."""
    from clerk import review

    with _store(ctx) as store:
        done = review.reopen(store, _resolve(store, meeting, committee), reason)
    click.echo(
        f"The minutes of {done.date} are reopened as a draft; send them to the chair again "
        "once changed."
    )


@main.command("confirm")
@_meeting_arguments
@click.option("--at", "at", required=True, help="The later meeting that confirmed them.")
@click.option("--minute", required=True, help="That meeting's minute, e.g. 3.1.")
@click.option("--with-amendments", is_flag=True, help="Confirmed with amendments.")
@click.pass_context
def confirm(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    at: str,
    minute: str,
    with_amendments: bool,
) -> None:
    """Record that MEETING's minutes were confirmed at a later meeting (--at, its id or
    date) as a correct record, or --with-amendments."""
    from clerk import review

    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
        later = _resolve(store, at, committee)
        done = review.confirm(store, meeting_id, later, minute, with_amendments)
    how = "with amendments" if done.confirmed_with_amendments else "as a correct record"
    click.echo(
        f"The minutes of {done.date} are confirmed {how} at the meeting on "
        f"{done.confirmed_on}, minute {done.confirmed_minute}."
    )


# --------------------------------------------------------------------------- history


@main.command("versions")
@_meeting_arguments
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def versions(ctx: click.Context, meeting: str, committee: str | None, as_json: bool) -> None:
    """The numbered versions of MEETING's minutes, frozen as they went to the chair."""
    from clerk import review
    from clerk.minutes.references import passages

    with _store(ctx) as store:
        kept = review.versions(store, _resolve(store, meeting, committee))
    if as_json:
        data = [
            {
                "number": v.number,
                "frozen_at": _moment_json(v.frozen_at),
                "by": v.by,
                "event": v.event,
                "draft": v.document.draft,
                "passages": len(passages(v.document)),
            }
            for v in kept
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not kept:
        click.echo("No versions yet: `clerk send-to-chair MEETING` freezes the first.")
        return
    for v in kept:
        click.echo(f"{v.number:>3}  {_when(v.frozen_at)}  {v.event} (by {v.by})")


@main.command("journal")
@_meeting_arguments
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--limit", "-n", type=click.IntRange(min=1), help="Only the latest N changes.")
@click.pass_context
def journal(
    ctx: click.Context, meeting: str, committee: str | None, as_json: bool, limit: int | None
) -> None:
    """Who changed what in MEETING, and when, oldest first."""
    with _store(ctx) as store:
        entries = store.journal(_resolve(store, meeting, committee), limit=limit)
    if as_json:
        data = [
            {
                "id": e.id,
                "at": e.at,
                "role": e.role,
                "table": e.table,
                "row_id": e.row_id,
                "op": e.op,
                "old": e.old,
                "new": e.new,
            }
            for e in entries
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from clerk.journal_words import describe

    for e in entries:
        line = describe(e)
        if line:
            when = _when(datetime.fromisoformat(e.at))
            click.echo(f"{when}  {e.role:<6}  {line}")
