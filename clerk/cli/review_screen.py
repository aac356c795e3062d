"""`clerk review MEETING` (the chair's review screen) and `clerk serve MEETING` (the same
screen in a browser, through textual-serve)."""

from __future__ import annotations

from pathlib import Path

import click

from clerk.cli import _db_path, _meeting_arguments, _resolve, _store, main
from clerk.cli.review import _short, _when
from clerk.errors import ClerkError

ROLE_CHOICES = {"chair": "chair", "clerk": "clerk for the chair"}
_AS_HELP = (
    "Who is acting, as the journal records it: the chair, or the clerk for the chair "
    "(the default; F9 on the screen changes it)."
)


@main.command("review")
@_meeting_arguments
@click.option(
    "--as",
    "acting",
    type=click.Choice(sorted(ROLE_CHOICES)),
    default="clerk",
    show_default=True,
    help=_AS_HELP,
)
@click.option(
    "--from",
    "chair_copy",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The chair's Word copy, back with Track Changes and comments: each becomes an "
    "amendment request on its passage, and what was read is printed (no screen opens).",
)
@click.pass_context
def review_screen(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    acting: str,
    chair_copy: Path | None,
) -> None:
    """Open the minutes of MEETING on the review screen: the minutes exactly as exported,
    each passage with its reference; ask for changes, accept or decline them, approve.
    With --from, read the chair's Word copy into amendment requests instead.

    MEETING is the id shown by `clerk meetings` (or its first few characters)
    or the meeting's date as YYYY-MM-DD.
    """
    if chair_copy is not None:
        _read_chair_copy(ctx, meeting, committee, chair_copy)
        return
    from clerk.tui.app import run_app

    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
    run_app(_db_path(ctx), meeting_id, review_as=ROLE_CHOICES[acting])


def _read_chair_copy(ctx: click.Context, meeting: str, committee: str | None, path: Path) -> None:
    from clerk.chair_copy import read_chair_copy

    with _store(ctx, role="chair") as store:
        reading = read_chair_copy(store, _resolve(store, meeting, committee), path)
    against = f"version {reading.version}" if reading.version else "the minutes as they stand"
    click.echo(
        f"Read {path.name} against {against}: {len(reading.taken)} amendment request(s) made"
        + (f", {reading.repeated} already asked for" if reading.repeated else "")
        + (f", {len(reading.not_taken)} not taken" if reading.not_taken else "")
        + "."
    )
    for amendment in reading.taken:
        when = f", {_when(amendment.made_at)}" if amendment.made_at else ""
        click.echo(
            f"  {amendment.id[:8]}  {amendment.reference:<16} {amendment.kind.value:<8} "
            f"{amendment.author}{when}: {_short(amendment.new_text or amendment.old_text)}"
        )
    for missed in reading.not_taken:
        click.echo(f"  not taken: {missed.reference} {missed.kind}: {missed.why}")
    if reading.taken:
        click.echo("Decide them with `clerk amend MEETING ID accept|decline` or on `clerk review`.")


@main.command("serve")
@_meeting_arguments
@click.option(
    "--host",
    default=None,
    help="Address to listen on. Default 127.0.0.1 (this machine only); any other needs --token.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    default=None,
    help="A secret the address must carry (?token=…); `auto` makes one. Needed "
    "with --host. It keeps out who does not know it; it is not encryption.",
)
@click.option(
    "--public-url",
    default=None,
    help="The address browsers use, if not http://HOST:PORT (behind a proxy).",
)
@click.option(
    "--as",
    "acting",
    type=click.Choice(sorted(ROLE_CHOICES)),
    default="chair",
    show_default=True,
    help="Who is acting, as the journal records it.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    host: str | None,
    port: int,
    token: str | None,
    public_url: str | None,
    acting: str,
) -> None:
    """Serve the review screen of MEETING to a browser (textual-serve).

    Bound to 127.0.0.1 unless --host is given, and then only with --token: textual-serve
    itself checks no one, so without a token anyone who could reach the port could read and
    change the minutes. The token is sent in plain HTTP: off this machine, put a TLS proxy
    (or an SSH tunnel) in front.
    """
    from clerk.tui.serve import LOCAL, check_host, make_server, new_token, review_command

    host = host or LOCAL
    if token == "auto":
        token = new_token()
    check_host(host, token)
    with _store(ctx) as store:
        meeting_id = _resolve(store, meeting, committee)
        record = store.load_record(meeting_id)
    command = review_command(_db_path(ctx).resolve(), meeting_id, acting)
    title = f"clerk — {record.committee.name}, {record.meeting.date.isoformat()}"
    server = make_server(command, host, port, token, title, public_url)
    address = f"{server.public_url}/" + (f"?token={token}" if token else "")
    click.echo(f"Open {address} (Ctrl+C stops)", err=True)
    try:
        server.serve()
    except OSError as exc:
        raise ClerkError(f"Cannot serve on {host}:{port}: {exc.strerror or exc}") from None
