"""`clerk style`: check a house style file, print a built-in style to start from.

A family of commands of its own (registered by the import at the bottom of clerk/cli/__init__.py).
"""

from __future__ import annotations

from pathlib import Path

import click

from clerk.cli import main
from clerk.errors import ClerkError


@main.group("style")
def style_group() -> None:
    """House styles: check a style file, show a built-in one to start from.

    A style file is TOML naming only the settings it changes (docs/house-style.md lists
    them all, each with an example of what it writes).
    """


@style_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def check(file: Path) -> None:
    """Read a style FILE: its fault with file and line, or that it is sound."""
    from clerk.minutes.style import load_style

    style = load_style(file)  # an InputError names the file and the line
    click.echo(f"{file}: a sound house style, named {style.name!r}")


@style_group.command("show")
@click.argument("name")
def show(name: str) -> None:
    """Print the built-in style NAME (westminster, board) as a style file to start from."""
    from clerk.minutes.style import STYLES_DIR, builtin_styles

    if name not in builtin_styles():
        known = ", ".join(builtin_styles())
        raise ClerkError(f"no built-in house style named {name!r} (built-in styles: {known})")
    click.echo((STYLES_DIR / f"{name}.toml").read_text(encoding="utf-8"), nl=False)
