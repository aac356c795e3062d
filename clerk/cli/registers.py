"""`clerk register attendance|interests` and `clerk actions --open`: the registers a council
publishes across meetings, as text, CSV or .docx. The computing is in clerk/registers.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from clerk.cli import _committee, _store, _writing, main

if TYPE_CHECKING:
    from clerk.registers import Register

FORMATS = ("txt", "csv", "docx")

_EXEMPT_HELP = "Include exempt (Part 2) matter, marked EXEMPT: confidential, not for publication."


def _format_options(f):
    f = click.option(
        "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Output file."
    )(f)
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True
    )(f)


def write_register(register: Register, fmt: str, output: Path | None, stem: str) -> None:
    from clerk import registers

    if fmt == "csv":
        if output is None:
            registers.write_csv(register, sys.stdout)
            return
        with _writing(output) as handle:
            registers.write_csv(register, handle)
        click.echo(f"Wrote {output}", err=True)
        return
    if fmt == "docx":
        from clerk.minutes.render_docx import render_docx

        target = output or Path(f"{stem}.docx")
        render_docx(registers.register_document(register), target)
        click.echo(f"Wrote {target}", err=True)
        return
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=None if output is None else _open(output), width=160)
    table = Table(
        title=Text(register.title, style="bold"),
        title_justify="left",
        caption=Text(" ".join(register.notes)) if register.notes else None,
        caption_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
    )
    for column in register.header:
        table.add_column(column)
    for row in register.rows:
        table.add_row(*(Text(cell) for cell in row))  # names and titles are text, not markup
    if register.rows:
        console.print(table)
    else:
        console.print(Text(f"{register.title}: nothing to list."))
    if output is not None:
        console.file.close()
        click.echo(f"Wrote {output}", err=True)


def _open(path: Path):
    from clerk.errors import ClerkError

    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise ClerkError(f"could not write {path}: {exc.strerror}") from None


@main.group()
def register() -> None:
    """The registers a council publishes: attendance, interests declared."""


@register.command("attendance")
@click.argument("committee")
@click.option("--year", help="A municipal year, May to April: 2019/20.")
@_format_options
@click.pass_context
def attendance(
    ctx: click.Context, committee: str, year: str | None, fmt: str, output: Path | None
) -> None:
    """Each member of COMMITTEE: meetings expected, present, apologies, absent, substituted.

    COMMITTEE is the committee's name or a distinctive part of it.
    """
    from clerk.registers import attendance_from_rows, parse_year

    municipal_year = parse_year(year) if year else None
    with _store(ctx) as store:
        found = _committee(store, committee)
        rows = store.attendance_rows(
            found.id,
            municipal_year.first_day if municipal_year else None,
            municipal_year.last_day if municipal_year else None,
        )
    stem = "attendance" + (f"-{municipal_year.start}" if municipal_year else "")
    write_register(attendance_from_rows(found, rows, municipal_year), fmt, output, stem)


@register.command("interests")
@click.argument("person", required=False)
@click.option("--exempt", is_flag=True, help=_EXEMPT_HELP)
@_format_options
@click.pass_context
def interests(
    ctx: click.Context, person: str | None, exempt: bool, fmt: str, output: Path | None
) -> None:
    """Every declaration of interest, by member: meeting, item, kind and what they did.

    PERSON (part of a name) keeps that member's declarations.
    """
    from clerk.errors import ClerkError
    from clerk.registers import interests_from_rows

    with _store(ctx) as store:
        ids = None
        if person:
            needle = person.casefold()
            ids = [p.id for p in store.people() if needle in p.name.casefold()]
            if not ids:
                raise ClerkError(f"no one called {person!r} is in the database.")
        rows = store.declaration_rows(ids, exempt=exempt)
    write_register(
        interests_from_rows(rows, person=person or "", exempt=exempt), fmt, output, "interests"
    )


def open_actions(ctx: click.Context, exempt: bool, fmt: str, output: Path | None) -> None:
    """`clerk actions --open`: every action not completed, across committees."""
    from clerk.registers import open_actions_from_rows

    with _store(ctx) as store:
        rows = store.open_action_rows(exempt=exempt)
    write_register(open_actions_from_rows(rows, exempt=exempt), fmt, output, "open-actions")
