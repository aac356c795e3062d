"""The `clerk` command: the TUI by default, and headless subcommands for everything else.

Imports are deferred into each command so that `clerk meetings` never pays for Textual or
python-docx, and the live screen never pays for the Word export.

This module holds the group, its shared helpers (`_store`, `_resolve`, `_emit` …) and the
commands of recording and exporting a meeting; other families of commands live in a module
of their own in this package and are registered by importing it at the bottom.

Why one module (about 700 lines): the group, the helpers every family of commands imports
(`_store`, `_resolve`, `_emit`) and the recording and export commands those helpers were
written for; each later family of commands has its own module.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from clerk import __version__, dates, importing
from clerk.cli.committee_change import (
    committee_change_option,
    person_change_option,
    save_import,
)
from clerk.errors import ClerkError, bounded, quoted

if TYPE_CHECKING:
    from clerk.record import MeetingRecord
    from clerk.store import Store

F = TypeVar("F", bound=Callable[..., Any])


class ClerkGroup(click.Group):
    """Turns a ClerkError anywhere below into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClerkError as exc:
            raise click.ClickException(bounded(str(exc))) from None


@click.group(cls=ClerkGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CLERK_DB",
    show_envvar=True,
    help="The clerk database. Default: clerk.db in your user data folder.",
)
@click.version_option(__version__, prog_name="clerk")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Record a council committee meeting live, and write its minutes in the house style.

    With no command, opens the meeting picker.
    """
    ctx.obj = db_path
    if ctx.invoked_subcommand is None:
        _say_if_new(_db_path(ctx))  # the picker makes it, and offers the samples
        _run_tui(_db_path(ctx), None)


def _db_path(ctx: click.Context) -> Path:
    path = ctx.find_root().obj
    if path is not None:
        return path
    from clerk.store import default_db_path

    return default_db_path()


@contextmanager
def _store(ctx: click.Context, role: str = "clerk", *, create: bool = True) -> Iterator[Store]:
    """The database, opened by `role`. Commands that only read say `create=False`: a mistyped
    path is then an error, not a new empty database ("no meetings yet" looks like lost data).
    A database that is created is said out loud, with its folder when that is new too."""
    from clerk.store import Store

    path = _db_path(ctx)
    if create:
        _say_if_new(path)
    store = Store(path, role=role, create=create)
    try:
        yield store
    finally:
        store.close()


def _say_if_new(path: Path) -> None:
    if path.exists():
        return
    folder = next((p for p in reversed(path.parents) if not p.exists()), None)
    new_folder = f" (and the folder {folder}, which did not exist)" if folder else ""
    click.echo(f"Creating a new clerk database at {path}{new_folder}.", err=True)


def _meeting_arguments(f: F) -> F:
    f = click.option(
        "--committee",
        "-c",
        help="Part of the committee's name, when two meetings share a date.",
    )(f)
    return click.argument("meeting")(f)


def _run_tui(db_path: Path, meeting_id: str | None) -> None:
    from clerk.tui.app import run_app

    run_app(db_path, meeting_id)


# --------------------------------------------------------------------------- meetings


@main.command("open")
@_meeting_arguments
@click.pass_context
def open_meeting(ctx: click.Context, meeting: str, committee: str | None) -> None:
    """Open MEETING on the live meeting screen.

    MEETING is the id shown by `clerk meetings` (or its first few characters)
    or the meeting's date as YYYY-MM-DD.
    """
    with _store(ctx, create=False) as store:
        meeting_id = _resolve(store, meeting, committee)
    _run_tui(_db_path(ctx), meeting_id)


@main.command()
@click.option("--limit", "-n", type=click.IntRange(min=1), help="Show at most this many.")
@click.option("--committee", "-c", help="Only meetings of committees whose name contains this.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def meetings(ctx: click.Context, limit: int | None, committee: str | None, as_json: bool) -> None:
    """List the meetings in the database, newest first."""
    with _store(ctx, create=False) as store:
        rows = store.list_meetings(limit=limit, committee=committee)
    if as_json:
        data = [
            {
                "id": m.id,
                "committee": m.committee,
                "date": m.date.isoformat(),
                "start_time": m.start_time.isoformat(timespec="minutes") if m.start_time else None,
                "venue": m.venue,
                "status": m.status.value,
                "items": m.items,
                "present": m.present,
            }
            for m in rows
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print("No meetings yet. Import an agenda with [bold]clerk import AGENDA_FILE[/].")
        return
    table = Table(header_style="bold", box=box.SIMPLE_HEAD)
    # The committee's name goes last, where it can wrap without squeezing the rest.
    for column in ("ID", "Date", "Time", "Status", "Items", "Present", "Committee"):
        table.add_column(
            column,
            justify="right" if column in ("Items", "Present") else "left",
            no_wrap=column != "Committee",
        )
    for m in rows:
        table.add_row(
            m.id[:8],
            dates.short_date(m.date),
            dates.clock_time(m.start_time, dates.CLOCK_24H) if m.start_time else "",
            m.status.label,
            str(m.items),
            str(m.present),
            # Text, not str: Rich reads a str cell as markup ("Audit [/] Panel" would crash)
            Text(m.committee),
        )
    console.print(table)


# --------------------------------------------------------------------------- import / export


IMPORT_HELP = f"""Import AGENDA_FILE as a new meeting: {importing.ACCEPTED_TEXT}.

