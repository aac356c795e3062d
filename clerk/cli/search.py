"""`clerk search`: every meeting's minutes, searched, each hit with its date, committee, item,
the reference the minutes give it and the words matched."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from clerk.cli import _store, main
from clerk.errors import ClerkError


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ClerkError(f"--since {text!r} is not a date: give it as YYYY-MM-DD.") from None


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--committee", "-c", help="Only meetings of committees whose name contains this.")
@click.option("--since", help="Only meetings on or after this date (YYYY-MM-DD).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option(
    "--exempt",
    is_flag=True,
    help="Include exempt (Part 2) matter, marked EXEMPT: confidential, not for publication.",
)
@click.pass_context
def search(
    ctx: click.Context,
    query: tuple[str, ...],
    committee: str | None,
    since: str | None,
    limit: int,
    as_json: bool,
    exempt: bool,
) -> None:
    """Search every meeting's paragraphs, resolutions, actions, declarations and item titles.

    Every word must appear, in any form ("streets" finds "street"; accents are ignored).
    "a phrase" in quotes must appear as written, word* matches words starting so, and
    -word leaves out what has that word (put -- before a query starting with -). Best
    matches first.
    """
    from clerk.searching import search as find

    text = " ".join(query)
    with _store(ctx) as store:
        if committee is not None and not any(
            committee.casefold() in c.name.casefold() for c in store.committees()
        ):
            names = "; ".join(c.name for c in store.committees()) or "none yet"
            raise ClerkError(f"No committee's name contains {committee!r}. Committees: {names}.")
        hits = find(store, text, committee=committee, since=_day(since), exempt=exempt, limit=limit)
    if as_json:
        click.echo(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2))
        return
    # Plain text, the matches in reverse video on a terminal: Rich would double the
    # command's start-up, and there is nothing here for it to lay out.
    styled = sys.stdout.isatty()

    def mark(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if styled else text

    if not hits:
        click.echo(f"Nothing found for {text}.")
        return
    for hit in hits:
        row = hit.row
        where = f"item {row.item_number} {row.item_title}" if row.item_number else row.item_title
        line = f"{mark(row.date.isoformat(), '1')}  {row.committee}  {where}  {hit.reference}"
        if row.exempt:
            line += "  " + mark("EXEMPT – not for publication", "1;31")
        snippet = "".join(  # a paragraph's bullets are on lines of their own
            mark(part, "1;7") if matched else part.replace("\n", " ") for part, matched in hit.parts
        )
        click.echo(f"{line}\n    {snippet}")
