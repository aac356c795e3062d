"""`clerk diff`: what changed in the minutes between two versions, as text or as a Word
document whose differences are real tracked changes (what the chair opens in Word).

A version is a number `clerk versions` lists, or `current`: the minutes as the record
stands now, not yet frozen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from clerk.cli import _meeting_arguments, _resolve, _store, _write_text, main
from clerk.errors import ClerkError

if TYPE_CHECKING:
    from clerk.minutes.document import MinutesDocument
    from clerk.review import MinutesVersion
    from clerk.store import Store

CURRENT = "current"


def _version(
    store: Store, meeting_id: str, kept: list[MinutesVersion], wanted: str
) -> tuple[str, MinutesDocument]:
    """The document of version `wanted` ("2" or "current") among those `kept`, and how to
    name it."""
    from clerk import review

    if wanted.strip().casefold() == CURRENT:
        return "the minutes as they stand", review.current_minutes(store, meeting_id)
    numbers = ", ".join(str(v.number) for v in kept) or "none yet"
    try:
        number = int(wanted.strip().removeprefix("v").removeprefix("V"))
    except ValueError:
        raise ClerkError(
            f"{wanted!r} is not a version: give its number (kept: {numbers}) or 'current'."
        ) from None
    for version in kept:
        if version.number == number:
            return f"version {number}", version.document
    raise ClerkError(
        f"there is no version {number} of these minutes (kept: {numbers}); "
        "`clerk send-to-chair MEETING` freezes the next."
    )


@main.command("diff")
@_meeting_arguments
@click.argument("old")
@click.argument("new", default=CURRENT)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("txt", "docx")),
    default="txt",
    show_default=True,
    help="txt: the changes as text; docx: the NEW version with the changes tracked.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--author", default="clerk", show_default=True, help="Tracked changes' author.")
@click.pass_context
def diff(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    old: str,
    new: str,
    fmt: str,
    output: Path | None,
    author: str,
) -> None:
    """What changed in MEETING's minutes from version OLD to version NEW (a number, or
    `current` for the minutes as they stand; NEW defaults to current)."""
    from clerk.minutes.diff import diff_documents, diff_text

    with _store(ctx) as store:
        from clerk import review

        meeting_id = _resolve(store, meeting, committee)
        kept = review.versions(store, meeting_id)  # each a document read from JSON: once
        old_label, old_document = _version(store, meeting_id, kept, old)
        new_label, new_document = _version(store, meeting_id, kept, new)
    if fmt == "docx":
        from clerk.minutes.diff_docx import render_diff_docx

        target = output or Path(f"minutes-{old}-to-{new}.docx")
        try:
            count = render_diff_docx(
                old_document, new_document, target, author=author, date=datetime.now(UTC)
            )
        except OSError as exc:
            raise ClerkError(f"could not write {target}: {exc.strerror}") from None
        click.echo(f"Wrote {target}: {count} tracked changes from {old_label} to {new_label}.")
        return
    changes = diff_documents(old_document, new_document)
    text = diff_text(changes, old_label=old_label, new_label=new_label)
    if not changes:
        text = f"No differences between {old_label} and {new_label}.\n"
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        _write_text(output, text)
        click.echo(f"Wrote {output}", err=True)