An agenda pack is the text or markdown (or HTML) converted from the published PDF. Nothing is
written if anything in the file is wrong: the error names the line. When the committee already
has a meeting on that date, say --merge (a follow-on agenda) or --new. When the file gives
the stored committee other attributes its minutes depend on (a board reconstituted as a joint
board), say --committee-change merge, new or keep; the minutes of the meetings stored never
change.
"""


@main.command("import", help=IMPORT_HELP)
@click.argument("agenda_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option(
    "--merge",
    is_flag=True,
    help="The committee already has a meeting that day: add this agenda's items to it "
    "(a follow-on agenda), filling in only what it left blank.",
)
@click.option("--new", is_flag=True, help="Import as another meeting even if one is that day.")
@committee_change_option
@person_change_option
@click.pass_context
def import_agenda(
    ctx: click.Context,
    agenda_file: Path,
    dry_run: bool,
    merge: bool,
    new: bool,
    committee_change: str | None,
    person_change: str,
) -> None:
    if merge and new:
        raise click.UsageError("--merge and --new cannot be given together.")
    incoming = importing.read(agenda_file)
    _describe(incoming.record, incoming.guesses)
    if dry_run and not _db_path(ctx).exists():  # a dry run must not create the database
        click.echo("Dry run: nothing written.")
        return
    same_day = importing.SameDay.REFUSE
    if merge:
        same_day = importing.SameDay.MERGE
    elif new:
        same_day = importing.SameDay.NEW
    with _store(ctx, role="import") as store:
        done = save_import(
            store,
            incoming,
            committee_change,
            same_day=same_day,
            dry_run=dry_run,
            person_change=person_change,
            on_same_day="Add --merge to add this agenda's items to it (a follow-on agenda), "
            "or --new to import it as a separate meeting.",
        )
    if done.merge is None:  # a new meeting
        if dry_run:
            click.echo("Dry run: nothing written.")
        else:
            click.echo(f"Imported as meeting {done.meeting_id[:8]} into {_db_path(ctx)}")
        return
    for line in done.merge.summary():
        click.echo(line)
    if done.written:
        click.echo(f"Merged into meeting {done.meeting_id[:8]} in {_db_path(ctx)}")
    else:
        click.echo("Nothing written." if dry_run else "Nothing new: nothing written.")


def _describe(record: MeetingRecord, guesses: tuple[str, ...]) -> None:
    """What was read, for the clerk to check. Everything from the file is printed as Text:
    Rich reads a str as markup, and a title such as "Audit [/] Panel" is not markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from clerk.record import MemberRole

    console = Console()
    m = record.meeting
    when = dates.long_date(m.date)
    if m.start_time:
        when += f", {dates.clock_time(m.start_time, dates.CLOCK_24H)}"
    console.print(Text.assemble((record.committee.name, "bold"), f"\n{when}\n{m.venue}"))
    members = []
    for ms in record.memberships:
        name = record.person(ms.person_id).name
        if ms.role in (MemberRole.CHAIR, MemberRole.CO_CHAIR):
            name += f" ({record.committee.chair_title})"
        members.append(name)
    console.print(Text(f"Members ({len(members)}): " + ", ".join(members)))
    if m.officer_id:
        console.print(Text(f"Committee officer: {record.person(m.officer_id).name}"))
    table = Table(header_style="bold")
    for column in ("No.", "Title", "Pages", "Part"):
        table.add_column(column)
    for item in record.agenda():
        table.add_row(Text(item.number), Text(item.title), item.pages, item.part.value)
        for sub in item.sub_items:  # under their item, as the agenda sets them
            pages = "" if sub.page_from is None else str(sub.page_from)
            if sub.page_to not in (None, sub.page_from):
                pages += f" - {sub.page_to}"
            table.add_row("", Text(f"  {sub.label} {sub.title}"), pages, "")
    console.print(table)
    for guess in guesses:
        console.print(Text.assemble(("Guessed:", "yellow"), " ", guess))


