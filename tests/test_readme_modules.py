"""The README's module table names every module of clerk, so a reader can find who owns what."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def table_rows() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line for line in readme.splitlines() if line.startswith("| `clerk")]


def named(module: Path, rows: list[str]) -> bool:
    """A module is named by its path; by its name beside a sibling's path in the same cell
    ("`clerk/tui/keymap.py`, `keys_help.py`"); or, in the row of a folder that holds it
    ("`clerk/minutes/`"), by its name or its sub-folder's name in backticks."""
    relative = module.relative_to(ROOT).as_posix()
    folder = relative.rsplit("/", 1)[0] + "/"
    for row in rows:
        cell = row.split("|")[1]
        paths = re.findall(r"`(clerk/[^`]*)`", cell)
        if relative in paths:
            return True
        if f"`{module.name}`" in cell and any(p.startswith(folder) for p in paths):
            return True
        for path in paths:
            if path.endswith("/") and relative.startswith(path):
                first = relative[len(path) :].split("/")[0].removesuffix(".py")
                if f"`{first}`" in row or f"`{first}/`" in row:
                    return True
    return False


def test_every_module_is_in_the_readme_table() -> None:
    rows = table_rows()
    modules = [
        p
        for p in sorted((ROOT / "clerk").rglob("*.py"))
        if p.name not in {"__init__.py", "__main__.py"}
    ]
    missing = [p.relative_to(ROOT).as_posix() for p in modules if not named(p, rows)]
    assert missing == []