@main.command("export-record")
@_meeting_arguments
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--public",
    is_flag=True,
    help="Leave out the exempt (Part 2) information: what the council may hand on.",
)
@click.pass_context
def export_record(
    ctx: click.Context, meeting: str, committee: str | None, output: Path | None, public: bool
) -> None:
    """Write MEETING as a versioned JSON meeting record (everything the database holds).

    MEETING is the id shown by `clerk meetings` (or its first few characters)
    or the meeting's date as YYYY-MM-DD. Exempt (Part 2) parts are listed under "exempt"
    in the file, and said; --public leaves them out.
    """
    from clerk.importers import record_json

    with _store(ctx, create=False) as store:
        record = store.load_record(_resolve(store, meeting, committee))
    if public:
        record = record_json.public_record(record)
    exempt = [item.number for item in record.items if item.is_exempt]
    if exempt and not public:
        click.echo(
            f"Warning: this record includes the exempt (Part 2) information of item"
            f'{"s" if len(exempt) > 1 else ""} {", ".join(exempt)}, marked under "exempt" in '
            "the file. It is not for publication: --public leaves it out.",
            err=True,
        )
    text = record_json.dumps(record, public=public)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_text(output, text)
        click.echo(f"Wrote {output}", err=True)


@main.command("import-record")
@click.argument("record_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--replace", is_flag=True, help="Replace the meeting if it is already in the database."
)
@committee_change_option
@person_change_option
@click.pass_context
def import_record(
    ctx: click.Context,
    record_file: Path,
    replace: bool,
    committee_change: str | None,
    person_change: str,
) -> None:
    """Read a JSON meeting record (from `clerk export-record`) into the database."""
    # a record restored under its own id, whatever the file is called and whatever else the
    # committee has that day: `clerk import` is the command that asks about those
    incoming = importing.read(record_file, importing.MEETING_RECORD)
    with _store(ctx, role="import") as store:
        done = save_import(
            store,
            incoming,
            committee_change,
            same_day=importing.SameDay.NEW,
            replace=replace,
            person_change=person_change,
        )
    when = done.record.meeting.date
    click.echo(f"Imported meeting {done.meeting_id[:8]} ({when}) into {_db_path(ctx)}")


@main.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Open clerk on the sample meeting, in a scratch database that is thrown away after.

    On quitting (Ctrl+Q) clerk offers to keep a copy in your user data folder.
    """
    from clerk.demo import DB_NAME, DemoInfo, scratch_folder
    from clerk.samples import DEMO_MEETING, load_samples
    from clerk.store import Store

    with scratch_folder() as folder:
        info = DemoInfo(folder / DB_NAME)
        store = Store(info.db_path, role="import")
        try:
            loaded = load_samples(store)
        finally:
            store.close()
        click.echo(
            f"The demo records into a scratch database, {info.db_path}, which is thrown "
            "away when you quit (quitting offers to keep a copy)."
        )
        from clerk.tui.app import run_app

        run_app(info.db_path, loaded[DEMO_MEETING], demo=info)
    if info.kept is not None:
        click.echo(f"Kept the demo's database as {info.kept}")
        click.echo(f"Open it with: clerk --db {_shell_quoted(info.kept)}")
    else:
        click.echo("The demo's scratch database has been thrown away.")


def _shell_quoted(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))


@main.command()
@click.option("--markdown", is_flag=True, help="As the markdown table in the README.")
@click.option("--defaults", is_flag=True, help="The keys as clerk ships them, without keys.toml.")
def keys(markdown: bool, defaults: bool) -> None:
    """The live meeting screen's keys, with your keys.toml applied."""
    from clerk.tui.keymap import config_path, load_keymap
    from clerk.tui.keys_help import keys_markdown, keys_table, normalised_keymap

    keymap: dict[str, str] = {}
    if not defaults:
        loaded, warning = load_keymap()
        if warning:
            click.echo(warning, err=True)
        keymap = normalised_keymap(loaded)
    if markdown:
        click.echo(keys_markdown(keymap), nl=False)
        return
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    live, rollcall = keys_table(keymap)
    roll_call_key = next((r.keys for r in live if r.binding_id == "roll_call"), "")
    for title, rows in (
        ("The live meeting screen", live),
        (f"The roll call ({roll_call_key})", rollcall),
    ):
        table = Table(
            title=Text(title, style="table.title"),
            title_justify="left",
            header_style="bold",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("key", no_wrap=True)
        table.add_column("does")
        table.add_column("id", style="dim", no_wrap=True)
        for row in rows:
            does = f"{row.where}: {row.does}" if row.where else row.does
            # Text: the keys come from the user's keys.toml, and "[" is a key, not markup
            table.add_row(Text(row.keys), Text(does), Text(row.binding_id or ""))
        console.print(table)
    console.print(Text(f'Remap a key by its id in {config_path()}, e.g. new_paragraph = "f2"'))


@main.command("load-samples")
@click.pass_context
def load_samples_command(ctx: click.Context) -> None:
    """Load the sample meetings clerk ships with into the database."""
    from clerk.samples import load_samples

    with _store(ctx, role="import") as store:
        loaded = load_samples(store)
    for name, meeting_id in loaded.items():
        click.echo(f"{meeting_id[:8]}  {name}")


# --------------------------------------------------------------------------- minutes


FORMATS = ("txt", "md", "html", "docx")


@main.command()
@_meeting_arguments
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Output file."
)
@click.option("--style", help="House style: a built-in name (westminster) or a style TOML file.")
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A council's Word template (.docx) whose styles the export uses.",
)
@click.option(
    "--exempt", is_flag=True, help="The confidential minutes of the exempt (Part 2) items."
)
@click.pass_context
def minutes(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    fmt: str,
    output: Path | None,
    style: str | None,
    template: Path | None,
    exempt: bool,
) -> None:
    """Write the draft minutes of MEETING in the house format.

    MEETING is the id shown by `clerk meetings` (or its first few characters)
    or the meeting's date as YYYY-MM-DD.
    """
    from clerk.minutes.compose import compose_minutes

    record = _load(ctx, meeting, committee)
    draft = not record.meeting.status.minutes_approved  # DRAFT until the chair approves
    document = compose_minutes(record, _style(style, record), exempt=exempt, draft=draft)
    _emit(document, fmt, output, template, f"minutes-{record.meeting.date}")


@main.command()
@_meeting_arguments
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Output file."
)
@click.option("--style", help="House style: a built-in name (westminster) or a style TOML file.")
@click.pass_context
def decisions(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    fmt: str,
    output: Path | None,
    style: str | None,
) -> None:
    """Write the one-page decision note of MEETING (no exempt matters).

    MEETING is the id shown by `clerk meetings` (or its first few characters)
    or the meeting's date as YYYY-MM-DD.
    """
    from clerk.minutes.decisions import compose_decision_note

    record = _load(ctx, meeting, committee)
    document = compose_decision_note(record, _style(style, record))
    _emit(document, fmt, output, None, f"decisions-{record.meeting.date}")


@main.command()
@click.argument("committee", required=False)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(("csv", "docx", "txt")),
    help="csv (the default) or docx; --open also txt (its default).",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Output file."
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A council's Word template (.docx) whose styles the export uses.",
)
@click.option("--open", "only_open", is_flag=True, help="Actions not completed, all committees.")
@click.option("--exempt", is_flag=True, help="With --open: include exempt (Part 2) items' actions.")
@click.pass_context
def actions(
    ctx: click.Context,
    committee: str | None,
    fmt: str | None,
    output: Path | None,
    template: Path | None,
    only_open: bool,
    exempt: bool,
) -> None:
    """Write COMMITTEE's cumulative action tracker (newest meeting first), or with --open
    every action not yet completed, across committees.

    COMMITTEE is the committee's name or a distinctive part of it.
    """
    if only_open:
        from clerk.cli.registers import open_actions

        if committee is not None:
            raise click.UsageError("--open lists every committee's actions: give no COMMITTEE.")
        open_actions(ctx, exempt, fmt or "txt", output)
        return
    if committee is None:
        raise click.UsageError("Give a COMMITTEE, or --open for open actions across committees.")
    if exempt:
        raise click.UsageError("--exempt goes with --open.")
    fmt = fmt or "csv"
    if fmt == "txt":
        raise click.UsageError("The tracker is written as csv or docx.")
    from clerk.minutes import tracker

    with _store(ctx, create=False) as store:
        found = _committee(store, committee)
        entries = store.committee_actions(found.id)
        # All the committee's meetings, not only those with actions, so the tracker can
        # number each meeting's round within its municipal year.
        meetings = store.committee_meetings(found.id)
    if fmt == "csv":
        target = output or Path("-")
        if str(target) == "-":
            tracker.write_tracker_csv(entries, sys.stdout, meetings=meetings)
        else:
            with _writing(target) as handle:
                tracker.write_tracker_csv(entries, handle, meetings=meetings)
            click.echo(f"Wrote {target}", err=True)
        return
    target = output or Path("action-tracker.docx")
    tracker.write_tracker_docx(
        entries, target, template=template, committee_name=found.name, meetings=meetings
    )
    click.echo(f"Wrote {target}", err=True)


def _committee(store: Store, text: str) -> Any:
    exact = store.find_committee(text)
    if exact is not None:
        return exact
    matches = [c for c in store.committees() if text.casefold() in c.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(sorted(c.name for c in store.committees())) or "none yet"
    if not matches:
        raise ClerkError(f"no committee called {quoted(text)} (committees: {names})")
    raise ClerkError(
        f"{quoted(text)} matches {len(matches)} committees: "
        + "; ".join(c.name for c in matches)
        + ". Give more of the name."
    )


def _load(ctx: click.Context, meeting: str, committee: str | None) -> MeetingRecord:
    with _store(ctx, create=False) as store:
        return store.load_record(_resolve(store, meeting, committee))


def _resolve(store: Store, meeting: str, committee: str | None) -> str:
    """The meeting's id; when there is none because the database is empty, say how to fill it
    (`clerk open 2019-11-25` before `clerk load-samples` is the usual first try)."""
    from clerk.store import UnknownMeeting

    try:
        return store.resolve_meeting(meeting, committee)
    except UnknownMeeting as exc:
        if store.list_meetings(limit=1):
            raise
        raise UnknownMeeting(
            f"{exc} {store.path} has no meetings yet: `clerk load-samples` loads the sample "
            "meetings, `clerk import AGENDA_FILE` imports an agenda."
        ) from None


def _style(style: str | None, record: MeetingRecord) -> Any:
    from clerk.minutes.style import load_style

    return load_style(style or record.committee.style)


def _emit(document: Any, fmt: str, output: Path | None, template: Path | None, stem: str) -> None:
    if fmt == "docx":
        from clerk.minutes.render_docx import render_docx

        target = output or Path(f"{stem}.docx")
        render_docx(document, target, template=template)
        click.echo(f"Wrote {target}", err=True)
        return
    from clerk.minutes import render_text

    renderer = {
        "txt": render_text.render_text,
        "md": render_text.render_markdown,
        "html": render_text.render_html,
    }[fmt]
    text = renderer(document)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        _write_text(output, text)
        click.echo(f"Wrote {output}", err=True)


@contextmanager
def _writing(path: Path) -> Iterator[Any]:
    try:
        from clerk.private_files import open_private  # exports are their owner's: 0600

        with open_private(path, "w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as exc:
        raise ClerkError(f"could not write {path}: {exc.strerror}") from None


def _write_text(path: Path, text: str) -> None:
    with _writing(path) as handle:
        handle.write(text)


# Families of commands, each in a module of its own, registered by being imported.
from clerk.cli import backup as _backup  # noqa: E402, F401
from clerk.cli import history as _history  # noqa: E402, F401
from clerk.cli import publish as _publish  # noqa: E402, F401
from clerk.cli import registers as _registers  # noqa: E402, F401
from clerk.cli import review as _review  # noqa: E402, F401
from clerk.cli import review_screen as _review_screen  # noqa: E402, F401
from clerk.cli import search as _search  # noqa: E402, F401
from clerk.cli import style as _style_commands  # noqa: E402, F401
from clerk.cli import versions_diff as _versions_diff  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main()
